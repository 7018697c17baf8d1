// What the shell says at start (`boot`, or handed over as it makes the window): the journal's
// state in a person's data folder, and the language chosen in Settings.
import type { Boot, JournalState, JournalStatus, Language } from '../lib/bindings';

/** The journal's state, in Sam's data folder. */
export function status(state: JournalState): JournalStatus {
  return {
    state,
    dataDir: '/home/sam/.local/share/daybreak',
    journalFile: '/home/sam/.local/share/daybreak/journal.daybreak',
  };
}

/** The state the first screen is drawn from. */
export function booted(state: JournalState, language: Language | null = null): Boot {
  return { journal: status(state), language };
}
