import { describe, expect, it, vi } from 'vitest';

vi.mock('./ipc/system');
vi.mock('./ipc/vault');

import * as system from './ipc/system';
import * as vault from './ipc/vault';
import type { JournalState, LockSignal } from './bindings';
import { onLockSignal, openNoticingLocks, watchSystemLockSignals } from './lockSignals';

async function watch(): Promise<(signal: LockSignal) => void> {
  await watchSystemLockSignals();
  expect(system.watchLockSignals).toHaveBeenCalledTimes(1);
  return vi.mocked(system.watchLockSignals).mock.calls[0]![0];
}

describe('lockSignals', () => {
  it('passes each signal to whoever listens, and no longer once they stop', async () => {
    const send = await watch();
    const listener = vi.fn();
    const stop = onLockSignal(listener);
    send('suspend');
    send('screenLocked');
    expect(listener.mock.calls).toEqual([['suspend'], ['screenLocked']]);
    stop();
    send('suspend');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('does nothing when nobody listens (the journal is locked)', async () => {
    const send = await watch();
    expect(() => send('suspend')).not.toThrow();
  });

  it('hands a refusal back to the caller, which ignores it (the sleep check still locks)', async () => {
    vi.mocked(system.watchLockSignals).mockRejectedValue(new Error('not supported'));
    await expect(watchSystemLockSignals()).rejects.toThrow('not supported');
  });

  describe('openNoticingLocks', () => {
    /** Opens, with `signal` sent while the opening call runs and the status then `state`. */
    async function openWith(signal: LockSignal, state: JournalState) {
      const send = await watch();
      vi.mocked(vault.vaultStatus).mockResolvedValue({ state, dataDir: '/d', journalFile: '/d/j' });
      vi.mocked(vault.lock).mockResolvedValue(undefined);
      return openNoticingLocks(async () => {
        send(signal);
        return 'opened';
      });
    }

    it("opens when the shell's lock was an earlier one and the journal is open after all", async () => {
      const result = await openWith('locked', 'unlocked');
      expect(result).toEqual({ value: 'opened', lockedMeanwhile: false });
      expect(vault.vaultStatus).toHaveBeenCalledTimes(1);
      expect(vault.lock).not.toHaveBeenCalled();
    });

    it('stays locked when the shell locked it while it opened', async () => {
      const result = await openWith('locked', 'locked');
      expect(result.lockedMeanwhile).toBe(true);
      expect(vault.lock).toHaveBeenCalledTimes(1);
    });

    it.each(['suspend', 'screenLocked'] as const)(
      'locks it again when the system asks for a lock (%s), whatever the status says',
      async (signal) => {
        const result = await openWith(signal, 'unlocked');
        expect(result.lockedMeanwhile).toBe(true);
        expect(vault.lock).toHaveBeenCalledTimes(1);
      },
    );

    it('opens without asking anything when nothing was signalled', async () => {
      await watch();
      const result = await openNoticingLocks(async () => 7);
      expect(result).toEqual({ value: 7, lockedMeanwhile: false });
      expect(vault.vaultStatus).not.toHaveBeenCalled();
      expect(vault.lock).not.toHaveBeenCalled();
    });
  });
});
