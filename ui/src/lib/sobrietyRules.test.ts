import { afterEach, describe, expect, it } from 'vitest';
import { checkClockForm, checkSlipForm, decimalForInput, guessCurrency, parseDecimal } from './sobrietyRules';
import { useLanguage } from './i18n';

afterEach(() => useLanguage(null));

const NOW = new Date(2025, 3, 10, 14, 30);
const FORM = { name: ' Alcohol ', day: '2025-03-03', time: '08:00', money: '', currency: 'EUR', hours: '' };

describe('sobrietyRules', () => {
  it('builds a clock input from the form', () => {
    expect(checkClockForm(FORM, NOW)).toEqual({
      ok: true,
      value: {
        name: 'Alcohol',
        startedAt: new Date(2025, 2, 3, 8, 0).toISOString(),
        moneyPerDayCents: null,
        currency: null,
        minutesPerDay: null,
      },
    });
  });

  it('turns money into cents and hours into minutes', () => {
    const checked = checkClockForm({ ...FORM, money: '12,50', hours: '1.5' }, NOW);
    expect(checked).toMatchObject({
      ok: true,
      value: { moneyPerDayCents: 1250, currency: 'EUR', minutesPerDay: 90 },
    });
  });

  it('writes a decimal for a field as the language writes it, and reads it back', () => {
    useLanguage('es');
    expect(decimalForInput(12.5, 2)).toBe('12,50');
    expect(decimalForInput(1234.567)).toBe('1234,57');
    expect(parseDecimal(decimalForInput(1234.567))).toBe(1234.57);
    useLanguage('en');
    expect(decimalForInput(12.5, 2)).toBe('12.50');
    expect(decimalForInput(2)).toBe('2');
  });

  it('says what to fix', () => {
    expect(checkClockForm({ ...FORM, name: '  ' }, NOW)).toEqual({
      ok: false,
      field: 'name',
      error: 'Please give this clock a name, like "Alcohol".',
    });
    expect(checkClockForm({ ...FORM, day: '2025-04-10', time: '14:31' }, NOW)).toEqual({
      ok: false,
      field: 'when',
      error: "The start can't be in the future.",
    });
    expect(checkClockForm({ ...FORM, day: '2025-04-10', time: '14:30' }, NOW).ok).toBe(true);
    expect(checkClockForm({ ...FORM, money: 'ten' }, NOW)).toMatchObject({
      ok: false,
      field: 'money',
      error: /Money per day/,
    });
    expect(checkClockForm({ ...FORM, hours: '25' }, NOW)).toMatchObject({
      ok: false,
      field: 'hours',
      error: /Hours per day/,
    });
  });

  it('accepts an earlier slip and refuses a future one or one before the clock began', () => {
    const start = new Date(2025, 0, 1, 8, 0).toISOString();
    expect(checkSlipForm({ day: '2025-04-09', time: '22:15', note: '  ' }, start, NOW)).toEqual({
      ok: true,
      value: { at: new Date(2025, 3, 9, 22, 15).toISOString(), note: null },
    });
    expect(checkSlipForm({ day: '2025-04-10', time: '15:00', note: '' }, start, NOW)).toEqual({
      ok: false,
      field: 'when',
      error: "A slip can't be in the future.",
    });
    expect(checkSlipForm({ day: '2024-12-31', time: '23:00', note: '' }, start, NOW)).toEqual({
      ok: false,
      field: 'when',
      error: "A slip can't be before this clock started.",
    });
  });

  it('parses decimals people type', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('3')).toBe(3);
    expect(parseDecimal('3,25')).toBe(3.25);
    expect(parseDecimal('-3')).toBeNaN();
    expect(parseDecimal('3.2.1')).toBeNaN();
  });

  it('guesses a currency from the locale', () => {
    expect(guessCurrency('de-DE')).toBe('EUR');
    expect(guessCurrency('en-GB')).toBe('GBP');
    expect(guessCurrency('ja')).toBe('JPY');
    expect(guessCurrency('en-US')).toBe('USD');
    expect(guessCurrency('xx-invalid-$$')).toBe('USD');
  });
});
