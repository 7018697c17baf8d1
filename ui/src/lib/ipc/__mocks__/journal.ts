// The IPC module as tests see it after `vi.mock('…/lib/ipc/journal')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../journal.ts.
import { vi } from 'vitest';

export const createJournalEntry = vi.fn();
export const saveJournalEntry = vi.fn();
export const getJournalEntry = vi.fn();
export const journalTags = vi.fn();
export const renderMarkdown = vi.fn();
export const timelinePage = vi.fn();
export const deleteEntry = vi.fn();
export const restoreEntry = vi.fn();
export const searchEntries = vi.fn();
export const getInsights = vi.fn();
export const listTriggersForFilter = vi.fn();
