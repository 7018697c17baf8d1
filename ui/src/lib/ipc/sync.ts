import { Channel } from '@tauri-apps/api/core';
import { commands, type SyncNotice } from './generated';

// The generated functions (../bindings, from src-tauri/src/bindings.rs) under the names the
// views use. Each rejects with an IpcError.

/**
 * Where syncing stands: the chosen folder, the computers seen there, what waits, the last round,
 * a passphrase changed elsewhere.
 */
export const syncStatus = commands.syncStatus;

/** Asks which folder to sync through (the system's folder dialog); null when it was closed. */
export const pickSyncFolder = commands.syncPickFolder;

/** Starts syncing through the folder and runs the first round; resolves to the new status. */
export const chooseSyncFolder = commands.syncChooseFolder;

/** One round now; resolves to the new status. */
export const syncNow = commands.syncNow;

/** Stops syncing on this computer; the journal stays whole. */
export const stopSyncing = commands.syncStop;

export type JoinSecret = { passphrase: string } | { recoveryKey: string };

/**
 * First run on another computer: opens the journal in the sync folder with the passphrase or
 * the recovery key and rebuilds it here (seconds to tens of seconds). Afterwards it is unlocked.
 */
export function joinFromFolder(folder: string, secret: JoinSecret) {
  return 'passphrase' in secret
    ? commands.syncJoin(folder, secret.passphrase, null)
    : commands.syncJoin(folder, null, secret.recoveryKey);
}

/**
 * Joins the chosen folder's journal again after it got a new key on another computer, with the
 * passphrase or recovery key it has now. The journal here keeps everything and takes that key.
 */
export function rejoinSyncFolder(secret: JoinSecret) {
  return 'passphrase' in secret
    ? commands.syncRejoin(secret.passphrase, null)
    : commands.syncRejoin(null, secret.recoveryKey);
}

/**
 * What the rounds tell the UI (changes arrived, syncing stopped or resumed, the passphrase
 * changed elsewhere). The shell keeps one channel: a new watch replaces the last, and is told
 * at once what is still true of the journal's opening.
 */
export function watchSync(onNotice: (notice: SyncNotice) => void): Promise<void> {
  const channel = new Channel<SyncNotice>();
  channel.onmessage = onNotice;
  return commands.syncWatch(channel);
}
