import { m } from './i18n';
import type { CheckIn } from './bindings';

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
  get sober() {
    return m.checkins_day_sober();
  },
  get 'not-sober'() {
    return m.checkins_day_not_sober();
  },
  get intention() {
    return m.checkins_day_intention();
  },
  get none() {
    return m.checkins_day_none();
  },
};

/** Today's check-in in a few words, for the Today screen. */
export function todayCheckInText(checkIn: CheckIn | null): string {
  const state = dayState(checkIn);
  if (state === 'sober' || state === 'not-sober') return m.checkins_checked_in();
  if (state === 'intention') return m.checkins_intention_set();
  return m.checkins_not_yet();
}

/** The check-in streak, separate from days sober: it counts showing up. */
export function checkInStreakText(days: number): string {
  if (days === 0) return m.checkins_no_streak();
  return m.checkins_streak({ count: days });
}

/** Difficulty 1-5, in words, in the language spoken now. */
export function difficultyWords(): string[] {
  return [
    m.checkins_easy(),
    m.checkins_fairly_easy(),
    m.checkins_in_between(),
    m.checkins_hard(),
    m.checkins_very_hard(),
  ];
}
