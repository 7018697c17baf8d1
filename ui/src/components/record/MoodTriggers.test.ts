import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/sobriety');

import * as moods from '../../lib/ipc/moods';
import * as fixtures from '../../testing/moods';
import MoodTriggers from './MoodTriggers.svelte';

function setup() {
  const onNavigate = vi.fn();
  const user = userEvent.setup();
  render(MoodTriggers, { onNavigate });
  return { user, onNavigate };
}

describe('MoodTriggers', () => {
  beforeEach(() => {
    vi.mocked(moods.listTriggers).mockResolvedValue(fixtures.triggers());
    vi.mocked(moods.listEmotions).mockResolvedValue(fixtures.emotions());
    vi.mocked(moods.listCopingActions).mockResolvedValue(fixtures.copingActions());
    vi.mocked(moods.logMood).mockResolvedValue(fixtures.moodEntry());
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent());
  });

  it('has the two log buttons and the trigger list', async () => {
    setup();
    const view = screen.getByTestId('view-mood');
    expect(document.activeElement).toBe(view.querySelector('h1'));
    const logMood = screen.getByTestId('log-mood-button');
    expect(logMood.getAttribute('aria-keyshortcuts')).toBe('Control+M');
    expect(logMood.getAttribute('title')).toBe('Log mood (Ctrl+M)');
    expect(screen.getByTestId('log-craving-button').tagName).toBe('BUTTON');
    expect(view.contains(screen.getByTestId('trigger-manager'))).toBe(true);
    expect(await screen.findAllByTestId('trigger-row')).toHaveLength(3);
  });

  it('logs a mood, confirms it, and closes the dialog', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('log-mood-button'));
    expect(screen.getByTestId('mood-form')).toBeTruthy();
    await user.click(screen.getByTestId('mood-4'));
    await user.click(screen.getByTestId('mood-save'));
    expect((await screen.findByTestId('mood-saved')).textContent).toContain('Your mood is saved.');
    expect(screen.queryByTestId('mood-form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('log-mood-button'));
  });

  it('logs a craving and refreshes the trigger counts', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(screen.getByTestId('log-craving-button'));
    await user.click(screen.getByTestId('outcome-passed'));
    await user.click(screen.getByTestId('craving-save'));
    await screen.findByTestId('craving-saved');
    // Once by the manager, once by the craving form, once more after saving.
    await vi.waitFor(() => expect(moods.listTriggers).toHaveBeenCalledTimes(3));
    expect(moods.listTriggers).toHaveBeenLastCalledWith(false);
    await user.click(screen.getByTestId('craving-done'));
    expect(screen.queryByTestId('craving-form')).toBeNull();
  });

  it('opens SOS from a hard craving', async () => {
    const { user, onNavigate } = setup();
    await user.click(screen.getByTestId('log-craving-button'));
    await user.click(screen.getByTestId('outcome-struggling'));
    await user.click(screen.getByTestId('craving-open-sos'));
    expect(onNavigate).toHaveBeenCalledWith('sos');
  });
});
