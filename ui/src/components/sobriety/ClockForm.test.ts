import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');

import * as sobriety from '../../lib/ipc/sobriety';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import type { ClockView } from '../../lib/bindings';
import { clock } from '../../testing/sobriety';
import ClockForm from './ClockForm.svelte';
import { restoreTimeZone, useTimeZone } from '../../testing/timeZone';

function setup(editing: ClockView | null = null) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(ClockForm, { clock: editing, onSaved, onCancel });
  return { user, onSaved, onCancel };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

/** Date and time inputs are set the way a browser picker does: a whole value, then `input`. */
async function setValue(id: string, value: string) {
  await fireEvent.input(input(id), { target: { value } });
}

describe('ClockForm', () => {
  beforeEach(() => {
    useTimeZone('America/New_York');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 3, 10, 14, 30, 20));
    vi.mocked(sobriety.createClock).mockResolvedValue(clock());
    vi.mocked(sobriety.updateClock).mockResolvedValue(clock());
  });

  afterEach(() => {
    vi.useRealTimers();
    restoreTimeZone();
  });

  it('starts at today and now, and refuses later days', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Start a sobriety clock' })).toBeTruthy();
    expect(input('clock-start-date').value).toBe('2025-04-10');
    expect(input('clock-start-date').max).toBe('2025-04-10');
    expect(input('clock-start-time').value).toBe('14:30');
    expect(input('clock-name').placeholder).toMatch(/Alcohol.*Heroin.*Pills|Heroin/);
    expect(document.activeElement).toBe(input('clock-name'));
  });

  it('moves the time to midnight for a past day, unless it was set by hand', async () => {
    setup();
    await setValue('clock-start-date', '2025-03-03');
    expect(input('clock-start-time').value).toBe('00:00');
    await setValue('clock-start-date', '2025-04-10');
    expect(input('clock-start-time').value).toBe('14:30');
    await setValue('clock-start-time', '09:15');
    await setValue('clock-start-date', '2025-03-03');
    expect(input('clock-start-time').value).toBe('09:15');
  });

  it('creates a backdated clock from the local date and time', async () => {
    const { user, onSaved } = setup();
    await user.type(input('clock-name'), 'Alcohol');
    await setValue('clock-start-date', '2025-03-03');
    await setValue('clock-start-time', '08:00');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.createClock).toHaveBeenCalledWith({
      name: 'Alcohol',
      startedAt: '2025-03-03T13:00:00.000Z',
      moneyPerDayCents: null,
      currency: null,
      minutesPerDay: null,
    });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('sends the optional money and time per day', async () => {
    const { user } = setup();
    await user.type(input('clock-name'), 'Pills');
    await user.type(input('clock-money'), '12.50');
    await user.selectOptions(screen.getByTestId('clock-currency'), 'EUR');
    await user.type(input('clock-hours'), '2');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.createClock).toHaveBeenCalledWith(
      expect.objectContaining({ moneyPerDayCents: 1250, currency: 'EUR', minutesPerDay: 120 }),
    );
  });

  it('asks for a name', async () => {
    const { user } = setup();
    await user.type(input('clock-name'), '   ');
    await user.click(screen.getByTestId('clock-save'));
    expect(screen.getByTestId('clock-form-error').textContent).toBe(
      'Please give this clock a name, like "Alcohol".',
    );
    expect(sobriety.createClock).not.toHaveBeenCalled();
  });

  it('ties each problem to its field', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('clock-save'));
    const name = input('clock-name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(screen.getByTestId('clock-form-error').id);
    await vi.waitFor(() => expect(document.activeElement).toBe(name));

    await user.type(name, 'Alcohol');
    await user.type(input('clock-money'), 'lots');
    await user.click(screen.getByTestId('clock-save'));
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    expect(name.hasAttribute('aria-describedby')).toBe(false);
    const money = input('clock-money');
    expect(money.getAttribute('aria-invalid')).toBe('true');
    expect(money.getAttribute('aria-describedby')).toBe(screen.getByTestId('clock-form-error').id);
    await vi.waitFor(() => expect(document.activeElement).toBe(money));
    expect(sobriety.createClock).not.toHaveBeenCalled();
  });

  it('refuses a start in the future', async () => {
    const { user } = setup();
    await user.type(input('clock-name'), 'Alcohol');
    await setValue('clock-start-time', '14:31');
    await user.click(screen.getByTestId('clock-save'));
    expect(screen.getByTestId('clock-form-error').textContent).toBe("The start can't be in the future.");
    expect(sobriety.createClock).not.toHaveBeenCalled();
  });

  it("shows the backend's own words for invalid input", async () => {
    vi.mocked(sobriety.createClock).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'too_long', what: 'name', max: 60 },
      }),
    );
    const { user, onSaved } = setup();
    await user.type(input('clock-name'), 'Alcohol');
    await user.click(screen.getByTestId('clock-save'));
    expect((await screen.findByTestId('clock-form-error')).textContent).toBe(
      'Please keep the name under 60 characters.',
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect((screen.getByTestId('clock-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('edits a clock, starting from what it has', async () => {
    const editing = clock({
      id: 5,
      name: 'Heroin',
      startedAt: '2025-01-05T17:45:00.000Z',
      savings: {
        currency: 'GBP',
        moneyPerDayCents: 2000,
        minutesPerDay: 90,
        moneyCurrentCents: 0,
        moneyTotalCents: 0,
        minutesCurrent: 0,
        minutesTotal: 0,
      },
    });
    const { user, onSaved } = setup(editing);
    expect(screen.getByRole('dialog', { name: 'Edit clock' })).toBeTruthy();
    expect(input('clock-name').value).toBe('Heroin');
    expect(input('clock-start-date').value).toBe('2025-01-05');
    expect(input('clock-start-time').value).toBe('12:45');
    expect(input('clock-money').value).toBe('20');
    expect((screen.getByTestId('clock-currency') as HTMLSelectElement).value).toBe('GBP');
    expect(input('clock-hours').value).toBe('1.5');
    await user.clear(input('clock-name'));
    await user.type(input('clock-name'), 'Opioids');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.updateClock).toHaveBeenCalledWith(5, {
      name: 'Opioids',
      startedAt: '2025-01-05T17:45:00.000Z',
      moneyPerDayCents: 2000,
      currency: 'GBP',
      minutesPerDay: 90,
    });
    expect(sobriety.createClock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('cancels with the button or Escape', async () => {
    const { user, onCancel } = setup();
    await user.click(screen.getByTestId('clock-cancel'));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
