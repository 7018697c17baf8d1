import { Channel } from '@tauri-apps/api/core';
import type { BackupSummary } from '../bindings';
import { invoke } from './invoke';

/**
 * Asks where to save (system dialog), then writes and verifies a backup, reporting progress
 * from 0 to 100. Resolves to null when the dialog was closed.
 */
export function backupNow(onProgress: (percent: number) => void): Promise<BackupSummary | null> {
  const progress = new Channel<number>();
  progress.onmessage = onProgress;
  return invoke<BackupSummary | null>('backup_now', { progress });
}

export function cancelBackup(): Promise<void> {
  return invoke<void>('backup_cancel');
}

/** Asks which backup file to restore from (system dialog); null when closed. */
export function pickBackup(): Promise<string | null> {
  return invoke<string | null>('backup_pick');
}

/** The automatic daily backups, newest first. */
export function automaticBackups(): Promise<string[]> {
  return invoke<string[]>('backup_list_auto');
}

/** What a backup holds, opened with the passphrase or recovery key valid when it was made. */
export function inspectBackup(path: string, secret: BackupSecret): Promise<BackupSummary> {
  return invoke<BackupSummary>('backup_inspect', { path, ...secretArgs(secret) });
}

/** Locks and replaces the journal with the backup; resolves to where the old one was kept. */
export function restoreBackup(path: string, secret: BackupSecret): Promise<string | null> {
  return invoke<string | null>('backup_restore', { path, ...secretArgs(secret) });
}

/** Deletes every automatic backup except `keep` (after a re-key); resolves to how many went. */
export function deleteOlderBackups(keep: string): Promise<number> {
  return invoke<number>('backup_delete_older', { keep });
}

export type BackupSecret = { passphrase: string } | { recoveryKey: string };

function secretArgs(secret: BackupSecret) {
  return 'passphrase' in secret
    ? { passphrase: secret.passphrase, recoveryKey: null }
    : { passphrase: null, recoveryKey: secret.recoveryKey };
}
