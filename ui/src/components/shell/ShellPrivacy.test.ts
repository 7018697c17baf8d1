import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreaViews } from '../../testing/shellViews';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/preferences');
vi.mock('../../lib/ipc/sos');
vi.mock('../../lib/ipc/system');

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as preferences from '../../lib/ipc/preferences';
import * as sos from '../../lib/ipc/sos';
import * as system from '../../lib/ipc/system';
import { onBeforeLock } from '../../lib/beforeLock';
import { watchSystemLockSignals } from '../../lib/lockSignals';
import type { LockSignal } from '../../lib/bindings';
import * as fixtures from '../../testing/sobriety';
import Shell from './Shell.svelte';
import PrivacySettings from '../settings/PrivacySettings.svelte';

describe('Shell privacy: quick hide and auto-lock', () => {
  beforeAll(loadAreaViews, 30_000);

  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(preferences.quickHide).mockResolvedValue(undefined);
    vi.mocked(preferences.getPreferences).mockResolvedValue({
      autoLockMinutes: 1,
      neutralTitle: false,
      crisisCountry: null,
    });
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
  });

  afterEach(() => vi.useRealTimers());

  it('Hide and Lock look different: Hide is an eye crossed out, not a second padlock', async () => {
    render(Shell, { onLocked: vi.fn() });
    const icon = async (testId: string) =>
      (await screen.findByTestId(testId)).querySelector('svg')?.innerHTML;
    const [lock, hide] = [await icon('lock-button'), await icon('quick-hide-button')];
    expect(lock).toContain('<rect');
    expect(hide).toContain('<circle');
    expect(hide).not.toBe(lock);
  });

  it('Hide minimizes first, then saves what is being typed, then locks', async () => {
    const steps: string[] = [];
    vi.mocked(preferences.quickHide).mockImplementation(async () => void steps.push('minimized'));
    const removeTask = onBeforeLock(async () => {
      await Promise.resolve();
      steps.push('editor saved');
    });
    vi.mocked(vault.lock).mockImplementation(async () => void steps.push('locked'));
    const onLocked = vi.fn(() => steps.push('journal closed'));
    const user = userEvent.setup();
    render(Shell, { onLocked });
    await user.click(await screen.findByTestId('quick-hide-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(steps).toEqual(['minimized', 'editor saved', 'locked', 'journal closed']);
    expect(preferences.quickHide).toHaveBeenCalledTimes(1);
    removeTask();
  });

  it('Hide still locks when minimizing fails', async () => {
    vi.mocked(preferences.quickHide).mockRejectedValue(new Error('no window'));
    const onLocked = vi.fn();
    const user = userEvent.setup();
    render(Shell, { onLocked });
    await user.click(await screen.findByTestId('quick-hide-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(vault.lock).toHaveBeenCalledTimes(1);
  });

  it('the keyboard shortcut hides too', async () => {
    const onLocked = vi.fn();
    render(Shell, { onLocked });
    await fireEvent.keyDown(window, { key: 'H', ctrlKey: true, shiftKey: true });
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalled());
    expect(preferences.quickHide).toHaveBeenCalled();
    expect(vi.mocked(preferences.quickHide).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(vault.lock).mock.invocationCallOrder[0]!,
    );
  });

  it('locks by itself after the chosen idle time', async () => {
    vi.useFakeTimers();
    const onLocked = vi.fn();
    render(Shell, { onLocked });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onLocked).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(40_000);
    expect(vault.lock).toHaveBeenCalledTimes(1);
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  /** Starts watching as App does, and returns what the shell would call on a signal. */
  async function systemSignals(): Promise<(signal: LockSignal) => void> {
    await watchSystemLockSignals();
    return vi.mocked(system.watchLockSignals).mock.calls[0]![0];
  }

  it('locks when the computer is about to sleep, saving what is being typed first', async () => {
    const send = await systemSignals();
    const steps: string[] = [];
    const removeTask = onBeforeLock(async () => {
      await Promise.resolve();
      steps.push('editor saved');
    });
    vi.mocked(vault.lock).mockImplementation(async () => void steps.push('locked'));
    const onLocked = vi.fn(() => steps.push('journal closed'));
    render(Shell, { onLocked });
    send('suspend');
    send('screenLocked'); // a second signal while locking changes nothing
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalled());
    expect(steps).toEqual(['editor saved', 'locked', 'journal closed']);
    expect(vault.lock).toHaveBeenCalledTimes(1);
    removeTask();
  });

  it('locks when the screen locks', async () => {
    const send = await systemSignals();
    const onLocked = vi.fn();
    render(Shell, { onLocked });
    send('screenLocked');
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(vault.lock).toHaveBeenCalledTimes(1);
  });

  it('locks after the computer slept, even with auto-lock set to never', async () => {
    vi.mocked(preferences.getPreferences).mockResolvedValue({
      autoLockMinutes: null,
      neutralTitle: false,
      crisisCountry: null,
    });
    vi.useFakeTimers();
    const onLocked = vi.fn();
    render(Shell, { onLocked });
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(vault.lock).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + 2 * 60 * 60_000); // the lid was closed; no timer ran
    await vi.advanceTimersByTimeAsync(5_000);
    expect(vault.lock).toHaveBeenCalledTimes(1);
    expect(onLocked).toHaveBeenCalledTimes(1);
  });
});

