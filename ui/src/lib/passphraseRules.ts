import { m } from './i18n';
/** The backend refuses shorter passphrases too. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Length in characters as a person counts them (so an emoji is one, not two). */
export function characterCount(text: string): number {
  return [...text].length;
}

/** The two fields of a new passphrase: the passphrase, and the same typed again. */
export type NewPassphraseField = 'new' | 'confirm';

/**
 * Checks a new passphrase and its confirmation before anything is sent to the backend.
 * Returns what to fix and in which field, or null when it is fine.
 */
export function checkNewPassphrase(
  passphrase: string,
  confirmation: string,
): { field: NewPassphraseField; error: string } | null {
  if (passphrase.trim() === '') {
    return { field: 'new', error: m.passphraserules_please_choose_a_passphrase() };
  }
  if (characterCount(passphrase) < MIN_PASSPHRASE_LENGTH) {
    return { field: 'new', error: m.passphraserules_too_short({ min: MIN_PASSPHRASE_LENGTH }) };
  }
  if (confirmation === '') {
    return { field: 'confirm', error: m.passphraserules_please_type_your_passphrase_a() };
  }
  if (passphrase !== confirmation) {
    return { field: 'confirm', error: m.passphraserules_the_two_passphrases_don_t() };
  }
  return null;
}

/** The message of `checkNewPassphrase`, or null when the new passphrase is fine. */
export function validateNewPassphrase(passphrase: string, confirmation: string): string | null {
  return checkNewPassphrase(passphrase, confirmation)?.error ?? null;
}
