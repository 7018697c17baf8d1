import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

vi.mock('../../lib/ipc/moods');

import * as moods from '../../lib/ipc/moods';
import * as moodFixtures from '../../testing/moods';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import { BUILT_IN_PROMPTS } from '../../lib/sos';
import DelayTimer from './DelayTimer.svelte';

const START = new Date('2026-11-27T10:00:00.000Z');
const el = (id: string) => screen.getByTestId(id);
const remaining = () => el('delay-remaining').textContent;
const prompt = () => el('delay-prompt').textContent;

async function start(props: { unlocked: boolean; onUnlockToLog?: () => void }) {
  render(DelayTimer, props);
  await vi.advanceTimersByTimeAsync(0); // the coping actions arrive
  await fireEvent.click(el('delay-start'));
}

describe('DelayTimer ("play the delay")', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    vi.mocked(moods.listCopingActions).mockResolvedValue([
      ...moodFixtures.copingActions(),
      moodFixtures.label(13, 'Played the delay'),
    ]);
    vi.mocked(moods.logCraving).mockImplementation(async (input) =>
      moodFixtures.cravingEvent({ outcome: input.outcome }),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts down from 15:00 with a new idea each minute from the person's coping actions", async () => {
    await start({ unlocked: true });
    expect(moods.listCopingActions).toHaveBeenCalledTimes(1);
    expect(remaining()).toBe('15:00');
    expect(prompt()).toBe('Try: Called someone');
    await vi.advanceTimersByTimeAsync(1000);
    expect(remaining()).toBe('14:59');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(remaining()).toBe('14:00');
    expect(prompt()).toBe('Try: Went for a walk');
    await vi.advanceTimersByTimeAsync(60_000);
    // The delay itself is not suggested; the list goes round.
    expect(prompt()).toBe('Try: Called someone');
    expect(screen.queryByTestId('delay-done')).toBeNull();
  });

  it('follows the clock, not the number of ticks, so a late timer never drifts', async () => {
    await start({ unlocked: true });
    vi.setSystemTime(START.getTime() + 5 * 60_000); // e.g. the computer slept
    await vi.advanceTimersByTimeAsync(1000);
    expect(remaining()).toBe('9:59');
  });

  it('at the end asks how strong it is, and logs a craving that passed', async () => {
    await start({ unlocked: true });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(screen.queryByTestId('delay-remaining')).toBeNull();
    expect(el('delay-done').textContent).toContain('How strong is the craving now?');
    await fireEvent.input(el('delay-strength'), { target: { value: '2' } });
    await fireEvent.click(el('delay-log-craving'));
    expect(moods.logCraving).toHaveBeenCalledWith({
      at: '2026-11-27T10:15:00.000Z',
      strength: 2,
      triggers: [],
      place: null,
      people: null,
      actions: [13],
      outcome: 'passed',
      note: null,
    });
    expect((await screen.findByTestId('delay-logged')).textContent).toContain('The urge eased');
    expect(screen.queryByTestId('delay-log-craving')).toBeNull();
  });

  it('logs a strong craving as still struggling, with a note when there is no "Played the delay" action', async () => {
    vi.mocked(moods.listCopingActions).mockResolvedValue(moodFixtures.copingActions());
    await start({ unlocked: true });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await fireEvent.input(el('delay-strength'), { target: { value: '7' } });
    await fireEvent.click(el('delay-log-craving'));
    expect(moods.logCraving).toHaveBeenCalledWith(
      expect.objectContaining({
        strength: 7,
        actions: [],
        outcome: 'struggling',
        note: 'Played the delay for 15 minutes.',
      }),
    );
    expect((await screen.findByTestId('delay-logged')).textContent).toContain("It's still strong");
  });

  it('shows why a craving could not be logged', async () => {
    vi.mocked(moods.logCraving).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'out_of_range', what: 'craving', min: 0, max: 10 },
      }),
    );
    await start({ unlocked: true });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await fireEvent.click(el('delay-log-craving'));
    expect((await screen.findByTestId('delay-log-error')).textContent).toBe(
      'Craving strength goes from 0 to 10.',
    );
  });

  it('can be stopped, and started again from 15:00', async () => {
    await start({ unlocked: true });
    await vi.advanceTimersByTimeAsync(90_000);
    await fireEvent.click(el('delay-cancel'));
    expect(screen.queryByTestId('delay-remaining')).toBeNull();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(screen.queryByTestId('delay-done')).toBeNull();
    await fireEvent.click(el('delay-start'));
    expect(remaining()).toBe('15:00');
  });

  it('uses built-in ideas while locked, asks nothing private, and offers to unlock to log it', async () => {
    const onUnlockToLog = vi.fn();
    await start({ unlocked: false, onUnlockToLog });
    expect(moods.listCopingActions).not.toHaveBeenCalled();
    expect(prompt()).toBe(`Try: ${BUILT_IN_PROMPTS[0]}`);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(prompt()).toBe(`Try: ${BUILT_IN_PROMPTS[1]}`);
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(el('delay-strength')).toBeTruthy();
    expect(screen.queryByTestId('delay-log-craving')).toBeNull();
    await fireEvent.click(el('delay-unlock'));
    expect(onUnlockToLog).toHaveBeenCalledTimes(1);
    expect(moods.logCraving).not.toHaveBeenCalled();
  });
});
