// The IPC module as tests see it after `vi.mock('…/lib/ipc/vault')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../vault.ts.
import { vi } from 'vitest';

export const vaultStatus = vi.fn();
export const createJournal = vi.fn();
export const unlock = vi.fn();
export const unlockWithRecoveryKey = vi.fn();
export const lock = vi.fn();
export const changePassphrase = vi.fn();
export const rekeyJournal = vi.fn();
