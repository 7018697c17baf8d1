import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');

import * as sobriety from '../../lib/ipc/sobriety';
import { IpcError } from '../../lib/ipc/IpcError';
import type { CheckIn } from '../../lib/bindings';
import { checkIn } from '../../testing/sobriety';
import CheckInPanel from './CheckInPanel.svelte';

const NOVEMBER = [
  checkIn({ day: '2025-11-03', intention: 'Call my sister', sober: true, difficulty: 2 }),
  checkIn({ day: '2025-11-04', sober: false, difficulty: 5 }),
  checkIn({ day: '2025-11-05', intention: 'Go to the meeting' }),
];

function setup(props: { checkIn?: CheckIn | null; streak?: number } = {}) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(CheckInPanel, { day: '2025-11-15', checkIn: null, streak: 3, onSaved, onClose, ...props });
  return { user, onSaved, onClose };
}

function cell(day: string): HTMLElement {
  return screen.getByTestId('checkin-calendar').querySelector<HTMLElement>(`[data-day="${day}"]`)!;
}

describe('CheckInPanel', () => {
  beforeEach(() => {
    vi.mocked(sobriety.checkIns).mockImplementation(async (from: string) =>
      from === '2025-11-01' ? NOVEMBER : [],
    );
    vi.mocked(sobriety.morningCheckIn).mockImplementation(async (intention: string | null) =>
      checkIn({ day: '2025-11-15', intention }),
    );
    vi.mocked(sobriety.eveningCheckIn).mockImplementation(async (input) =>
      checkIn({ day: '2025-11-15', ...input }),
    );
  });

  it('shows the check-in streak, apart from the sober streak', () => {
    setup({ streak: 3 });
    expect(screen.getByTestId('checkin-streak').textContent).toBe('3 days of check-ins in a row');
  });

  it('says "1 day" for a streak of one', () => {
    setup({ streak: 1 });
    expect(screen.getByTestId('checkin-streak').textContent).toBe('1 day of check-ins in a row');
  });

  it('shows the month with a state and a full label on every day', async () => {
    setup();
    expect(sobriety.checkIns).toHaveBeenCalledWith('2025-11-01', '2025-11-30');
    await vi.waitFor(() => expect(cell('2025-11-03').dataset.state).toBe('sober'));
    expect(screen.getAllByTestId('checkin-day')).toHaveLength(30);
    expect(cell('2025-11-04').dataset.state).toBe('not-sober');
    expect(cell('2025-11-05').dataset.state).toBe('intention');
    expect(cell('2025-11-06').dataset.state).toBe('none');
    expect(cell('2025-11-03').getAttribute('aria-label')).toBe('November 3: checked in, sober');
    expect(cell('2025-11-04').getAttribute('aria-label')).toBe('November 4: checked in, not sober');
    expect(cell('2025-11-05').getAttribute('aria-label')).toBe('November 5: morning intention set');
    expect(cell('2025-11-06').getAttribute('aria-label')).toBe('November 6: no check-in');
    expect(cell('2025-11-15').getAttribute('aria-current')).toBe('date');
  });

  it("moves between months, asking for each month's range", async () => {
    const { user } = setup();
    const next = screen.getByTestId('checkin-next-month') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    await user.click(screen.getByTestId('checkin-prev-month'));
    expect(sobriety.checkIns).toHaveBeenLastCalledWith('2025-10-01', '2025-10-31');
    expect(screen.getAllByTestId('checkin-day')).toHaveLength(31);
    expect(screen.getByTestId('checkin-calendar').textContent).toContain('October 2025');
    await user.click(screen.getByTestId('checkin-prev-month'));
    expect(sobriety.checkIns).toHaveBeenLastCalledWith('2025-09-01', '2025-09-30');
    await user.click(next);
    await user.click(next);
    expect(sobriety.checkIns).toHaveBeenLastCalledWith('2025-11-01', '2025-11-30');
    expect(next.disabled).toBe(true);
    await vi.waitFor(() => expect(cell('2025-11-03').dataset.state).toBe('sober'));
  });

  it('saves a morning intention', async () => {
    const { user, onSaved } = setup();
    const intention = screen.getByTestId('checkin-intention') as HTMLInputElement;
    expect(intention.placeholder).toBe('Today I stay sober');
    await user.type(intention, ' Today I stay sober ');
    await user.click(screen.getByTestId('checkin-morning-save'));
    expect(sobriety.morningCheckIn).toHaveBeenCalledWith('Today I stay sober');
    await vi.waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith(checkIn({ day: '2025-11-15', intention: 'Today I stay sober' })),
    );
    expect(cell('2025-11-15').dataset.state).toBe('intention');
  });

  it('saves the evening check-in with how hard the day was', async () => {
    const { user, onSaved } = setup();
    const difficulty = screen.getByTestId('checkin-difficulty');
    expect(within(difficulty).getByLabelText('1 · Easy')).toBe(screen.getByTestId('checkin-difficulty-1'));
    expect(within(difficulty).getByLabelText('5 · Very hard')).toBe(
      screen.getByTestId('checkin-difficulty-5'),
    );
    await user.click(screen.getByTestId('checkin-sober-no'));
    expect(screen.getByTestId('checkin-panel').textContent).toContain('Thank you for being honest');
    await user.click(screen.getByTestId('checkin-difficulty-4'));
    await user.type(screen.getByTestId('checkin-note'), 'Work was a lot');
    await user.click(screen.getByTestId('checkin-evening-save'));
    expect(sobriety.eveningCheckIn).toHaveBeenCalledWith({
      sober: false,
      difficulty: 4,
      note: 'Work was a lot',
    });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(cell('2025-11-15').dataset.state).toBe('not-sober');
  });

  it('asks for the missing answers before saving the evening', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('checkin-evening-save'));
    expect(screen.getByTestId('checkin-error').textContent).toBe(
      'Please choose whether you stayed sober today.',
    );
    await user.click(screen.getByTestId('checkin-sober-yes'));
    await user.click(screen.getByTestId('checkin-evening-save'));
    expect(screen.getByTestId('checkin-error').textContent).toBe(
      'Please choose how hard today was, from 1 to 5.',
    );
    expect(sobriety.eveningCheckIn).not.toHaveBeenCalled();
  });

  it('starts from what was saved earlier today', () => {
    setup({ checkIn: checkIn({ day: '2025-11-15', intention: 'Walk the dog', sober: true, difficulty: 3 }) });
    expect((screen.getByTestId('checkin-intention') as HTMLInputElement).value).toBe('Walk the dog');
    expect((screen.getByTestId('checkin-sober-yes') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('checkin-difficulty-3') as HTMLInputElement).checked).toBe(true);
  });

  it('says so when saving fails', async () => {
    vi.mocked(sobriety.morningCheckIn).mockRejectedValue(new IpcError('locked', 'x'));
    const { user, onSaved } = setup();
    await user.click(screen.getByTestId('checkin-morning-save'));
    expect((await screen.findByTestId('checkin-error')).textContent).toMatch(/locked/);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
