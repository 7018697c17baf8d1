import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/preferences');
vi.mock('../../lib/ipc/backup');
vi.mock('../../lib/ipc/data');
vi.mock('../../lib/ipc/library');
vi.mock('../../lib/ipc/sync');

import * as vault from '../../lib/ipc/vault';
import * as preferences from '../../lib/ipc/preferences';
import * as library from '../../lib/ipc/library';
import * as backup from '../../lib/ipc/backup';
import { IpcError } from '../../lib/ipc/IpcError';
import { ERROR_MESSAGES } from '../../lib/errors';
import Settings, { ASKED_ON_OPENING } from './Settings.svelte';
import { askAhead, forgetAhead, pendingAhead } from '../../lib/ipc/ahead';
import { settle, withHeldPaint } from '../../testing/heldPaint';

const STATUS = {
  state: 'unlocked',
  dataDir: '/home/sam/.local/share/daybreak',
  journalFile: '/home/sam/.local/share/daybreak/journal.daybreak',
} as const;

/** Renders Settings and waits for the sections drawn after its first paint. */
async function setup() {
  const user = userEvent.setup();
  render(Settings);
  await screen.findByTestId('change-current');
  return { user };
}

async function change(
  user: ReturnType<typeof userEvent.setup>,
  current: string,
  next: string,
  confirm: string,
) {
  await user.type(screen.getByTestId('change-current'), current);
  await user.type(screen.getByTestId('change-new'), next);
  await user.type(screen.getByTestId('change-confirm'), confirm);
  await user.click(screen.getByTestId('change-submit'));
}

