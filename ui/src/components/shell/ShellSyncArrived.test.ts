import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { SyncNotice } from '../../lib/ipc/generated';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/syncNotices');

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as fixtures from '../../testing/sobriety';
import { watchSyncNotices } from '../../lib/syncNotices';
import Shell from './Shell.svelte';

// "Changes from your other computer arrived": offered over the screen, shown or put off.

let notify: (notice: SyncNotice) => void = () => {};

async function shellWithArrivedChanges() {
  const user = userEvent.setup();
  render(Shell, { onLocked: vi.fn() });
  await screen.findByTestId('view-today');
  await waitFor(() => expect(watchSyncNotices).toHaveBeenCalled());
  notify('received');
  await screen.findByTestId('sync-arrived');
  return { user };
}

describe('Shell: changes from another computer', () => {
  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
    vi.mocked(sobriety.listClocks).mockResolvedValue([fixtures.clock()]);
    vi.mocked(watchSyncNotices).mockImplementation((listener) => {
      notify = listener;
      return () => {};
    });
  });

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
