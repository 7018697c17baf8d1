import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/journal');
vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');

import * as journal from '../../lib/ipc/journal';
import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
import * as fixtures from '../../testing/journal';
import * as sobrietyFixtures from '../../testing/sobriety';
import * as moodFixtures from '../../testing/moods';
import Journal from './Journal.svelte';
import Shell from '../shell/Shell.svelte';

const body = () => screen.getByTestId('journal-body') as HTMLTextAreaElement;

describe('Journal', () => {
  beforeEach(() => {
    vi.mocked(journal.createJournalEntry).mockImplementation(async (input) =>
      fixtures.entry({ id: 31, ...input }),
    );
    vi.mocked(journal.saveJournalEntry).mockImplementation(async (id, input) =>
      fixtures.entry({ id, ...input }),
    );
    vi.mocked(journal.getJournalEntry).mockResolvedValue(
      fixtures.entry({ id: 1, title: 'Evening pages', body: 'It was a long day.' }),
    );
    vi.mocked(journal.timelinePage).mockResolvedValue(fixtures.page(fixtures.mixedItems()));
    vi.mocked(journal.journalTags).mockResolvedValue([]);
    vi.mocked(journal.listTriggersForFilter).mockResolvedValue([]);
    vi.mocked(journal.searchEntries).mockResolvedValue([fixtures.hit({ id: 1 })]);
  });

  it('opens on a blank entry, ready to write, with the heading focused', () => {
    render(Journal);
    expect(screen.getByTestId('view-journal')).toBeTruthy();
    expect(document.activeElement?.tagName).toBe('H1');
    expect(screen.getByTestId('journal-editor')).toBeTruthy();
    expect(body().value).toBe('');
    expect(screen.getByTestId('journal-tab-entries').getAttribute('aria-selected')).toBe('true');
  });

  it('has real tabs that the arrow keys move between', async () => {
    const user = userEvent.setup();
    render(Journal);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.dataset.testid)).toEqual([
      'journal-tab-entries',
      'journal-tab-timeline',
      'journal-tab-search',
    ]);
    screen.getByTestId('journal-tab-entries').focus();
    await user.keyboard('{ArrowRight}');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('journal-tab-timeline')));
    expect(screen.getByTestId('journal-tab-timeline').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('timeline')).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByTestId('journal-tab-timeline').id);
    await user.keyboard('{End}');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('journal-tab-search')));
    expect(screen.getByTestId('search-box')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('journal-tab-entries')));
    expect(screen.queryByTestId('timeline')).toBeNull();
  });

  it('keeps what was typed while looking at the timeline, and saves it first', async () => {
    const user = userEvent.setup();
    render(Journal);
    await user.type(body(), 'Still here');
    await user.click(screen.getByTestId('journal-tab-timeline'));
    expect(journal.createJournalEntry).toHaveBeenCalledWith(expect.objectContaining({ body: 'Still here' }));
    await user.click(screen.getByTestId('journal-tab-entries'));
    expect(body().value).toBe('Still here');
  });

  it('opens an entry from the timeline in the editor', async () => {
    const user = userEvent.setup();
    render(Journal);
    await user.click(screen.getByTestId('journal-tab-timeline'));
    const item = await screen.findAllByTestId('timeline-item');
    await user.click(within(item[0]!).getByTestId('timeline-open'));
    expect(journal.getJournalEntry).toHaveBeenCalledWith(1);
    await vi.waitFor(() => expect(body().value).toBe('It was a long day.'));
    expect(screen.getByTestId('journal-tab-entries').getAttribute('aria-selected')).toBe('true');
    expect((screen.getByTestId('journal-title') as HTMLInputElement).value).toBe('Evening pages');
    await vi.waitFor(() => expect(document.activeElement).toBe(body()));
  });

  it('opens an entry from search in the editor', async () => {
    const user = userEvent.setup();
    render(Journal);
    await user.click(screen.getByTestId('journal-tab-search'));
    await user.type(screen.getByTestId('search-box'), 'walk');
    await user.click(await screen.findByTestId('search-open'));
    expect(journal.getJournalEntry).toHaveBeenCalledWith(1);
    await vi.waitFor(() => expect(body().value).toBe('It was a long day.'));
  });

  it('starts a fresh entry after saving the one open', async () => {
    const user = userEvent.setup();
    render(Journal);
    await user.type(body(), 'First');
    await user.click(screen.getByTestId('journal-new'));
    expect(journal.createJournalEntry).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(body().value).toBe(''));
    expect(document.activeElement).toBe(body());
    expect(screen.getByTestId('journal-save-state').textContent).toBe('Saves as you write');
  });

  it('closes the editor after saving, and can start again', async () => {
    const user = userEvent.setup();
    render(Journal);
    await user.type(body(), 'Done for today');
    await user.click(screen.getByTestId('journal-close'));
    expect(journal.createJournalEntry).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('journal-closed')).toBeTruthy();
    expect(screen.queryByTestId('journal-editor')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('journal-new'));
    await user.click(screen.getByTestId('journal-new'));
    expect(screen.getByTestId('journal-editor')).toBeTruthy();
  });
});

describe('Journal inside the Shell', () => {
  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(sobriety.getToday).mockResolvedValue(sobrietyFixtures.today());
    vi.mocked(moods.listTriggers).mockResolvedValue(moodFixtures.triggers());
    vi.mocked(moods.listEmotions).mockResolvedValue(moodFixtures.emotions());
    vi.mocked(journal.createJournalEntry).mockImplementation(async (input) =>
      fixtures.entry({ id: 31, ...input }),
    );
  });

  it('saves the words being typed before the journal locks', async () => {
    const user = userEvent.setup();
    const onLocked = vi.fn();
    render(Shell, { onLocked });
    await user.click(screen.getByTestId('nav-journal'));
    await user.type(screen.getByTestId('journal-body'), 'Locking soon');
    // Straight to the lock, without leaving the text field first.
    screen.getByTestId('lock-button').click();
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(journal.createJournalEntry).toHaveBeenCalledWith(
      expect.objectContaining({ body: 'Locking soon' }),
    );
    const saved = vi.mocked(journal.createJournalEntry).mock.invocationCallOrder[0]!;
    const locked = vi.mocked(vault.lock).mock.invocationCallOrder[0]!;
    expect(saved).toBeLessThan(locked);
  });
});
