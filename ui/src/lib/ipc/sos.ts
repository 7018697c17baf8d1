import { commands } from './generated';
import { currentLocale } from '../i18n';

// SOS. The crisis lines work while the journal is locked (they are built into the app); my
// people, my reasons and the relapse prevention plan need it open (`locked` otherwise). The
// generated functions (../bindings) under the names the views use; each rejects with an IpcError.

/** Every country's lines; each country lists its emergency number first. */
export const sosCrisisLines = commands.sosCrisisLines;

/**
 * What SOS shows, locked or not: the country chosen on this computer, else the system's, else
 * none (then SOS says to call the local emergency number). The web view's language is only used
 * where the system sets no locale of its own.
 */
export function sosCrisisHere() {
  return commands.sosCrisisHere(navigator.language || '');
}

/** Chooses the country SOS shows (`null`: follow the system); works while locked too. */
export function sosSetCountry(country: string | null) {
  return commands.sosSetCountry(country, navigator.language || '');
}

export const sosPeople = commands.sosPeople;

export const sosAddPerson = commands.sosAddPerson;

export const sosUpdatePerson = commands.sosUpdatePerson;

export const sosRemovePerson = commands.sosRemovePerson;

export const sosReasons = commands.sosReasons;

export const sosAddReason = commands.sosAddReason;

export const sosUpdateReason = commands.sosUpdateReason;

export const sosRemoveReason = commands.sosRemoveReason;

/** The saved plan; every list is empty when it was never saved. */
export const planGet = commands.planGet;

/** Saves the plan and returns it as stored (trimmed, with `updatedAt`). */
export const planSave = commands.planSave;

/**
 * Writes the saved plan as a printable HTML page (to Downloads) and returns its path. The page
 * is NOT encrypted: anyone who opens the file can read it. Say so every time.
 */
export function planExport() {
  return commands.planExport(currentLocale());
}
