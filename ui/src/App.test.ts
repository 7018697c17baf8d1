import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreaViews } from './testing/shellViews';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('./lib/ipc/vault');
vi.mock('./lib/ipc/sobriety');
vi.mock('./lib/ipc/system');
vi.mock('./lib/ipc/preferences');
vi.mock('./lib/ipc/backup');

import * as vault from './lib/ipc/vault';
import * as sobriety from './lib/ipc/sobriety';
import * as system from './lib/ipc/system';
import * as preferences from './lib/ipc/preferences';
import * as backup from './lib/ipc/backup';
import * as fixtures from './testing/sobriety';
import { IpcError } from './lib/ipc/IpcError';
import { ERROR_MESSAGES } from './lib/errors';
import { onBeforeLock } from './lib/beforeLock';
import { currentLocale, useLanguage } from './lib/i18n';
import { deferred } from './testing/deferred';
import App from './App.svelte';
import { settle } from './testing/heldPaint';
import { booted, status } from './testing/boot';

const KEY = 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

describe('App', () => {
  beforeAll(loadAreaViews, 30_000);

  beforeEach(() => {
    useLanguage(null);
    vi.mocked(vault.vaultStatus).mockResolvedValue(status('unlocked'));
    vi.mocked(vault.unlock).mockResolvedValue(undefined);
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(vault.unlockWithRecoveryKey).mockResolvedValue(undefined);
    vi.mocked(vault.createJournal).mockResolvedValue({ recoveryKey: KEY, open: true });
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today({ mainClock: null, clocks: [] }));
  });

  it('shows the welcome screen on first run', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('none'));
    render(App);
    expect(await screen.findByTestId('create-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
  });

  it('tells the shell what the window speaks when it follows the system, with or without a handed state', async () => {
    // The shell's reminders and tray speak it where the system sets no locale (Windows, macOS).
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'es-MX', 'en-US']);
    try {
      vi.mocked(vault.boot).mockResolvedValue(booted('none'));
      const asked = render(App);
      await vi.waitFor(() => expect(vault.boot).toHaveBeenCalledWith('es'));
      asked.unmount();
      vi.mocked(vault.boot).mockClear();
      vi.mocked(vault.boot).mockReturnValue(new Promise(() => {}));
      window.__DAYBREAK_BOOT__ = booted('none');
      render(App);
      expect(screen.getByTestId('create-passphrase'), 'drawn from the handed state').toBeTruthy();
      await vi.waitFor(() => expect(vault.boot).toHaveBeenCalledWith('es'));
    } finally {
      delete window.__DAYBREAK_BOOT__;
      vi.restoreAllMocks();
    }
  });

  it('restores a backup on a new computer from the welcome screen, then asks to unlock', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('none'));
    vi.mocked(backup.automaticBackups).mockResolvedValue([]);
    vi.mocked(backup.pickBackup).mockResolvedValue('/media/stick/daybreak.dbk');
    vi.mocked(backup.inspectBackup).mockResolvedValue({
      path: '/media/stick/daybreak.dbk',
      createdAt: '2026-11-27T10:00:00Z',
      sizeBytes: 4096,
      counts: [{ label: 'moods', count: 3 }],
    });
    vi.mocked(backup.restoreBackup).mockResolvedValue(null);
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('welcome-restore'));
    expect(await screen.findByText(/Bring back a journal from a backup/)).toBeTruthy();
    await user.click(screen.getByTestId('restore-back'));
    expect(await screen.findByTestId('create-passphrase'), 'back where it came from').toBeTruthy();

    await user.click(screen.getByTestId('welcome-restore'));
    await user.click(await screen.findByTestId('restore-pick'));
    await user.type(await screen.findByTestId('restore-secret'), 'the old words');
    await user.click(screen.getByTestId('restore-inspect'));
    await user.click(await screen.findByTestId('restore-confirm'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(backup.restoreBackup).toHaveBeenCalledWith('/media/stick/daybreak.dbk', {
      passphrase: 'the old words',
    });
    await user.click(await screen.findByTestId('restore-unlock'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
  });

  it('shows the unlock screen when the journal is locked', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
    render(App);
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('sidebar')).toBeNull();
  });

  it('shows the app when already unlocked', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('unlocked'));
    render(App);
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    expect(await screen.findByTestId('view-today')).toBeTruthy();
  });

  it('speaks the language chosen in Settings from the lock screen on', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked', 'es'));
    render(App);
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(currentLocale()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(await screen.findByRole('button', { name: 'Desbloquear' })).toBeTruthy();
  });

  describe('with the state the shell handed the page as it made the window', () => {
    afterEach(() => {
      delete window.__DAYBREAK_BOOT__;
      vi.restoreAllMocks();
    });

    it('draws the first screen at once, in the chosen language, without waiting on a call', () => {
      vi.mocked(vault.boot).mockReturnValue(new Promise(() => {}));
      window.__DAYBREAK_BOOT__ = booted('locked', 'es');
      render(App);
      expect(screen.getByTestId('unlock-passphrase'), 'in the page as it mounts').toBeTruthy();
      expect(screen.getByRole('button', { name: 'Desbloquear' })).toBeTruthy();
      expect(window.__DAYBREAK_BOOT__, 'taken once').toBeUndefined();
    });

    it("follows the shell's own answer when the handed state is out of date (after a reload)", async () => {
      vi.mocked(vault.boot).mockResolvedValue(booted('locked', 'es'));
      window.__DAYBREAK_BOOT__ = booted('none');
      render(App);
      expect(screen.getByTestId('create-passphrase')).toBeTruthy();
      expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
      expect(screen.queryByTestId('create-passphrase')).toBeNull();
      expect(currentLocale()).toBe('es');
    });

    it('leaves alone a screen the person has moved to when a different answer comes', async () => {
      const answer = deferred<ReturnType<typeof booted>>();
      vi.mocked(vault.boot).mockReturnValue(answer.promise);
      window.__DAYBREAK_BOOT__ = booted('locked');
      render(App);
      const user = userEvent.setup();
      await user.click(screen.getByTestId('forgot-passphrase'));
      await user.click(await screen.findByTestId('recover-back'));
      expect(screen.getByTestId('unlock-passphrase'), 'there and back').toBeTruthy();
      answer.resolve(booted('none', 'es'));
      await answer.promise;
      await Promise.resolve();
      expect(screen.getByTestId('unlock-passphrase'), 'the screen the person chose').toBeTruthy();
      expect(currentLocale()).toBe('en');
    });

    it('keeps the screen drawn when the call fails', async () => {
      vi.mocked(vault.boot).mockRejectedValue(new IpcError('io', 'x'));
      window.__DAYBREAK_BOOT__ = booted('locked');
      render(App);
      await vi.waitFor(() => expect(vault.boot).toHaveBeenCalledTimes(1));
      await Promise.resolve();
      expect(screen.getByTestId('unlock-passphrase')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('is not used after a reload, which it would not know of: the call decides', async () => {
      vi.spyOn(performance, 'getEntriesByType').mockReturnValue([
        { type: 'reload' } as unknown as PerformanceEntry,
      ]);
      vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
      window.__DAYBREAK_BOOT__ = booted('none');
      render(App);
      expect(screen.queryByTestId('create-passphrase')).toBeNull();
      expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    });

    it('keeps what the person is typing when the answer agrees', async () => {
      vi.mocked(vault.boot).mockResolvedValue(booted('none'));
      window.__DAYBREAK_BOOT__ = booted('none');
      render(App);
      const field = screen.getByTestId('create-passphrase') as HTMLInputElement;
      await userEvent.setup().type(field, 'quiet river');
      await vi.waitFor(() => expect(vault.boot).toHaveBeenCalledTimes(1));
      expect(screen.getByTestId('create-passphrase')).toBe(field);
      expect(field.value).toBe('quiet river');
    });
  });

  it('explains when it cannot start, and can try again', async () => {
    vi.mocked(vault.boot).mockRejectedValueOnce(new IpcError('io', 'x'));
    vi.mocked(vault.boot).mockResolvedValueOnce(booted('locked'));
    const user = userEvent.setup();
    render(App);
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.io);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
  });

  it('creates a journal, shows the key once, checks it, then opens the app', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('none'));
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByTestId('create-passphrase'), 'quiet river morning');
    await user.type(await screen.findByTestId('create-confirm'), 'quiet river morning');
    await user.click(await screen.findByTestId('create-submit'));

    const shown = await screen.findByTestId('recovery-key');
    expect(shown.textContent).toBe(KEY);
    const input = await screen.findByTestId('recovery-confirm-input');
    const index = Number(input.getAttribute('data-group-index'));
    const group = KEY.split('-')[index]!;

    const wrongIndex = (index + 1) % 8;
    await user.type(input, KEY.split('-')[wrongIndex]!);
    await user.click(await screen.findByTestId('recovery-confirm-submit'));
    expect((await screen.findByTestId('recovery-confirm-error')).textContent).toBe(
      `That doesn't match group ${index + 1}. Check what you wrote down.`,
    );
    expect(screen.queryByTestId('sidebar')).toBeNull();

    await user.clear(input);
    await user.type(input, group.toLowerCase());
    await user.click(await screen.findByTestId('recovery-confirm-submit'));
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('made while the system asked for a lock: the key is shown, then the lock screen says why', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('none'));
    vi.mocked(vault.createJournal).mockResolvedValue({ recoveryKey: KEY, open: false });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByTestId('create-passphrase'), 'quiet river morning');
    await user.type(await screen.findByTestId('create-confirm'), 'quiet river morning');
    await user.click(await screen.findByTestId('create-submit'));

    expect((await screen.findByTestId('recovery-key')).textContent).toBe(KEY);
    const input = await screen.findByTestId('recovery-confirm-input');
    const group = KEY.split('-')[Number(input.getAttribute('data-group-index'))]!;
    await user.type(input, group);
    await user.click(await screen.findByTestId('recovery-confirm-submit'));

    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.getByTestId('lock-error').textContent).toBe(
      'Your journal is ready. It stayed locked, because the computer asked to lock it while it was being set up. Type your passphrase to open it.',
    );
    expect(screen.queryByTestId('sidebar')).toBeNull();
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('recovered while the system asked for a lock: the lock screen says the new passphrase opens it', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
    vi.mocked(vault.unlockWithRecoveryKey).mockRejectedValue(new IpcError('locked_while_opening', 'x'));
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('forgot-passphrase'));
    await user.type(await screen.findByTestId('recover-key'), KEY);
    await user.type(await screen.findByTestId('recover-new'), 'new sunny meadow');
    await user.type(await screen.findByTestId('recover-confirm'), 'new sunny meadow');
    await user.click(await screen.findByTestId('recover-submit'));

    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.getByTestId('lock-error').textContent).toBe(
      'Your new passphrase is saved. Your journal stayed locked, because the computer asked to lock it while it was opening. Type your new passphrase to open it.',
    );
    expect(screen.queryByTestId('sidebar')).toBeNull();
  });

  it('unlocks, then locks: back to the unlock screen with the app gone', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByTestId('unlock-passphrase'), 'quiet river morning{Enter}');
    expect(await screen.findByTestId('sidebar')).toBeTruthy();

    await user.click(await screen.findByTestId('nav-settings'));
    expect(await screen.findByTestId('journal-file')).toBeTruthy();
    await user.type(await screen.findByTestId('change-current'), 'typed but not sent');

    await user.click(await screen.findByTestId('lock-button'));
    expect(vault.lock).toHaveBeenCalledTimes(1);
    const input = (await screen.findByTestId('unlock-passphrase')) as HTMLInputElement;
    expect(input.value).toBe('');
    expect(screen.queryByTestId('sidebar')).toBeNull();
    expect(screen.queryByTestId('view-settings')).toBeNull();
    expect(screen.queryByTestId('change-current')).toBeNull();
    expect(document.body.textContent).not.toContain('/home/sam');

    // Unlocking again starts fresh on Today, not where the person left off.
    await user.type(input, 'quiet river morning{Enter}');
    expect(await screen.findByTestId('view-today')).toBeTruthy();
    expect(screen.queryByTestId('view-settings')).toBeNull();
  });

  it('watches the system once; sleep while unlocked locks, and while locked does nothing', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('unlocked'));
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    expect(system.watchLockSignals).toHaveBeenCalledTimes(1);
    const send = vi.mocked(system.watchLockSignals).mock.calls[0]![0];

    send('suspend');
    const input = await screen.findByTestId('unlock-passphrase');
    expect(vault.lock).toHaveBeenCalledTimes(1);
    send('screenLocked');
    expect(vault.lock).toHaveBeenCalledTimes(1);

    await user.type(input, 'quiet river morning{Enter}');
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    expect(system.watchLockSignals).toHaveBeenCalledTimes(1);
  });

  it('a failed lock still ends on the lock screen, which says what went wrong', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('unlocked'));
    vi.mocked(vault.lock).mockRejectedValue(new IpcError('io', 'checkpoint failed'));
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('lock-button'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('sidebar'), 'the journal is torn down').toBeNull();
    expect((await screen.findByTestId('lock-error')).textContent).toMatch(/^Your journal is locked, but/);
  });

  it('a lock the shell did by itself tears down the open journal, without locking again', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('unlocked'));
    render(App);
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    const send = vi.mocked(system.watchLockSignals).mock.calls[0]![0];
    send('locked');
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('sidebar')).toBeNull();
    expect(screen.queryByTestId('lock-error')).toBeNull();
    expect(vault.lock, 'the shell has locked already').not.toHaveBeenCalled();
  });

  it('a lock by the shell reaches a UI stuck saving, and its old lock never closes the journal again', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('unlocked'));
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    let finishSaving = () => {};
    const removeTask = onBeforeLock(() => new Promise<void>((resolve) => (finishSaving = resolve)));
    render(App);
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    const send = vi.mocked(system.watchLockSignals).mock.calls[0]![0];
    send('screenLocked'); // the UI starts saving, and takes too long
    send('locked'); // the shell's grace is over: it locked by itself
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('sidebar')).toBeNull();

    // The person opens the journal again; the old save finishing must not lock it again.
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('unlock-passphrase'), 'quiet river morning{Enter}');
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    finishSaving();
    await settle(50);
    expect(vault.lock, 'a lock from before must not close the journal opened since').not.toHaveBeenCalled();
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    removeTask();
  });

  it('a lock by the shell also closes the recovery key screen', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('none'));
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByTestId('create-passphrase'), 'quiet river morning');
    await user.type(await screen.findByTestId('create-confirm'), 'quiet river morning');
    await user.click(await screen.findByTestId('create-submit'));
    expect(await screen.findByTestId('recovery-key')).toBeTruthy();
    vi.mocked(system.watchLockSignals).mock.calls[0]![0]('locked');
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('reports activity to the shell, throttled, on every screen', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
    vi.mocked(preferences.idleTouch).mockResolvedValue(undefined);
    render(App);
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    window.dispatchEvent(new Event('pointermove'));
    window.dispatchEvent(new Event('pointermove'));
    await vi.waitFor(() => expect(preferences.idleTouch).toHaveBeenCalledTimes(1));
  });

  it('goes to recovery from the unlock screen and back, and recovers into the app', async () => {
    vi.mocked(vault.boot).mockResolvedValue(booted('locked'));
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('forgot-passphrase'));
    await user.click(await screen.findByTestId('recover-back'));
    await user.click(await screen.findByTestId('forgot-passphrase'));

    await user.type(await screen.findByTestId('recover-key'), KEY);
    await user.type(await screen.findByTestId('recover-new'), 'new sunny meadow');
    await user.type(await screen.findByTestId('recover-confirm'), 'new sunny meadow');
    await user.click(await screen.findByTestId('recover-submit'));
    expect(await screen.findByTestId('sidebar')).toBeTruthy();
    expect(vault.unlockWithRecoveryKey).toHaveBeenCalledWith(KEY, 'new sunny meadow');
  });
});
