// GENERATED from Rust by `cargo test -p daybreak bindings` (ts-rs). Do not edit by hand.
// Run `UPDATE_BINDINGS=1 cargo test -p daybreak bindings` to refresh it.

export type AppError = { code: ErrorCode, message: string, };

export type Article = { related: Array<ArticleLink>, reviewed: string | null, sources: Array<Source>, 
/**
 * Sanitized HTML; links to other articles use `article:<slug>`.
 */
html: string, toc: Array<TocEntry>, 
/**
 * The person's private note on this article (only when unlocked).
 */
note: string | null, importedAt: string | null, slug: string, title: string, summary: string, topics: Array<string>, 
/**
 * Trigger catalogue keys the article is about.
 */
triggers: Array<string>, imported: boolean, readingMinutes: number, bookmarked: boolean, 
/**
 * 0 to 1: how far the person has read.
 */
progress: number, };

export type ArticleLink = { slug: string, title: string, };

export type ArticleSummary = { slug: string, title: string, summary: string, topics: Array<string>, 
/**
 * Trigger catalogue keys the article is about.
 */
triggers: Array<string>, imported: boolean, readingMinutes: number, bookmarked: boolean, 
/**
 * 0 to 1: how far the person has read.
 */
progress: number, };

export type BackupSummary = { path: string, createdAt: string, sizeBytes: number, 
/**
 * What it contains, for people to recognise it by.
 */
counts: Array<CountItem>, };

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

export type CountItem = { label: string, count: number, };

export type CountryLines = { 
/**
 * ISO 3166 code, or "EU".
 */
code: string, name: string, lines: Array<CrisisLine>, checked: string, };

export type CravingEvent = { id: number, at: string, strength: number, triggers: Array<Label>, place: string | null, people: string | null, actions: Array<Label>, outcome: CravingOutcome, note: string | null, 
/**
 * The slip recorded with it, if any.
 */
slipId: number | null, };

export type CravingInput = { at: string, 
/**
 * 0 to 10.
 */
strength: number, triggers: Array<number>, place: string | null, people: string | null, 
/**
 * Coping actions tried.
 */
actions: Array<number>, outcome: CravingOutcome, note: string | null, 
/**
 * With outcome "used": record a slip on this clock at the same moment.
 */
slipClockId?: number, };

export type CravingOutcome = "passed" | "used" | "struggling";

export type CreatedJournal = { recoveryKey: string, };

export type CrisisLine = { name: string, number: string, kind: LineKind, description: string, 
/**
 * Where the number was checked (shown as text; the app is offline).
 */
source: string, };

export type DayValue = { day: string, value: number, };

export type EntryKind = "mood" | "craving" | "journal" | "slip" | "check_in" | "milestone";

export type ErrorCode = "wrong_passphrase" | "wrong_recovery_key" | "locked" | "not_found" | "already_exists" | "invalid_input" | "corrupt" | "newer_version" | "io" | "internal" | "rate_limited" | "disk_full" | "backup_damaged" | "cancelled";

export type EveningCheckIn = { sober: boolean, difficulty: number, note: string | null, };

export type Format = "daybreak" | "daylio";

export type Halt = { hungry: boolean, angry: boolean, lonely: boolean, tired: boolean, };

export type ImportPreview = { format: Format, summary: ImportSummary, };

export type ImportSummary = { added: number, alreadyThere: number, 
/**
 * In the order first met; kinds with nothing in the file are left out.
 */
kinds: Array<KindCount>, };

export type Insights = { from: string, to: string, 
/**
 * Days with at least one mood logged.
 */
moodDays: number, cravingCount: number, 
/**
 * Average mood per day (1 to 5).
 */
moodDaily: Array<DayValue>, 
/**
 * The 7-day rolling average of `mood_daily`.
 */
moodRolling: Array<DayValue>, 
/**
 * Strongest craving per day (0 to 10), from cravings and mood entries.
 */
cravingDaily: Array<DayValue>, emotions: Array<CountItem>, triggers: Array<CountItem>, 
/**
 * Cravings by weekday (Monday first) and hour of day: 7 rows of 24.
 */
cravingHeatmap: Array<Array<number>>, 
/**
 * Plain-language findings, each with its sample sizes.
 */
findings: Array<string>, 
/**
 * One paragraph for screen readers.
 */
summary: string, };

export type JournalEntry = { id: number, at: string, title: string, body: string, tags: Array<string>, 
/**
 * The body rendered to sanitized HTML.
 */
html: string, updatedAt: string, };

export type JournalInput = { at: string, 
/**
 * May be empty.
 */
title: string, 
/**
 * Markdown; must not be empty.
 */
body: string, tags: Array<string>, };

export type JournalState = "none" | "locked" | "unlocked";

export type JournalStatus = { state: JournalState, dataDir: string, journalFile: string, };

export type KindCount = { kind: string, added: number, alreadyThere: number, };

