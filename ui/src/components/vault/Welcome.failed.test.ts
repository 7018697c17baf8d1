import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/system');
// The join form's own file fails to load.
vi.mock('./JoinFromFolder.svelte', () => {
  throw new Error('no such file');
});

import Welcome from './Welcome.svelte';

describe('Welcome, when the form to join a journal from another computer cannot load', () => {
  it('says so and offers a way back to making a journal, not only Try again', async () => {
    const user = userEvent.setup();
    render(Welcome, { onCreated: vi.fn(), onLockedWhileOpening: vi.fn() });
    await user.click(screen.getByTestId('join-start'));

    const error = await screen.findByTestId('lazy-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(
      "The form to use your journal from another computer couldn't open. Your journal on that computer is untouched.",
    );
    expect(document.activeElement, 'focus on the way back, not lost with the link').toBe(
      screen.getByRole('button', { name: 'Back' }),
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByTestId('create-passphrase')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Daybreak');
    expect(screen.getByTestId('create-passphrase')).toBeTruthy();
    expect(screen.queryByTestId('lazy-error')).toBeNull();
  });
});
