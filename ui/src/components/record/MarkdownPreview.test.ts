import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('../../lib/ipc/journal');

import * as journal from '../../lib/ipc/journal';
import { IpcError } from '../../lib/ipc/IpcError';
import { deferred } from '../../testing/deferred';
import MarkdownPreview from './MarkdownPreview.svelte';
import { settle } from '../../testing/heldPaint';

const prose = () => screen.getByTestId('journal-preview').querySelector('.prose')!;

describe('MarkdownPreview', () => {
  it('shows the newest text, dropping a rendering of older text that comes back later', async () => {
    const older = deferred<string>();
    vi.mocked(journal.renderMarkdown)
      .mockReturnValueOnce(older.promise)
      .mockResolvedValueOnce('<p>newer words</p>');
    const { rerender } = render(MarkdownPreview, { body: 'older words' });
    expect(screen.getByTestId('journal-preview').getAttribute('aria-busy')).toBe('true');
    await rerender({ body: 'newer words' });
    await vi.waitFor(() => expect(prose().innerHTML).toContain('newer words'));
    older.resolve('<p>older words</p>');
    await older.promise;
    await settle(0);
    expect(prose().innerHTML).toContain('newer words');
    expect(prose().innerHTML).not.toContain('older words');
    expect(screen.getByTestId('journal-preview').getAttribute('aria-busy')).toBe('false');
  });

  it('says in plain words when the preview could not be made', async () => {
    vi.mocked(journal.renderMarkdown).mockRejectedValueOnce(new IpcError('io', 'x'));
    render(MarkdownPreview, { body: 'some words' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn't read or save/);
  });

  it('asks nothing of the backend for empty text', async () => {
    vi.mocked(journal.renderMarkdown).mockClear();
    render(MarkdownPreview, { body: '   ' });
    expect(await screen.findByText(/Nothing to preview yet/)).toBeTruthy();
    expect(journal.renderMarkdown).not.toHaveBeenCalled();
  });
});