describe('PrivacySettings', () => {
  beforeEach(() => {
    vi.mocked(preferences.getPreferences).mockResolvedValue({
      autoLockMinutes: 5,
      neutralTitle: false,
      crisisCountry: null,
    });
    vi.mocked(preferences.setPreferences).mockImplementation(async (p) => p);
  });

  it('saves a new auto-lock time and warns when it is turned off', async () => {
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(PrivacySettings, { onChanged });
    const select = (await screen.findByTestId('auto-lock-select')) as HTMLSelectElement;
    await vi.waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('5');
    await user.selectOptions(select, '15');
    expect(preferences.setPreferences).toHaveBeenLastCalledWith({
      autoLockMinutes: 15,
      neutralTitle: false,
      crisisCountry: null,
    });
    expect(onChanged).toHaveBeenLastCalledWith({
      autoLockMinutes: 15,
      neutralTitle: false,
      crisisCountry: null,
    });
    expect(screen.queryByTestId('auto-lock-off-warning')).toBeNull();
    await user.selectOptions(select, 'off');
    expect(preferences.setPreferences).toHaveBeenLastCalledWith({
      autoLockMinutes: null,
      neutralTitle: false,
      crisisCountry: null,
    });
    expect((await screen.findByTestId('auto-lock-off-warning')).textContent).toMatch(/stay open/);
    expect((await screen.findByTestId('lock-on-sleep-note')).textContent).toMatch(
      /goes\s+to\s+sleep\s+or\s+you\s+lock\s+your\s+screen/,
    );
    await user.click(await screen.findByTestId('neutral-title'));
    expect(preferences.setPreferences).toHaveBeenLastCalledWith({
      autoLockMinutes: null,
      neutralTitle: true,
      crisisCountry: null,
    });
  });

  it('chooses whose crisis lines SOS shows, kept outside the journal for the lock screen', async () => {
    vi.mocked(sos.sosCrisisLines).mockResolvedValue([
      { code: 'US', name: 'United States', lines: [], checked: '2026-11-27' },
      { code: 'GB', name: 'United Kingdom', lines: [], checked: '2026-11-27' },
    ]);
    vi.mocked(sos.sosCrisisHere).mockResolvedValue({
      basis: 'locale',
      country: { code: 'US', name: 'United States', lines: [], checked: '2026-11-27' },
      elsewhere: 'https://findahelpline.com',
      checked: '2026-11-27',
    });
    vi.mocked(sos.sosSetCountry).mockResolvedValue({
      basis: 'chosen',
      country: { code: 'GB', name: 'United Kingdom', lines: [], checked: '2026-11-27' },
      elsewhere: 'https://findahelpline.com',
      checked: '2026-11-27',
    });
    const user = userEvent.setup();
    render(PrivacySettings, { onChanged: vi.fn() });
    const select = (await screen.findByTestId('crisis-country-setting')) as HTMLSelectElement;
    expect(select.value).toBe(''); // the locale's country was not chosen: "follow my computer"
    await user.selectOptions(select, 'GB');
    expect(sos.sosSetCountry).toHaveBeenLastCalledWith('GB');
    expect(preferences.setPreferences).not.toHaveBeenCalled();
    await user.selectOptions(select, '');
    expect(sos.sosSetCountry).toHaveBeenLastCalledWith(null);
  });
});
