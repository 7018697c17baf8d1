import { MIN_PASSPHRASE_LENGTH, characterCount } from './passphraseRules';
import { m } from './i18n';

export type StrengthLevel = 'empty' | 'weak' | 'okay' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** A short, kind sentence that says why, and how to do better. */
  reason: string;
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  'qwertyui',
  'qwertyuiop',
  'asdfghjk',
  'iloveyou',
  'letmein1',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'trustno1',
  'abcdefgh',
  'daybreak',
  'daybreak1',
  'recovery',
  'recovery1',
  'sobriety',
]);

function characterKinds(text: string): number {
  let kinds = 0;
  if (/\p{Ll}/u.test(text)) kinds++;
  if (/\p{Lu}/u.test(text)) kinds++;
  if (/\p{N}/u.test(text)) kinds++;
  if (/[^\p{L}\p{N}\s]/u.test(text)) kinds++;
  return kinds;
}

function wordCount(text: string): number {
  return text.split(/[\s\-_.,]+/u).filter((word) => characterCount(word) >= 2).length;
}

function isSimpleSequence(text: string): boolean {
  const codes = [...text.toLowerCase()].map((ch) => ch.codePointAt(0) ?? 0);
  if (codes.length < 4) return false;
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) !== 1) return false;
  return codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

/**
 * A rough, friendly estimate of how hard a passphrase is to guess.
 * Pure: the same text always gives the same answer. It only advises; it never refuses.
 */
export function passphraseStrength(passphrase: string): Strength {
  const length = characterCount(passphrase);
  if (length === 0) {
    // Nothing to judge yet; the field's own help already says how long to make it.
    return { level: 'empty', reason: '' };
  }
  if (length < MIN_PASSPHRASE_LENGTH) {
    return { level: 'weak', reason: m.passphrasestrength_too_short({ min: MIN_PASSPHRASE_LENGTH }) };
  }
  const lower = passphrase.toLowerCase();
  if (COMMON.has(lower) || isSimpleSequence(lower)) {
    return {
      level: 'weak',
      reason: m.passphrasestrength_that_one_is_very_common(),
    };
  }
  const unique = new Set(lower).size;
  if (unique <= 3) {
    return {
      level: 'weak',
      reason: m.passphrasestrength_lots_of_repeated_characters_are(),
    };
  }

  const words = wordCount(passphrase);
  const kinds = characterKinds(passphrase);
  if (length >= 20 || (length >= 15 && (words >= 3 || kinds >= 3))) {
    return { level: 'strong', reason: m.passphrasestrength_long_passphrases_like_this_are() };
  }
  if (length >= 12 || kinds >= 3) {
    return { level: 'okay', reason: m.passphrasestrength_longer_is_stronger_add_another() };
  }
  return { level: 'weak', reason: m.passphrasestrength_longer_is_stronger_try_a() };
}
