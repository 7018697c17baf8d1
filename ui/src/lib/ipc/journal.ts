import { commands } from './generated';

// The generated functions (../bindings, made from the Rust definitions by src-tauri/src/bindings.rs)
// under the names the views use. Each rejects with an IpcError.

// Journal entries, the timeline of everything logged, search and insights. Instants are
// RFC 3339 UTC strings; days (`from`, `to`) are local dates `YYYY-MM-DD`.

/** Creates an entry; the body must not be empty. */
export const createJournalEntry = commands.createJournalEntry;

/** Saves an entry while the person writes (autosave). */
export const saveJournalEntry = commands.saveJournalEntry;

export const getJournalEntry = commands.getJournalEntry;

/** Every tag used on a journal entry, for the timeline filter. */
export const journalTags = commands.journalTags;

/** Markdown to sanitized HTML for the preview. Show it only inside an element with class `prose`. */
export const renderMarkdown = commands.renderMarkdown;

/** One page of the timeline, newest first. Pass `nextCursor` back for the next page. */
export const timelinePage = commands.timeline;

/** Hides a mood, craving or journal entry. It can be restored until the journal locks. */
export const deleteEntry = commands.deleteEntry;

export const restoreEntry = commands.restoreEntry;

/** Any text is safe to send: the backend never fails on query syntax. */
export const searchEntries = commands.searchEntries;

/** Insights between two local dates, both included. */
export const getInsights = commands.insights;

/** The trigger catalogue for the timeline filter (same command as the Mood area's list). */
export const listTriggersForFilter = commands.listTriggers;
