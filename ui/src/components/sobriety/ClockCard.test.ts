import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');

import * as sobriety from '../../lib/ipc/sobriety';
import { IpcError } from '../../lib/ipc/IpcError';
import { useLanguage } from '../../lib/i18n';
import type { ClockView } from '../../lib/bindings';
import { clock } from '../../testing/sobriety';
import ClockCard from './ClockCard.svelte';

function setup(c: ClockView = clock(), elapsedSeconds = c.elapsedSeconds) {
  const props = {
    clock: c,
    elapsedSeconds,
    onOpen: vi.fn(),
    onSlip: vi.fn(),
    onEdit: vi.fn(),
    onChanged: vi.fn(),
  };
  const user = userEvent.setup();
  render(ClockCard, props);
  return { user, ...props };
}

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, ' ').trim();

describe('ClockCard', () => {
  afterEach(() => useLanguage('en'));

  beforeEach(() => {
    vi.mocked(sobriety.pinClock).mockResolvedValue(undefined);
    vi.mocked(sobriety.archiveClock).mockResolvedValue(undefined);
    vi.mocked(sobriety.deleteClock).mockResolvedValue(undefined);
  });

  it('shows the days, long form, milestones and progress', () => {
    setup(clock({ id: 4, pinned: false }));
    expect(screen.getByTestId('clock-card').dataset.clockId).toBe('4');
    expect(text('clock-days')).toBe('32 days');
    expect(text('clock-long-form')).toBe('1 month, 1 day');
    expect(text('clock-last-milestone')).toMatch(/^Last milestone: 30 days, reached January 31, 2025$/);
    expect(text('clock-next-milestone')).toContain('60 days');
    const progress = screen.getByRole('progressbar', {
      name: 'Progress toward 60 days',
    }) as HTMLProgressElement;
    expect(progress.value).toBe(40);
    expect(screen.getByTestId('clock-next-milestone').contains(progress)).toBe(true);
    // After three days, no hours-and-minutes line.
    expect(screen.queryByTestId('clock-elapsed')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Alcohol' })).toBeTruthy();
  });

  it('words the long form and the milestones in Spanish from the numbers the core sends', () => {
    useLanguage('es');
    setup(
      clock({
        span: { years: 1, months: 2, days: 3 },
        lastMilestone: { key: 'm12', length: { unit: 'years', count: 1 }, at: '2025-01-31T08:00:00.000Z' },
        nextMilestone: { key: 'm18', length: { unit: 'months', count: 18 }, at: '2025-07-31T08:00:00.000Z' },
      }),
    );
    expect(text('clock-long-form')).toBe('1 año, 2 meses y 3 días');
    expect(text('clock-last-milestone')).toContain('1 año');
    expect(text('clock-next-milestone')).toContain('18 meses');
  });

  it('says "1 day", and shows hours and minutes in the first days', () => {
    setup(
      clock({ days: 1, span: { years: 0, months: 0, days: 1 }, lastMilestone: null }),
      26 * 3600 + 5 * 60,
    );
    expect(text('clock-days')).toBe('1 day');
    expect(text('clock-elapsed')).toBe('26 h 5 min');
    expect(screen.queryByTestId('clock-last-milestone')).toBeNull();
  });

  it('marks the main clock and offers pinning only on the others', async () => {
    setup(clock({ pinned: true }));
    expect(text('clock-main-badge')).toBe('Main clock');
    expect(screen.queryByTestId('clock-pin')).toBeNull();
  });

  it('pins a clock and reports the change', async () => {
    const { user, onChanged } = setup(clock({ id: 3, pinned: false }));
    expect(screen.queryByTestId('clock-main-badge')).toBeNull();
    await user.click(screen.getByTestId('clock-pin'));
    expect(sobriety.pinClock).toHaveBeenCalledWith(3);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
  });

  it('archives and brings back', async () => {
    const { user, onChanged } = setup(clock({ id: 3 }));
    await user.click(screen.getByTestId('clock-archive'));
    expect(sobriety.archiveClock).toHaveBeenCalledWith(3, true);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
  });

  it('offers only "bring back", open and delete on an archived clock', async () => {
    const { user } = setup(clock({ id: 3, archived: true, pinned: false }));
    expect(screen.queryByTestId('clock-archive')).toBeNull();
    expect(screen.queryByTestId('clock-slip-button')).toBeNull();
    expect(screen.queryByTestId('clock-pin')).toBeNull();
    await user.click(screen.getByTestId('clock-unarchive'));
    expect(sobriety.archiveClock).toHaveBeenCalledWith(3, false);
  });

  it('deletes only after confirmation', async () => {
    const { user, onChanged } = setup(clock({ id: 3, restarts: 2 }));
    const deleteButton = screen.getByTestId('clock-delete');
    await user.click(deleteButton);
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('2 recorded slips');
    expect(document.activeElement).toBe(screen.getByTestId('confirm-no'));
    await user.click(screen.getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(document.activeElement).toBe(deleteButton);
    expect(sobriety.deleteClock).not.toHaveBeenCalled();

    await user.click(deleteButton);
    await user.click(screen.getByTestId('confirm-yes'));
    expect(sobriety.deleteClock).toHaveBeenCalledWith(3);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
  });

  it('hands opening, editing and a slip up to the list', async () => {
    const { user, onOpen, onEdit, onSlip } = setup();
    await user.click(screen.getByTestId('clock-open'));
    await user.click(screen.getByTestId('clock-edit'));
    await user.click(screen.getByTestId('clock-slip-button'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onSlip).toHaveBeenCalledTimes(1);
  });

  it('says so when a change fails', async () => {
    vi.mocked(sobriety.pinClock).mockRejectedValue(new IpcError('io', 'x'));
    const { user, onChanged } = setup(clock({ pinned: false }));
    await user.click(screen.getByTestId('clock-pin'));
    expect((await screen.findByTestId('clock-card-error')).textContent).toMatch(/couldn't read or save/);
    expect(onChanged).not.toHaveBeenCalled();
  });
});
