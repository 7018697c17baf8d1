import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/reminders');

import * as ipc from '../../lib/ipc/reminders';
import type { ReminderSettings as Settings } from '../../lib/bindings';
import { IpcError } from '../../lib/ipc/IpcError';
import ReminderSettings from './ReminderSettings.svelte';

const OFF: Settings = {
  morning: null,
  evening: null,
  howAreYou: null,
  milestones: false,
  quietHours: null,
  wording: 'neutral',
  details: false,
  offered: false,
  closeToTray: null,
};

describe('Settings → Reminders', () => {
  beforeEach(() => {
    vi.mocked(ipc.getReminders).mockResolvedValue({ ...OFF });
    vi.mocked(ipc.getStartWithComputer).mockResolvedValue(false);
    vi.mocked(ipc.setReminders).mockImplementation(async (s) => s);
    vi.mocked(ipc.setStartWithComputer).mockImplementation(async (on) => on);
  });

  it('starts with everything off and neutral words', async () => {
    render(ReminderSettings);
    const evening = (await screen.findByTestId('reminder-evening')) as HTMLInputElement;
    expect(evening.checked).toBe(false);
    expect((screen.getByLabelText('Evening check-in time') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('reminder-wording-neutral') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('start-with-computer') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('close-to-tray-question')).toBeNull();
  });

  it('lets milestone notes name a clock only with the words that say what a reminder is for', async () => {
    vi.mocked(ipc.getReminders).mockResolvedValue({ ...OFF, milestones: true, details: true });
    const user = userEvent.setup();
    render(ReminderSettings);
    const details = (await screen.findByTestId('reminder-details')) as HTMLInputElement;
    expect([details.disabled, details.checked], 'neutral words: nothing named').toEqual([true, false]);
    await user.click(screen.getByTestId('reminder-wording-plain'));
    await waitFor(() => expect(details.disabled).toBe(false));
    expect(details.checked).toBe(true);
  });

  it('turns the evening reminder on at its time, then asks once about the tray', async () => {
    const user = userEvent.setup();
    render(ReminderSettings);
    await user.click(await screen.findByTestId('reminder-evening'));
    expect(ipc.setReminders).toHaveBeenLastCalledWith(expect.objectContaining({ evening: '21:00' }));
    const question = await screen.findByTestId('close-to-tray-question');
    expect(question.textContent?.replace(/\s+/g, ' ')).toMatch(/keep Daybreak in the tray, locked/);
    await user.click(screen.getByTestId('close-to-tray-yes'));
    expect(ipc.setReminders).toHaveBeenLastCalledWith(
      expect.objectContaining({ evening: '21:00', closeToTray: true }),
    );
    await waitFor(() => expect(screen.queryByTestId('close-to-tray-question')).toBeNull());
    expect((screen.getByTestId('close-to-tray') as HTMLInputElement).checked, 'changeable afterwards').toBe(
      true,
    );
  });

  it('works from the keyboard: Space turns quiet hours on with their times', async () => {
    const user = userEvent.setup();
    render(ReminderSettings);
    const quiet = await screen.findByTestId('reminder-quiet');
    quiet.focus();
    await user.keyboard(' ');
    expect(ipc.setReminders).toHaveBeenLastCalledWith(
      expect.objectContaining({ quietHours: { from: '22:00', to: '07:00' } }),
    );
  });

  it('shows saved times as hours and minutes, and turns starting with the computer on', async () => {
    vi.mocked(ipc.getReminders).mockResolvedValue({ ...OFF, morning: '07:30:00', closeToTray: false });
    const user = userEvent.setup();
    render(ReminderSettings);
    const time = (await screen.findByLabelText('Morning intention time')) as HTMLInputElement;
    expect(time.value).toBe('07:30');
    expect((screen.getByTestId('close-to-tray') as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByTestId('start-with-computer'));
    expect(ipc.setStartWithComputer).toHaveBeenCalledWith(true);
  });

  it('says why the settings could not be read, and Try again reads them', async () => {
    vi.mocked(ipc.getReminders).mockRejectedValueOnce(new IpcError('io', '/home/someone'));
    vi.mocked(ipc.getStartWithComputer).mockRejectedValue(new IpcError('io', 'x'));
    const user = userEvent.setup();
    render(ReminderSettings);
    const error = await screen.findByTestId('reminders-load-error');
    expect(error.textContent).toMatch(/couldn't read or save/);
    expect(error.textContent).not.toContain('/home/someone');
    expect(screen.queryByTestId('reminder-evening')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('reminder-evening')).not.toBeNull());
    expect(screen.queryByTestId('reminders-load-error')).toBeNull();
  });
});
