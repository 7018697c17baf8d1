import { commands, type ReportOptions } from './generated';
import { readFileBytes } from '../files';
import { currentLocale } from '../i18n';
import { invokeWithFile } from './invoke';

// The person's own data going out (readable exports, the counsellor report) and coming in
// (imports). Every export is written to the export folder
// (Downloads) and is NOT encrypted: the screens that offer one say so.

/** Writes everything as one readable JSON file, named in the screens' language; resolves to its path. */
export const exportJson = () => commands.exportJson(currentLocale());

/**
 * Writes one CSV per kind of entry, together in a zip; resolves to its path. The window's locale
 * says how numbers are written (its decimal mark) where the system sets no locale.
 */
export const exportCsv = () => commands.exportCsv(currentLocale(), navigator.language);

/** Writes the counsellor report for the days `from` to `to` ("YYYY-MM-DD") as HTML and PDF. */
export const exportReport = (options: ReportOptions) =>
  commands.reportExport({ ...options, language: options.language ?? currentLocale() });

/** What importing this file (Daybreak's export or a Daylio CSV) would add. Changes nothing. */
export async function previewImport(file: File) {
  return invokeWithFile('importPreview', file.name, await readFileBytes(file));
}

/** Imports everything in the file, or (when it fails) nothing at all. */
export async function applyImport(file: File) {
  return invokeWithFile('importApply', file.name, await readFileBytes(file));
}
