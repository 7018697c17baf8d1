import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../lib/ipc/vault');
vi.mock('../lib/ipc/sobriety');

import * as vault from '../lib/ipc/vault';
import * as sobriety from '../lib/ipc/sobriety';
import * as fixtures from '../testing/sobriety';
import { IpcError } from '../lib/ipc/IpcError';
import { AREAS } from '../lib/areas';
import Shell from './Shell.svelte';

function setup() {
  const onLocked = vi.fn();
  const user = userEvent.setup();
  render(Shell, { onLocked });
  return { user, onLocked };
}

describe('Shell', () => {
  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(vault.vaultStatus).mockResolvedValue({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
    vi.mocked(sobriety.listClocks).mockResolvedValue([fixtures.clock()]);
  });

  it('has a main navigation with every area as a real button', () => {
    setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(screen.getByTestId('sidebar').contains(nav)).toBe(true);
    for (const area of AREAS) {
      const button = screen.getByTestId(`nav-${area.id}`);
      expect(button.tagName).toBe('BUTTON');
      expect(nav.contains(button)).toBe(true);
      expect(button.textContent?.trim()).toBe(area.label);
    }
    expect(screen.getByTestId('lock-button').tagName).toBe('BUTTON');
  });

  it('starts on Today with its heading focused', () => {
    setup();
    const view = screen.getByTestId('view-today');
    expect(view.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.tagName).toBe('H1');
    expect(screen.getByTestId('nav-today').getAttribute('aria-current')).toBe('page');
  });

  it.each(AREAS.map((a) => a.id))('opens %s and focuses its heading', async (id) => {
    const { user } = setup();
    await user.click(screen.getByTestId(`nav-${id}`));
    const view = screen.getByTestId(`view-${id}`);
    const heading = view.querySelector('h1');
    expect(heading).not.toBeNull();
    expect(document.activeElement).toBe(heading);
    expect(screen.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
    const others = AREAS.filter((a) => a.id !== id);
    for (const other of others) expect(screen.queryByTestId(`view-${other.id}`)).toBeNull();
  });

  it('is honest that unfinished areas are coming later', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('nav-mood'));
    expect(screen.getByTestId('view-mood').textContent).toContain(
      'Mood and trigger check-ins are coming in a later version of Daybreak.',
    );
  });

  it('shows the sobriety clocks in the Sobriety area', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('nav-sobriety'));
    expect((await screen.findByTestId('clock-card')).dataset.clockId).toBe('1');
    expect(sobriety.listClocks).toHaveBeenCalledWith(false);
  });

  it('lets Today open SOS and Mood & triggers', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('today-sos'));
    expect(screen.getByTestId('view-sos')).toBeTruthy();
    expect(screen.getByTestId('nav-sos').getAttribute('aria-current')).toBe('page');
    await user.click(screen.getByTestId('nav-today'));
    await user.click(await screen.findByTestId('today-log-mood'));
    expect(screen.getByTestId('view-mood').textContent).toContain('coming in a later version');
  });

  it('moves between sidebar buttons with the arrow keys', async () => {
    const { user } = setup();
    screen.getByTestId('nav-today').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-sobriety'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-settings'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-today'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByTestId('nav-settings'));
  });

  it('locks through the backend, then reports it', async () => {
    const { user, onLocked } = setup();
    await user.click(screen.getByTestId('lock-button'));
    expect(vault.lock).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
  });

  it('treats "already locked" as locked', async () => {
    vi.mocked(vault.lock).mockRejectedValue(new IpcError('locked', 'x'));
    const { user, onLocked } = setup();
    await user.click(screen.getByTestId('lock-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
  });

  it('stays open and says so when locking fails', async () => {
    vi.mocked(vault.lock).mockRejectedValue(new IpcError('io', 'x'));
    const { user, onLocked } = setup();
    await user.click(screen.getByTestId('lock-button'));
    expect((await screen.findByTestId('lock-error')).textContent).toBe(
      "Daybreak couldn't lock your journal. Please try again.",
    );
    expect(onLocked).not.toHaveBeenCalled();
    expect((screen.getByTestId('lock-button') as HTMLButtonElement).disabled).toBe(false);
  });
});
