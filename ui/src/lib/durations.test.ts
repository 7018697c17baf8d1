import { afterEach, describe, expect, it } from 'vitest';
import type { MilestoneLength } from './bindings';
import { milestoneText, spanText } from './durations';
import { useLanguage } from './i18n';

const LADDER: MilestoneLength[] = [
  { unit: 'hours', count: 24 },
  { unit: 'days', count: 3 },
  { unit: 'weeks', count: 1 },
  { unit: 'weeks', count: 2 },
  { unit: 'days', count: 30 },
  { unit: 'months', count: 6 },
  { unit: 'years', count: 1 },
  { unit: 'months', count: 18 },
  { unit: 'years', count: 2 },
];

describe('milestones and spans in words', () => {
  afterEach(() => useLanguage('en'));

  it('says each milestone as people do, in English', () => {
    expect(LADDER.map(milestoneText)).toEqual([
      '24 hours',
      '3 days',
      '1 week',
      '2 weeks',
      '30 days',
      '6 months',
      '1 year',
      '18 months',
      '2 years',
    ]);
  });

  it('says them in Spanish, with Spanish plurals', () => {
    useLanguage('es');
    expect(LADDER.map(milestoneText)).toEqual([
      '24 horas',
      '3 días',
      '1 semana',
      '2 semanas',
      '30 días',
      '6 meses',
      '1 año',
      '18 meses',
      '2 años',
    ]);
  });

  it('leaves out the parts of a span that are zero, and says 0 days when all are', () => {
    expect(spanText({ years: 1, months: 2, days: 3 })).toBe('1 year, 2 months, 3 days');
    expect(spanText({ years: 0, months: 1, days: 1 })).toBe('1 month, 1 day');
    expect(spanText({ years: 2, months: 0, days: 0 })).toBe('2 years');
    expect(spanText({ years: 0, months: 0, days: 0 })).toBe('0 days');
    useLanguage('es');
    expect(spanText({ years: 1, months: 2, days: 3 })).toBe('1 año, 2 meses y 3 días');
    expect(spanText({ years: 0, months: 1, days: 1 })).toBe('1 mes y 1 día');
    expect(spanText({ years: 0, months: 0, days: 0 })).toBe('0 días');
  });
});
