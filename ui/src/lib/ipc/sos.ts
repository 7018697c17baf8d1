import type { CountryLines, CrisisHere, Person, PersonInput, Reason, RelapsePlan } from '../bindings';
import { currentLocale } from '../i18n';
import { invoke } from './invoke';

// SOS. The crisis lines work while the journal is locked (they are built into the app); my
// people, my reasons and the relapse prevention plan need it open (`locked` otherwise).

/** Every country's lines; each country lists its emergency number first. */
export function sosCrisisLines(): Promise<CountryLines[]> {
  return invoke<CountryLines[]>('sos_crisis_lines');
}

/**
 * What SOS shows, locked or not: the country chosen on this computer, else the system's, else
 * none (then SOS says to call the local emergency number). The web view's language is only used
 * where the system sets no locale of its own.
 */
export function sosCrisisHere(): Promise<CrisisHere> {
  return invoke<CrisisHere>('sos_crisis_here', { uiLocale: navigator.language || '' });
}

/** Chooses the country SOS shows (`null`: follow the system); works while locked too. */
export function sosSetCountry(country: string | null): Promise<CrisisHere> {
  return invoke<CrisisHere>('sos_set_country', { country, uiLocale: navigator.language || '' });
}

export function sosPeople(): Promise<Person[]> {
  return invoke<Person[]>('sos_people');
}

export function sosAddPerson(input: PersonInput): Promise<Person> {
  return invoke<Person>('sos_add_person', { input });
}

export function sosUpdatePerson(id: number, input: PersonInput): Promise<Person> {
  return invoke<Person>('sos_update_person', { id, input });
}

export function sosRemovePerson(id: number): Promise<void> {
  return invoke<void>('sos_remove_person', { id });
}

export function sosReasons(): Promise<Reason[]> {
  return invoke<Reason[]>('sos_reasons');
}

export function sosAddReason(text: string): Promise<Reason> {
  return invoke<Reason>('sos_add_reason', { text });
}

export function sosUpdateReason(id: number, text: string): Promise<Reason> {
  return invoke<Reason>('sos_update_reason', { id, text });
}

export function sosRemoveReason(id: number): Promise<void> {
  return invoke<void>('sos_remove_reason', { id });
}

/** The saved plan; every list is empty when it was never saved. */
export function planGet(): Promise<RelapsePlan> {
  return invoke<RelapsePlan>('plan_get');
}

/** Saves the plan and returns it as stored (trimmed, with `updatedAt`). */
export function planSave(plan: RelapsePlan): Promise<RelapsePlan> {
  return invoke<RelapsePlan>('plan_save', { plan });
}

/**
 * Writes the saved plan as a printable HTML page (to Downloads) and returns its path. The page
 * is NOT encrypted: anyone who opens the file can read it. Say so every time.
 */
export function planExport(): Promise<string> {
  return invoke<string>('plan_export', { language: currentLocale() });
}
