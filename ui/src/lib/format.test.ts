import { describe, expect, it } from 'vitest';
import { daysText, formatElapsed, formatHours, formatMoney, savingsLines } from './format';

describe('format', () => {
  it('uses the singular only for exactly one', () => {
    expect(daysText(0)).toBe('0 days');
    expect(daysText(1)).toBe('1 day');
    expect(daysText(2)).toBe('2 days');
  });

  it('shows elapsed time as hours and whole minutes', () => {
    expect(formatElapsed(5 * 3600 + 12 * 60 + 59)).toBe('5 h 12 min');
    expect(formatElapsed(12 * 60)).toBe('12 min');
    expect(formatElapsed(50 * 3600)).toBe('50 h 0 min');
    expect(formatElapsed(-5)).toBe('0 min');
  });

  it('formats money from cents in the given currency', () => {
    expect(formatMoney(1250, 'USD')).toBe('$12.50');
    expect(formatMoney(100000, 'EUR')).toBe('€1,000.00');
    expect(formatMoney(1250, null)).toBe('12.50');
    expect(formatMoney(1250, 'NOPE')).toBe('12.50 NOPE');
  });

  it('shows time in minutes under an hour, then in hours', () => {
    expect(formatHours(45)).toBe('45 minutes');
    expect(formatHours(1)).toBe('1 minute');
    expect(formatHours(60)).toBe('1 hour');
    expect(formatHours(90)).toBe('1.5 hours');
    expect(formatHours(720)).toBe('12 hours');
    expect(formatHours(61)).toBe('1 hour');
    expect(formatHours(62)).toBe('1 hour');
    expect(formatHours(63)).toBe('1.1 hours');
  });

  it('describes savings, and nothing when none were set', () => {
    expect(savingsLines(null)).toEqual([]);
    expect(
      savingsLines({
        currency: 'USD',
        moneyPerDayCents: 1000,
        minutesPerDay: 120,
        moneyCurrentCents: 32000,
        moneyTotalCents: 77000,
        minutesCurrent: 3840,
        minutesTotal: 3840,
      }),
    ).toEqual([
      '$320.00 not spent during this streak ($770.00 in all)',
      '64 hours of your time back during this streak',
    ]);
    expect(
      savingsLines({
        currency: null,
        moneyPerDayCents: null,
        minutesPerDay: 30,
        moneyCurrentCents: null,
        moneyTotalCents: null,
        minutesCurrent: 30,
        minutesTotal: 30,
      }),
    ).toEqual(['30 minutes of your time back during this streak']);
  });

  it('says what each day adds on a streak’s first day, never "$0.00 not spent"', () => {
    const firstDay = {
      currency: 'USD',
      moneyPerDayCents: 1250,
      minutesPerDay: 90,
      moneyCurrentCents: 0,
      moneyTotalCents: 0,
      minutesCurrent: 0,
      minutesTotal: 0,
    };
    expect(savingsLines(firstDay)).toEqual([
      'Each sober day adds $12.50 not spent',
      'Each sober day gives you 1.5 hours back',
    ]);
    expect(savingsLines({ ...firstDay, moneyTotalCents: 42000, minutesTotal: 0 })).toEqual([
      'Each sober day adds $12.50 not spent ($420.00 in all)',
      'Each sober day gives you 1.5 hours back',
    ]);
    expect(savingsLines({ ...firstDay, moneyPerDayCents: 0, minutesPerDay: 0 })).toEqual([]);
  });
});
