import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/backup');

import * as backup from '../../lib/ipc/backup';
import RestoreFromBackup from './RestoreFromBackup.svelte';

// From the lock screen, when the journal's file is damaged: a backup in its place, nothing
// unlocked first, then back to the lock screen.

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

  it('says why, restores a checked backup once confirmed, and goes back to unlock', async () => {
    const onBack = vi.fn();
    const user = userEvent.setup();
    render(RestoreFromBackup, { onBack });
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
    expect(onBack).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('restore-unlock'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('goes back to the lock screen without restoring', async () => {
    const onBack = vi.fn();
    const user = userEvent.setup();
    render(RestoreFromBackup, { onBack });
    await user.click(screen.getByTestId('restore-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(backup.restoreBackup).not.toHaveBeenCalled();
  });
});
