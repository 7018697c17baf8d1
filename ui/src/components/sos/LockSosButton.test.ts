import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sos');
vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/backup');

import * as vault from '../../lib/ipc/vault';
import * as sos from '../../lib/ipc/sos';
import * as moods from '../../lib/ipc/moods';
import * as fixtures from '../../testing/sos';
import Unlock from '../vault/Unlock.svelte';
import Welcome from '../vault/Welcome.svelte';
import RecoverWithKey from '../vault/RecoverWithKey.svelte';
import RestoreFromBackup from '../vault/RestoreFromBackup.svelte';
import * as backup from '../../lib/ipc/backup';

// The SOS button on the lock and welcome screens, and every screen reached from them before the
// journal opens, opens the public panel without unlocking.

const el = (id: string) => screen.getByTestId(id);

describe('SOS from the lock screen', () => {
  beforeEach(() => {
    vi.mocked(sos.sosCrisisLines).mockResolvedValue(fixtures.countries());
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here('US'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the public panel from Unlock without unlocking, and closes back to the button', async () => {
    const user = userEvent.setup();
    render(Unlock, { onUnlocked: vi.fn(), onForgot: vi.fn(), onRestore: vi.fn() });
    expect(document.activeElement).toBe(el('unlock-passphrase'));
    // Said to be a button: with aria-haspopup, WebKitGTK tells screen readers "combo box".
    expect(el('lock-sos').hasAttribute('aria-haspopup')).toBe(false);
    await user.click(el('lock-sos'));
    // The panel is a file of its own, fetched on the first open if the prefetch hasn't yet.
    expect(await screen.findByTestId('public-sos')).toBeTruthy();
    expect((await screen.findAllByTestId('crisis-line'))[0]!.dataset.kind).toBe('emergency');
    expect(el('sos-private-locked').textContent).toBe('Unlock to see your people and reasons.');
    expect(vault.unlock).not.toHaveBeenCalled();
    expect(sos.sosPeople).not.toHaveBeenCalled();
    expect(sos.sosReasons).not.toHaveBeenCalled();

    await user.click(el('public-sos-close'));
    expect(screen.queryByTestId('public-sos')).toBeNull();
    expect(document.activeElement).toBe(el('lock-sos'));
  });

  it('after playing the delay, offers to unlock to log it and goes to the passphrase', async () => {
    render(Unlock, { onUnlocked: vi.fn(), onForgot: vi.fn(), onRestore: vi.fn() });
    await fireEvent.click(el('lock-sos'));
    await screen.findByTestId('public-sos');
    vi.useFakeTimers();
    await fireEvent.click(el('delay-start'));
    expect(moods.listCopingActions).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await fireEvent.click(el('delay-unlock'));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.queryByTestId('public-sos')).toBeNull();
    expect(document.activeElement).toBe(el('unlock-passphrase'));
  });

  it('is on the welcome screen too', async () => {
    const user = userEvent.setup();
    render(Welcome, { onCreated: vi.fn(), onLockedWhileOpening: vi.fn() });
    await user.click(el('lock-sos'));
    expect(await screen.findByTestId('public-sos')).toBeTruthy();
    expect(el('sos-private-locked').textContent).toContain('Once your journal is set up');
    expect(screen.queryByTestId('delay-unlock')).toBeNull();
    expect(vault.createJournal).not.toHaveBeenCalled();
  });

  it('is on the screens for a recovery key and for restoring a backup too', async () => {
    vi.mocked(backup.automaticBackups).mockResolvedValue([]);
    const user = userEvent.setup();
    const recover = render(RecoverWithKey, {
      onRecovered: vi.fn(),
      onBack: vi.fn(),
      onLockedWhileOpening: vi.fn(),
    });
    await user.click(el('lock-sos'));
    expect(await screen.findByTestId('public-sos')).toBeTruthy();
    expect(el('sos-private-locked').textContent).toBe('Unlock to see your people and reasons.');
    recover.unmount();

    render(RestoreFromBackup, { damaged: false, onBack: vi.fn(), onRestored: vi.fn() });
    await user.click(el('lock-sos'));
    expect(await screen.findByTestId('public-sos')).toBeTruthy();
    expect(el('sos-private-locked').textContent).toContain('Once your journal is set up');
  });
});
