import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/journal');

import * as journal from '../../lib/ipc/journal';
import * as fixtures from '../../testing/journal';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import { runBeforeLock } from '../../lib/beforeLock';
import { instantFromLocal } from '../../lib/localTime';
import JournalEditor from './JournalEditor.svelte';

function setup(props: { entryId?: number | null } = {}) {
  const onClose = vi.fn();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(JournalEditor, { onClose, ...props });
  return { user, onClose };
}

const state = () => screen.getByTestId('journal-save-state').textContent?.trim();
const body = () => screen.getByTestId('journal-body') as HTMLTextAreaElement;

describe('JournalEditor', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    vi.setSystemTime(new Date(2025, 5, 15, 20, 30));
    vi.mocked(journal.createJournalEntry).mockImplementation(async (input) =>
      fixtures.entry({ id: 7, ...input }),
    );
    vi.mocked(journal.saveJournalEntry).mockImplementation(async (id, input) =>
      fixtures.entry({ id, ...input }),
    );
    vi.mocked(journal.renderMarkdown).mockResolvedValue(
      '<p>Went for a <a href="article:urge-surfing">walk</a></p>',
    );
    vi.mocked(journal.getJournalEntry).mockResolvedValue(fixtures.entry());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates the entry after a pause in typing, then keeps saving it', async () => {
    const { user } = setup();
    await user.type(screen.getByTestId('journal-title'), 'Tonight');
    await user.type(screen.getByTestId('journal-tags'), 'calm, #Family');
    await user.type(body(), 'Hello');
    expect(journal.createJournalEntry).not.toHaveBeenCalled();
    expect(state()).toBe('Saving…');

    await vi.advanceTimersByTimeAsync(800);
    expect(journal.createJournalEntry).toHaveBeenCalledTimes(1);
    expect(journal.createJournalEntry).toHaveBeenCalledWith({
      at: instantFromLocal('2025-06-15', '20:30'),
      title: 'Tonight',
      body: 'Hello',
      tags: ['calm', 'family'],
    });
    expect(state()).toBe('Saved');

    await user.type(body(), ' there');
    await vi.advanceTimersByTimeAsync(799);
    expect(journal.saveJournalEntry).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(journal.saveJournalEntry).toHaveBeenCalledTimes(1);
    expect(journal.saveJournalEntry).toHaveBeenCalledWith(
      7,
      expect.objectContaining({ body: 'Hello there' }),
    );
    expect(journal.createJournalEntry).toHaveBeenCalledTimes(1);
    expect(state()).toBe('Saved');
  });

  it('never sends an empty body', async () => {
    const { user } = setup();
    await user.type(screen.getByTestId('journal-title'), 'Only a title');
    await user.type(body(), '   ');
    await vi.advanceTimersByTimeAsync(2000);
    await user.click(screen.getByTestId('journal-close'));
    expect(journal.createJournalEntry).not.toHaveBeenCalled();
    expect(journal.saveJournalEntry).not.toHaveBeenCalled();
  });

  it('does not save an emptied entry, and says why', async () => {
    const { user } = setup();
    await user.type(body(), 'Hi');
    await vi.advanceTimersByTimeAsync(800);
    await user.clear(body());
    await vi.advanceTimersByTimeAsync(800);
    expect(journal.saveJournalEntry).not.toHaveBeenCalled();
    expect(state()).toBe('Not saved: write something first.');
  });

  it('saves at once when the journal is about to lock', async () => {
    const { user } = setup();
    await user.type(body(), 'Before lock');
    expect(journal.createJournalEntry).not.toHaveBeenCalled();
    await runBeforeLock();
    expect(journal.createJournalEntry).toHaveBeenCalledWith(expect.objectContaining({ body: 'Before lock' }));
  });

  it('saves at once on blur, when hidden and when closed', async () => {
    const { user, onClose } = setup();
    await user.type(body(), 'One');
    await user.tab();
    expect(journal.createJournalEntry).toHaveBeenCalledTimes(1);

    await user.type(body(), ' two');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    delete (document as { visibilityState?: string }).visibilityState;
    expect(journal.saveJournalEntry).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ body: 'One two' }),
    );

    await user.type(body(), ' three');
    await user.click(screen.getByTestId('journal-close'));
    expect(journal.saveJournalEntry).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ body: 'One two three' }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows why a save failed, and keeps the words open', async () => {
    vi.mocked(journal.createJournalEntry).mockRejectedValueOnce(new IpcError('io', 'disk'));
    const { user, onClose } = setup();
    await user.type(body(), 'Hello');
    await vi.advanceTimersByTimeAsync(800);
    expect(state()).toBe(
      "Not saved: Daybreak couldn't read or save the journal file. Check that the disk isn't full and the folder is still there, then try again.",
    );
    expect(screen.getByRole('alert').textContent).toContain('Not saved');

    vi.mocked(journal.createJournalEntry).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'in_future', what: 'entry' } }),
    );
    await user.click(screen.getByTestId('journal-close'));
    expect(state()).toBe("Not saved: An entry can't be dated in the future.");
    expect(onClose).not.toHaveBeenCalled();
    expect(body().value).toBe('Hello');
  });

  it('can be backdated', async () => {
    const { user } = setup();
    await fireEvent.input(screen.getByTestId('journal-date'), { target: { value: '2024-12-31' } });
    await fireEvent.input(screen.getByTestId('journal-time'), { target: { value: '23:15' } });
    expect((screen.getByTestId('journal-date') as HTMLInputElement).max).toBe('2025-06-15');
    await user.type(body(), 'New year’s eve');
    await vi.advanceTimersByTimeAsync(800);
    expect(journal.createJournalEntry).toHaveBeenCalledWith(
      expect.objectContaining({ at: instantFromLocal('2024-12-31', '23:15') }),
    );
  });

  it('opens an existing entry and saves changes to it', async () => {
    const { user } = setup({ entryId: 7 });
    expect(await screen.findByDisplayValue('A good evening')).toBeTruthy();
    expect(journal.getJournalEntry).toHaveBeenCalledWith(7);
    expect(body().value).toBe('Went for a **walk** with my sister.');
    expect((screen.getByTestId('journal-tags') as HTMLInputElement).value).toBe('family, walk');
    expect(state()).toBe('Saved');
    await user.type(body(), '!');
    await vi.advanceTimersByTimeAsync(800);
    expect(journal.createJournalEntry).not.toHaveBeenCalled();
    expect(journal.saveJournalEntry).toHaveBeenCalledWith(
      7,
      expect.objectContaining({ body: 'Went for a **walk** with my sister.!', tags: ['family', 'walk'] }),
    );
  });

  it('says so when an entry to open is gone', async () => {
    vi.mocked(journal.getJournalEntry).mockRejectedValue(new IpcError('not_found', 'x'));
    setup({ entryId: 9 });
    expect((await screen.findByTestId('journal-load-error')).textContent).toMatch(/couldn't be found/);
    expect(screen.queryByTestId('journal-body')).toBeNull();
  });

  it('previews the Markdown as sanitized HTML, and links do not navigate', async () => {
    const { user } = setup();
    await user.type(body(), 'Went for a [[walk](article:urge-surfing)'); // [[ types one [
    const toggle = screen.getByTestId('journal-preview-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(journal.renderMarkdown).toHaveBeenCalledWith('Went for a [walk](article:urge-surfing)');
    const preview = await screen.findByTestId('journal-preview');
    await vi.waitFor(() => expect(preview.querySelector('.prose a')).not.toBeNull());
    const link = preview.querySelector<HTMLAnchorElement>('.prose a')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    expect(link.dispatchEvent(click)).toBe(false);
    expect(document.activeElement).toBe(link);
    await user.click(toggle);
    expect(body().value).toBe('Went for a [walk](article:urge-surfing)');
  });
});
