import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/system');

import * as vault from '../../lib/ipc/vault';
import * as system from '../../lib/ipc/system';
import { watchSystemLockSignals } from '../../lib/lockSignals';
import { IpcError } from '../../lib/ipc/IpcError';
import { ERROR_MESSAGES } from '../../lib/errors';
import { deferred } from '../../testing/deferred';
import Welcome from './Welcome.svelte';

const KEY = 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

function setup() {
  const onCreated = vi.fn();
  const user = userEvent.setup();
  render(Welcome, { onCreated, onLockedWhileOpening: vi.fn() });
  return { user, onCreated };
}

async function fill(user: ReturnType<typeof userEvent.setup>, passphrase: string, confirmation: string) {
  if (passphrase) await user.type(screen.getByTestId('create-passphrase'), passphrase);
  if (confirmation) await user.type(screen.getByTestId('create-confirm'), confirmation);
  await user.click(screen.getByTestId('create-submit'));
}

describe('Welcome (create a journal)', () => {
  beforeEach(() => {
    vi.mocked(vault.createJournal).mockResolvedValue({ recoveryKey: KEY, open: true });
  });

  it('welcomes the person and warns about forgetting the passphrase', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Daybreak');
    const text = document.body.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('stays on this computer, encrypted');
    expect(text).toContain(
      'If you forget this passphrase, only your recovery key can open your journal. Nobody else can recover it — not even us.',
    );
  });

  it('refuses an empty passphrase without calling the backend', async () => {
    const { user } = setup();
    await fill(user, '', '');
    expect(screen.getByTestId('create-error').textContent).toBe('Please choose a passphrase.');
    expect(vault.createJournal).not.toHaveBeenCalled();
  });

  it('refuses a passphrase under 8 characters', async () => {
    const { user } = setup();
    await fill(user, 'short', 'short');
    expect(screen.getByTestId('create-error').textContent).toBe(
      'Your passphrase needs at least 8 characters.',
    );
    expect(vault.createJournal).not.toHaveBeenCalled();
  });

  it('ties each problem to its field and focuses it', async () => {
    const { user } = setup();
    await fill(user, 'short', 'short');
    const first = screen.getByTestId('create-passphrase');
    const second = screen.getByTestId('create-confirm');
    const tooShort = screen.getByTestId('create-error');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(first.getAttribute('aria-describedby')?.split(' ')).toContain(tooShort.id);
    expect(second.hasAttribute('aria-invalid')).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(first));

    await user.clear(first);
    await user.clear(second);
    await fill(user, 'quiet river morning', 'quiet river mornin');
    const mismatch = screen.getByTestId('create-error');
    expect(first.hasAttribute('aria-invalid')).toBe(false);
    expect(first.getAttribute('aria-describedby')?.split(' ')).not.toContain(mismatch.id);
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(second.getAttribute('aria-describedby')).toBe(mismatch.id);
    await vi.waitFor(() => expect(document.activeElement).toBe(second));
  });

  it('refuses passphrases that do not match', async () => {
    const { user } = setup();
    await fill(user, 'quiet river morning', 'quiet river mornin');
    expect(screen.getByTestId('create-error').textContent).toBe(
      "The two passphrases don't match. Please type them again.",
    );
    expect(vault.createJournal).not.toHaveBeenCalled();
  });

  it('states the eight-character hint once, not twice', () => {
    setup();
    const text = document.body.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text.match(/8 characters/g)).toEqual(['8 characters']);
    expect(text).toContain("At least 8 characters. A few words you'll remember work well.");
  });

  it('shows a live strength hint', async () => {
    const { user } = setup();
    const hint = screen.getByTestId('strength-hint');
    expect(hint.dataset.level).toBe('empty');
    await user.type(screen.getByTestId('create-passphrase'), 'mountain');
    expect(hint.dataset.level).toBe('weak');
    expect(hint.textContent).toContain('Longer is stronger');
    await user.type(screen.getByTestId('create-passphrase'), ' lantern harbor');
    expect(hint.dataset.level).toBe('strong');
  });

  it('shows a busy state while creating, then hands over the recovery key', async () => {
    const pending = deferred<{ recoveryKey: string; open: boolean }>();
    vi.mocked(vault.createJournal).mockReturnValue(pending.promise);
    const { user, onCreated } = setup();
    expect(screen.queryByTestId('busy')).toBeNull();

    await fill(user, 'quiet river morning', 'quiet river morning');

    expect(vault.createJournal).toHaveBeenCalledWith('quiet river morning');
    const busy = screen.getByTestId('busy');
    expect(busy.getAttribute('role')).toBe('status');
    expect(busy.textContent).toContain('Setting up your encrypted journal…');
    expect((screen.getByTestId('create-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(onCreated).not.toHaveBeenCalled();

    pending.resolve({ recoveryKey: KEY, open: true });
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(KEY, true));
  });

  it.each(['screenLocked', 'suspend', 'locked'] as const)(
    'made, then a lock (%s) before the key is shown: locked now, so the key is still shown',
    async (signal) => {
      await watchSystemLockSignals();
      const send = vi.mocked(system.watchLockSignals).mock.calls.at(-1)![0];
      const pending = deferred<{ recoveryKey: string; open: boolean }>();
      vi.mocked(vault.createJournal).mockReturnValue(pending.promise);
      vi.mocked(vault.lock).mockResolvedValue(undefined);
      // The shell's own lock ('locked') counts once the journal's status agrees.
      vi.mocked(vault.vaultStatus).mockResolvedValue({ state: 'locked', dataDir: '/d', journalFile: '/d/j' });
      const { user, onCreated } = setup();
      await fill(user, 'quiet river morning', 'quiet river morning');
      send(signal);
      pending.resolve({ recoveryKey: KEY, open: true });
      await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(KEY, false));
      expect(vault.lock).toHaveBeenCalledTimes(1);
    },
  );

  it('submits with Enter', async () => {
    const { user, onCreated } = setup();
    await user.type(screen.getByTestId('create-passphrase'), 'quiet river morning');
    await user.type(screen.getByTestId('create-confirm'), 'quiet river morning{Enter}');
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(KEY, true));
  });

  it.each([
    ['invalid_input', 'Passphrase is too long.', ERROR_MESSAGES.invalid_input],
    ['already_exists', 'exists', ERROR_MESSAGES.already_exists],
    ['io', 'disk full', ERROR_MESSAGES.io],
    ['internal', 'panic', ERROR_MESSAGES.internal],
  ] as const)('shows a backend %s error and lets the person try again', async (code, message, shown) => {
    vi.mocked(vault.createJournal).mockRejectedValue(new IpcError(code, message));
    const { user, onCreated } = setup();
    await fill(user, 'quiet river morning', 'quiet river morning');
    const error = await screen.findByTestId('create-error');
    expect(error.textContent).toBe(shown);
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.queryByTestId('busy')).toBeNull();
    expect((screen.getByTestId('create-submit') as HTMLButtonElement).disabled).toBe(false);
  });
});
