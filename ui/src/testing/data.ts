// Ready-made backend answers for the import tests. Each call returns a fresh object.
import type { ImportPreview, ImportSummary } from '../lib/bindings';

/** A Daylio file with 12 new moods and 3 new journal entries; 4 moods were there already. */
export function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    added: 15,
    alreadyThere: 4,
    kinds: [
      { kind: 'moods', added: 12, alreadyThere: 4 },
      { kind: 'journal entries', added: 3, alreadyThere: 0 },
    ],
    ...overrides,
  };
}

/** The same file, seen before importing it. */
export function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return { format: 'daylio', summary: summary(), ...overrides };
}

/** Everything in the file is already in the journal. */
export function nothingNew(): ImportPreview {
  return preview({
    format: 'daybreak',
    summary: summary({
      added: 0,
      alreadyThere: 19,
      kinds: [
        { kind: 'moods', added: 0, alreadyThere: 16 },
        { kind: 'journal entries', added: 0, alreadyThere: 3 },
      ],
    }),
  });
}

export const daylioFile = () =>
  new File(['full_date,mood\n2026-11-27,good\n'], 'daylio_export.csv', { type: 'text/csv' });
export const daybreakFile = () =>
  new File(['{"format":"daybreak"}'], 'daybreak-export.json', { type: 'application/json' });
