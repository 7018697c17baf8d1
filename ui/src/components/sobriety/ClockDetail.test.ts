import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');

import * as sobriety from '../../lib/ipc/sobriety';
// The refusals' words come with the shell in the app (refusals.ts); this view is tested alone.
import '../../lib/refusals';
import { IpcError } from '../../lib/ipc/IpcError';
import * as fixtures from '../../testing/sobriety';
import ClockDetail from './ClockDetail.svelte';

function setup() {
  const onBack = vi.fn();
  const user = userEvent.setup();
  render(ClockDetail, { clockId: 1, onBack });
  return { user, onBack };
}

const squash = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();

/** What the backend answers once the only slip is gone: one long streak again. */
function withoutSlip() {
  const base = fixtures.detail();
  return {
    ...base,
    clock: { ...base.clock, restarts: 0, days: 78, span: { years: 0, months: 2, days: 17 } },
    streaks: [
      {
        startedAt: '2024-11-15T08:00:00.000Z',
        endedAt: null,
        days: 78,
        seconds: 78 * 86400,
        span: { years: 0, months: 2, days: 17 },
      },
    ],
    slips: [],
  };
}

describe('ClockDetail', () => {
  beforeEach(() => {
    vi.mocked(sobriety.clockDetail).mockResolvedValue(fixtures.detail());
    vi.mocked(sobriety.deleteSlip).mockResolvedValue(withoutSlip());
  });

  it('sums up the clock', async () => {
    setup();
    const detail = await screen.findByTestId('detail-restarts');
    expect(sobriety.clockDetail).toHaveBeenCalledWith(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Alcohol');
    expect(detail.textContent).toBe('1');
    expect(screen.getByTestId('detail-longest').textContent).toBe('45 days');
    expect(screen.getByTestId('detail-total').textContent).toBe('77 days');
    expect(screen.getByTestId('detail-days').textContent).toBe('32 days');
    expect(screen.queryByTestId('detail-savings')).toBeNull();
  });

  it('shows savings when the clock has them', async () => {
    const base = fixtures.detail();
    vi.mocked(sobriety.clockDetail).mockResolvedValue({
      ...base,
      clock: {
        ...base.clock,
        savings: {
          currency: 'USD',
          moneyPerDayCents: 1000,
          minutesPerDay: null,
          moneyCurrentCents: 32000,
          moneyTotalCents: 77000,
          minutesCurrent: null,
          minutesTotal: null,
        },
      },
    });
    setup();
    expect(squash(await screen.findByTestId('detail-savings'))).toBe(
      '$320.00 not spent during this streak ($770.00 in all)',
    );
  });

  it('shows every streak, newest first, with the current one marked "now"', async () => {
    setup();
    await screen.findByTestId('streak-history');
    const items = screen.getAllByTestId('streak-item');
    expect(items).toHaveLength(2);
    expect(squash(items[0]!)).toBe('January 1, 2025 – now 32 days (1 month, 1 day)');
    expect(items[0]!.dataset.current).toBe('true');
    expect(squash(items[1]!)).toBe('November 15, 2024 – December 31, 2024 45 days (1 month, 15 days)');
    expect(items[1]!.dataset.current).toBe('false');
  });

  it('lists the milestones with the dates they were reached', async () => {
    setup();
    await screen.findByTestId('milestone-history');
    const items = screen.getAllByTestId('milestone-item');
    expect(items.map(squash)).toEqual([
      '30 days reached January 31, 2025',
      '30 days reached December 15, 2024',
    ]);
  });

  it('removes a slip only after confirmation, then shows the refreshed story', async () => {
    const { user } = setup();
    const item = await screen.findByTestId('slip-item');
    expect(item.textContent).toContain('A party');
    await user.click(within(item).getByTestId('slip-delete'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Remove this slip?');
    await user.click(screen.getByTestId('confirm-no'));
    expect(sobriety.deleteSlip).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('slip-item')).toHaveLength(1);

    await user.click(within(item).getByTestId('slip-delete'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(sobriety.deleteSlip).toHaveBeenCalledWith(7);
    expect(await screen.findByTestId('slips-empty')).toBeTruthy();
    expect(screen.queryByTestId('slip-item')).toBeNull();
    expect(screen.getAllByTestId('streak-item')).toHaveLength(1);
    expect(screen.getByTestId('detail-restarts').textContent).toBe('0');
    expect(screen.getByTestId('detail-days').textContent).toBe('78 days');
  });

  it('edits a slip in the same form, prefilled', async () => {
    const base = fixtures.detail();
    vi.mocked(sobriety.updateSlip).mockResolvedValue({
      ...base,
      slips: [{ id: 7, clockId: 1, at: '2024-12-31T20:00:00.000Z', note: 'A party at work' }],
    });
    const { user } = setup();
    await user.click(await screen.findByTestId('slip-edit'));
    expect(screen.getByRole('dialog', { name: 'Edit slip' })).toBeTruthy();
    expect((screen.getByTestId('slip-date') as HTMLInputElement).value).toBe('2024-12-31');
    expect((screen.getByTestId('slip-time') as HTMLInputElement).value).toBe('20:00');
    const note = screen.getByTestId('slip-note') as HTMLTextAreaElement;
    expect(note.value).toBe('A party');
    await user.type(note, ' at work');
    await user.click(screen.getByTestId('slip-save'));
    expect(sobriety.updateSlip).toHaveBeenCalledWith(7, {
      at: '2024-12-31T20:00:00.000Z',
      note: 'A party at work',
    });
    await vi.waitFor(() => expect(screen.queryByTestId('slip-edit-dialog')).toBeNull());
    expect(screen.getByTestId('slip-item').textContent).toContain('A party at work');
  });

  it('keeps the edit form open with the reason when the backend refuses', async () => {
    vi.mocked(sobriety.updateSlip).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'slip_before_start' } }),
    );
    const { user } = setup();
    await user.click(await screen.findByTestId('slip-edit'));
    await user.click(screen.getByTestId('slip-save'));
    expect((await screen.findByTestId('slip-error')).textContent).toBe(
      "A slip can't be before this clock started.",
    );
    expect(screen.getByTestId('slip-edit-dialog')).toBeTruthy();
  });

  it('goes back to the list', async () => {
    const { user, onBack } = setup();
    await user.click(screen.getByTestId('clock-detail-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
