import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/library');

import * as library from '../../lib/ipc/library';
import * as fixtures from '../../testing/library';
import { IpcError } from '../../lib/ipc/IpcError';
import { messageForError } from '../../lib/errors';
import { runBeforeLock } from '../../lib/beforeLock';
import type { Article } from '../../lib/bindings';
import { settle } from '../../testing/heldPaint';
import ArticleReader from './ArticleReader.svelte';

function setup(
  article: Article = fixtures.article(),
  options: { user?: ReturnType<typeof userEvent.setup> } = {},
) {
  vi.mocked(library.libraryArticle).mockResolvedValue(article);
  const onBack = vi.fn();
  const onOpenArticle = vi.fn();
  const user = options.user ?? userEvent.setup();
  const result = render(ArticleReader, { slug: article.slug, onBack, onOpenArticle });
  return { user, onBack, onOpenArticle, ...result };
}

/** jsdom lays nothing out: give the reader's scrolling box a size and a position. */
function sizeScroller(scrollHeight: number, clientHeight: number) {
  const box = screen.getByTestId('article-reader');
  Object.defineProperty(box, 'scrollHeight', { value: scrollHeight, configurable: true });
  Object.defineProperty(box, 'clientHeight', { value: clientHeight, configurable: true });
  Object.defineProperty(box, 'scrollTop', { value: 0, writable: true, configurable: true });
  return box;
}

async function scrollTo(box: HTMLElement, top: number) {
  box.scrollTop = top;
  await fireEvent.scroll(box);
}

