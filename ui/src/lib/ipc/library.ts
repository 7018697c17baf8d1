import { commands } from './generated';
import { currentLocale } from '../i18n';
import { invokeWithFile } from './invoke';

// The generated functions (../bindings, made from the Rust definitions by src-tauri/src/bindings.rs)
// under the names the views use. Each rejects with an IpcError.

// The offline library. Shipped articles can be listed, read and searched even while the
// journal is locked; bookmarks, reading progress, notes and imported articles need it open
// (the backend answers `locked` otherwise).

/** The same limit as the backend's, so a file that is too big is refused before it is sent. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Shipped articles, then (when unlocked) imported ones, with bookmarks and progress. */
export const libraryList = () => commands.libraryList(currentLocale());

/** One article with its sanitized HTML; show it only inside an element with class `prose`. */
/**
 * Asked for in the interface's language; an article not written in it comes in English with
 * `fallback` set, and the reader says so.
 */
export const libraryArticle = (slug: string) => commands.libraryArticle(slug, currentLocale());

/**
 * Where the shipped articles' facts come from: every source each cites, in the interface's
 * language where the article is written in it (duplicates kept; `groupSources` merges them).
 */
export const librarySources = () => commands.librarySources(currentLocale());

/**
 * Best match first, in the interface's language (an article not written in it is searched in
 * English). Any text is safe to send: the backend never fails on query syntax.
 */
export const librarySearch = (query: string, limit: number) =>
  commands.librarySearch(query, limit, currentLocale());

/** Articles about a trigger from the catalogue, by its key (e.g. "loneliness-isolation"). */
export const libraryForTrigger = (key: string) => commands.libraryForTrigger(key, currentLocale());

export const librarySetBookmark = commands.librarySetBookmark;

/** How far the person has read, from 0 to 1. */
export const librarySaveProgress = commands.librarySaveProgress;

/** The person's private note on an article; `null` (or only spaces) removes it. */
export const librarySaveNote = commands.librarySaveNote;

/** The article read most recently and not finished, if any. */
export const libraryContinue = () => commands.libraryContinue(currentLocale());

/** Deletes an imported article for good. Ask the person first. */
export const libraryDeleteImported = commands.libraryDeleteImported;

/** Imports a text, Markdown or HTML file (sent as raw bytes, see `invokeWithFile`). */
export function libraryImport(fileName: string, bytes: Uint8Array) {
  return invokeWithFile('libraryImport', fileName, bytes);
}
