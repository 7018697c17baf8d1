// Ready-made backend answers for the sobriety tests. Each call returns a fresh object.
import type { CheckIn, ClockDetail, ClockView, TodayView } from '../lib/bindings';

export function clock(overrides: Partial<ClockView> = {}): ClockView {
  return {
    id: 1,
    name: 'Alcohol',
    startedAt: '2025-01-01T08:00:00.000Z',
    streakStartedAt: '2025-01-01T08:00:00.000Z',
    days: 32,
    span: { years: 0, months: 1, days: 1 },
    elapsedSeconds: 32 * 86400 + 3600,
    pinned: true,
    archived: false,
    lastMilestone: { key: 'd30', length: { unit: 'days', count: 30 }, at: '2025-01-31T08:00:00.000Z' },
    nextMilestone: { key: 'd60', length: { unit: 'days', count: 60 }, at: '2025-03-02T08:00:00.000Z' },
    progress: 0.4,
    uncelebrated: null,
    restarts: 0,
    longestStreakDays: 32,
    totalSoberDays: 32,
    savings: null,
    ...overrides,
  };
}

export function checkIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return { day: '2025-02-02', intention: null, sober: null, difficulty: null, note: null, ...overrides };
}

export function today(overrides: Partial<TodayView> = {}): TodayView {
  const main = clock();
  return {
    day: '2025-02-02',
    mainClock: main,
    clocks: [main],
    checkIn: null,
    checkInStreak: 0,
    ...overrides,
  };
}

export function detail(overrides: Partial<ClockDetail> = {}): ClockDetail {
  return {
    clock: clock({
      startedAt: '2024-11-15T08:00:00.000Z',
      restarts: 1,
      longestStreakDays: 45,
      totalSoberDays: 77,
    }),
    streaks: [
      {
        startedAt: '2025-01-01T08:00:00.000Z',
        endedAt: null,
        days: 32,
        seconds: 32 * 86400,
        span: { years: 0, months: 1, days: 1 },
      },
      {
        startedAt: '2024-11-15T08:00:00.000Z',
        endedAt: '2024-12-31T20:00:00.000Z',
        days: 45,
        seconds: 45 * 86400,
        span: { years: 0, months: 1, days: 15 },
      },
    ],
    slips: [{ id: 7, clockId: 1, at: '2024-12-31T20:00:00.000Z', note: 'A party' }],
    milestones: [
      {
        key: 'd30',
        length: { unit: 'days', count: 30 },
        at: '2025-01-31T08:00:00.000Z',
        streakStartedAt: '2025-01-01T08:00:00.000Z',
      },
      {
        key: 'd30',
        length: { unit: 'days', count: 30 },
        at: '2024-12-15T08:00:00.000Z',
        streakStartedAt: '2024-11-15T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}
