//! Reminders: a morning intention, an evening check-in, a daily "how are you?" and notes on
//! milestone days, as system notifications.
//!
//! What is set here is kept in the small plain settings file beside the journal (see
//! `device_settings`), because reminders must come while the journal is locked. It holds times
//! and on/off switches only: never journal text, a clock's name, a date or a day count.
//!
//! `schedule` works out when each reminder is due, with the time passed in (as the day count
//! is): wall-clock times in the person's current zone, across DST changes and travel, quiet
//! hours, check-ins already done, and no pile of missed reminders after the computer was off.

mod schedule;

pub use schedule::{due, next_after, CheckInsToday, Occurrence, Shown, MISSED_AFTER};

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Which reminder. Each opens its own screen when clicked.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "camelCase")]
pub enum ReminderKind {
    /// The morning intention.
    Morning,
    /// The evening check-in.
    Evening,
    /// The daily "how are you?", which opens the mood log.
    HowAreYou,
    /// A clock reaches a milestone today.
    Milestone,
}

/// How a reminder's words read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Wording {
    /// "Daybreak — a moment for yourself", whatever the reminder is for.
    #[default]
    Neutral,
    /// Says what the reminder is for ("Time for your evening check-in").
    Plain,
}

/// A stretch of the day with no reminders. `from` later than `to` runs over midnight
/// (22:00 to 07:00); equal times mean no quiet hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    pub from: NaiveTime,
    pub to: NaiveTime,
}

impl QuietHours {
    /// Whether the wall-clock time `t` is inside the quiet hours.
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.from <= self.to {
            self.from <= t && t < self.to
        } else {
            t >= self.from || t < self.to
        }
    }
}

/// The reminder settings, as kept in the plain settings file. Everything is off until the
/// person turns it on. Times are wall-clock times ("21:00") wherever the person is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderSettings {
    /// The morning intention's time; `None` is off.
    pub morning: Option<NaiveTime>,
    /// The evening check-in's time; `None` is off.
    pub evening: Option<NaiveTime>,
    /// The daily "how are you?"; `None` is off.
    pub how_are_you: Option<NaiveTime>,
    /// A note on the day a clock reaches a milestone (only while the journal is unlocked: the
    /// clocks are inside it).
    pub milestones: bool,
    pub quiet_hours: Option<QuietHours>,
    pub wording: Wording,
    /// Milestone notes may name the clock and the milestone ("Alcohol: 30 days"). Off by
    /// default; never used while the journal is locked.
    pub details: bool,
    /// The reminders were offered once, after the first check-in (accepted or not).
    pub offered: bool,
    /// Closing the window keeps Daybreak in the tray (locked) while reminders are on. `None`:
    /// not asked yet.
    pub close_to_tray: Option<bool>,
}

impl ReminderSettings {
    /// Whether any reminder is on: then the app has something to wait for in the tray.
    pub fn any_on(&self) -> bool {
        self.morning.is_some()
            || self.evening.is_some()
            || self.how_are_you.is_some()
            || self.milestones
    }

    /// The daily reminders that are on, with their times.
    pub fn daily(&self) -> impl Iterator<Item = (ReminderKind, NaiveTime)> {
        [
            (ReminderKind::Morning, self.morning),
            (ReminderKind::Evening, self.evening),
            (ReminderKind::HowAreYou, self.how_are_you),
        ]
        .into_iter()
        .filter_map(|(kind, time)| time.map(|t| (kind, t)))
    }

    /// Settings as read from a file someone may have edited by hand: seconds are dropped, so
    /// a reminder comes at the start of its minute.
    pub fn tidied(mut self) -> Self {
        let minute = |t: Option<NaiveTime>| {
            t.and_then(|t| {
                use chrono::Timelike;
                NaiveTime::from_hms_opt(t.hour(), t.minute(), 0)
            })
        };
        self.morning = minute(self.morning);
        self.evening = minute(self.evening);
        self.how_are_you = minute(self.how_are_you);
        self
    }
}