describe('Settings', () => {
  beforeEach(() => {
    vi.mocked(preferences.getPreferences).mockResolvedValue({
      autoLockMinutes: 5,
      neutralTitle: false,
      crisisCountry: null,
    });
    vi.mocked(vault.vaultStatus).mockResolvedValue({ ...STATUS });
    vi.mocked(vault.changePassphrase).mockResolvedValue(undefined);
    vi.mocked(library.libraryList).mockResolvedValue([]);
  });

  it('takes every answer asked ahead for it as it opens (the list matches what the sections ask)', async () => {
    await askAhead(ASKED_ON_OPENING);
    expect(pendingAhead()).toBe(ASKED_ON_OPENING.length);
    await setup();
    await screen.findByTestId('journal-file');
    await vi.waitFor(() => expect(pendingAhead()).toBe(0));
    expect(vault.vaultStatus).toHaveBeenCalledTimes(1);
    expect(preferences.getPreferences).toHaveBeenCalledTimes(1);
    forgetAhead();
  });

  it('ends with About, after where the journal lives', async () => {
    await setup();
    const about = screen.getByTestId('about');
    const location = screen.getByRole('heading', { level: 2, name: 'Where your journal lives' });
    expect(about.compareDocumentPosition(location) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
  });

  it('draws Privacy and Language first, the sections below them after that first paint', () =>
    withHeldPaint(async (frames) => {
      render(Settings);
      expect(screen.getByTestId('privacy-settings')).toBeTruthy();
      expect(screen.getByTestId('language-settings')).toBeTruthy();
      await settle();
      expect(frames.held(), 'a frame was asked for').toBeGreaterThan(0);
      expect(screen.queryByTestId('change-current')).toBeNull();
      expect(screen.queryByTestId('about')).toBeNull();
      frames.paint();
      expect(await screen.findByTestId('about')).toBeTruthy();
      expect(screen.getByTestId('change-current')).toBeTruthy();
    }));

  it('has a focused heading', async () => {
    await setup();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Settings');
    expect(document.activeElement).toBe(heading);
  });

  it('has a "Your data" part right after Backups', async () => {
    await setup();
    const backups = screen.getByTestId('backup-settings');
    const yours = screen.getByTestId('data-settings');
    expect(backups.compareDocumentPosition(yours) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(yours.contains(screen.getByTestId('export-json'))).toBe(true);
    expect(backups.contains(screen.getByTestId('export-json'))).toBe(false);
  });

  it('shows where the journal lives', async () => {
    await setup();
    expect((await screen.findByTestId('journal-file')).textContent).toBe(STATUS.journalFile);
    expect(screen.getByTestId('data-dir').textContent).toBe(STATUS.dataDir);
    expect(screen.getByTestId('view-settings').textContent).toMatch(/encrypted/);
    expect(screen.getByTestId('view-settings').textContent).toMatch(/recovery key/);
  });

  it('explains when the location cannot be read', async () => {
    vi.mocked(vault.vaultStatus).mockRejectedValue(new IpcError('io', ''));
    await setup();
    const location = within(screen.getByRole('region', { name: 'Where your journal lives' }));
    expect((await location.findByRole('alert')).querySelector('p')?.textContent).toBe(ERROR_MESSAGES.io);
    expect(screen.queryByTestId('journal-file')).toBeNull();
  });

  it('looks the location up again with Try again', async () => {
    vi.mocked(vault.vaultStatus)
      .mockRejectedValueOnce(new IpcError('io', ''))
      .mockResolvedValue({ ...STATUS });
    const { user } = await setup();
    const location = within(screen.getByRole('region', { name: 'Where your journal lives' }));
    await user.click(await location.findByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('journal-file')).textContent).toBe(STATUS.journalFile);
  });

  it('changes the passphrase and clears the form', async () => {
    const { user } = await setup();
    await change(user, 'old quiet river', 'new sunny meadow', 'new sunny meadow');
    expect(vault.changePassphrase).toHaveBeenCalledWith('old quiet river', 'new sunny meadow');
    expect((await screen.findByTestId('change-success')).textContent).toBe(
      'Your passphrase has been changed. Your old passphrase no longer opens your journal.',
    );
    expect((screen.getByTestId('change-current') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('change-new') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('change-error')).toBeNull();
  });

  // What a re-key answers: the new recovery key, the backup made just after, one older backup.
  const REKEYED = {
    recoveryKey: 'K7QF-9M2D-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    backupPath: '/home/sam/.local/share/daybreak/backups/after-new-key-20261202T090000.dbk',
    backupProblem: null,
    olderBackups: ['/home/sam/.local/share/daybreak/backups/auto-2026-12-01.dbk'],
  };

  it('can lock out old copies: a new key, the new recovery key shown, older backups deletable', async () => {
    vi.mocked(vault.rekeyJournal).mockResolvedValue(REKEYED);
    vi.mocked(backup.deleteOlderBackups).mockResolvedValue(1);
    const { user } = await setup();
    expect(screen.getByTestId('view-settings').textContent).toMatch(
      /Backups\s+made\s+before\s+still\s+open\s+with\s+the\s+passphrase\s+you\s+had\s+then/,
    );
    await user.click(screen.getByTestId('change-rekey'));
    await change(user, 'old quiet river', 'new sunny meadow', 'new sunny meadow');
    expect(vault.rekeyJournal).toHaveBeenCalledWith('old quiet river', 'new sunny meadow');
    expect(vault.changePassphrase).not.toHaveBeenCalled();
    expect((await screen.findByTestId('rekey-recovery-key')).textContent?.trim()).toBe(
      'K7QF-9M2D-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    );
    expect(screen.getByTestId('rekey-older-note').textContent).toMatch(
      /still open with the passphrase you had when they were\s+made/,
    );
    await user.click(screen.getByTestId('rekey-delete-older'));
    await user.click(await screen.findByTestId('confirm-yes'));
    expect(backup.deleteOlderBackups).toHaveBeenCalledWith(
      '/home/sam/.local/share/daybreak/backups/after-new-key-20261202T090000.dbk',
    );
    expect((await screen.findByTestId('rekey-deleted')).textContent).toBe('One older backup was deleted.');
    await user.click(screen.getByTestId('rekey-done-button'));
    expect(screen.queryByTestId('rekey-recovery-key')).toBeNull();
    expect((screen.getByTestId('change-current') as HTMLInputElement).value).toBe('');
  });

  it('says so when the older backups were already gone, not "0 older backups were deleted"', async () => {
    vi.mocked(vault.rekeyJournal).mockResolvedValue(REKEYED);
    vi.mocked(backup.deleteOlderBackups).mockResolvedValue(0);
    const { user } = await setup();
    await user.click(screen.getByTestId('change-rekey'));
    await change(user, 'old quiet river', 'new sunny meadow', 'new sunny meadow');
    await user.click(await screen.findByTestId('rekey-delete-older'));
    await user.click(await screen.findByTestId('confirm-yes'));
    expect((await screen.findByTestId('rekey-deleted')).textContent).toBe(
      'No older automatic backups were left to delete.',
    );
  });

  it('says when the current passphrase is wrong', async () => {
    vi.mocked(vault.changePassphrase).mockRejectedValue(new IpcError('wrong_passphrase', 'x'));
    const { user } = await setup();
    await change(user, 'not it at all', 'new sunny meadow', 'new sunny meadow');
    expect((await screen.findByTestId('change-error')).textContent).toBe(
      "That isn't your current passphrase.",
    );
    expect(screen.queryByTestId('change-success')).toBeNull();
    const current = screen.getByTestId('change-current') as HTMLInputElement;
    await vi.waitFor(() => expect(document.activeElement).toBe(current));
    expect(current.value).toBe('');
  });

  it('refuses a mismatched new passphrase without calling the backend', async () => {
    const { user } = await setup();
    await change(user, 'old quiet river', 'new sunny meadow', 'new sunny meadows');
    expect(screen.getByTestId('change-error').textContent).toBe(
      "The two passphrases don't match. Please type them again.",
    );
    expect(vault.changePassphrase).not.toHaveBeenCalled();
  });

  it('refuses a short new passphrase and a missing current one', async () => {
    const { user } = await setup();
    await user.type(screen.getByTestId('change-new'), 'new sunny meadow');
    await user.type(screen.getByTestId('change-confirm'), 'new sunny meadow');
    await user.click(screen.getByTestId('change-submit'));
    expect(screen.getByTestId('change-error').textContent).toBe('Please type your current passphrase.');
    await user.clear(screen.getByTestId('change-new'));
    await user.clear(screen.getByTestId('change-confirm'));
    await change(user, 'old quiet river', 'short', 'short');
    expect(screen.getByTestId('change-error').textContent).toMatch(/at least 8/);
    expect(vault.changePassphrase).not.toHaveBeenCalled();
  });

  it('shows the strength of the new passphrase', async () => {
    const { user } = await setup();
    await user.type(screen.getByTestId('change-new'), 'lantern harbor violet');
    expect(screen.getByTestId('strength-hint').dataset.level).toBe('strong');
  });
});