describe('ArticleReader', () => {
  beforeEach(() => {
    vi.mocked(library.librarySetBookmark).mockResolvedValue(undefined);
    vi.mocked(library.librarySaveNote).mockResolvedValue(undefined);
    vi.mocked(library.librarySaveProgress).mockResolvedValue(undefined);
  });

  it('shows the title, reading time, topics, contents, body, related readings and sources', async () => {
    setup();
    const title = await screen.findByText('After a slip', { selector: 'h1' });
    expect(title).toBe(screen.getByTestId('article-title'));
    expect(document.activeElement).toBe(title);
    expect(screen.getByTestId('article-reading-time').textContent).toBe('6 min read');
    expect(
      within(screen.getByTestId('article-topics'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Slips', 'Overdose']);

    const toc = screen.getByTestId('article-toc');
    expect(
      within(toc)
        .getAllByTestId('article-toc-link')
        .map((a) => a.textContent),
    ).toEqual(['Safety first', "Don't be alone", 'What to do next']);

    const body = screen.getByTestId('article-body');
    expect(body.classList.contains('prose')).toBe(true);
    expect(body.querySelector('h2#safety-first')?.textContent).toBe('Safety first');

    const related = screen.getByTestId('article-related');
    expect(within(related).getByTestId('article-related-link').dataset.slug).toBe('opioid-overdose');

    const source = within(screen.getByTestId('article-sources')).getByTestId('article-source');
    expect(source.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'World Health Organization (WHO) — Opioid overdose — https://www.who.int/news-room/fact-sheets/detail/opioid-overdose',
    );
    expect(source.querySelector('a')).toBeNull(); // an address to read, never a link
    expect(screen.getByTestId('article-reviewed').textContent).toContain('2026');
  });

  it('brings focus to the title when the focused control goes, as every other screen does', async () => {
    setup();
    const title = await screen.findByTestId('article-title');
    // A control outside the reader, put away while focused ("Not now" on the sync notice).
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    outside.remove();
    await settle();
    expect(document.activeElement).toBe(title);
  });

  it('leaves out the contents for a short reading', async () => {
    setup(fixtures.article({ toc: fixtures.article().toc.slice(0, 2) }));
    await screen.findByTestId('article-body');
    expect(screen.queryByTestId('article-toc')).toBeNull();
  });

  it('says so when a reading is not written in the language asked for, and marks its words English', async () => {
    setup(fixtures.article({ fallback: true }));
    expect((await screen.findByTestId('article-language-note')).textContent).toContain(
      'not written in your language yet',
    );
    expect(screen.getByTestId('article-title').getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('article-body').getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('article-toc').querySelector('ul')?.getAttribute('lang')).toBe('en');
    // The interface's own words around it keep the page's language.
    expect(screen.getByTestId('article-language-note').closest('[lang]')).toBe(document.documentElement);
  });

  it('adds no note to a reading in the language asked for', async () => {
    setup();
    await screen.findByTestId('article-body');
    expect(screen.queryByTestId('article-language-note')).toBeNull();
    expect(screen.getByTestId('article-body').hasAttribute('lang')).toBe(false);
  });

  it('moves to a heading from the contents without changing the address', async () => {
    const { user } = setup();
    await screen.findByTestId('article-toc');
    const before = window.location.href;
    await user.click(screen.getAllByTestId('article-toc-link')[2]!);
    expect(window.location.href).toBe(before);
    expect(document.activeElement).toBe(screen.getByTestId('article-body').querySelector('#what-to-do-next'));
  });

  it('opens an article: link in the reader, and does nothing for any other link', async () => {
    const { user, onOpenArticle } = setup();
    const body = await screen.findByTestId('article-body');
    const before = window.location.href;
    const [articleLink, otherLink] = [...body.querySelectorAll('a')];
    await user.click(articleLink!);
    expect(onOpenArticle).toHaveBeenCalledWith('urge-surfing-and-coping-skills');
    await user.click(otherLink!);
    expect(onOpenArticle).toHaveBeenCalledTimes(1);
    expect(window.location.href).toBe(before);
  });

  it('opens a related reading', async () => {
    const { user, onOpenArticle } = setup();
    await user.click(await screen.findByTestId('article-related-link'));
    expect(onOpenArticle).toHaveBeenCalledWith('opioid-overdose');
  });

  it('makes the text bigger and smaller through a CSS variable, within limits', async () => {
    const { user } = setup();
    const body = await screen.findByTestId('article-body');
    const size = () => body.style.getPropertyValue('--article-scale');
    expect(size()).toBe('1');
    await user.click(screen.getByTestId('article-text-larger'));
    expect(size()).toBe('1.15');
    expect(screen.getByTestId('article-text-size').textContent).toBe('115%');
    await user.click(screen.getByTestId('article-text-larger'));
    await user.click(screen.getByTestId('article-text-larger'));
    expect(size()).toBe('1.5');
    expect((screen.getByTestId('article-text-larger') as HTMLButtonElement).disabled).toBe(true);
    for (let i = 0; i < 4; i++) await user.click(screen.getByTestId('article-text-smaller'));
    expect(size()).toBe('0.9');
    expect((screen.getByTestId('article-text-smaller') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('group', { name: 'Text size' })).toBeTruthy();
  });

  it('bookmarks and un-bookmarks, with the state on the button', async () => {
    const { user } = setup();
    const button = await screen.findByTestId('article-bookmark');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await user.click(button);
    expect(library.librarySetBookmark).toHaveBeenCalledWith('after-a-slip', true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await user.click(button);
    expect(library.librarySetBookmark).toHaveBeenLastCalledWith('after-a-slip', false);
    await vi.waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
  });

  it('puts the bookmark back and says so when saving it fails', async () => {
    vi.mocked(library.librarySetBookmark).mockRejectedValue(new IpcError('io', 'x'));
    const { user } = setup();
    const button = await screen.findByTestId('article-bookmark');
    await user.click(button);
    await vi.waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(screen.getByTestId('article-action-error').textContent).toContain("couldn't read or save");
  });

  it('puts the private controls away when the journal turns out to be locked', async () => {
    vi.mocked(library.librarySetBookmark).mockRejectedValue(new IpcError('locked', 'x'));
    const { user } = setup();
    await user.click(await screen.findByTestId('article-bookmark'));
    await vi.waitFor(() => expect(screen.getByTestId('article-locked')).toBeTruthy());
    expect(screen.queryByTestId('article-bookmark')).toBeNull();
    expect(screen.queryByTestId('article-note')).toBeNull();
    expect(screen.getByTestId('article-body')).toBeTruthy(); // reading goes on
  });

  it('saves a private note, explains it is encrypted, and shows that it is saved', async () => {
    const { user } = setup(fixtures.article({ note: 'Old thought' }));
    const note = (await screen.findByTestId('article-note')) as HTMLTextAreaElement;
    expect(note.value).toBe('Old thought');
    expect(screen.getByLabelText('Your private note on this article')).toBe(note);
    expect(note.closest('section')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'stored encrypted in your journal',
    );
    const save = screen.getByTestId('article-note-save') as HTMLButtonElement;
    expect(save.dataset.state).toBe('saved');
    expect(save.disabled).toBe(true);

    await user.clear(note);
    await user.type(note, 'Call Sam when it starts');
    expect(save.dataset.state).toBe('unsaved');
    await user.click(save);
    expect(library.librarySaveNote).toHaveBeenCalledWith('after-a-slip', 'Call Sam when it starts');
    await vi.waitFor(() => expect(save.dataset.state).toBe('saved'));
    expect(save.textContent?.trim()).toBe('Saved');
    expect(screen.getByTestId('article-note-status').textContent).toContain('saved');
  });

  it('removes the note when it is emptied, and saves unsaved words when leaving', async () => {
    const { user, unmount } = setup(fixtures.article({ note: 'Old' }));
    const note = await screen.findByTestId('article-note');
    await user.clear(note);
    await user.click(screen.getByTestId('article-note-save'));
    expect(library.librarySaveNote).toHaveBeenCalledWith('after-a-slip', null);

    await user.type(note, 'Not saved yet');
    unmount();
    expect(library.librarySaveNote).toHaveBeenLastCalledWith('after-a-slip', 'Not saved yet');
  });

  it('shows a kind message when the reading is gone', async () => {
    vi.mocked(library.libraryArticle).mockRejectedValue(new IpcError('not_found', 'x'));
    const onBack = vi.fn();
    const user = userEvent.setup();
    render(ArticleReader, { slug: 'imported-gone', onBack, onOpenArticle: vi.fn() });
    expect((await screen.findByTestId('article-error')).textContent).toContain(
      "isn't in your library any more",
    );
    await user.click(screen.getByTestId('article-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('says any other failure to open a reading in the general words, with no journal detail', async () => {
    vi.mocked(library.libraryArticle).mockRejectedValue(new IpcError('io', 'disk said no'));
    render(ArticleReader, { slug: 'naloxone', onBack: vi.fn(), onOpenArticle: vi.fn() });
    const shown = (await screen.findByTestId('article-error')).textContent ?? '';
    expect(shown).toBe(messageForError(new IpcError('io', 'disk said no')));
    expect(shown).not.toContain("isn't in your library");
  });

  describe('reading progress', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });

    afterEach(() => {
      vi.useRealTimers();
    });

    it('saves where the reader is at most every 3 seconds, and again on leaving', async () => {
      const { unmount } = setup(fixtures.article(), {
        user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }),
      });
      await vi.waitFor(() => expect(screen.getByTestId('article-body')).toBeTruthy());
      const box = sizeScroller(2000, 1000);

      await scrollTo(box, 100);
      await vi.advanceTimersByTimeAsync(0);
      expect(library.librarySaveProgress).toHaveBeenCalledTimes(1);
      expect(library.librarySaveProgress).toHaveBeenLastCalledWith('after-a-slip', 0.1);

      await scrollTo(box, 200);
      await scrollTo(box, 300);
      await vi.advanceTimersByTimeAsync(2900);
      expect(library.librarySaveProgress).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(library.librarySaveProgress).toHaveBeenCalledTimes(2);
      expect(library.librarySaveProgress).toHaveBeenLastCalledWith('after-a-slip', 0.3);

      await scrollTo(box, 450);
      unmount();
      expect(library.librarySaveProgress).toHaveBeenCalledTimes(3);
      expect(library.librarySaveProgress).toHaveBeenLastCalledWith('after-a-slip', 0.45);
    });

    it('saves before the journal locks', async () => {
      setup(fixtures.article(), { user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) });
      await vi.waitFor(() => expect(screen.getByTestId('article-body')).toBeTruthy());
      const box = sizeScroller(2000, 1000);
      await scrollTo(box, 100);
      await vi.advanceTimersByTimeAsync(0);
      await scrollTo(box, 800);
      await runBeforeLock();
      expect(library.librarySaveProgress).toHaveBeenLastCalledWith('after-a-slip', 0.8);
    });

    it('does not save when nothing moved', async () => {
      const { unmount } = setup(fixtures.article(), {
        user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }),
      });
      await vi.waitFor(() => expect(screen.getByTestId('article-body')).toBeTruthy());
      sizeScroller(2000, 1000);
      await vi.advanceTimersByTimeAsync(5000);
      unmount();
      expect(library.librarySaveProgress).not.toHaveBeenCalled();
    });
  });

  it('brings the reader back to where they stopped', async () => {
    let box: HTMLElement | undefined;
    // Give the box its size as soon as it exists, before the article arrives.
    vi.mocked(library.libraryArticle).mockImplementation(async () => {
      await Promise.resolve(); // the reader is on screen by now
      box = screen.getByTestId('article-reader');
      Object.defineProperty(box, 'scrollHeight', { value: 3000, configurable: true });
      Object.defineProperty(box, 'clientHeight', { value: 1000, configurable: true });
      Object.defineProperty(box, 'scrollTop', { value: 0, writable: true, configurable: true });
      return fixtures.article({ progress: 0.4 });
    });
    render(ArticleReader, { slug: 'after-a-slip', onBack: vi.fn(), onOpenArticle: vi.fn() });
    await screen.findByTestId('article-body');
    await vi.waitFor(() => expect(box!.scrollTop).toBe(800));
    expect(document.activeElement).toBe(screen.getByTestId('article-title'));
  });
});
