import type { CreatedJournal, JournalStatus, RekeyedJournal } from '../bindings';
import { invoke } from './invoke';

/** Whether a journal exists and whether it is locked, plus where it lives. */
export function vaultStatus(): Promise<JournalStatus> {
  return invoke<JournalStatus>('vault_status');
}

/** Creates the journal (1-3 s). Afterwards it is unlocked. */
export function createJournal(passphrase: string): Promise<CreatedJournal> {
  return invoke<CreatedJournal>('create_journal', { passphrase });
}

export function unlock(passphrase: string): Promise<void> {
  return invoke<void>('unlock', { passphrase });
}

/** Unlocks with the recovery key and replaces the passphrase in one step. */
export function unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<void> {
  return invoke<void>('unlock_with_recovery_key', { recoveryKey, newPassphrase });
}

export function lock(): Promise<void> {
  return invoke<void>('lock');
}

/** Only while unlocked. */
export function changePassphrase(current: string, newPassphrase: string): Promise<void> {
  return invoke<void>('change_passphrase', { current, newPassphrase });
}

/**
 * Changes the passphrase and locks out every older copy: a new key for the journal and a new
 * recovery key (returned, to show once), and a fresh backup. Only while unlocked.
 */
export function rekeyJournal(current: string, newPassphrase: string): Promise<RekeyedJournal> {
  return invoke<RekeyedJournal>('rekey_journal', { current, newPassphrase });
}
