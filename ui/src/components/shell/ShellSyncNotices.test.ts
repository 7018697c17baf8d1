import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreaViews } from '../../testing/shellViews';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { SyncNotice } from '../../lib/ipc/generated';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
// Only the watch stands in for the shell: which notice shows first is the real module's.
vi.mock('../../lib/syncNotices', async (original) => ({
  ...(await original<typeof import('../../lib/syncNotices')>()),
  watchSyncNotices: vi.fn(),
}));

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as fixtures from '../../testing/sobriety';
import { watchSyncNotices } from '../../lib/syncNotices';
import Shell from './Shell.svelte';

// What the sync rounds tell, offered over the screen: changes arrived (shown or put off), syncing
// stopped (Settings opened at its sync card), the passphrase changed elsewhere.

let notify: (notice: SyncNotice) => void = () => {};

/** The Shell on Today, told `notices` by the sync rounds. */
async function shellTold(...notices: SyncNotice[]) {
  const user = userEvent.setup();
  render(Shell, { onLocked: vi.fn() });
  await screen.findByTestId('view-today');
  await waitFor(() => expect(watchSyncNotices).toHaveBeenCalled());
  for (const notice of notices) notify(notice);
  return { user };
}

async function shellWithArrivedChanges() {
  const told = await shellTold('received');
  await screen.findByTestId('sync-arrived');
  return told;
}

beforeEach(() => {
  vi.mocked(vault.lock).mockResolvedValue(undefined);
  vi.mocked(vault.vaultStatus).mockResolvedValue({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
  vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
  vi.mocked(sobriety.listClocks).mockResolvedValue([fixtures.clock()]);
  vi.mocked(watchSyncNotices).mockImplementation((listener) => {
    notify = listener;
    return () => {};
  });
});

describe('Shell: changes from another computer', () => {
  it('"Show them" reads the screen again and the notice goes', async () => {
    const { user } = await shellWithArrivedChanges();
    const reads = vi.mocked(sobriety.getToday).mock.calls.length;
    await user.click(screen.getByTestId('sync-arrived-show'));
    expect(screen.queryByTestId('sync-arrived')).toBeNull();
    await waitFor(() => expect(vi.mocked(sobriety.getToday).mock.calls.length).toBeGreaterThan(reads));
  });

  it('is not printed: it would lie over the top of the printout', async () => {
    await shellWithArrivedChanges();
    // journal.css hides .no-print when printing.
    expect(screen.getByTestId('sync-arrived').closest('.no-print')).not.toBeNull();
  });

  it('"Not now" puts the notice away and leaves the screen as it is', async () => {
    const { user } = await shellWithArrivedChanges();
    const reads = vi.mocked(sobriety.getToday).mock.calls.length;
    await user.click(screen.getByTestId('sync-arrived-dismiss'));
    expect(screen.queryByTestId('sync-arrived')).toBeNull();
    // Given the time a reload would take to ask again: none comes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('view-today')).toBeTruthy();
    expect(vi.mocked(sobriety.getToday).mock.calls.length).toBe(reads);
  });
});

describe('Shell: syncing stopped, or the passphrase changed elsewhere', () => {
  beforeAll(loadAreaViews, 30_000);

  it('says syncing stopped before anything else, and each notice is put away on its own', async () => {
    const { user } = await shellTold('received', 'passphraseChanged', 'stopped');
    expect((await screen.findByTestId('sync-stopped')).textContent).toContain(
      'Syncing with your other computers has stopped',
    );
    expect(screen.queryByTestId('sync-arrived')).toBeNull();
    await user.click(screen.getByTestId('sync-stopped-dismiss'));
    const passphrase = await screen.findByTestId('sync-passphrase-notice');
    expect(passphrase.textContent).toContain('Next time you unlock, use the new one.');
    expect(screen.queryByTestId('sync-passphrase-notice-show')).toBeNull();
    await user.click(screen.getByTestId('sync-passphrase-notice-dismiss'));
    expect(await screen.findByTestId('sync-arrived')).toBeTruthy();
  });

  it('"Open Settings" opens Settings at its sync card, and the notice goes', async () => {
    const { user } = await shellTold('stopped');
    await user.click(await screen.findByTestId('sync-stopped-show'));
    expect(await screen.findByTestId('view-settings')).toBeTruthy();
    expect(screen.queryByTestId('sync-stopped')).toBeNull();
    const sync = await screen.findByRole('heading', { name: 'Use on two computers' });
    await waitFor(() => expect(document.activeElement).toBe(sync));
  });

  it('"Open Settings" in Settings brings the sync card into view without reloading Settings', async () => {
    const { user } = await shellTold();
    await user.click(await screen.findByTestId('nav-settings'));
    const settings = await screen.findByTestId('view-settings');
    await screen.findByRole('heading', { name: 'Use on two computers' });
    const asked = vi.mocked(vault.vaultStatus).mock.calls.length;
    notify('stopped');
    await user.click(await screen.findByTestId('sync-stopped-show'));
    const sync = screen.getByRole('heading', { name: 'Use on two computers' });
    await waitFor(() => expect(document.activeElement).toBe(sync));
    expect(screen.getByTestId('view-settings')).toBe(settings);
    expect(vi.mocked(vault.vaultStatus).mock.calls.length, 'nothing asked again').toBe(asked);
  });

  it('syncing resumed puts the notice that it stopped away', async () => {
    await shellTold('stopped');
    await screen.findByTestId('sync-stopped');
    notify('resumed');
    await waitFor(() => expect(screen.queryByTestId('sync-stopped')).toBeNull());
    expect(screen.queryByTestId('sync-arrived')).toBeNull();
  });

  it('Settings chosen from the sidebar opens at its top, as always', async () => {
    const { user } = await shellTold('stopped');
    await user.click(await screen.findByTestId('nav-settings'));
    await screen.findByRole('heading', { name: 'Use on two computers' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement?.tagName).toBe('H1');
  });
});
