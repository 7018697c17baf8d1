// Intl's formatters for the language the interface speaks, one per kind, locale and options,
// made once and kept. Making a formatter loads the locale's data from ICU, so a chart that made
// two per day ("your year in moods": 365 squares, each with a date and a number) held the
// Insights screen up and left its memory behind (issue 12).
import { intlLocale } from './locale.svelte';

const made = new Map<string, unknown>();

function kept<T>(
  kind: string,
  options: object | undefined,
  make: (locale: string) => T,
  locale: string = intlLocale(),
): T {
  const key = `${kind} ${locale} ${JSON.stringify(options ?? {})}`;
  let formatter = made.get(key) as T | undefined;
  if (formatter === undefined) {
    // A formatter that cannot be made (an unknown currency) throws here and is not kept.
    formatter = make(locale);
    made.set(key, formatter);
  }
  return formatter;
}

export function dateTimeFormat(options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept('date', options, (locale) => new Intl.DateTimeFormat(locale, options));
}

/** A day of the month with the month's short name: "Mar 3", "3 mar". */
export const MONTH_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };

/**
 * Makes one formatter of dates by parts ("Mar 3") ahead of need, in the background. The first
 * such formatter in the page waits while ICU builds the locale's date patterns: 7-12 ms in
 * WebKitGTK, once per page (any language after it costs under a millisecond), and that wait
 * was the largest single part of opening Insights the first time (its time axis took 17 ms,
 * 5 ms without it; issue 12). Dates in words (`dateStyle`) do not need those patterns: Today,
 * as it opens, does not build them.
 */
export function prepareDatePatterns(): void {
  dateTimeFormat(MONTH_DAY);
}

export function numberFormat(options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept('number', options, (locale) => new Intl.NumberFormat(locale, options));
}

export function listFormat(options?: Intl.ListFormatOptions): Intl.ListFormat {
  return kept('list', options, (locale) => new Intl.ListFormat(locale, options));
}

/**
 * Compares strings as `locale` sorts them. `a.localeCompare(b, locale)` makes a collator on each
 * call: sorting the 200 or so countries for Settings' picker took 10 ms in WebKit, 1 ms with
 * one kept collator.
 */
export function collator(options?: Intl.CollatorOptions, locale: string = intlLocale()): Intl.Collator {
  return kept('collator', options, (l) => new Intl.Collator(l, options), locale);
}

/** Countries' names in `locale` (English where it has none), or null where Intl cannot name them. */
export function regionNames(locale: string = intlLocale()): Intl.DisplayNames | null {
  try {
    return kept('region', undefined, (l) => new Intl.DisplayNames([l, 'en'], { type: 'region' }), locale);
  } catch {
    return null;
  }
}
