import { afterEach, describe, expect, it } from 'vitest';
import { currentLocale, intlLocale, localeFor, m, pickLocale, useLanguage } from '.';

// Read before any test changes the language.
const langAtLoad = document.documentElement.lang;

afterEach(() => useLanguage(null));

describe('the interface language', () => {
  it('takes the first system language Daybreak has, else English', () => {
    expect(pickLocale(['de-DE', 'es-MX', 'en-US'])).toBe('es');
    expect(pickLocale(['fr-FR', 'de'])).toBe('en');
    expect(pickLocale([])).toBe('en');
    expect(localeFor('es_ES')).toBe('es');
    expect(localeFor('ES')).toBe('es');
    expect(localeFor('eo')).toBeUndefined();
  });

  it('the page says its language from the start', () => {
    // jsdom's page says nothing; the locale module set it when it loaded.
    expect(langAtLoad).toBe('en');
  });

  it('speaks the language chosen in Settings, and follows the system again without one', () => {
    // jsdom's navigator says en-US.
    expect(currentLocale()).toBe('en');
    useLanguage('es');
    expect(currentLocale()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(m.common_days({ count: 3 })).toBe('3 días');
    useLanguage(null);
    expect(currentLocale()).toBe('en');
    expect(m.common_days({ count: 3 })).toBe('3 days');
  });

  it('an unknown language code from a newer settings file follows the system', () => {
    useLanguage('xx');
    expect(currentLocale()).toBe('en');
  });

  it('counts with each language’s plural rules', () => {
    expect(m.common_days({ count: 1 })).toBe('1 day');
    expect(m.common_days({ count: 2 })).toBe('2 days');
    useLanguage('es');
    expect(m.common_days({ count: 1 })).toBe('1 día');
    expect(m.common_days({ count: 0 })).toBe('0 días');
  });

  it('dates and numbers follow the language spoken', () => {
    expect(intlLocale()).toBe('en-US');
    useLanguage('es');
    expect(intlLocale()).toBe('es');
    const date = new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long' }).format(new Date(2025, 2, 3));
    expect(date).toBe('3 de marzo de 2025');
  });
});
