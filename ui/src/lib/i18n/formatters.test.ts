import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MONTH_DAY,
  collator,
  dateTimeFormat,
  listFormat,
  numberFormat,
  prepareDatePatterns,
  useLanguage,
} from '.';
import { formatDay } from '../format';

afterEach(() => useLanguage(null));

describe('kept Intl formatters', () => {
  it('makes one formatter per options and hands it out again', () => {
    const one = numberFormat({ maximumFractionDigits: 1 });
    expect(numberFormat({ maximumFractionDigits: 1 })).toBe(one);
    expect(numberFormat({ maximumFractionDigits: 2 })).not.toBe(one);
    expect(dateTimeFormat({ weekday: 'long' })).toBe(dateTimeFormat({ weekday: 'long' }));
  });

  it('follows the language the interface speaks', () => {
    const english = numberFormat({ maximumFractionDigits: 1 });
    expect(english.format(1.5)).toBe('1.5');
    useLanguage('es');
    expect(numberFormat({ maximumFractionDigits: 1 }).format(1.5)).toBe('1,5');
    expect(dateTimeFormat({ weekday: 'long' }).format(new Date(2024, 0, 1))).toBe('lunes');
    expect(listFormat({ style: 'long', type: 'unit' }).format(['1 año', '2 días'])).toBe('1 año y 2 días');
    useLanguage(null);
    expect(numberFormat({ maximumFractionDigits: 1 })).toBe(english);
  });

  it('keeps one collator per locale and options, sorting as that language does', () => {
    expect(collator()).toBe(collator());
    expect(collator({ sensitivity: 'base' })).not.toBe(collator());
    expect(collator(undefined, 'en')).toBe(collator(undefined, 'en'));
    expect(collator({ sensitivity: 'base' }).compare('árbol', 'Arbol')).toBe(0);
    useLanguage('es');
    expect(['ñu', 'nube', 'oso'].sort(collator().compare)).toEqual(['nube', 'ñu', 'oso']);
  });

  it('a formatter that cannot be made throws each time and is not kept', () => {
    expect(() => numberFormat({ style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
    expect(() => numberFormat({ style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
  });

  it('makes ahead the date formatter the time charts use, so drawing them makes none', () => {
    useLanguage('es'); // a locale no test above has made this formatter for
    const Real = Intl.DateTimeFormat;
    const made = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (locales, options) {
      return new Real(locales, options);
    } as typeof Real);
    try {
      prepareDatePatterns();
      expect(made).toHaveBeenCalledTimes(1);
      expect(made).toHaveBeenCalledWith('es', MONTH_DAY);
      made.mockClear();
      expect(formatDay('2024-03-03', MONTH_DAY)).toBe('3 mar');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
