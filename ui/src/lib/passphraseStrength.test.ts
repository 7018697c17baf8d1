import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphraseStrength';

describe('passphraseStrength', () => {
  it('is empty for nothing typed, and says nothing yet (the field says how long to make it)', () => {
    const result = passphraseStrength('');
    expect(result.level).toBe('empty');
    expect(result.reason).toBe('');
  });

  it('calls a short passphrase weak', () => {
    expect(passphraseStrength('Ab1!x').level).toBe('weak');
    expect(passphraseStrength('Ab1!x').reason).toMatch(/Too short/);
  });

  it('calls common passphrases weak, whatever the case', () => {
    expect(passphraseStrength('password').level).toBe('weak');
    expect(passphraseStrength('PassWord123').level).toBe('weak');
    expect(passphraseStrength('password').reason).toMatch(/common/);
  });

  it('calls simple sequences and repeats weak', () => {
    expect(passphraseStrength('abcdefghij').level).toBe('weak');
    expect(passphraseStrength('98765432').level).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaa').reason).toMatch(/repeated/);
  });

  it('calls a single short lower-case word weak with the "longer is stronger" hint', () => {
    const result = passphraseStrength('mountain');
    expect(result.level).toBe('weak');
    expect(result.reason).toBe('Longer is stronger: try a few words together.');
  });

  it('calls a medium passphrase okay', () => {
    expect(passphraseStrength('riverstone12').level).toBe('okay');
    expect(passphraseStrength('Tr7!ngle').level).toBe('okay');
  });

  it('calls several words together strong', () => {
    expect(passphraseStrength('quiet river morning').level).toBe('strong');
    expect(passphraseStrength('correct horse battery staple').level).toBe('strong');
  });

  it('is pure: the same text gives the same answer', () => {
    expect(passphraseStrength('quiet river morning')).toEqual(passphraseStrength('quiet river morning'));
  });

  it('gets stronger, never weaker, as words are added', () => {
    const order = ['empty', 'weak', 'okay', 'strong'];
    const steps = ['', 'lantern', 'lantern harbor', 'lantern harbor violet', 'lantern harbor violet tundra'];
    const ranks = steps.map((s) => order.indexOf(passphraseStrength(s).level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks.at(-1)).toBe(3);
  });
});