export type Label = { id: number, name: string, builtin: boolean, };

export type LibraryHit = { slug: string, title: string, snippet: Array<SnippetPart>, 
/**
 * Lower is better (bm25).
 */
score: number, };

export type LineKind = "emergency" | "crisis" | "drugs" | "poison";

export type LockSignal = "suspend" | "screenLocked" | "locked";

export type MilestoneReached = { key: string, label: string, at: string, streakStartedAt: string, };

export type MilestoneView = { key: string, label: string, 
/**
 * When it was (or will be) reached.
 */
at: string, };

export type MoodEntry = { id: number, at: string, mood: number, emotions: Array<Label>, craving: number | null, halt: Halt, sleepHours: number | null, note: string | null, };

export type MoodInput = { at: string, 
/**
 * 1 awful, 2 bad, 3 okay, 4 good, 5 great.
 */
mood: number, emotions: Array<number>, 
/**
 * 0 (none) to 10.
 */
craving: number | null, halt: Halt, sleepHours: number | null, note: string | null, };

export type Person = { id: number, name: string, phone: string, 
/**
 * "My sponsor", "Counsellor, weekdays"...
 */
note: string | null, };

export type PersonInput = { name: string, phone: string, note: string | null, };

export type Preferences = { 
/**
 * Minutes of inactivity before the journal locks itself (1 to 60); `None` means never.
 */
autoLockMinutes: number | null, 
/**
 * Show "Notes" instead of "Daybreak" as the window title.
 */
neutralTitle: boolean, 
/**
 * Whose crisis lines SOS shows first ("US", "GB", ...); `None` follows the system locale.
 * The lock screen, which cannot read this, always follows the locale.
 */
crisisCountry: string | null, };

export type Reason = { id: number, text: string, };

export type RekeyedJournal = { recoveryKey: string, backupPath: string | null, backupProblem: string | null, olderBackups: Array<string>, };

export type RelapsePlan = { warningSigns: Array<string>, highRiskSituations: Array<string>, 
/**
 * Triggers from the catalogue that are high-risk for this person.
 */
highRiskTriggers: Array<number>, copingStrategies: Array<string>, places: Array<string>, ifISlip: string, 
/**
 * Set by the app when saved.
 */
updatedAt: string | null, };

export type ReportFiles = { html: string, pdf: string, };

export type ReportOptions = { 
/**
 * First day, inclusive, in the person's time zone.
 */
from: string, 
/**
 * Last day, inclusive.
 */
to: string, includeJournal: boolean, };

export type Savings = { currency: string | null, moneyPerDayCents: number | null, minutesPerDay: number | null, moneyCurrentCents: number | null, moneyTotalCents: number | null, minutesCurrent: number | null, minutesTotal: number | null, };

export type SearchHit = { kind: EntryKind, id: number, at: string, title: string, snippet: Array<SnippetPart>, };

export type Slip = { id: number, clockId: number, at: string, note: string | null, };

export type SlipInput = { at: string, note: string | null, 
/**
 * What set it off, from the trigger catalogue (optional).
 */
triggers?: Array<number>, };

export type SlipRecorded = { 
/**
 * The length of the streak this slip ended, in days: it still counts.
 */
keptDays: number, totalSoberDays: number, clock: ClockView, };

export type SnippetPart = { text: string, 
/**
 * True for the words that matched.
 */
hit: boolean, };

export type Source = { organisation: string, title: string, 
/**
 * Shown as text: the app is offline and never opens it.
 */
url: string, };

export type Streak = { startedAt: string, endedAt: string | null, days: number, seconds: number, longForm: string, };

export type TimelineFilter = { 
/**
 * Empty means every kind.
 */
kinds: Array<EntryKind>, tag: string | null, triggerId: number | null, 
/**
 * Local dates, inclusive.
 */
from: string | null, to: string | null, };

export type TimelineItem = { kind: EntryKind, 
/**
 * The entry's id (for a milestone: its clock's id).
 */
id: number, at: string, title: string, 
/**
 * A short line under the title: emotions, triggers, the start of a note...
 */
detail: string, mood: number | null, strength: number | null, tags: Array<string>, triggers: Array<string>, };

export type TimelinePage = { items: Array<TimelineItem>, 
/**
 * Pass back to get the next page; `None` at the end.
 */
nextCursor: string | null, };

export type TocEntry = { id: string, text: string, 
/**
 * 2 or 3.
 */
level: number, };

export type TodayView = { day: string, 
/**
 * The pinned clock, or else the first active one.
 */
mainClock: ClockView | null, 
/**
 * Every active clock, the main one first.
 */
clocks: Array<ClockView>, checkIn: CheckIn | null, checkInStreak: number, };

export type Trigger = { id: number, 
/**
 * The catalogue key ("loneliness-isolation") of a built-in trigger; `None` for the user's own.
 */
key: string | null, name: string, archived: boolean, 
/**
 * How many cravings and slips name it.
 */
uses: number, };
