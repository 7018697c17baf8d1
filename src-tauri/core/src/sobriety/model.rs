//! The shared types of sober days: a clock as stored, and what the UI is shown of clocks, slips,
//! streaks and milestones. Nothing here imports another `sobriety` module but `count` (a leaf),
//! so `clocks`, `slips`, `views` and `today` all import it downwards.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::count::Span;

/// A clock as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clock {
    pub id: i64,
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub pinned: bool,
    pub archived: bool,
    pub money_per_day_cents: Option<i64>,
    pub currency: Option<String>,
    pub minutes_per_day: Option<i64>,
}

/// The unit a milestone is said in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

/// How long a milestone is, as people say it: 24 hours, 1 week, 30 days, 18 months, 2 years.
/// The UI words it in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneLength {
    pub unit: TimeUnit,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneView {
    pub key: String,
    pub length: MilestoneLength,
    /// When it was (or will be) reached.
    pub at: DateTime<Utc>,
}

/// Money and time not spent, when the user told us what a day used to cost.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Savings {
    pub currency: Option<String>,
    pub money_per_day_cents: Option<i64>,
    pub minutes_per_day: Option<i64>,
    pub money_current_cents: Option<i64>,
    pub money_total_cents: Option<i64>,
    pub minutes_current: Option<i64>,
    pub minutes_total: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClockView {
    pub id: i64,
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub streak_started_at: DateTime<Utc>,
    /// Days sober in the current streak, by the calendar rule.
    pub days: i64,
    /// The current streak in years, months and days ("1 month, 2 days", worded by the UI).
    pub span: Span,
    /// Real elapsed time of the current streak.
    pub elapsed_seconds: i64,
    pub pinned: bool,
    pub archived: bool,
    pub last_milestone: Option<MilestoneView>,
    pub next_milestone: Option<MilestoneView>,
    /// 0 to 1, from the last milestone (or the start) to the next.
    pub progress: f64,
    /// The highest milestone reached in this streak that has not been celebrated yet.
    pub uncelebrated: Option<MilestoneView>,
    pub restarts: i64,
    pub longest_streak_days: i64,
    pub total_sober_days: i64,
    pub savings: Option<Savings>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Streak {
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub days: i64,
    pub seconds: i64,
    /// The streak in years, months and days.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Slip {
    pub id: i64,
    pub clock_id: i64,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneReached {
    pub key: String,
    pub length: MilestoneLength,
    pub at: DateTime<Utc>,
    pub streak_started_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClockDetail {
    pub clock: ClockView,
    /// Newest first.
    pub streaks: Vec<Streak>,
    /// Newest first.
    pub slips: Vec<Slip>,
    /// Every milestone reached in every streak, newest first.
    pub milestones: Vec<MilestoneReached>,
}
