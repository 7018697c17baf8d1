import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/journal');

import * as journal from '../../lib/ipc/journal';
import * as fixtures from '../../testing/journal';
import { deferred } from '../../testing/deferred';
import type { SearchHit } from '../../lib/bindings';
import { useLanguage } from '../../lib/i18n';
import SearchBox from './SearchBox.svelte';

function setup() {
  const onOpenJournal = vi.fn();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(SearchBox, { onOpenJournal });
  return { user, onOpenJournal };
}

const results = () => screen.queryAllByTestId('search-result');

describe('SearchBox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(journal.searchEntries).mockResolvedValue([fixtures.hit()]);
  });

  afterEach(() => {
    vi.useRealTimers();
    useLanguage('en');
  });

  it('invites a search before anything is typed', () => {
    setup();
    expect(screen.getByTestId('search-empty').dataset.state).toBe('idle');
    expect(screen.getByLabelText('Search your entries')).toBe(screen.getByTestId('search-box'));
  });

  it('waits for a short pause in typing, then searches once', async () => {
    const { user } = setup();
    await user.type(screen.getByTestId('search-box'), 'walk');
    await vi.advanceTimersByTimeAsync(149);
    expect(journal.searchEntries).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(journal.searchEntries).toHaveBeenCalledTimes(1);
    expect(journal.searchEntries).toHaveBeenCalledWith('walk', 50);
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    expect(results()[0]!.dataset.kind).toBe('journal');
    expect(results()[0]!.dataset.id).toBe('7');
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const slow = deferred<SearchHit[]>();
    const fast = deferred<SearchHit[]>();
    vi.mocked(journal.searchEntries).mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    const { user } = setup();
    const box = screen.getByTestId('search-box');
    await user.type(box, 'wa');
    await vi.advanceTimersByTimeAsync(150);
    await user.type(box, 'lk');
    await vi.advanceTimersByTimeAsync(150);
    expect(journal.searchEntries).toHaveBeenNthCalledWith(1, 'wa', 50);
    expect(journal.searchEntries).toHaveBeenNthCalledWith(2, 'walk', 50);

    fast.resolve([fixtures.hit({ id: 2, title: 'Newer' })]);
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    slow.resolve([fixtures.hit({ id: 1, title: 'Older' }), fixtures.hit({ id: 3, title: 'Older too' })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(results().map((r) => r.dataset.id)).toEqual(['2']);
    expect(results()[0]!.textContent).toContain('Newer');
  });

  it('marks matches from the parts, as text and never as HTML', async () => {
    vi.mocked(journal.searchEntries).mockResolvedValue([
      fixtures.hit({
        snippet: [
          { text: 'I wrote <b>bold</b> about a ', hit: false },
          { text: 'walk', hit: true },
          { text: ' and another ', hit: false },
          { text: '<img src=x onerror=alert(1)>', hit: true },
        ],
      }),
    ]);
    const { user } = setup();
    await user.type(screen.getByTestId('search-box'), 'walk');
    await vi.advanceTimersByTimeAsync(150);
    await vi.waitFor(() => expect(results()).toHaveLength(1));
    const snippet = screen.getByTestId('search-snippet');
    const marks = [...snippet.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['walk', '<img src=x onerror=alert(1)>']);
    expect(snippet.querySelector('b')).toBeNull();
    expect(snippet.querySelector('img')).toBeNull();
    expect(snippet.textContent).toBe(
      'I wrote <b>bold</b> about a walk and another <img src=x onerror=alert(1)>',
    );
  });

  it('says when nothing matches, and goes back to the invitation when cleared', async () => {
    vi.mocked(journal.searchEntries).mockResolvedValue([]);
    const { user } = setup();
    await user.type(screen.getByTestId('search-box'), 'zebra');
    await vi.advanceTimersByTimeAsync(150);
    await vi.waitFor(() => expect(screen.getByTestId('search-empty').dataset.state).toBe('no-results'));
    expect(screen.getByTestId('search-empty').textContent).toContain('Nothing matches “zebra”');
    await user.clear(screen.getByTestId('search-box'));
    await vi.advanceTimersByTimeAsync(500);
    expect(screen.getByTestId('search-empty').dataset.state).toBe('idle');
    expect(journal.searchEntries).toHaveBeenCalledTimes(1);
  });

  it('opens a journal result in the editor', async () => {
    vi.mocked(journal.searchEntries).mockResolvedValue([
      fixtures.hit(),
      fixtures.hit({ kind: 'mood', id: 4, title: 'Okay' }),
    ]);
    const { user, onOpenJournal } = setup();
    await user.type(screen.getByTestId('search-box'), 'walk');
    await vi.advanceTimersByTimeAsync(150);
    await vi.waitFor(() => expect(results()).toHaveLength(2));
    expect(results()[1]!.querySelector('button')).toBeNull();
    await user.click(screen.getByTestId('search-open'));
    expect(onOpenJournal).toHaveBeenCalledWith(7);
  });

  it('names a result without a title by its kind, in the language spoken', async () => {
    useLanguage('es');
    vi.mocked(journal.searchEntries).mockResolvedValue([
      fixtures.hit({ title: null }),
      fixtures.hit({ kind: 'mood', id: 4, title: null }),
    ]);
    const { user } = setup();
    await user.type(screen.getByTestId('search-box'), 'walk');
    await vi.advanceTimersByTimeAsync(150);
    await vi.waitFor(() => expect(results()).toHaveLength(2));
    expect(screen.getByTestId('search-open').textContent?.trim()).toBe('Entrada sin título');
    expect(results()[1]!.querySelector('.title')?.textContent?.trim()).toBe('Ánimo');
  });
});
