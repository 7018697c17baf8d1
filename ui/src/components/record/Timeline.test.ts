import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/journal');
vi.mock('../../lib/ipc/moods');

import * as journal from '../../lib/ipc/journal';
import * as moods from '../../lib/ipc/moods';
import * as fixtures from '../../testing/journal';
import * as moodFixtures from '../../testing/moods';
import { trigger } from '../../testing/moods';
import { IpcError } from '../../lib/ipc/IpcError';
import { deferred } from '../../testing/deferred';
import Timeline from './Timeline.svelte';
import { settle } from '../../testing/heldPaint';

const ALL = { kinds: [], tag: null, triggerId: null, from: null, to: null };

function setup() {
  const onOpenJournal = vi.fn();
  const onOpenSos = vi.fn();
  // Works with real timers too: only advance fake ones.
  const user = userEvent.setup({
    advanceTimers: (ms) => void (vi.isFakeTimers() && vi.advanceTimersByTime(ms)),
  });
  render(Timeline, { onOpenJournal, onOpenSos });
  return { user, onOpenJournal, onOpenSos };
}

const rows = () => screen.queryAllByTestId('timeline-item');
const row = (kind: string, id: number) =>
  rows().find((r) => r.dataset.kind === kind && r.dataset.id === String(id))!;

