import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/library');

import * as library from '../../lib/ipc/library';
import * as fixtures from '../../testing/library';
import { deferred } from '../../testing/deferred';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import type { LibraryHit } from '../../lib/bindings';
import { useLanguage } from '../../lib/i18n';
import Library from './Library.svelte';

function setup(props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  const result = render(Library, props);
  return { user, ...result };
}

const slugs = (elements: HTMLElement[]) => elements.map((e) => e.dataset.slug);

function chooseFile(file: File) {
  const input = screen.getByTestId('library-import-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('Library', () => {
  afterEach(() => useLanguage(null));

  beforeEach(() => {
    vi.mocked(library.libraryList).mockResolvedValue(fixtures.list());
    vi.mocked(library.libraryContinue).mockResolvedValue(null);
    vi.mocked(library.libraryArticle).mockImplementation(async (slug: string) =>
      fixtures.article({ slug, title: slug === 'after-a-slip' ? 'After a slip' : `Article ${slug}` }),
    );
    vi.mocked(library.librarySearch).mockResolvedValue([fixtures.hit()]);
    vi.mocked(library.librarySaveProgress).mockResolvedValue(undefined);
    vi.mocked(library.librarySaveNote).mockResolvedValue(undefined);
  });

  it('groups the readings by topic, each topic with its heading', async () => {
    setup();
    const topics = await screen.findAllByTestId('library-topic');
    expect(topics.map((t) => t.dataset.topic)).toEqual([
      'Coping skills',
      'Cravings',
      'Relapse prevention',
      'Slips',
    ]);
    const cravings = topics[1]!;
    expect(within(cravings).getByRole('heading', { level: 2 }).textContent).toBe('Cravings');
    expect(slugs(within(cravings).getAllByTestId('library-item'))).toEqual([
      'cravings-and-triggers',
      'urge-surfing-and-coping-skills',
    ]);
    const item = within(cravings).getAllByTestId('library-item')[0]!;
    expect(item.textContent).toContain('Cravings and triggers');
    expect(item.textContent).toContain('7 min read');
    expect(within(item).getByTestId('library-item-progress').textContent).toContain('40% read');
    expect(within(item).queryByTestId('library-item-bookmarked')).toBeNull();
    const surfing = within(cravings).getAllByTestId('library-item')[1]!;
    expect(within(surfing).getByTestId('library-item-bookmarked').textContent).toContain('Bookmarked');
    expect(within(surfing).queryByTestId('library-item-progress')).toBeNull();
  });

  it('in Spanish, names a reading not yet written in Spanish as English, in its own words and its lang', async () => {
    useLanguage('es');
    vi.mocked(library.libraryList).mockResolvedValue([
      fixtures.summary({
        slug: 'written-in-spanish',
        title: 'Después de un desliz',
        languages: ['en', 'es'],
      }),
      fixtures.summary({ slug: 'english-only', title: 'Teenagers and addiction', languages: ['en'] }),
    ]);
    setup();
    await screen.findAllByTestId('library-topic');
    const [spanish, english] = ['written-in-spanish', 'english-only'].map((slug) =>
      document.querySelector<HTMLElement>(`[data-testid="library-item"][data-slug="${slug}"]`)!,
    );
    expect(within(english!).getByTestId('library-item-other-language').textContent).toBe('En inglés');
    expect(within(english!).getByTestId('library-item-open').getAttribute('lang')).toBe('en');
    expect(english!.querySelector('.summary')?.getAttribute('lang')).toBe('en');
    expect(within(spanish!).queryByTestId('library-item-other-language')).toBeNull();
    expect(within(spanish!).getByTestId('library-item-open').hasAttribute('lang')).toBe(false);
  });

  it('keeps imported readings in their own group, with a delete button that asks first', async () => {
    vi.mocked(library.libraryDeleteImported).mockResolvedValue(undefined);
    const { user } = setup();
    const group = await screen.findByTestId('library-imported');
    expect(slugs(within(group).getAllByTestId('library-item'))).toEqual(['imported-my-notes']);
    for (const topic of screen.getAllByTestId('library-topic')) {
      expect(within(topic).queryByTestId('library-delete-imported')).toBeNull();
    }

    await user.click(within(group).getByTestId('library-delete-imported'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('My notes');
    await user.click(screen.getByTestId('confirm-no'));
    expect(library.libraryDeleteImported).not.toHaveBeenCalled();

    vi.mocked(library.libraryList).mockResolvedValue(fixtures.list().filter((a) => !a.imported));
    await user.click(within(group).getByTestId('library-delete-imported'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(library.libraryDeleteImported).toHaveBeenCalledWith('imported-my-notes');
    await vi.waitFor(() => expect(screen.getByTestId('library-imported-empty')).toBeTruthy());
  });

  it('shows bookmarks, or says how to add one', async () => {
    setup();
    const bookmarks = await screen.findByTestId('library-bookmarks');
    expect(slugs(within(bookmarks).getAllByTestId('library-bookmark'))).toEqual([
      'urge-surfing-and-coping-skills',
    ]);
  });

  it('has a kind empty state when nothing is bookmarked', async () => {
    vi.mocked(library.libraryList).mockResolvedValue(
      fixtures.list().map((a) => ({ ...a, bookmarked: false })),
    );
    setup();
    expect((await screen.findByTestId('library-bookmarks-empty')).textContent).toContain(
      'Nothing bookmarked yet',
    );
    expect(screen.queryAllByTestId('library-bookmark')).toHaveLength(0);
  });

  it('offers to continue the last unfinished reading, and opens it', async () => {
    vi.mocked(library.libraryContinue).mockResolvedValue(
      fixtures.summary({ slug: 'cravings-and-triggers', title: 'Cravings and triggers', progress: 0.4 }),
    );
    const { user } = setup();
    const card = await screen.findByTestId('library-continue');
    expect(card.dataset.slug).toBe('cravings-and-triggers');
    expect(card.textContent).toContain('Cravings and triggers');
    expect(within(card).getByTestId('library-continue-progress').textContent).toContain('40% read');
    await user.click(within(card).getByTestId('library-continue-open'));
    expect(library.libraryArticle).toHaveBeenCalledWith('cravings-and-triggers');
    expect(await screen.findByTestId('article-reader')).toBeTruthy();
  });

  it('shows no continue card when there is nothing to continue', async () => {
    setup();
    await screen.findAllByTestId('library-topic');
    expect(screen.queryByTestId('library-continue')).toBeNull();
  });

  it('says so when the library cannot be loaded', async () => {
    vi.mocked(library.libraryList).mockRejectedValue(new IpcError('io', 'x'));
    setup();
    expect((await screen.findByTestId('library-error')).textContent).toContain("couldn't read or save");
  });

  it('loads again with Try again after a failed load', async () => {
    vi.mocked(library.libraryList).mockRejectedValueOnce(new IpcError('io', 'x'));
    const { user } = setup();
    await screen.findByTestId('library-error');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findAllByTestId('library-topic')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('library-error')).toBeNull();
  });

  it('opens a reading from the list, and goes back to the list with focus on it', async () => {
    const { user } = setup();
    const bookmark = await screen.findByTestId('library-bookmark');
    await user.click(within(bookmark).getByTestId('library-bookmark-open'));
    expect((await screen.findByTestId('article-title')).textContent).toContain(
      'Article urge-surfing-and-coping-skills',
    );
    expect(screen.queryByTestId('library-topic')).toBeNull();

    await user.click(screen.getByTestId('article-back'));
    expect(screen.queryByTestId('article-reader')).toBeNull();
    const again = screen.getByTestId('library-bookmark');
    expect(document.activeElement).toBe(within(again).getByTestId('library-bookmark-open'));
    expect(library.libraryList).toHaveBeenCalledTimes(2); // fresh bookmarks and progress
  });

  it('opens the article another screen asked for', async () => {
    setup({ request: { slug: 'opioid-overdose', seq: 1 } });
    expect(library.libraryArticle).toHaveBeenCalledWith('opioid-overdose');
    expect((await screen.findByTestId('article-title')).textContent).toContain('Article opioid-overdose');
  });

  it('opens a newer request while it is already showing', async () => {
    const { rerender } = setup({ request: null });
    await screen.findAllByTestId('library-topic');
    await rerender({ request: { slug: 'after-a-slip', seq: 3 } });
    expect((await screen.findByTestId('article-title')).textContent).toContain('After a slip');
  });

  describe('search', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });

    afterEach(() => {
      vi.useRealTimers();
    });

    function setupTimed() {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(Library);
      return { user };
    }

    const results = () => screen.queryAllByTestId('library-result');

    it('waits for a short pause in typing, then searches once', async () => {
      const { user } = setupTimed();
      expect(screen.getByLabelText('Search the library')).toBe(screen.getByTestId('library-search'));
      await user.type(screen.getByTestId('library-search'), 'urge');
      await vi.advanceTimersByTimeAsync(119);
      expect(library.librarySearch).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(library.librarySearch).toHaveBeenCalledTimes(1);
      expect(library.librarySearch).toHaveBeenCalledWith('urge', 30);
      await vi.waitFor(() => expect(results()).toHaveLength(1));
      expect(results()[0]!.dataset.slug).toBe('urge-surfing-and-coping-skills');
      expect(screen.queryByTestId('library-topic')).toBeNull(); // results take the place of the list
    });

    it('ignores an older answer that arrives after a newer one', async () => {
      const slow = deferred<LibraryHit[]>();
      const fast = deferred<LibraryHit[]>();
      vi.mocked(library.librarySearch).mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
      const { user } = setupTimed();
      const box = screen.getByTestId('library-search');
      await user.type(box, 'sl');
      await vi.advanceTimersByTimeAsync(120);
      await user.type(box, 'eep');
      await vi.advanceTimersByTimeAsync(120);
      expect(library.librarySearch).toHaveBeenNthCalledWith(1, 'sl', 30);
      expect(library.librarySearch).toHaveBeenNthCalledWith(2, 'sleep', 30);

      fast.resolve([fixtures.hit({ slug: 'newer', title: 'Newer' })]);
      await vi.waitFor(() => expect(results()).toHaveLength(1));
      slow.resolve([
        fixtures.hit({ slug: 'older', title: 'Older' }),
        fixtures.hit({ slug: 'older-2', title: 'Older too' }),
      ]);
      await vi.advanceTimersByTimeAsync(0);
      expect(results().map((r) => r.dataset.slug)).toEqual(['newer']);
    });

    it('marks matches from the parts, as text and never as HTML', async () => {
      vi.mocked(library.librarySearch).mockResolvedValue([
        fixtures.hit({
          snippet: [
            { text: 'Notice the ', hit: false },
            { text: 'urge', hit: true },
            { text: ' <b>then</b> ', hit: false },
            { text: '<img src=x onerror=alert(1)>', hit: true },
          ],
        }),
      ]);
      const { user } = setupTimed();
      await user.type(screen.getByTestId('library-search'), 'urge');
      await vi.advanceTimersByTimeAsync(120);
      await vi.waitFor(() => expect(results()).toHaveLength(1));
      const snippet = screen.getByTestId('library-snippet');
      expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
        'urge',
        '<img src=x onerror=alert(1)>',
      ]);
      expect(snippet.querySelector('b')).toBeNull();
      expect(snippet.querySelector('img')).toBeNull();
      expect(snippet.textContent).toBe('Notice the urge <b>then</b> <img src=x onerror=alert(1)>');
    });

    it('says when nothing matches, and brings the list back when the box is cleared', async () => {
      vi.mocked(library.librarySearch).mockResolvedValue([]);
      const { user } = setupTimed();
      await vi.waitFor(() => expect(screen.getAllByTestId('library-topic').length).toBeGreaterThan(0));
      const box = screen.getByTestId('library-search');
      await user.type(box, 'zebra');
      await vi.advanceTimersByTimeAsync(120);
      await vi.waitFor(() =>
        expect(screen.getByTestId('library-search-empty').textContent).toContain('zebra'),
      );
      await user.keyboard('{Escape}');
      expect((box as HTMLInputElement).value).toBe('');
      expect(screen.getAllByTestId('library-topic').length).toBeGreaterThan(0);
    });

    it('keeps the search when coming back from a reading', async () => {
      const { user } = setupTimed();
      await user.type(screen.getByTestId('library-search'), 'urge');
      await vi.advanceTimersByTimeAsync(120);
      await vi.waitFor(() => expect(results()).toHaveLength(1));
      await user.click(screen.getByTestId('library-result-open'));
      await vi.waitFor(() =>
        expect(screen.getByTestId('article-title').textContent).toContain('urge-surfing'),
      );
      await user.click(screen.getByTestId('article-back'));
      expect((screen.getByTestId('library-search') as HTMLInputElement).value).toBe('urge');
      expect(results()).toHaveLength(1);
      expect(document.activeElement).toBe(screen.getByTestId('library-result-open'));
      expect(library.librarySearch).toHaveBeenCalledTimes(1);
    });
  });

  describe('import', () => {
    async function openImport() {
      const { user } = setup();
      await screen.findAllByTestId('library-topic');
      await user.click(screen.getByTestId('library-import-button'));
      return { user };
    }

    it('explains what can be imported, with a real file input', async () => {
      await openImport();
      const dialog = screen.getByTestId('library-import-dialog');
      expect(dialog.textContent).toMatch(/plain text, markdown or html/i);
      expect(dialog.textContent).toContain('encrypted');
      expect(dialog.textContent).toMatch(/web links, images and scripts are removed/i);
      const input = screen.getByTestId('library-import-input') as HTMLInputElement;
      expect(input.type).toBe('file');
      expect(input.accept).toBe('.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html');
      expect(screen.getByLabelText('Choose a file')).toBe(input);
    });

    it('sends the bytes and the name, then opens the imported reading', async () => {
      vi.mocked(library.libraryImport).mockResolvedValue(
        fixtures.summary({
          slug: 'imported-my-plan',
          title: 'My plan',
          imported: true,
          topics: ['Imported'],
        }),
      );
      await openImport();
      await chooseFile(new File(['# My plan\n\nCall Sam.'], 'my plan.md', { type: 'text/markdown' }));
      await vi.waitFor(() => expect(library.libraryImport).toHaveBeenCalledTimes(1));
      const [name, bytes] = vi.mocked(library.libraryImport).mock.calls[0]!;
      expect(name).toBe('my plan.md');
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(bytes)).toBe('# My plan\n\nCall Sam.');
      await vi.waitFor(() => expect(library.libraryArticle).toHaveBeenCalledWith('imported-my-plan'));
      expect(screen.queryByTestId('library-import-dialog')).toBeNull();
      expect(await screen.findByTestId('article-reader')).toBeTruthy();
    });

    it('shows progress while importing', async () => {
      const pending = deferred<never>();
      vi.mocked(library.libraryImport).mockReturnValue(pending.promise);
      await openImport();
      await chooseFile(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      expect((await screen.findByTestId('busy')).textContent).toContain('Importing notes.txt');
      expect((screen.getByTestId('library-import-input') as HTMLInputElement).disabled).toBe(true);
      await vi.waitFor(() => expect(library.libraryImport).toHaveBeenCalledTimes(1));
      pending.reject(new IpcError('io', 'x'));
      await vi.waitFor(() => expect(screen.queryByTestId('busy')).toBeNull());
      expect(screen.getByTestId('library-import-error').textContent).toContain("couldn't read or save");
    });

    it('refuses a file over 5 MB without sending it', async () => {
      await openImport();
      const big = new File(['x'], 'huge.txt', { type: 'text/plain' });
      Object.defineProperty(big, 'size', { value: 5 * 1024 * 1024 + 1 });
      await chooseFile(big);
      expect(screen.getByTestId('library-import-error').textContent).toBe(
        'This file is too big to import (the limit is 5 MB).',
      );
      expect(library.libraryImport).not.toHaveBeenCalled();
      expect(screen.getByTestId('library-import-dialog')).toBeTruthy();
    });

    it("shows the backend's own words when a file can't be imported", async () => {
      vi.mocked(library.libraryImport).mockRejectedValue(
        new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'not_text' } }),
      );
      await openImport();
      await chooseFile(new File(['\u0000\u0001'], 'photo.txt'));
      expect((await screen.findByTestId('library-import-error')).textContent).toBe(
        "This doesn't look like a text, Markdown or HTML file, so it can't be imported.",
      );
      expect(screen.queryByTestId('article-reader')).toBeNull();
    });
  });
});
