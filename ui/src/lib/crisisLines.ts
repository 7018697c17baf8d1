// Words for the crisis lines. The backend hands over facts (kind, how to reach a line, whether
// it is for young people, a menu option); every sentence a person reads is here.
import type { CountryLines, CrisisHere, CrisisLine, LineKind } from './bindings';
import { collator, intlLocale, m, regionNames } from './i18n';

/** A worldwide directory of helplines, for anyone whose country is not in the list. */
export const ELSEWHERE_NAME = 'Find A Helpline';

export const KIND_WORDS: Record<LineKind, string> = {
  get emergency() {
    return m.crisis_kind_emergency();
  },
  get crisis() {
    return m.crisis_kind_crisis();
  },
  get drugs() {
    return m.crisis_kind_drugs();
  },
  get overdose() {
    return m.crisis_kind_overdose();
  },
  get poison() {
    return m.crisis_kind_poison();
  },
  get health() {
    return m.crisis_kind_health();
  },
};

export const KIND_HELP: Record<LineKind, string> = {
  get emergency() {
    return m.crisis_help_emergency();
  },
  get crisis() {
    return m.crisis_help_crisis();
  },
  get drugs() {
    return m.crisis_help_drugs();
  },
  get overdose() {
    return m.crisis_help_overdose();
  },
  get poison() {
    return m.crisis_help_poison();
  },
  get health() {
    return m.crisis_help_health();
  },
};

/** Read when shown, in the language spoken then. */
export function youthWords(): string {
  return m.crisis_youth();
}

/** The line's own name, or "Emergency number" for a country's general one. */
export function lineName(line: CrisisLine): string {
  return line.name ?? m.crisis_emergency_number();
}

/** How to reach the line: "Call", "Text", "Call or text", and the menu option to choose. */
export function howToReach(line: CrisisLine): string {
  const how =
    line.contact === 'text'
      ? m.crisis_text()
      : line.contact === 'call_or_text'
        ? m.crisis_call_or_text()
        : m.crisis_call();
  return line.menuOption == null ? how : m.crisis_then_option({ how, option: line.menuOption });
}

/** The number to call in an emergency: the country's first line (the table puts it first). */
export function emergencyLine(country: CountryLines | null): CrisisLine | null {
  return country?.lines.find((l) => l.kind === 'emergency') ?? null;
}

/** A country's name in the person's language when the browser knows it, else the table's own. */
export function countryName(
  country: { code: string; name: string },
  locale: string = intlLocale(),
  names: Intl.DisplayNames | null = regionNames(locale),
): string {
  return names?.of(country.code) ?? country.name;
}

/** The countries for a picker, by name in the person's language, sorted in it. */
export function countryChoices(
  countries: readonly CountryLines[],
  locale: string = intlLocale(),
): { code: string; name: string }[] {
  const names = regionNames(locale);
  const byName = collator(undefined, locale);
  return countries
    .map((c) => ({ code: c.code, name: countryName(c, locale, names) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** The country SOS shows first: the chosen or local one, or none (call your local number). */
export function firstCountry(here: CrisisHere | null): string {
  return here?.country?.code ?? '';
}