describe('Timeline', () => {
  beforeEach(() => {
    vi.mocked(journal.timelinePage).mockResolvedValue(fixtures.page(fixtures.mixedItems()));
    vi.mocked(journal.journalTags).mockResolvedValue(['calm', 'family']);
    vi.mocked(journal.listTriggersForFilter).mockResolvedValue([
      trigger({ id: 21, name: 'Stress' }),
      trigger({ id: 22, name: 'Payday', archived: true }),
    ]);
    vi.mocked(journal.deleteEntry).mockResolvedValue(undefined);
    vi.mocked(journal.restoreEntry).mockResolvedValue(undefined);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows every kind newest first, with kind, time, title, detail and chips', async () => {
    setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    expect(journal.timelinePage).toHaveBeenCalledWith(ALL, null, 50);
    expect(rows().map((r) => `${r.dataset.kind}:${r.dataset.id}`)).toEqual([
      'journal:1',
      'mood:2',
      'craving:3',
      'slip:4',
    ]);
    const craving = row('craving', 3);
    expect(craving.textContent).toContain('Craving');
    expect(craving.textContent).toContain('Strength 7 of 10');
    expect(craving.querySelector('time')?.getAttribute('datetime')).toBe('2025-06-02T21:00:00.000Z');
    expect(craving.querySelector('svg.kind-icon')).not.toBeNull();
    expect(within(craving).getByTestId('timeline-trigger').textContent).toBe('Stress');
    expect(within(row('journal', 1)).getByTestId('timeline-tag').textContent).toBe('#calm');
    expect(within(row('mood', 2)).getByText('calm, hopeful')).toBeTruthy();
  });

  it('offers delete only for moods, cravings and journal entries', async () => {
    setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    expect(within(row('journal', 1)).queryByTestId('timeline-delete')).not.toBeNull();
    expect(within(row('mood', 2)).queryByTestId('timeline-delete')).not.toBeNull();
    expect(within(row('craving', 3)).queryByTestId('timeline-delete')).not.toBeNull();
    expect(within(row('slip', 4)).queryByTestId('timeline-delete')).toBeNull();
  });

  it('sends each filter to the backend, and clears them', async () => {
    const { user } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByTestId('timeline-filter-kind-mood'));
    expect(screen.getByTestId('timeline-filter-kind-mood').getAttribute('aria-pressed')).toBe('true');
    expect(journal.timelinePage).toHaveBeenLastCalledWith({ ...ALL, kinds: ['mood'] }, null, 50);
    await user.click(screen.getByTestId('timeline-filter-kind-journal'));
    expect(journal.timelinePage).toHaveBeenLastCalledWith({ ...ALL, kinds: ['journal', 'mood'] }, null, 50);

    await vi.waitFor(() => expect(screen.getAllByRole('option', { name: 'family' })).toHaveLength(1));
    await user.selectOptions(screen.getByTestId('timeline-filter-tag'), 'family');
    await user.selectOptions(screen.getByTestId('timeline-filter-trigger'), 'Payday (archived)');
    await fireEvent.change(screen.getByTestId('timeline-filter-from'), { target: { value: '2025-01-01' } });
    await fireEvent.change(screen.getByTestId('timeline-filter-to'), { target: { value: '2025-03-31' } });
    expect(journal.timelinePage).toHaveBeenLastCalledWith(
      { kinds: ['journal', 'mood'], tag: 'family', triggerId: 22, from: '2025-01-01', to: '2025-03-31' },
      null,
      50,
    );

    await user.click(screen.getByTestId('timeline-filter-clear'));
    expect(journal.timelinePage).toHaveBeenLastCalledWith(ALL, null, 50);
    expect(screen.getByTestId('timeline-filter-kind-mood').getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByTestId('timeline-filter-tag') as HTMLSelectElement).value).toBe('');
    expect((screen.getByTestId('timeline-filter-from') as HTMLInputElement).value).toBe('');
  });

  it('says when nothing matches the filters', async () => {
    const { user } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    vi.mocked(journal.timelinePage).mockResolvedValue(fixtures.page([]));
    await user.click(screen.getByTestId('timeline-filter-kind-milestone'));
    expect((await screen.findByTestId('timeline-empty')).textContent).toMatch(
      /Nothing matches these filters/,
    );
    expect(rows()).toHaveLength(0);
  });

  it('loads older entries with the cursor it was given', async () => {
    const first = fixtures.manyItems(50);
    const second = fixtures.manyItems(53).slice(50);
    vi.mocked(journal.timelinePage)
      .mockResolvedValueOnce(fixtures.page(first, 'cursor-50'))
      .mockResolvedValueOnce(fixtures.page(second, null));
    const { user } = setup();
    const more = await screen.findByTestId('timeline-load-more');
    await user.click(more);
    expect(journal.timelinePage).toHaveBeenLastCalledWith(ALL, 'cursor-50', 50);
    await vi.waitFor(() => expect(screen.queryByTestId('timeline-load-more')).toBeNull());
    const list = screen.getByTestId('timeline').querySelector('ul')!;
    expect(list.querySelector('li')?.getAttribute('aria-setsize')).toBe('53');
  });

  it('drops a page of older entries that comes back after the filters changed', async () => {
    const first = fixtures.manyItems(50);
    const older = deferred<ReturnType<typeof fixtures.page>>();
    vi.mocked(journal.timelinePage)
      .mockResolvedValueOnce(fixtures.page(first, 'cursor-50'))
      .mockReturnValueOnce(older.promise)
      .mockResolvedValueOnce(fixtures.page(fixtures.mixedItems()));
    const { user } = setup();
    await user.click(await screen.findByTestId('timeline-load-more'));
    expect(screen.getByTestId('timeline-load-more').textContent).toMatch(/Loading/);
    await user.click(screen.getByTestId('timeline-filter-kind-mood'));
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    older.resolve(fixtures.page(fixtures.manyItems(53).slice(50), null));
    await older.promise;
    await settle(0);
    expect(rows()).toHaveLength(4);
    expect(screen.queryByTestId('timeline-error')).toBeNull();
  });

  it('when older entries load between a delete and its undo, undo puts it back in place without a reload', async () => {
    const all = fixtures.manyItems(53);
    vi.mocked(journal.timelinePage)
      .mockResolvedValueOnce(fixtures.page(all.slice(0, 50), 'cursor-50'))
      .mockResolvedValueOnce(fixtures.page(all.slice(50), null));
    const { user } = setup();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(2));
    const before = rows().map((r) => r.dataset.id);
    await user.click(within(rows()[1]!).getByTestId('timeline-delete'));
    await screen.findByTestId('undo-button');
    await user.click(screen.getByTestId('timeline-load-more'));
    await vi.waitFor(() => expect(screen.queryByTestId('timeline-load-more')).toBeNull());
    await user.click(screen.getByTestId('undo-button'));
    await vi.waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(before));
    expect(journal.timelinePage).toHaveBeenCalledTimes(2);
  });

  it('deletes at once, and undo brings it back', async () => {
    const { user } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(row('mood', 2)).getByTestId('timeline-delete'));
    expect(journal.deleteEntry).toHaveBeenCalledWith('mood', 2);
    expect(rows().map((r) => r.dataset.id)).toEqual(['1', '3', '4']);
    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toContain('Mood deleted.');
    expect(document.activeElement).toBe(screen.getByTestId('undo-button'));

    await user.click(screen.getByTestId('undo-button'));
    expect(journal.restoreEntry).toHaveBeenCalledWith('mood', 2);
    await vi.waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(['1', '2', '3', '4']));
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('lets the undo toast go after about 8 seconds', async () => {
    vi.useFakeTimers();
    const { user } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(row('journal', 1)).getByTestId('timeline-delete'));
    expect(await screen.findByTestId('undo-toast')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(7900);
    expect(screen.queryByTestId('undo-toast')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(screen.queryByTestId('undo-toast')).toBeNull();
    expect(journal.restoreEntry).not.toHaveBeenCalled();
  });

  it('puts an entry back and says why when deleting fails', async () => {
    vi.mocked(journal.deleteEntry).mockRejectedValue(new IpcError('locked', 'x'));
    const { user } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(row('craving', 3)).getByTestId('timeline-delete'));
    expect((await screen.findByTestId('timeline-error')).textContent).toContain('Your journal is locked.');
    expect(rows().map((r) => r.dataset.id)).toEqual(['1', '2', '3', '4']);
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('opens journal entries in the editor and others read-only', async () => {
    const { user, onOpenJournal } = setup();
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(row('journal', 1)).getByTestId('timeline-open'));
    expect(onOpenJournal).toHaveBeenCalledWith(1);
    await user.click(within(row('craving', 3)).getByTestId('timeline-open'));
    const detail = screen.getByTestId('entry-detail');
    expect(detail.textContent).toContain('Strength 7 of 10');
    expect(detail.textContent).toContain('Stress');
    await user.click(screen.getByTestId('entry-detail-close'));
    expect(screen.queryByTestId('entry-detail')).toBeNull();
    expect(onOpenJournal).toHaveBeenCalledTimes(1);
  });

  it('renders only the rows on screen for 5,000 entries, and follows the scroll', async () => {
    vi.mocked(journal.timelinePage).mockResolvedValue(fixtures.page(fixtures.manyItems(5000)));
    setup();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]!.dataset.id).toBe('1');
    const list = screen.getByTestId('timeline').querySelector('ul')!;
    expect(parseFloat(list.style.paddingBottom)).toBeGreaterThan(4900 * 100);

    const scroller = list.parentElement!;
    scroller.scrollTop = 112 * 2500;
    await fireEvent.scroll(scroller);
    const ids = rows().map((r) => Number(r.dataset.id));
    expect(ids).toContain(2501);
    expect(ids).not.toContain(1);
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe(String(ids[0]));
  });

  it('explains a failure to load and can try again', async () => {
    vi.mocked(journal.timelinePage).mockRejectedValueOnce(new IpcError('io', 'x'));
    const { user } = setup();
    expect((await screen.findByTestId('timeline-error')).textContent).toMatch(/couldn't read or save/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.queryByTestId('timeline-error')).toBeNull();
  });

  describe('editing moods and cravings', () => {
    const moodEntry = () =>
      moodFixtures.moodEntry({
        id: 2,
        at: '2025-06-03T08:00:00.000Z',
        mood: 4,
        emotions: [moodFixtures.label(1, 'calm')],
      });

    beforeEach(() => {
      vi.mocked(moods.listEmotions).mockResolvedValue(moodFixtures.emotions());
      vi.mocked(moods.listTriggers).mockResolvedValue(moodFixtures.triggers());
      vi.mocked(moods.listCopingActions).mockResolvedValue(moodFixtures.copingActions());
      vi.mocked(moods.getMood).mockResolvedValue(moodEntry());
    });

    async function openDetail(user: ReturnType<typeof userEvent.setup>, kind: string, id: number) {
      await vi.waitFor(() => expect(rows()).toHaveLength(4));
      await user.click(within(row(kind, id)).getByTestId('timeline-open'));
      return screen.getByTestId('entry-detail');
    }

    it('offers Edit for moods and cravings only', async () => {
      const { user } = setup();
      const detail = await openDetail(user, 'slip', 4);
      expect(within(detail).queryByTestId('entry-edit')).toBeNull();
      await user.click(screen.getByTestId('entry-detail-close'));
      expect(within(await openDetail(user, 'craving', 3)).queryByTestId('entry-edit')).not.toBeNull();
      await user.click(screen.getByTestId('entry-detail-close'));
      expect(within(await openDetail(user, 'mood', 2)).queryByTestId('entry-edit')).not.toBeNull();
    });

    it('loads a mood, edits it in its form, then refreshes the row and says so', async () => {
      vi.mocked(moods.updateMood).mockResolvedValue({ ...moodEntry(), mood: 5 });
      const { user } = setup();
      await openDetail(user, 'mood', 2);
      await user.click(screen.getByTestId('entry-edit'));
      expect(moods.getMood).toHaveBeenCalledWith(2);
      const form = await screen.findByTestId('mood-form');
      expect(screen.queryByTestId('entry-detail')).toBeNull();
      expect(within(form).getByRole('heading').textContent).toBe('Edit mood');
      expect(screen.getByTestId('mood-4').getAttribute('aria-checked')).toBe('true');
      expect((await screen.findByTestId('emotion-1')).getAttribute('aria-pressed')).toBe('true');

      // What the backend shows for the row once it has changed.
      vi.mocked(journal.timelinePage).mockResolvedValue(
        fixtures.page(
          fixtures
            .mixedItems()
            .map((i) =>
              i.kind === 'mood' ? { ...i, mood: 5, emotions: [{ id: 9, name: 'calm', builtin: true }] } : i,
            ),
        ),
      );
      expect(journal.timelinePage).toHaveBeenCalledTimes(1);
      await user.click(screen.getByTestId('mood-5'));
      await user.click(screen.getByTestId('mood-save'));
      expect(moods.updateMood).toHaveBeenCalledWith(2, expect.objectContaining({ mood: 5, emotions: [1] }));
      await vi.waitFor(() => expect(screen.queryByTestId('mood-form')).toBeNull());
      expect(screen.getByTestId('timeline-saved').textContent).toBe('Your mood is updated.');
      await vi.waitFor(() => expect(row('mood', 2).textContent).toContain('Mood 5 of 5 (great)'));
      expect(journal.timelinePage).toHaveBeenCalledTimes(2);
      expect(journal.timelinePage).toHaveBeenLastCalledWith(ALL, null, 50);
      expect(rows().map((r) => `${r.dataset.kind}:${r.dataset.id}`)).toEqual([
        'journal:1',
        'mood:2',
        'craving:3',
        'slip:4',
      ]);
      expect(document.activeElement).toBe(within(row('mood', 2)).getByTestId('timeline-open'));
    });

    it('leaves the list alone when the edit is cancelled', async () => {
      const { user } = setup();
      await openDetail(user, 'mood', 2);
      await user.click(screen.getByTestId('entry-edit'));
      await user.click(await screen.findByTestId('mood-cancel'));
      expect(screen.queryByTestId('mood-form')).toBeNull();
      expect(moods.updateMood).not.toHaveBeenCalled();
      expect(journal.timelinePage).toHaveBeenCalledTimes(1);
      expect(screen.queryByTestId('timeline-saved')).toBeNull();
    });

    it('opens a craving in its form with getCraving, and saves it with updateCraving', async () => {
      const event = moodFixtures.cravingEvent({
        id: 3,
        at: '2025-06-02T21:00:00.000Z',
        strength: 7,
        triggers: [moodFixtures.label(21, 'Stress', false)],
      });
      vi.mocked(moods.getCraving).mockResolvedValue(event);
      vi.mocked(moods.updateCraving).mockResolvedValue({ ...event, strength: 3 });
      const { user } = setup();
      await openDetail(user, 'craving', 3);
      await user.click(screen.getByTestId('entry-edit'));
      expect(moods.getCraving).toHaveBeenCalledWith(3);
      expect(moods.getMood).not.toHaveBeenCalled();
      expect(screen.getByRole('dialog', { name: 'Edit craving' })).toBeTruthy();
      expect((screen.getByTestId('craving-strength') as HTMLInputElement).value).toBe('7');
      await fireEvent.input(screen.getByTestId('craving-strength'), { target: { value: '3' } });
      await user.click(screen.getByTestId('craving-save'));
      expect(moods.updateCraving).toHaveBeenCalledWith(
        3,
        expect.objectContaining({ strength: 3, triggers: [21] }),
      );
      await vi.waitFor(() => expect(screen.queryByTestId('craving-form')).toBeNull());
      expect(screen.getByTestId('timeline-saved').textContent).toBe('Your craving is updated.');
      await vi.waitFor(() => expect(journal.timelinePage).toHaveBeenCalledTimes(2));
    });

    it('says why when the entry cannot be loaded, and opens no form', async () => {
      vi.mocked(moods.getMood).mockRejectedValue(new IpcError('not_found', 'x'));
      const { user } = setup();
      await openDetail(user, 'mood', 2);
      await user.click(screen.getByTestId('entry-edit'));
      expect((await screen.findByTestId('entry-edit-error')).textContent).toBe(
        "This mood couldn't be found. It may have been deleted.",
      );
      expect(screen.getByTestId('entry-detail')).toBeTruthy();
      expect(screen.queryByTestId('mood-form')).toBeNull();
    });

    it('lets the confirmation go after a few seconds', async () => {
      vi.useFakeTimers();
      vi.mocked(moods.updateMood).mockResolvedValue(moodEntry());
      const { user } = setup();
      await openDetail(user, 'mood', 2);
      await user.click(screen.getByTestId('entry-edit'));
      await user.click(await screen.findByTestId('mood-save'));
      expect(await screen.findByTestId('timeline-saved')).toBeTruthy();
      await vi.advanceTimersByTimeAsync(5800);
      expect(screen.queryByTestId('timeline-saved')).not.toBeNull();
      await vi.advanceTimersByTimeAsync(300);
      expect(screen.queryByTestId('timeline-saved')).toBeNull();
    });
  });
});
