import type {
  EntryKind,
  Insights,
  JournalEntry,
  JournalInput,
  SearchHit,
  TimelineFilter,
  TimelinePage,
  Trigger,
} from '../bindings';
import { invoke } from './invoke';

// Journal entries, the timeline of everything logged, search and insights. Instants are
// RFC 3339 UTC strings; days (`from`, `to`) are local dates `YYYY-MM-DD`.

/** Creates an entry; the body must not be empty. */
export function createJournalEntry(input: JournalInput): Promise<JournalEntry> {
  return invoke<JournalEntry>('create_journal_entry', { input });
}

/** Saves an entry while the person writes (autosave). */
export function saveJournalEntry(id: number, input: JournalInput): Promise<JournalEntry> {
  return invoke<JournalEntry>('save_journal_entry', { id, input });
}

export function getJournalEntry(id: number): Promise<JournalEntry> {
  return invoke<JournalEntry>('get_journal_entry', { id });
}

/** Every tag used on a journal entry, for the timeline filter. */
export function journalTags(): Promise<string[]> {
  return invoke<string[]>('journal_tags');
}

/** Markdown to sanitized HTML for the preview. Show it only inside an element with class `prose`. */
export function renderMarkdown(body: string): Promise<string> {
  return invoke<string>('render_markdown', { body });
}

/** One page of the timeline, newest first. Pass `nextCursor` back for the next page. */
export function timelinePage(
  filter: TimelineFilter,
  cursor: string | null,
  limit: number,
): Promise<TimelinePage> {
  return invoke<TimelinePage>('timeline', { filter, cursor, limit });
}

/** Hides a mood, craving or journal entry. It can be restored until the journal locks. */
export function deleteEntry(kind: EntryKind, id: number): Promise<void> {
  return invoke<void>('delete_entry', { kind, id });
}

export function restoreEntry(kind: EntryKind, id: number): Promise<void> {
  return invoke<void>('restore_entry', { kind, id });
}

/** Any text is safe to send: the backend never fails on query syntax. */
export function searchEntries(query: string, limit: number): Promise<SearchHit[]> {
  return invoke<SearchHit[]>('search_entries', { query, limit });
}

/** Insights between two local dates, both included. */
export function getInsights(from: string, to: string): Promise<Insights> {
  return invoke<Insights>('insights', { from, to });
}

/** The trigger catalogue for the timeline filter (same command as the Mood area's list). */
export function listTriggersForFilter(includeArchived: boolean): Promise<Trigger[]> {
  return invoke<Trigger[]>('list_triggers', { includeArchived });
}
