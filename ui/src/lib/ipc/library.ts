import type { Article, ArticleSummary, LibraryHit } from '../bindings';
import { invoke, invokeWithFile } from './invoke';

// The offline library. Shipped articles can be listed, read and searched even while the
// journal is locked; bookmarks, reading progress, notes and imported articles need it open
// (the backend answers `locked` otherwise).

/** The same limit as the backend's, so a file that is too big is refused before it is sent. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Shipped articles, then (when unlocked) imported ones, with bookmarks and progress. */
export function libraryList(): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>('library_list');
}

/** One article with its sanitized HTML; show it only inside an element with class `prose`. */
export function libraryArticle(slug: string): Promise<Article> {
  return invoke<Article>('library_article', { slug });
}

/** Best match first. Any text is safe to send: the backend never fails on query syntax. */
export function librarySearch(query: string, limit: number): Promise<LibraryHit[]> {
  return invoke<LibraryHit[]>('library_search', { query, limit });
}

/** Articles about a trigger from the catalogue, by its key (e.g. "loneliness-isolation"). */
export function libraryForTrigger(key: string): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>('library_for_trigger', { key });
}

export function librarySetBookmark(slug: string, bookmarked: boolean): Promise<void> {
  return invoke<void>('library_set_bookmark', { slug, bookmarked });
}

/** How far the person has read, from 0 to 1. */
export function librarySaveProgress(slug: string, progress: number): Promise<void> {
  return invoke<void>('library_save_progress', { slug, progress });
}

/** The person's private note on an article; `null` (or only spaces) removes it. */
export function librarySaveNote(slug: string, note: string | null): Promise<void> {
  return invoke<void>('library_save_note', { slug, note });
}

/** The article read most recently and not finished, if any. */
export function libraryContinue(): Promise<ArticleSummary | null> {
  return invoke<ArticleSummary | null>('library_continue');
}

/** Deletes an imported article for good. Ask the person first. */
export function libraryDeleteImported(slug: string): Promise<void> {
  return invoke<void>('library_delete_imported', { slug });
}

/** Imports a text, Markdown or HTML file (sent as raw bytes, see `invokeWithFile`). */
export function libraryImport(fileName: string, bytes: Uint8Array): Promise<ArticleSummary> {
  return invokeWithFile<ArticleSummary>('library_import', fileName, bytes);
}
