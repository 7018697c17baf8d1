import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, characterCount, validateNewPassphrase } from './passphraseRules';

describe('validateNewPassphrase', () => {
  it('refuses an empty passphrase', () => {
    expect(validateNewPassphrase('', '')).toBe('Please choose a passphrase.');
    expect(validateNewPassphrase('    ', '    ')).toBe('Please choose a passphrase.');
  });

  it('refuses fewer than 8 characters', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(8);
    expect(validateNewPassphrase('1234567', '1234567')).toBe('Your passphrase needs at least 8 characters.');
  });

  it('asks for the confirmation when it is missing', () => {
    expect(validateNewPassphrase('long enough', '')).toMatch(/second time/);
  });

  it('refuses a confirmation that does not match', () => {
    expect(validateNewPassphrase('long enough', 'long enougH')).toBe(
      "The two passphrases don't match. Please type them again.",
    );
  });

  it('accepts exactly 8 characters that match', () => {
    expect(validateNewPassphrase('12345678', '12345678')).toBeNull();
  });

  it('counts an emoji as one character', () => {
    expect(characterCount('🌅🌅🌅🌅')).toBe(4);
    expect(validateNewPassphrase('🌅🌅🌅🌅🌅🌅🌅', '🌅🌅🌅🌅🌅🌅🌅')).toMatch(/at least 8/);
  });
});
