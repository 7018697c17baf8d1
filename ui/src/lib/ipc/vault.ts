import { commands } from './generated';

// The generated functions (../bindings, from src-tauri/src/bindings.rs) under the names the
// views use. Each rejects with an IpcError.

/** Whether a journal exists and whether it is locked, plus where it lives. */
export const vaultStatus = commands.vaultStatus;

/** What the first screen needs, in one call: the journal's status and the chosen language. */
export const boot = commands.boot;

/** Creates the journal (1-3 s). Afterwards it is unlocked. */
export const createJournal = commands.createJournal;

export const unlock = commands.unlock;

/** Unlocks with the recovery key and replaces the passphrase in one step. */
export const unlockWithRecoveryKey = commands.unlockWithRecoveryKey;

export const lock = commands.lock;

/** Only while unlocked. */
export const changePassphrase = commands.changePassphrase;

/**
 * Changes the passphrase and locks out every older copy: a new key for the journal and a new
 * recovery key (returned, to show once), and a fresh backup. Only while unlocked.
 */
export const rekeyJournal = commands.rekeyJournal;
