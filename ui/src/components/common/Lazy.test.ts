import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import Lazy from './Lazy.svelte';
import { chunk } from '../../lib/chunk';

// What the loaded part would be: here a word, drawn by the snippet the caller gives.
const shows = createRawSnippet((part: () => string) => ({
  render: () => `<p data-testid="part">${part()}</p>`,
}));

describe('Lazy', () => {
  it('shows the part once its file is in', async () => {
    render(Lazy<string>, { load: () => Promise.resolve('the journal'), children: shows });
    expect((await screen.findByTestId('part')).textContent).toBe('the journal');
    expect(screen.queryByTestId('lazy-error')).toBeNull();
  });

  it('says so when the file fails to load, and loads it again on Try again', async () => {
    const load = vi
      .fn<() => Promise<{ default: string }>>()
      .mockRejectedValueOnce(new Error('no such file'))
      .mockResolvedValue({ default: 'the journal' });
    render(Lazy<string>, { load: chunk(load), children: shows });
    const error = await screen.findByTestId('lazy-error');
    expect(error.textContent).toContain("This screen couldn't open. What you've written is safe.");
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.queryByTestId('part'), 'no part while it failed').toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('part')).textContent).toBe('the journal');
    expect(screen.queryByTestId('lazy-error')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('frames its message as a screen unless it sits inside another, and can word it for its place', async () => {
    const failing = () => Promise.reject(new Error('no such file'));
    const { unmount } = render(Lazy<string>, { load: failing, children: shows });
    const framed = await screen.findByTestId('lazy-error');
    expect(framed.parentElement?.classList.contains('framed'), 'spaced as a screen is').toBe(true);
    unmount();
    render(Lazy<string>, { load: failing, children: shows, inline: true, message: 'SOS could not open.' });
    const inline = await screen.findByTestId('lazy-error');
    expect(inline.parentElement?.classList.contains('framed'), 'inside a card: no frame').toBe(false);
    expect(inline.textContent).toContain('SOS could not open.');
    expect(inline.textContent).not.toContain("This screen couldn't open.");
  });
});
