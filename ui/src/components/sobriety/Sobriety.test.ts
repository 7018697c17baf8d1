import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');

import * as sobriety from '../../lib/ipc/sobriety';
import * as fixtures from '../../testing/sobriety';
import Sobriety from './Sobriety.svelte';

const ALCOHOL = fixtures.clock({ id: 1, name: 'Alcohol', pinned: true });
const PILLS = fixtures.clock({
  id: 2,
  name: 'Pills',
  pinned: false,
  days: 1,
  span: { years: 0, months: 0, days: 1 },
});
const CANNABIS = fixtures.clock({ id: 3, name: 'Cannabis', pinned: false, archived: true });

function setup() {
  const onNavigate = vi.fn();
  const user = userEvent.setup();
  render(Sobriety, { onNavigate });
  return { user, onNavigate };
}

function card(id: number): HTMLElement {
  return screen.getAllByTestId('clock-card').find((c) => c.dataset.clockId === String(id))!;
}

describe('Sobriety', () => {
  beforeEach(() => {
    vi.mocked(sobriety.listClocks).mockImplementation(async (includeArchived: boolean) =>
      includeArchived ? [ALCOHOL, PILLS, CANNABIS] : [ALCOHOL, PILLS],
    );
    vi.mocked(sobriety.clockDetail).mockResolvedValue(fixtures.detail());
    vi.mocked(sobriety.deleteClock).mockResolvedValue(undefined);
    vi.mocked(sobriety.updateClock).mockResolvedValue(PILLS);
    vi.mocked(sobriety.recordSlip).mockResolvedValue({ keptDays: 1, totalSoberDays: 1, clock: PILLS });
  });

  it('lists the active clocks, the main one marked', async () => {
    setup();
    const list = await screen.findByTestId('clock-list');
    expect(sobriety.listClocks).toHaveBeenCalledWith(false);
    expect(
      within(list)
        .getAllByTestId('clock-card')
        .map((c) => c.dataset.clockId),
    ).toEqual(['1', '2']);
    expect(within(card(1)).getByTestId('clock-main-badge')).toBeTruthy();
    expect(within(card(2)).getByTestId('clock-days').textContent).toBe('1 day');
  });

  it('says what to do when there are no clocks yet', async () => {
    vi.mocked(sobriety.listClocks).mockResolvedValue([]);
    setup();
    expect((await screen.findByTestId('clocks-empty')).textContent).toMatch(/Press New clock to start one/);
    expect(screen.queryByTestId('clock-list')).toBeNull();
  });

  it('shows archived clocks on request, with a way to bring them back', async () => {
    const { user } = setup();
    await screen.findByTestId('clock-list');
    expect(screen.queryByTestId('clock-unarchive')).toBeNull();
    await user.click(screen.getByTestId('show-archived'));
    expect(sobriety.listClocks).toHaveBeenLastCalledWith(true);
    await vi.waitFor(() => expect(screen.getAllByTestId('clock-card')).toHaveLength(3));
    expect(within(card(3)).getByTestId('clock-unarchive')).toBeTruthy();
  });

  it('starts a new clock and shows it', async () => {
    const { user } = setup();
    await screen.findByTestId('clock-list');
    vi.mocked(sobriety.createClock).mockResolvedValue(CANNABIS);
    await user.click(screen.getByTestId('new-clock-button'));
    await user.type(screen.getByTestId('clock-name'), 'Cannabis');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.createClock).toHaveBeenCalledWith(expect.objectContaining({ name: 'Cannabis' }));
    await vi.waitFor(() => expect(sobriety.listClocks).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId('clock-form')).toBeNull();
  });

  it('edits a clock from its card', async () => {
    const { user } = setup();
    await screen.findByTestId('clock-list');
    await user.click(within(card(2)).getByTestId('clock-edit'));
    expect((screen.getByTestId('clock-name') as HTMLInputElement).value).toBe('Pills');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.updateClock).toHaveBeenCalledWith(2, expect.objectContaining({ name: 'Pills' }));
  });

  it('opens a clock and comes back to the list', async () => {
    const { user } = setup();
    await screen.findByTestId('clock-list');
    await user.click(within(card(1)).getByTestId('clock-open'));
    expect(await screen.findByTestId('clock-detail')).toBeTruthy();
    expect(sobriety.clockDetail).toHaveBeenCalledWith(1);
    await user.click(screen.getByTestId('clock-detail-back'));
    expect(await screen.findByTestId('clock-list')).toBeTruthy();
    expect(screen.queryByTestId('clock-detail')).toBeNull();
    expect(sobriety.listClocks).toHaveBeenCalledTimes(2);
  });

  it('records a slip from a card and can go to SOS', async () => {
    const { user, onNavigate } = setup();
    await screen.findByTestId('clock-list');
    await user.click(within(card(2)).getByTestId('clock-slip-button'));
    await user.click(screen.getByTestId('slip-save'));
    expect(sobriety.recordSlip).toHaveBeenCalledWith(2, expect.anything());
    expect((await screen.findByTestId('slip-kept-text')).textContent).toBe(
      'Your 1 day still counts. Total sober days: 1.',
    );
    await user.click(screen.getByTestId('slip-open-sos'));
    expect(onNavigate).toHaveBeenCalledWith('sos');
  });

  it('deletes a clock after confirmation and refreshes the list', async () => {
    const { user } = setup();
    await screen.findByTestId('clock-list');
    vi.mocked(sobriety.listClocks).mockResolvedValue([ALCOHOL]);
    await user.click(within(card(2)).getByTestId('clock-delete'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(sobriety.deleteClock).toHaveBeenCalledWith(2);
    await vi.waitFor(() => expect(screen.getAllByTestId('clock-card')).toHaveLength(1));
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
  });
});
