// The journal IPC module as tests see it after `vi.mock('…/lib/ipc/journal')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../journal.ts.
import { vi } from 'vitest';
import type * as real from '../journal';

export const createJournalEntry = vi.fn<typeof real.createJournalEntry>();
export const saveJournalEntry = vi.fn<typeof real.saveJournalEntry>();
export const getJournalEntry = vi.fn<typeof real.getJournalEntry>();
export const journalTags = vi.fn<typeof real.journalTags>();
export const renderMarkdown = vi.fn<typeof real.renderMarkdown>();
export const timelinePage = vi.fn<typeof real.timelinePage>();
export const deleteEntry = vi.fn<typeof real.deleteEntry>();
export const restoreEntry = vi.fn<typeof real.restoreEntry>();
export const searchEntries = vi.fn<typeof real.searchEntries>();
export const getInsights = vi.fn<typeof real.getInsights>();
export const listTriggersForFilter = vi.fn<typeof real.listTriggersForFilter>();
