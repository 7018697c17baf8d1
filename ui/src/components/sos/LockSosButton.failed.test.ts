import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');
// The SOS panel's own file fails to load.
vi.mock('./LockScreenSos.svelte', () => {
  throw new Error('no such file');
});

import LockSosButton from './LockSosButton.svelte';

describe('the lock screen’s SOS button, when its panel cannot load', () => {
  it('still tells the person what to do in danger, inside the lock screen’s card', async () => {
    render(LockSosButton, { lockedNote: 'Your journal is locked.' });
    await userEvent.click(screen.getByTestId('lock-sos'));
    const error = await screen.findByTestId('lazy-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(
      "SOS couldn't open just now. If you are in danger, call your local emergency number.",
    );
    expect(error.parentElement?.classList.contains('framed'), 'no frame of its own').toBe(false);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(error.querySelector('.more'), 'no room kept for other actions it does not have').toBeNull();
    // Where the button is held at the window's edge (a screen taller than the window), the
    // words come with it, in sight, not below the fold.
    const dock = screen.getByTestId('lock-sos').closest('.sos-dock');
    expect(dock, 'the button is in the dock').not.toBeNull();
    expect(dock!.contains(error), 'and so are the words').toBe(true);
  });
});
