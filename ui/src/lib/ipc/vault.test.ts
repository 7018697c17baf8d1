import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as vault from './vault';
import { IpcError } from './IpcError';

describe('ipc/vault', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    await vault.vaultStatus();
    await vault.createJournal('pass phrase');
    await vault.unlock('pass phrase');
    await vault.unlockWithRecoveryKey('K7QF-9M2D', 'new phrase');
    await vault.lock();
    await vault.changePassphrase('old phrase', 'new phrase');
    expect(tauriInvoke.mock.calls).toEqual([
      ['vault_status'],
      ['create_journal', { passphrase: 'pass phrase' }],
      ['unlock', { passphrase: 'pass phrase' }],
      ['unlock_with_recovery_key', { recoveryKey: 'K7QF-9M2D', newPassphrase: 'new phrase' }],
      ['lock'],
      ['change_passphrase', { current: 'old phrase', newPassphrase: 'new phrase' }],
    ]);
  });

  it('returns what the backend returns', async () => {
    tauriInvoke.mockResolvedValue({ recoveryKey: 'AAAA-BBBB' });
    await expect(vault.createJournal('pass phrase')).resolves.toEqual({ recoveryKey: 'AAAA-BBBB' });
  });

  it('turns an AppError rejection into an IpcError with the same code and message', async () => {
    tauriInvoke.mockRejectedValue({ code: 'wrong_passphrase', message: 'nope' });
    const error = await vault.unlock('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'wrong_passphrase', message: 'nope' });
  });

  it('turns an unknown rejection into an internal IpcError', async () => {
    tauriInvoke.mockRejectedValue('command unlock not found');
    await expect(vault.unlock('x')).rejects.toMatchObject({ code: 'internal' });
    tauriInvoke.mockRejectedValue({ code: 'made_up', message: 'x' });
    await expect(vault.lock()).rejects.toMatchObject({ code: 'internal' });
    tauriInvoke.mockRejectedValue(null);
    await expect(vault.lock()).rejects.toBeInstanceOf(IpcError);
  });
});
