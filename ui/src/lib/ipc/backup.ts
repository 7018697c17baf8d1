import { Channel } from '@tauri-apps/api/core';
import { commands } from './generated';

// The generated functions (../bindings, made from the Rust definitions by src-tauri/src/bindings.rs)
// under the names the views use. Each rejects with an IpcError.

/**
 * Asks where to save (system dialog), then writes and verifies a backup, reporting progress
 * from 0 to 100. Resolves to null when the dialog was closed.
 */
export function backupNow(onProgress: (percent: number) => void) {
  const progress = new Channel<number>();
  progress.onmessage = onProgress;
  return commands.backupNow(progress);
}

export const cancelBackup = commands.backupCancel;

/** Asks which backup file to restore from (system dialog); null when closed. */
export const pickBackup = commands.backupPick;

/** The automatic daily backups, newest first. */
export const automaticBackups = commands.backupListAuto;

/** What a backup holds, opened with the passphrase or recovery key valid when it was made. */
export function inspectBackup(path: string, secret: BackupSecret) {
  return commands.backupInspect(path, ...secretArgs(secret));
}

/** Locks and replaces the journal with the backup; resolves to where the old one was kept. */
export function restoreBackup(path: string, secret: BackupSecret) {
  return commands.backupRestore(path, ...secretArgs(secret));
}

/** Deletes every automatic backup except `keep` (after a re-key); resolves to how many went. */
export const deleteOlderBackups = commands.backupDeleteOlder;

export type BackupSecret = { passphrase: string } | { recoveryKey: string };

/** The commands' `passphrase` and `recoveryKey` arguments: exactly one is given. */
function secretArgs(secret: BackupSecret): [passphrase: string | null, recoveryKey: string | null] {
  return 'passphrase' in secret ? [secret.passphrase, null] : [null, secret.recoveryKey];
}
