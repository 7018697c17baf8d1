import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as journal from './journal';
import * as mocked from './__mocks__/journal';
import { IpcError } from './IpcError';

const INPUT = { at: '2025-03-03T08:00:00.000Z', title: 'Morning', body: 'A calm start.', tags: ['calm'] };
const FILTER = {
  kinds: ['journal' as const],
  tag: 'calm',
  triggerId: 3,
  from: '2025-01-01',
  to: '2025-03-31',
};

describe('ipc/journal', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    await journal.createJournalEntry(INPUT);
    await journal.saveJournalEntry(5, INPUT);
    await journal.getJournalEntry(5);
    await journal.journalTags();
    await journal.renderMarkdown('**hi**');
    await journal.timelinePage(FILTER, 'c1', 50);
    await journal.deleteEntry('mood', 7);
    await journal.restoreEntry('mood', 7);
    await journal.searchEntries('walk "park', 50);
    await journal.getInsights('2025-01-01', '2025-01-30');
    await journal.listTriggersForFilter(true);
    expect(tauriInvoke.mock.calls).toEqual([
      ['create_journal_entry', { input: INPUT }],
      ['save_journal_entry', { id: 5, input: INPUT }],
      ['get_journal_entry', { id: 5 }],
      ['journal_tags'],
      ['render_markdown', { body: '**hi**' }],
      ['timeline', { filter: FILTER, cursor: 'c1', limit: 50 }],
      ['delete_entry', { kind: 'mood', id: 7 }],
      ['restore_entry', { kind: 'mood', id: 7 }],
      ['search_entries', { query: 'walk "park', limit: 50 }],
      ['insights', { from: '2025-01-01', to: '2025-01-30' }],
      ['list_triggers', { includeArchived: true }],
    ]);
  });

  it('turns a backend rejection into an IpcError that keeps the message', async () => {
    tauriInvoke.mockRejectedValue({
      code: 'invalid_input',
      message: "Write something first: an empty entry can't be saved.",
    });
    const error = await journal.createJournalEntry(INPUT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: "Write something first: an empty entry can't be saved.",
    });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(journal).sort());
  });
});
