// The backup IPC module as tests see it after `vi.mock('…/lib/ipc/backup')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../backup.ts.
import { vi } from 'vitest';
import type * as real from '../backup';

export const backupNow = vi.fn<typeof real.backupNow>();
export const cancelBackup = vi.fn<typeof real.cancelBackup>();
export const pickBackup = vi.fn<typeof real.pickBackup>();
export const automaticBackups = vi.fn<typeof real.automaticBackups>();
export const inspectBackup = vi.fn<typeof real.inspectBackup>();
export const restoreBackup = vi.fn<typeof real.restoreBackup>();
export const deleteOlderBackups = vi.fn<typeof real.deleteOlderBackups>();
