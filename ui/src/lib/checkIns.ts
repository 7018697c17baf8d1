import type { CheckIn } from './bindings';
import { plural } from './format';

/** How a day looks in the calendar. "not-sober" is shown gently, never as a failure. */
export type DayState = 'sober' | 'not-sober' | 'intention' | 'none';

export function dayState(checkIn: CheckIn | null | undefined): DayState {
  if (!checkIn) return 'none';
  if (checkIn.sober === true) return 'sober';
  if (checkIn.sober === false) return 'not-sober';
  if (checkIn.intention !== null && checkIn.intention.trim() !== '') return 'intention';
  return 'none';
}

export const DAY_STATE_WORDS: Record<DayState, string> = {
  sober: 'checked in, sober',
  'not-sober': 'checked in, not sober',
  intention: 'morning intention set',
  none: 'no check-in',
};

/** Today's check-in in a few words, for the Today screen. */
export function todayCheckInText(checkIn: CheckIn | null): string {
  const state = dayState(checkIn);
  if (state === 'sober' || state === 'not-sober') return 'Checked in';
  if (state === 'intention') return 'Morning intention set';
  return 'Not checked in yet';
}

/** The check-in streak, separate from days sober: it counts showing up. */
export function checkInStreakText(days: number): string {
  if (days === 0) return 'No check-in streak yet. Today can be the first day.';
  return `${plural(days, 'day')} of check-ins in a row`;
}

/** Difficulty 1-5, in words. */
export const DIFFICULTY_WORDS = ['Easy', 'Fairly easy', 'In between', 'Hard', 'Very hard'] as const;
