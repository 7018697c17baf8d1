import { describe, expect, it } from 'vitest';
import {
  countryChoices,
  countryName,
  emergencyLine,
  howToReach,
  KIND_HELP,
  KIND_WORDS,
  lineName,
} from './crisisLines';
import * as fixtures from '../testing/sos';
import type { LineKind } from './bindings';

describe('crisisLines words', () => {
  const [us, gb, ie, pe] = fixtures.countries();

  it('names a general emergency number and keeps a service its own name', () => {
    expect(lineName(ie!.lines[0]!)).toBe('Emergency number');
    expect(lineName(gb!.lines[1]!)).toBe('Samaritans');
  });

  it('says how to reach a line, with the menu option when there is one', () => {
    expect(howToReach(us!.lines[0]!)).toBe('Call');
    expect(howToReach(us!.lines[1]!)).toBe('Call or text');
    expect(howToReach({ ...us!.lines[1]!, contact: 'text' })).toBe('Text');
    expect(howToReach(pe!.lines[1]!)).toBe('Call, then choose option 5');
  });

  it('finds the emergency line, and none without a country', () => {
    expect(emergencyLine(pe!)?.number).toBe('106');
    expect(emergencyLine(null)).toBeNull();
  });

  it('words every kind', () => {
    const kinds: LineKind[] = ['emergency', 'crisis', 'drugs', 'overdose', 'poison', 'health'];
    for (const kind of kinds) {
      expect(KIND_WORDS[kind]).toBeTruthy();
      expect(KIND_HELP[kind]).toMatch(/\.$/);
    }
  });

  it('lists countries by their name in the person’s language, sorted', () => {
    const en = countryChoices(fixtures.countries(), 'en');
    expect(en.map((c) => c.code)).toEqual(['IE', 'PE', 'GB', 'US']);
    const de = countryChoices(fixtures.countries(), 'de');
    expect(de.find((c) => c.code === 'IE')?.name).toBe('Irland');
  });

  it('names one country in the person’s language, as SOS shows it beside the number', () => {
    expect(countryName(ie!, 'es')).toBe('Irlanda');
    expect(countryName(ie!, 'en')).toBe('Ireland');
  });
});
