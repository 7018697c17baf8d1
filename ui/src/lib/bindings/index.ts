// GENERATED from Rust by `cargo test -p daybreak bindings` (ts-rs). Do not edit by hand.
// Run `UPDATE_BINDINGS=1 cargo test -p daybreak bindings` to refresh it.

export type AppError = { code: ErrorCode, message: string, };

export type CheckIn = { 
/**
 * The user's local date.
 */
day: string, intention: string | null, sober: boolean | null, difficulty: number | null, note: string | null, };

export type ClockDetail = { clock: ClockView, 
/**
 * Newest first.
 */
streaks: Array<Streak>, 
/**
 * Newest first.
 */
slips: Array<Slip>, 
/**
 * Every milestone reached in every streak, newest first.
 */
milestones: Array<MilestoneReached>, };

export type ClockInput = { name: string, startedAt: string, moneyPerDayCents: number | null, currency: string | null, minutesPerDay: number | null, };

export type ClockView = { id: number, name: string, startedAt: string, streakStartedAt: string, 
/**
 * Days sober in the current streak, by the calendar rule.
 */
days: number, 
/**
 * "1 month, 2 days".
 */
longForm: string, 
/**
 * Real elapsed time of the current streak.
 */
elapsedSeconds: number, pinned: boolean, archived: boolean, lastMilestone: MilestoneView | null, nextMilestone: MilestoneView | null, 
/**
 * 0 to 1, from the last milestone (or the start) to the next.
 */
progress: number, 
/**
 * The highest milestone reached in this streak that has not been celebrated yet.
 */
uncelebrated: MilestoneView | null, restarts: number, longestStreakDays: number, totalSoberDays: number, savings: Savings | null, };

export type CreatedJournal = { recoveryKey: string, };

export type ErrorCode = "wrong_passphrase" | "wrong_recovery_key" | "locked" | "not_found" | "already_exists" | "invalid_input" | "corrupt" | "newer_version" | "io" | "internal";

export type EveningCheckIn = { sober: boolean, difficulty: number, note: string | null, };

export type JournalState = "none" | "locked" | "unlocked";

export type JournalStatus = { state: JournalState, dataDir: string, journalFile: string, };

export type MilestoneReached = { key: string, label: string, at: string, streakStartedAt: string, };

export type MilestoneView = { key: string, label: string, 
/**
 * When it was (or will be) reached.
 */
at: string, };

export type Savings = { currency: string | null, moneyPerDayCents: number | null, minutesPerDay: number | null, moneyCurrentCents: number | null, moneyTotalCents: number | null, minutesCurrent: number | null, minutesTotal: number | null, };

export type Slip = { id: number, clockId: number, at: string, note: string | null, };

export type SlipInput = { at: string, note: string | null, };

export type SlipRecorded = { 
/**
 * The length of the streak this slip ended, in days: it still counts.
 */
keptDays: number, totalSoberDays: number, clock: ClockView, };

export type Streak = { startedAt: string, endedAt: string | null, days: number, seconds: number, longForm: string, };

export type TodayView = { day: string, 
/**
 * The pinned clock, or else the first active one.
 */
mainClock: ClockView | null, 
/**
 * Every active clock, the main one first.
 */
clocks: Array<ClockView>, checkIn: CheckIn | null, checkInStreak: number, };
