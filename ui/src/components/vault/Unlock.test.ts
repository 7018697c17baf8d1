import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/system');

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as system from '../../lib/ipc/system';
import { watchSystemLockSignals } from '../../lib/lockSignals';
import type { JournalState, LockSignal } from '../../lib/bindings';

type Status = Awaited<ReturnType<typeof vault.vaultStatus>>;
import * as fixtures from '../../testing/sobriety';
import { answered, pendingAhead } from '../../lib/ipc/ahead';
import { IpcError } from '../../lib/ipc/IpcError';
import { ERROR_MESSAGES } from '../../lib/errors';
import { deferred } from '../../testing/deferred';
import { FONT_SAMPLE } from '../../testing/fontSample';
import { settle } from '../../testing/heldPaint';
import Unlock from './Unlock.svelte';

function setup() {
  const onUnlocked = vi.fn();
  const onForgot = vi.fn();
  const onRestore = vi.fn();
  const user = userEvent.setup();
  render(Unlock, { onUnlocked, onForgot, onRestore });
  const input = screen.getByTestId('unlock-passphrase') as HTMLInputElement;
  return { user, onUnlocked, onForgot, onRestore, input };
}

describe('Unlock', () => {
  beforeEach(() => {
    vi.mocked(vault.unlock).mockResolvedValue(undefined);
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
  });

  it('opens at the top of the page, whatever the screen before it had scrolled to', () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollTop', 'set');
    try {
      setup();
      expect(scrolled.mock.contexts).toContain(document.documentElement);
      expect(scrolled).toHaveBeenCalledWith(0);
    } finally {
      scrolled.mockRestore();
    }
  });

  it('offers to restore a backup when the journal file is damaged, and only then', async () => {
    const { user, input, onRestore } = setup();
    vi.mocked(vault.unlock).mockRejectedValueOnce(new IpcError('wrong_passphrase', 'wrong'));
    await user.type(input, 'not it{Enter}');
    await screen.findByTestId('unlock-error');
    expect(screen.queryByTestId('unlock-restore')).toBeNull();

    vi.mocked(vault.unlock).mockRejectedValueOnce(new IpcError('corrupt', 'file is not a database'));
    await user.type(input, 'quiet river morning{Enter}');
    expect((await screen.findByTestId('unlock-error')).textContent).toBe(ERROR_MESSAGES.corrupt);
    await user.click(screen.getByTestId('unlock-restore'));
    expect(onRestore).toHaveBeenCalledTimes(1);
  });

  it('focuses the passphrase field', () => {
    const { input } = setup();
    expect(document.activeElement).toBe(input);
  });

  it('unlocks with Enter and reports success', async () => {
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    expect(vault.unlock).toHaveBeenCalledWith('quiet river morning');
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
  });

  it("asks ahead for Today's data once the journal is open, for Today to take", async () => {
    const today = fixtures.today({ mainClock: null, clocks: [] });
    vi.mocked(sobriety.getToday).mockResolvedValue(today);
    const unlocked = deferred<void>();
    vi.mocked(vault.unlock).mockReturnValue(unlocked.promise);
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    expect(sobriety.getToday, 'not before the journal is open').not.toHaveBeenCalled();
    unlocked.resolve();
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
    expect(sobriety.getToday).toHaveBeenCalledTimes(1);
    expect(await answered(sobriety.getToday)).toBe(today);
    expect(sobriety.getToday, 'taken, not asked again').toHaveBeenCalledTimes(1);
  });

  it("makes Today's fonts while the key is derived, kept until this screen goes", async () => {
    const unlocked = deferred<void>();
    vi.mocked(vault.unlock).mockReturnValue(unlocked.promise);
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    await vi.waitFor(() =>
      expect(document.querySelector(FONT_SAMPLE), 'laid out while the call is under way').not.toBeNull(),
    );
    unlocked.resolve();
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
    expect(document.querySelector(FONT_SAMPLE), 'still there as Today mounts').not.toBeNull();
    cleanup();
    await vi.waitFor(() =>
      expect(document.querySelector(FONT_SAMPLE), 'gone with the lock screen').toBeNull(),
    );
  });

  it("takes the sample of Today's fonts out when the passphrase is wrong", async () => {
    const refused = deferred<void>();
    vi.mocked(vault.unlock).mockReturnValue(refused.promise);
    const { user, input } = setup();
    await user.type(input, 'not my passphrase{Enter}');
    await vi.waitFor(() => expect(document.querySelector(FONT_SAMPLE)).not.toBeNull());
    refused.reject(new IpcError('wrong_passphrase', 'wrong'));
    await vi.waitFor(() => expect(screen.getByTestId('unlock-error')).toBeTruthy());
    expect(document.querySelector(FONT_SAMPLE)).toBeNull();
  });

  it("still opens the journal when Today's data can't be read (Today shows why)", async () => {
    vi.mocked(sobriety.getToday).mockRejectedValue(new IpcError('internal', 'boom'));
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("opens the journal within a moment even when Today's data is slow to come", async () => {
    vi.mocked(sobriety.getToday).mockReturnValue(new Promise(() => {}));
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1), { timeout: 1000 });
  });

  describe('when the shell locks the journal again before its screens are on', () => {
    /** Unlocks, and has the shell send `signal` while Today's data is asked ahead. */
    async function lockedWhileOpening(
      stateAfter: JournalState | Error | Promise<Status>,
      signal: LockSignal = 'locked',
    ) {
      await watchSystemLockSignals();
      const send = vi.mocked(system.watchLockSignals).mock.calls.at(-1)![0];
      const today = deferred<ReturnType<typeof fixtures.today>>();
      vi.mocked(sobriety.getToday).mockReturnValue(today.promise);
      if (stateAfter instanceof Promise) vi.mocked(vault.vaultStatus).mockReturnValue(stateAfter);
      else if (stateAfter instanceof Error) vi.mocked(vault.vaultStatus).mockRejectedValue(stateAfter);
      else
        vi.mocked(vault.vaultStatus).mockResolvedValue({
          state: stateAfter,
          dataDir: '/d',
          journalFile: '/d/j',
        });
      vi.mocked(vault.lock).mockResolvedValue(undefined);
      const opened = setup();
      await opened.user.type(opened.input, 'quiet river morning{Enter}');
      await vi.waitFor(() => expect(sobriety.getToday).toHaveBeenCalledTimes(1));
      send(signal);
      today.resolve(fixtures.today());
      return { ...opened, send };
    }

    it('stays on the lock screen, says why, and keeps nothing typed or read', async () => {
      const { input, onUnlocked } = await lockedWhileOpening('locked');
      const error = await screen.findByTestId('unlock-error');
      expect(error.textContent).toBe(
        'Your journal stayed locked: the computer asked to lock it while it was opening. Type your passphrase to open it.',
      );
      expect(onUnlocked).not.toHaveBeenCalled();
      expect(input.value).toBe('');
      expect(pendingAhead(), "Today's data dropped").toBe(0);
      await settle(50); // a sample still asked for would be in the page by now
      expect(document.querySelector(FONT_SAMPLE), "Today's font sample taken out").toBeNull();
    });

    it('stays locked, and makes sure of it, when the journal can no longer say how it stands', async () => {
      const { input, onUnlocked } = await lockedWhileOpening(new IpcError('internal', 'boom'));
      await screen.findByTestId('unlock-error');
      expect(onUnlocked).not.toHaveBeenCalled();
      expect(input.value).toBe('');
      expect(vault.lock).toHaveBeenCalledTimes(1);
    });

    it('stays locked when the shell locks once more while the status is read', async () => {
      const status = deferred<Status>();
      const { onUnlocked, send } = await lockedWhileOpening(status.promise);
      await vi.waitFor(() => expect(vault.vaultStatus).toHaveBeenCalledTimes(1));
      send('locked');
      status.resolve({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
      await screen.findByTestId('unlock-error');
      expect(onUnlocked).not.toHaveBeenCalled();
      expect(vault.lock).toHaveBeenCalledTimes(1);
    });

    it.each(['screenLocked', 'suspend'] as const)(
      'locks it again when the system asks for a lock (%s) while it opens',
      async (signal) => {
        // Asked after the journal opened but before its screens are on: the Shell, which locks
        // on such an ask, is not there yet. (Asked while the key is derived, the core refuses.)
        const { input, onUnlocked } = await lockedWhileOpening('unlocked', signal);
        await screen.findByTestId('unlock-error');
        expect(onUnlocked).not.toHaveBeenCalled();
        expect(input.value).toBe('');
        expect(vault.lock).toHaveBeenCalledTimes(1);
      },
    );

    it('opens all the same when the journal is open after all (a late signal of an earlier lock)', async () => {
      const { onUnlocked } = await lockedWhileOpening('unlocked');
      await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
      expect(vault.vaultStatus).toHaveBeenCalledTimes(1);
      expect(vault.lock).not.toHaveBeenCalled();
    });
  });

  it('says why and clears the field when the system asked for a lock while the key was derived', async () => {
    vi.mocked(vault.unlock).mockRejectedValue(new IpcError('locked_while_opening', 'x'));
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    expect((await screen.findByTestId('unlock-error')).textContent).toBe(
      'Your journal stayed locked: the computer asked to lock it while it was opening. Type your passphrase to open it.',
    );
    expect(input.value).toBe('');
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(sobriety.getToday).not.toHaveBeenCalled();
  });

  it('shows a busy state while unlocking', async () => {
    const pending = deferred<void>();
    vi.mocked(vault.unlock).mockReturnValue(pending.promise);
    const { user, input } = setup();
    await user.type(input, 'quiet river morning');
    await user.click(screen.getByTestId('unlock-submit'));
    expect(screen.getByTestId('busy').textContent).toContain('Opening your journal');
    expect((screen.getByTestId('unlock-submit') as HTMLButtonElement).disabled).toBe(true);
    pending.resolve();
  });

  it('ties a wrong passphrase to the field, and a problem with the journal to no field', async () => {
    vi.mocked(vault.unlock).mockRejectedValueOnce(new IpcError('wrong_passphrase', 'bad'));
    const { user, input } = setup();
    await user.type(input, 'not my passphrase{Enter}');
    const error = await screen.findByTestId('unlock-error');
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(input.getAttribute('aria-describedby')).toBe(error.id);

    vi.mocked(vault.unlock).mockRejectedValueOnce(new IpcError('corrupt', ''));
    await user.type(input, 'quiet river morning{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('unlock-error');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('does not call the backend for an empty passphrase', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('unlock-submit'));
    expect(screen.getByTestId('unlock-error').textContent).toBe('Please type your passphrase.');
    expect(vault.unlock).not.toHaveBeenCalled();
  });

  it('says exactly why a wrong passphrase failed, clears and refocuses the field, and calls nothing else', async () => {
    vi.mocked(vault.unlock).mockRejectedValue(new IpcError('wrong_passphrase', 'bad'));
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'not my passphrase{Enter}');
    const error = await screen.findByTestId('unlock-error');
    expect(error.textContent).toBe("That passphrase didn't open this journal.");
    await vi.waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.value).toBe('');
    expect(input.disabled).toBe(false);
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(vault.unlock).toHaveBeenCalledTimes(1);
    for (const other of [
      vault.vaultStatus,
      vault.createJournal,
      vault.unlockWithRecoveryKey,
      vault.lock,
      vault.changePassphrase,
    ]) {
      expect(other).not.toHaveBeenCalled();
    }
  });

  it.each([
    [
      'corrupt',
      "Daybreak couldn't open this journal file. It may be damaged. Your file has not been changed.",
    ],
    [
      'newer_version',
      'This journal was made by a newer version of Daybreak. Please update Daybreak to open it.',
    ],
    ['not_found', ERROR_MESSAGES.not_found],
    ['io', ERROR_MESSAGES.io],
    ['internal', ERROR_MESSAGES.internal],
  ] as const)('explains a %s error and keeps what was typed', async (code, shown) => {
    vi.mocked(vault.unlock).mockRejectedValue(new IpcError(code, 'backend detail'));
    const { user, input, onUnlocked } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    const error = await screen.findByTestId('unlock-error');
    expect(error.textContent).toBe(shown);
    expect(error.textContent).not.toContain('backend detail');
    expect(input.value).toBe('quiet river morning');
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('mentions the journal file when it is missing', async () => {
    vi.mocked(vault.unlock).mockRejectedValue(new IpcError('not_found', 'x'));
    const { user, input } = setup();
    await user.type(input, 'quiet river morning{Enter}');
    expect((await screen.findByTestId('unlock-error')).textContent).toMatch(
      /couldn't find your journal file/,
    );
  });

  it('offers a way in for a forgotten passphrase', async () => {
    const { user, onForgot } = setup();
    const forgot = screen.getByTestId('forgot-passphrase');
    expect(forgot.tagName).toBe('BUTTON');
    expect(forgot.textContent?.trim()).toBe('I forgot my passphrase');
    await user.click(forgot);
    expect(onForgot).toHaveBeenCalledTimes(1);
  });
});
