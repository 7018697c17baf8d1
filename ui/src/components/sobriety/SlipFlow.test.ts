import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');

import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
// The refusals' words come with the shell in the app (refusals.ts); this view is tested alone.
import '../../lib/refusals';
import { IpcError } from '../../lib/ipc/IpcError';
import { clock } from '../../testing/sobriety';
import SlipFlow from './SlipFlow.svelte';

function setup() {
  const onRecorded = vi.fn();
  const onClose = vi.fn();
  const onOpenSos = vi.fn();
  const user = userEvent.setup();
  render(SlipFlow, {
    clock: clock({ id: 4, startedAt: '2025-03-01T08:00:00.000Z' }),
    onRecorded,
    onClose,
    onOpenSos,
  });
  return { user, onRecorded, onClose, onOpenSos };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

function recorded(keptDays: number, totalSoberDays: number) {
  return { keptDays, totalSoberDays, clock: clock({ id: 4, days: 0, restarts: 1, totalSoberDays }) };
}

describe('SlipFlow', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 3, 10, 14, 30, 45));
    vi.mocked(sobriety.recordSlip).mockResolvedValue(recorded(30, 30));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('can say what set the slip off, from the trigger catalogue', async () => {
    vi.mocked(moods.listTriggers).mockResolvedValue([
      { id: 6, key: 'loneliness-isolation', name: 'Loneliness and isolation', archived: false, uses: 0 },
      { id: 9, key: 'stress-anxiety', name: 'Stress or anxiety', archived: false, uses: 0 },
    ]);
    const { user } = setup();
    await user.click(await screen.findByTestId('slip-trigger-6'));
    await user.click(screen.getByTestId('slip-save'));
    expect(moods.listTriggers).toHaveBeenCalledWith(false);
    expect(sobriety.recordSlip).toHaveBeenCalledWith(4, expect.objectContaining({ triggers: [6] }));
  });

  it('is a calm dialog that starts at now', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'I had a slip' })).toBeTruthy();
    expect(input('slip-date').value).toBe('2025-04-10');
    expect(input('slip-time').value).toBe('14:30');
    expect(input('slip-date').max).toBe('2025-04-10');
    expect(screen.getByTestId('slip-flow').textContent).not.toMatch(/fail|relapse|addict|clean|dirty/i);
  });

  it('records an earlier slip with a note, then says what was kept', async () => {
    const { user, onRecorded } = setup();
    await fireEvent.input(input('slip-date'), { target: { value: '2025-04-08' } });
    await fireEvent.input(input('slip-time'), { target: { value: '21:00' } });
    await user.type(screen.getByTestId('slip-note'), 'A hard evening');
    await user.click(screen.getByTestId('slip-save'));
    expect(sobriety.recordSlip).toHaveBeenCalledWith(4, {
      at: new Date(2025, 3, 8, 21, 0).toISOString(),
      note: 'A hard evening',
    });
    const kept = await screen.findByTestId('slip-kept-text');
    expect(kept.textContent).toBe('Your 30 days still count. Total sober days: 30.');
    expect(document.activeElement).toBe(kept);
    expect(screen.getByTestId('slip-kind-screen').textContent).toContain("part of many people's recovery");
    expect(screen.queryByTestId('slip-save')).toBeNull();
    expect(onRecorded).toHaveBeenCalledWith(recorded(30, 30));
  });

  it('says "1 day" for a single day', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue(recorded(1, 1));
    const { user } = setup();
    await user.click(screen.getByTestId('slip-save'));
    expect((await screen.findByTestId('slip-kept-text')).textContent).toBe(
      'Your 1 day still counts. Total sober days: 1.',
    );
  });

  it('says no total of 0 days after a slip on the day the clock began', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue(recorded(0, 0));
    const { user } = setup();
    await user.click(screen.getByTestId('slip-save'));
    expect((await screen.findByTestId('slip-kept-text')).textContent).toBe(
      'Every hour you stayed sober still counts.',
    );
  });

  it('refuses a slip in the future without calling the backend', async () => {
    const { user } = setup();
    await fireEvent.input(input('slip-time'), { target: { value: '14:31' } });
    await user.click(screen.getByTestId('slip-save'));
    expect(screen.getByTestId('slip-error').textContent).toBe("A slip can't be in the future.");
    expect(sobriety.recordSlip).not.toHaveBeenCalled();
  });

  it("shows the backend's words when it refuses", async () => {
    vi.mocked(sobriety.recordSlip).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'slip_before_start' } }),
    );
    const { user } = setup();
    await user.click(screen.getByTestId('slip-save'));
    expect((await screen.findByTestId('slip-error')).textContent).toBe(
      "A slip can't be before this clock started.",
    );
    expect(screen.queryByTestId('slip-kind-screen')).toBeNull();
  });

  it('offers SOS and a way out after saving', async () => {
    const { user, onOpenSos, onClose } = setup();
    await user.click(screen.getByTestId('slip-save'));
    await user.click(await screen.findByTestId('slip-open-sos'));
    expect(onOpenSos).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId('slip-done'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', async () => {
    const { user, onClose } = setup();
    await user.click(screen.getByTestId('slip-cancel'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(sobriety.recordSlip).not.toHaveBeenCalled();
  });
});
