/** The backend refuses shorter passphrases too. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Length in characters as a person counts them (so an emoji is one, not two). */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Checks a new passphrase and its confirmation before anything is sent to the backend.
 * Returns a message to show, or null when it is fine.
 */
export function validateNewPassphrase(passphrase: string, confirmation: string): string | null {
  if (passphrase.trim() === '') {
    return 'Please choose a passphrase.';
  }
  if (characterCount(passphrase) < MIN_PASSPHRASE_LENGTH) {
    return `Your passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  }
  if (confirmation === '') {
    return 'Please type your passphrase a second time, to be sure.';
  }
  if (passphrase !== confirmation) {
    return "The two passphrases don't match. Please type them again.";
  }
  return null;
}
