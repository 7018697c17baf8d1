import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/backup');

import * as backup from '../../lib/ipc/backup';
import { IpcError } from '../../lib/ipc/IpcError';
import { useLanguage } from '../../lib/i18n';
import BackupSettings from './BackupSettings.svelte';

const SUMMARY = {
  path: '/home/sam/daybreak-backup-2026-11-27.dbk',
  createdAt: '2026-11-27T10:00:00Z',
  sizeBytes: 4096,
  counts: [
    { label: 'clocks', count: 2 },
    { label: 'journal entries', count: 14 },
  ],
};

describe('BackupSettings', () => {
  afterEach(() => useLanguage('en'));

  beforeEach(() => {
    vi.mocked(backup.automaticBackups).mockResolvedValue(['/d/backups/auto-2026-11-27.dbk']);
  });

  it('backs up now with progress, then says it was checked', async () => {
    vi.mocked(backup.backupNow).mockImplementation(async (onProgress) => {
      onProgress(40);
      return SUMMARY;
    });
    const user = userEvent.setup();
    render(BackupSettings, { onRestored: vi.fn() });
    await user.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backup-done')).textContent).toMatch(
      /checked: daybreak-backup-2026-11-27\.dbk/,
    );
    expect(screen.queryByTestId('backup-progress')).toBeNull();
  });

  it('restores an automatic backup only after checking it and confirming', async () => {
    vi.mocked(backup.inspectBackup)
      .mockRejectedValueOnce(new IpcError('wrong_passphrase', "That passphrase didn't open this backup."))
      .mockResolvedValue(SUMMARY);
    vi.mocked(backup.restoreBackup).mockResolvedValue('/d/backups/before-restore.dbk');
    const onRestored = vi.fn();
    const user = userEvent.setup();
    render(BackupSettings, { onRestored });
    await user.click(await screen.findByTestId('backup-auto-restore'));
    await user.type(screen.getByTestId('restore-secret'), 'wrong words');
    await user.click(screen.getByTestId('restore-inspect'));
    expect((await screen.findByTestId('restore-error')).textContent).toMatch(/didn't open this backup/);
    expect(backup.restoreBackup).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId('restore-secret'));
    await user.type(screen.getByTestId('restore-secret'), 'old passphrase');
    await user.click(screen.getByTestId('restore-inspect'));
    expect((await screen.findByTestId('restore-summary')).textContent).toMatch(/Journal entries: 14/);
    expect(backup.inspectBackup).toHaveBeenLastCalledWith('/d/backups/auto-2026-11-27.dbk', {
      passphrase: 'old passphrase',
    });
    await user.click(screen.getByTestId('restore-confirm'));
    expect(backup.restoreBackup).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('confirm-yes'));
    expect(backup.restoreBackup).toHaveBeenCalledWith('/d/backups/auto-2026-11-27.dbk', {
      passphrase: 'old passphrase',
    });
    expect(onRestored).toHaveBeenCalledWith('/d/backups/before-restore.dbk');
  });

  it('can use the recovery key instead', async () => {
    vi.mocked(backup.inspectBackup).mockResolvedValue(SUMMARY);
    const user = userEvent.setup();
    render(BackupSettings, { onRestored: vi.fn() });
    await user.click(await screen.findByTestId('backup-auto-restore'));
    await user.click(screen.getByTestId('restore-use-recovery'));
    await user.type(screen.getByTestId('restore-secret'), 'K7QF-9M2D');
    await user.click(screen.getByTestId('restore-inspect'));
    await screen.findByTestId('restore-summary');
    expect(backup.inspectBackup).toHaveBeenLastCalledWith('/d/backups/auto-2026-11-27.dbk', {
      recoveryKey: 'K7QF-9M2D',
    });
  });

  it('says what a backup holds in Spanish, from the kinds the core counts', async () => {
    useLanguage('es');
    vi.mocked(backup.inspectBackup).mockResolvedValue(SUMMARY);
    const user = userEvent.setup();
    render(BackupSettings, { onRestored: vi.fn() });
    await user.click(await screen.findByTestId('backup-auto-restore'));
    expect(screen.getByLabelText('Frase de acceso válida cuando se hizo la copia')).toBe(
      screen.getByTestId('restore-secret'),
    );
    await user.type(screen.getByTestId('restore-secret'), 'old passphrase');
    await user.click(screen.getByTestId('restore-inspect'));
    const summary = (await screen.findByTestId('restore-summary')).textContent ?? '';
    expect(summary).toMatch(/Contadores: 2/);
    expect(summary).toMatch(/Entradas del diario: 14/);
  });
});
