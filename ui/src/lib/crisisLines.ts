// Words for the crisis lines. The backend hands over facts (kind, how to reach a line, whether
// it is for young people, a menu option); every sentence a person reads is here.
import type { CountryLines, CrisisHere, CrisisLine, LineKind } from './bindings';

/** A worldwide directory of helplines, for anyone whose country is not in the list. */
export const ELSEWHERE_NAME = 'Find A Helpline';

export const KIND_WORDS: Record<LineKind, string> = {
  emergency: 'Emergency',
  crisis: 'Crisis support',
  drugs: 'Drugs and alcohol',
  overdose: 'If you use alone',
  poison: 'Poison help',
  health: 'Urgent health advice',
};

export const KIND_HELP: Record<LineKind, string> = {
  emergency: 'Ambulance, police, fire. Call for an overdose.',
  crisis: 'Someone to talk to when things feel too hard. Free and confidential.',
  drugs: 'Honest help and advice about alcohol and drugs.',
  overdose: 'Call before you use. They stay on the line and send help if you stop answering.',
  poison: 'Advice when someone may have taken something harmful.',
  health: 'Health advice when it is urgent but not an emergency.',
};

export const YOUTH_WORDS = 'For young people';

/** The line's own name, or "Emergency number" for a country's general one. */
export function lineName(line: CrisisLine): string {
  return line.name ?? 'Emergency number';
}

/** How to reach the line: "Call", "Text", "Call or text", and the menu option to choose. */
export function howToReach(line: CrisisLine): string {
  const how = line.contact === 'text' ? 'Text' : line.contact === 'call_or_text' ? 'Call or text' : 'Call';
  return line.menuOption == null ? how : `${how}, then choose option ${line.menuOption}`;
}

/** The number to call in an emergency: the country's first line (the table puts it first). */
export function emergencyLine(country: CountryLines | null): CrisisLine | null {
  return country?.lines.find((l) => l.kind === 'emergency') ?? null;
}

/** The countries for a picker, by name in the person's language when the browser knows it. */
export function countryChoices(
  countries: readonly CountryLines[],
  locale: string = navigator.language,
): { code: string; name: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return countries
    .map((c) => ({ code: c.code, name: names?.of(c.code) ?? c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The country SOS shows first: the chosen or local one, or none (call your local number). */
export function firstCountry(here: CrisisHere | null): string {
  return here?.country?.code ?? '';
}
