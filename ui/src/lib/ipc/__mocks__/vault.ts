// The vault IPC module as tests see it after `vi.mock('…/lib/ipc/vault')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../vault.ts.
import { vi } from 'vitest';
import type * as real from '../vault';

export const vaultStatus = vi.fn<typeof real.vaultStatus>();
export const boot = vi.fn<typeof real.boot>();
export const createJournal = vi.fn<typeof real.createJournal>();
export const unlock = vi.fn<typeof real.unlock>();
export const unlockWithRecoveryKey = vi.fn<typeof real.unlockWithRecoveryKey>();
export const lock = vi.fn<typeof real.lock>();
export const changePassphrase = vi.fn<typeof real.changePassphrase>();
export const rekeyJournal = vi.fn<typeof real.rekeyJournal>();
