import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/backup');

import * as backup from '../../lib/ipc/backup';
import { deferred } from '../../testing/deferred';
import RestoreFromBackup from './RestoreFromBackup.svelte';

// From the lock screen, when the journal's file is damaged, or from the welcome screen on a new
// computer: a backup in its place, nothing unlocked first, then the lock screen.

const SUMMARY = {
  path: '/d/backups/auto-2026-11-27.dbk',
  createdAt: '2026-11-27T10:00:00Z',
  sizeBytes: 4096,
  counts: [{ label: 'moods', count: 3 }],
};

describe('RestoreFromBackup', () => {
  beforeEach(() => {
    vi.mocked(backup.automaticBackups).mockResolvedValue(['/d/backups/auto-2026-11-27.dbk']);
    vi.mocked(backup.inspectBackup).mockResolvedValue(SUMMARY);
    vi.mocked(backup.restoreBackup).mockResolvedValue(null);
  });

  it('says why, restores a checked backup once confirmed, and goes on to unlock', async () => {
    const onBack = vi.fn();
    const onRestored = vi.fn();
    const user = userEvent.setup();
    render(RestoreFromBackup, { damaged: true, onBack, onRestored });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByText(/couldn't open your journal's file/)).toBeTruthy();

    await user.click(await screen.findByTestId('backup-auto-restore'));
    await user.type(screen.getByTestId('restore-secret'), 'old passphrase');
    await user.click(screen.getByTestId('restore-inspect'));
    await user.click(await screen.findByTestId('restore-confirm'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(backup.restoreBackup).toHaveBeenCalledWith('/d/backups/auto-2026-11-27.dbk', {
      passphrase: 'old passphrase',
    });

    expect((await screen.findByTestId('restore-done')).textContent).toMatch(
      /passphrase the backup was made with/,
    );
    expect(document.activeElement).toBe(screen.getByTestId('restore-unlock'));
    expect(onRestored).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('restore-unlock'));
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(onBack).not.toHaveBeenCalled();
  });

  it("asks for the backup's secret in a field nothing remembers, corrects or spell-checks", async () => {
    render(RestoreFromBackup, { damaged: true, onBack: vi.fn(), onRestored: vi.fn() });
    await userEvent.setup().click(await screen.findByTestId('backup-auto-restore'));
    const secret = screen.getByTestId('restore-secret');
    expect(secret.getAttribute('type')).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    expect(secret.getAttribute('autocapitalize')).toBe('off');
    expect(secret.getAttribute('spellcheck')).toBe('false');
  });

  it('on a new computer, says what a backup brings back, not that a file is damaged', () => {
    render(RestoreFromBackup, { damaged: false, onBack: vi.fn(), onRestored: vi.fn() });
    expect(screen.getByText(/Bring back a journal from a backup/)).toBeTruthy();
    expect(screen.queryByText(/couldn't open/)).toBeNull();
  });

  it('holds Back while the backup goes in', async () => {
    const installing = deferred<string | null>();
    vi.mocked(backup.restoreBackup).mockReturnValue(installing.promise);
    const onBack = vi.fn();
    const user = userEvent.setup();
    render(RestoreFromBackup, { damaged: false, onBack, onRestored: vi.fn() });
    await user.click(await screen.findByTestId('backup-auto-restore'));
    await user.type(screen.getByTestId('restore-secret'), 'old passphrase');
    await user.click(screen.getByTestId('restore-inspect'));
    await user.click(await screen.findByTestId('restore-confirm'));
    expect((screen.getByTestId('restore-back') as HTMLButtonElement).disabled).toBe(false);
    await user.click(screen.getByTestId('confirm-yes'));
    expect((screen.getByTestId('restore-back') as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByTestId('restore-back'));
    expect(onBack).not.toHaveBeenCalled();
    installing.resolve(null);
    expect(await screen.findByTestId('restore-done')).toBeTruthy();
  });

  it('goes back to the screen it came from without restoring', async () => {
    const onBack = vi.fn();
    const onRestored = vi.fn();
    const user = userEvent.setup();
    render(RestoreFromBackup, { damaged: true, onBack, onRestored });
    await user.click(screen.getByTestId('restore-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onRestored).not.toHaveBeenCalled();
    expect(backup.restoreBackup).not.toHaveBeenCalled();
  });
});
