import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/reminders');

import * as ipc from '../../lib/ipc/reminders';
import type { ReminderSettings } from '../../lib/bindings';
import ReminderOffer from './ReminderOffer.svelte';
import { settle } from '../../testing/heldPaint';

const OFF: ReminderSettings = {
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

describe('the reminder offer after the first check-in', () => {
  beforeEach(() => {
    vi.mocked(ipc.getReminders).mockResolvedValue({ ...OFF });
    vi.mocked(ipc.setReminders).mockImplementation(async (s) => s);
  });

  it('waits for a check-in', async () => {
    render(ReminderOffer, { checkedIn: false });
    await settle(10);
    expect(screen.queryByTestId('reminder-offer')).toBeNull();
    expect(ipc.getReminders).not.toHaveBeenCalled();
  });

  it('turns on the morning and evening reminders and keeps Daybreak in the tray', async () => {
    const user = userEvent.setup();
    render(ReminderOffer, { checkedIn: true });
    const offer = await screen.findByTestId('reminder-offer');
    expect(offer.textContent?.replace(/\s+/g, ' ')).toMatch(/Daybreak: a moment for yourself/);
    await user.click(screen.getByTestId('offer-accept'));
    expect(ipc.setReminders).toHaveBeenCalledWith(
      expect.objectContaining({ offered: true, morning: '08:00', evening: '21:00', closeToTray: true }),
    );
    expect(screen.queryByTestId('reminder-offer'), 'offered once').toBeNull();
    expect(screen.getByTestId('offer-answered').textContent).toMatch(/Reminders are on/);
  });

  it('"No, thanks" turns nothing on and is not asked again', async () => {
    const user = userEvent.setup();
    render(ReminderOffer, { checkedIn: true });
    await user.click(await screen.findByTestId('offer-decline'));
    expect(ipc.setReminders).toHaveBeenCalledWith({ ...OFF, offered: true });
    expect(screen.queryByTestId('reminder-offer')).toBeNull();
  });

  it('is not shown once offered', async () => {
    vi.mocked(ipc.getReminders).mockResolvedValue({ ...OFF, offered: true });
    render(ReminderOffer, { checkedIn: true });
    await settle(10);
    expect(screen.queryByTestId('reminder-offer')).toBeNull();
  });
});
