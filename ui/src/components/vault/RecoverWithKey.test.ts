import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/system');

import * as vault from '../../lib/ipc/vault';
import * as system from '../../lib/ipc/system';
import { watchSystemLockSignals } from '../../lib/lockSignals';
import { IpcError } from '../../lib/ipc/IpcError';
import { deferred } from '../../testing/deferred';
import RecoverWithKey from './RecoverWithKey.svelte';

const KEY = 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

function setup() {
  const onRecovered = vi.fn();
  const onBack = vi.fn();
  const user = userEvent.setup();
  const onLockedWhileOpening = vi.fn();
  render(RecoverWithKey, { onRecovered, onBack, onLockedWhileOpening });
  return { user, onRecovered, onBack, onLockedWhileOpening };
}

async function fill(user: ReturnType<typeof userEvent.setup>, key: string, next: string, confirm: string) {
  if (key) await user.type(screen.getByTestId('recover-key'), key);
  if (next) await user.type(screen.getByTestId('recover-new'), next);
  if (confirm) await user.type(screen.getByTestId('recover-confirm'), confirm);
  await user.click(screen.getByTestId('recover-submit'));
}

describe('RecoverWithKey', () => {
  beforeEach(() => {
    vi.mocked(vault.unlockWithRecoveryKey).mockResolvedValue(undefined);
  });

  it('unlocks with the key and sets the new passphrase', async () => {
    const { user, onRecovered } = setup();
    await fill(user, KEY.toLowerCase(), 'new quiet river', 'new quiet river');
    expect(vault.unlockWithRecoveryKey).toHaveBeenCalledWith(KEY, 'new quiet river');
    await vi.waitFor(() => expect(onRecovered).toHaveBeenCalledTimes(1));
  });

  it('explains a wrong recovery key', async () => {
    vi.mocked(vault.unlockWithRecoveryKey).mockRejectedValue(new IpcError('wrong_recovery_key', 'x'));
    const { user, onRecovered } = setup();
    await fill(user, KEY, 'new quiet river', 'new quiet river');
    expect((await screen.findByTestId('recover-error')).textContent).toBe(
      "That recovery key didn't open this journal. Check each group.",
    );
    expect(onRecovered).not.toHaveBeenCalled();
  });

  it('with the new passphrase set but the journal locked while it opened, goes on to the lock screen', async () => {
    vi.mocked(vault.unlockWithRecoveryKey).mockRejectedValue(new IpcError('locked_while_opening', 'x'));
    const { user, onRecovered, onLockedWhileOpening } = setup();
    await fill(user, KEY, 'new quiet river', 'new quiet river');
    await vi.waitFor(() =>
      expect(onLockedWhileOpening).toHaveBeenCalledWith(
        'Your new passphrase is saved. Your journal stayed locked, because the computer asked to lock it while it was opening. Type your new passphrase to open it.',
      ),
    );
    expect(onRecovered).not.toHaveBeenCalled();
    for (const id of ['recover-key', 'recover-new', 'recover-confirm']) {
      expect((screen.getByTestId(id) as HTMLInputElement).value).toBe('');
    }
  });

  it('a lock asked between the answer and the journal opening ends on the lock screen, locked', async () => {
    await watchSystemLockSignals();
    const send = vi.mocked(system.watchLockSignals).mock.calls.at(-1)![0];
    const recovered = deferred<undefined>();
    vi.mocked(vault.unlockWithRecoveryKey).mockReturnValue(recovered.promise);
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    const { user, onRecovered, onLockedWhileOpening } = setup();
    await fill(user, KEY, 'new quiet river', 'new quiet river');
    // The key was derived before the ask, so the core opened the journal; the ask comes just after.
    send('screenLocked');
    recovered.resolve(undefined);
    await vi.waitFor(() => expect(onLockedWhileOpening).toHaveBeenCalledTimes(1));
    expect(onLockedWhileOpening.mock.calls[0]![0]).toMatch(/^Your new passphrase is saved\./);
    expect(vault.lock).toHaveBeenCalledTimes(1);
    expect(onRecovered).not.toHaveBeenCalled();
  });

  it('checks the new passphrase before calling the backend', async () => {
    const { user } = setup();
    await fill(user, KEY, 'short', 'short');
    expect(screen.getByTestId('recover-error').textContent).toMatch(/at least 8/);
    await user.clear(screen.getByTestId('recover-new'));
    await user.clear(screen.getByTestId('recover-confirm'));
    await fill(user, '', 'new quiet river', 'new quiet rivers');
    expect(screen.getByTestId('recover-error').textContent).toMatch(/don't match/);
    expect(vault.unlockWithRecoveryKey).not.toHaveBeenCalled();
  });

  it('asks for the key when it is missing', async () => {
    const { user } = setup();
    await fill(user, '', 'new quiet river', 'new quiet river');
    expect(screen.getByTestId('recover-error').textContent).toBe('Please type your recovery key.');
    expect(vault.unlockWithRecoveryKey).not.toHaveBeenCalled();
  });

  it('words a passphrase rule the backend sends back', async () => {
    vi.mocked(vault.unlockWithRecoveryKey).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'passphrase', problem: 'too_short', min: 8, max: 1024 }),
    );
    const { user } = setup();
    await fill(user, 'K7QF', 'new quiet river', 'new quiet river');
    expect((await screen.findByTestId('recover-error')).textContent).toBe(
      'Use at least 8 characters for your passphrase.',
    );
  });

  it('goes back to the unlock screen', async () => {
    const { user, onBack } = setup();
    await user.click(screen.getByTestId('recover-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(vault.unlockWithRecoveryKey).not.toHaveBeenCalled();
  });
});
