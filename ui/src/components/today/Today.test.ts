import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';

vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');

import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
import * as moodFixtures from '../../testing/moods';
import { IpcError } from '../../lib/ipc/IpcError';
import * as fixtures from '../../testing/sobriety';
import Today from './Today.svelte';
import { TODAY_READY } from '../../lib/bootMarks';
import { askAhead } from '../../lib/ipc/ahead';

function setup() {
  const onNavigate = vi.fn();
  const user = userEvent.setup();
  render(Today, { onNavigate, now: new Date(2025, 1, 2, 9, 0) });
  return { user, onNavigate };
}

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, ' ').trim();

describe('Today', () => {
  beforeEach(() => {
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
    vi.mocked(sobriety.acknowledgeMilestone).mockResolvedValue(undefined);
    vi.mocked(sobriety.checkIns).mockResolvedValue([]);
    vi.mocked(sobriety.createClock).mockResolvedValue(fixtures.clock());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('marks when its data is drawn, for the start-up harness', async () => {
    performance.clearMarks(TODAY_READY);
    setup();
    expect(performance.getEntriesByName(TODAY_READY), 'not before the data came').toHaveLength(0);
    await screen.findByTestId('today-checkin-state');
    await vi.waitFor(() => expect(performance.getEntriesByName(TODAY_READY, 'mark')).toHaveLength(1));
  });

  it('takes the answer the unlock asked ahead for, instead of asking again', async () => {
    vi.mocked(sobriety.getToday).mockResolvedValue(
      fixtures.today({ mainClock: fixtures.clock({ id: 2, name: 'Heroin' }) }),
    );
    await askAhead([sobriety.getToday]);
    render(Today, { onNavigate: vi.fn(), now: new Date(2025, 1, 2, 9, 0) });
    await screen.findByTestId('today-main-clock');
    expect(screen.getByTestId('today-main-clock').textContent).toContain('Heroin');
    expect(sobriety.getToday).toHaveBeenCalledTimes(1);
  });

  it('keeps the greeting and focuses it', async () => {
    setup();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Good morning');
    expect(document.activeElement).toBe(heading);
    await screen.findByTestId('today-main-clock');
  });

  it('shows the main clock big, with the next milestone', async () => {
    vi.mocked(sobriety.getToday).mockResolvedValue(
      fixtures.today({
        mainClock: fixtures.clock({ id: 2, name: 'Heroin' }),
        clocks: [
          fixtures.clock({ id: 2, name: 'Heroin' }),
          fixtures.clock({ id: 3, name: 'Pills', days: 1, pinned: false }),
        ],
      }),
    );
    setup();
    const main = await screen.findByTestId('today-main-clock');
    expect(main.querySelector('h2')?.textContent).toBe('Heroin');
    expect(text('today-days')).toBe('32 days');
    expect(text('today-long-form')).toBe('1 month, 1 day');
    const next = screen.getByTestId('today-next-milestone');
    expect(next.textContent).toContain('60 days');
    expect((next.querySelector('progress') as HTMLProgressElement).value).toBe(40);
    expect(text('today-other-clocks')).toContain('Pills 1 day');
    expect(text('today-other-clocks')).not.toContain('Heroin');
    expect(screen.queryByTestId('today-empty')).toBeNull();
  });

  it('offers to start a clock when there is none', async () => {
    vi.mocked(sobriety.getToday).mockResolvedValueOnce(fixtures.today({ mainClock: null, clocks: [] }));
    const { user } = setup();
    const empty = await screen.findByTestId('today-empty');
    expect(empty.textContent).toMatch(/those days count/);
    expect(screen.queryByTestId('today-slip')).toBeNull();
    await user.click(screen.getByTestId('today-create-clock'));
    expect(screen.getByTestId('clock-form')).toBeTruthy();
    await user.type(screen.getByTestId('clock-name'), 'Alcohol');
    await user.click(screen.getByTestId('clock-save'));
    expect(sobriety.createClock).toHaveBeenCalledWith(expect.objectContaining({ name: 'Alcohol' }));
    expect(await screen.findByTestId('today-main-clock')).toBeTruthy();
    expect(screen.queryByTestId('clock-form')).toBeNull();
    expect(sobriety.getToday).toHaveBeenCalledTimes(2);
  });

  it.each([
    [null, 'Not checked in yet'],
    [fixtures.checkIn({ intention: 'Today I stay sober' }), 'Morning intention set'],
    [fixtures.checkIn({ sober: true, difficulty: 2 }), 'Checked in'],
  ])("shows today's check-in state", async (checkIn, expected) => {
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today({ checkIn }));
    setup();
    expect((await screen.findByTestId('today-checkin-state')).textContent).toBe(expected);
  });

  it('opens the check-in panel', async () => {
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today({ checkInStreak: 4 }));
    const { user } = setup();
    await user.click(await screen.findByTestId('today-check-in'));
    expect(text('checkin-streak')).toBe('4 days of check-ins in a row');
    expect(sobriety.checkIns).toHaveBeenCalledWith('2025-02-01', '2025-02-28');
  });

  it('goes to SOS', async () => {
    const { user, onNavigate } = setup();
    await user.click(await screen.findByTestId('today-sos'));
    expect(onNavigate).toHaveBeenLastCalledWith('sos');
  });

  it('opens the quick mood log, which confirms and closes after saving', async () => {
    vi.mocked(moods.listEmotions).mockResolvedValue(moodFixtures.emotions());
    vi.mocked(moods.logMood).mockResolvedValue(moodFixtures.moodEntry());
    const { user, onNavigate } = setup();
    const button = await screen.findByTestId('today-log-mood');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+M');
    await user.click(button);
    expect(screen.getByRole('dialog', { name: 'How are you feeling?' })).toBeTruthy();
    await user.click(screen.getByTestId('mood-4'));
    await user.click(screen.getByTestId('mood-save'));
    expect(moods.logMood).toHaveBeenCalledWith(expect.objectContaining({ mood: 4 }));
    expect((await screen.findByTestId('mood-saved')).textContent).toContain('Your mood is saved.');
    expect(screen.queryByTestId('mood-form')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('records a slip on the main clock, then refreshes', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue({
      keptDays: 32,
      totalSoberDays: 32,
      clock: fixtures.clock({ days: 0 }),
    });
    const { user, onNavigate } = setup();
    await user.click(await screen.findByTestId('today-slip'));
    await user.click(screen.getByTestId('slip-save'));
    expect(sobriety.recordSlip).toHaveBeenCalledWith(1, expect.objectContaining({ note: null }));
    expect(text('slip-kept-text')).toBe('Your 32 days still count. Total sober days: 32.');
    await vi.waitFor(() => expect(sobriety.getToday).toHaveBeenCalledTimes(2));
    await user.click(screen.getByTestId('slip-open-sos'));
    expect(onNavigate).toHaveBeenCalledWith('sos');
  });

  it('celebrates a new milestone once, and remembers it was seen', async () => {
    const reached = {
      key: 'd30',
      length: { unit: 'days', count: 30 } as const,
      at: '2025-01-31T08:00:00.000Z',
    };
    const withMilestone = fixtures.today({ mainClock: fixtures.clock({ uncelebrated: reached }) });
    vi.mocked(sobriety.getToday).mockResolvedValue(withMilestone);
    vi.mocked(sobriety.morningCheckIn).mockResolvedValue(fixtures.checkIn({ intention: 'x' }));
    const { user } = setup();
    const dialog = await screen.findByTestId('milestone-celebration');
    expect(text('celebration-text')).toBe("You reached 30 days. That's something to be proud of.");
    expect(document.activeElement).toBe(screen.getByTestId('celebration-dismiss'));
    expect(dialog.textContent).not.toMatch(/!{2,}/);
    await user.click(screen.getByTestId('celebration-dismiss'));
    expect(sobriety.acknowledgeMilestone).toHaveBeenCalledWith(1, 'd30');
    expect(screen.queryByTestId('milestone-celebration')).toBeNull();

    // A later refresh that still carries the milestone (the acknowledge raced it) shows nothing.
    await user.click(screen.getByTestId('today-check-in'));
    await user.click(screen.getByTestId('checkin-morning-save'));
    await vi.waitFor(() => expect(sobriety.getToday).toHaveBeenCalledTimes(2));
    await tick();
    expect(screen.queryByTestId('milestone-celebration')).toBeNull();
    expect(sobriety.acknowledgeMilestone).toHaveBeenCalledTimes(1);
  });

  it('shows hours and minutes in the first days, moving each minute', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 1, 2, 10, 0, 0));
    const early = fixtures.clock({
      days: 0,
      span: { years: 0, months: 0, days: 0 },
      elapsedSeconds: 5 * 3600 + 12 * 60,
    });
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today({ mainClock: early, clocks: [early] }));
    render(Today, { onNavigate: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(text('today-days')).toBe('0 days');
    expect(text('today-elapsed')).toBe('5 h 12 min');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(text('today-elapsed')).toBe('5 h 13 min');
    expect(sobriety.getToday).toHaveBeenCalledTimes(1);
  });

  it('asks again after midnight, when the day count changes', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 1, 2, 23, 59, 0));
    vi.mocked(sobriety.getToday).mockResolvedValue(
      fixtures.today({ mainClock: fixtures.clock({ nextMilestone: null }) }),
    );
    render(Today, { onNavigate: vi.fn() });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sobriety.getToday).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sobriety.getToday).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sobriety.getToday).toHaveBeenCalledTimes(2);
  });

  it('explains when today cannot be loaded, and can try again', async () => {
    vi.mocked(sobriety.getToday).mockRejectedValueOnce(new IpcError('io', 'x'));
    const { user } = setup();
    expect((await screen.findByTestId('today-error')).textContent).toMatch(/couldn't read or save/);
    expect(screen.getByTestId('today-sos')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('today-main-clock')).toBeTruthy();
    expect(screen.queryByTestId('today-error')).toBeNull();
  });
});
