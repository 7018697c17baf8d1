// The sync IPC module as tests see it after `vi.mock('…/lib/ipc/sync')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../sync.ts.
import { vi } from 'vitest';
import type * as real from '../sync';

export const syncStatus = vi.fn<typeof real.syncStatus>();
export const pickSyncFolder = vi.fn<typeof real.pickSyncFolder>();
export const chooseSyncFolder = vi.fn<typeof real.chooseSyncFolder>();
export const syncNow = vi.fn<typeof real.syncNow>();
export const stopSyncing = vi.fn<typeof real.stopSyncing>();
export const joinFromFolder = vi.fn<typeof real.joinFromFolder>();
export const rejoinSyncFolder = vi.fn<typeof real.rejoinSyncFolder>();
export const watchSync = vi.fn<typeof real.watchSync>();
