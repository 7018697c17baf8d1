// Which language the interface speaks, and the locale dates and numbers are written in.
//
// The language is the one chosen in Settings (kept in the plain settings file beside the journal,
// so the lock screen speaks it too) or, when none was chosen, the first of the system's languages
// that Daybreak has (`navigator.languages`; WebKitGTK takes it from LANG), else English.
// Every message function reads `getLocale()`, which reads the rune below, so a change of
// language redraws every message on screen at once, without a reload.
import {
  baseLocale,
  locales,
  overwriteGetLocale,
  overwriteSetLocale,
  type Locale,
} from '../paraglide/runtime.js';

/** The system's languages, most preferred first, as BCP 47 tags ("es-ES"). */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages && navigator.languages.length > 0) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

/** A language Daybreak has for a tag ("es-MX" → "es"), or undefined. */
export function localeFor(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().replace('_', '-').split('-')[0] ?? '';
  return (locales as readonly string[]).includes(primary) ? (primary as Locale) : undefined;
}

/** The first of `tags` that Daybreak has, else English. */
export function pickLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const locale = localeFor(tag);
    if (locale) return locale;
  }
  return baseLocale;
}

/** The language spoken when none is chosen: the first of the system's that Daybreak has. */
export function systemLocale(): Locale {
  return pickLocale(systemLanguages());
}

const state = $state<{ locale: Locale; chosen: Locale | null }>({
  locale: systemLocale(),
  chosen: null,
});

// The page says which language it is in from the start, for screen readers and hyphenation.
if (typeof document !== 'undefined') document.documentElement.lang = state.locale;

overwriteGetLocale(() => state.locale);
overwriteSetLocale((locale) => applyLanguage(locale));

function applyLanguage(chosen: Locale | null): void {
  state.chosen = chosen;
  state.locale = chosen ?? systemLocale();
  if (typeof document !== 'undefined') document.documentElement.lang = state.locale;
}

/** The language the interface speaks now. */
export function currentLocale(): Locale {
  return state.locale;
}

/** The language chosen in Settings, or null when Daybreak follows the system. */
export function chosenLanguage(): Locale | null {
  return state.chosen;
}

/**
 * Speaks `language` ("es"), or follows the system again with null. An unknown code follows the
 * system, so a settings file written by a newer Daybreak never leaves the screen blank.
 */
export function useLanguage(language: string | null): void {
  applyLanguage(localeFor(language) ?? null);
}

/**
 * The locale for `Intl` (dates, numbers, money): the system's own tag when it is in the
 * language spoken ("es-MX" keeps Mexico's formats), else the language alone ("es").
 */
export function intlLocale(): string {
  const locale = state.locale;
  const system = systemLanguages().find((tag) => localeFor(tag) === locale);
  return system ?? locale;
}
