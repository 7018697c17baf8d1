//! When a reminder is due. Pure: `now`, the time zone and what is known about today's
//! check-ins are passed in.
//!
//! The rules:
//! - A daily reminder comes once per calendar day, at its wall-clock time in the person's
//!   current zone. On the day clocks spring forward, a time inside the skipped hour comes at
//!   the first minute that exists after it; on the day they fall back, a repeated time comes
//!   at its first occurrence only.
//! - Travel: the times follow the zone the person is in now. A reminder already shown for a
//!   calendar day is not shown again that day, even when flying west brings its time round
//!   again (`Shown`).
//! - Quiet hours: a daily reminder whose time falls inside them is skipped that day. A
//!   milestone note reached inside them waits until they end.
//! - Done: a morning or evening reminder whose check-in is already done today is not shown.
//!   While the journal is locked nobody can tell, so the reminder is shown (with neutral words
//!   unless the person chose plain ones); once unlocked, a done check-in skips it.
//! - No stacking: after the computer was off or asleep, reminders whose time passed more than
//!   `MISSED_AFTER` ago are dropped, and each wake shows at most one reminder: the latest.

use std::collections::HashSet;

use crate::zone::Zone;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

use super::{ReminderKind, ReminderSettings};
use crate::time::{instant_at, local};

/// A reminder whose time passed longer ago than this is missed, and not shown late.
pub const MISSED_AFTER: Duration = Duration::minutes(10);

/// One reminder at one instant. `milestone` is the index into the milestone instants passed
/// in, for a milestone note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub kind: ReminderKind,
    pub at: DateTime<Utc>,
    /// The calendar day (where the person is) this reminder belongs to.
    pub day: NaiveDate,
    pub milestone: Option<usize>,
}

/// What is known about today's check-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInsToday {
    /// The journal is locked: nobody can tell.
    Unknown,
    /// Read from the journal for `day`.
    Known {
        day: NaiveDate,
        morning: bool,
        evening: bool,
    },
}

impl CheckInsToday {
    fn done(&self, kind: ReminderKind, on: NaiveDate) -> bool {
        match *self {
            CheckInsToday::Unknown => false,
            CheckInsToday::Known {
                day,
                morning,
                evening,
            } => {
                day == on
                    && match kind {
                        ReminderKind::Morning => morning,
                        ReminderKind::Evening => evening,
                        ReminderKind::HowAreYou | ReminderKind::Milestone => false,
                    }
            }
        }
    }
}

/// The reminders already shown (or dropped as done), by kind and calendar day; milestone
/// notes by their instant. Kept in memory by the app's scheduler.
#[derive(Debug, Default, Clone)]
pub struct Shown {
    daily: HashSet<(ReminderKind, NaiveDate)>,
    milestones: HashSet<DateTime<Utc>>,
}

impl Shown {
    pub fn record(&mut self, occurrence: &Occurrence) {
        match occurrence.kind {
            ReminderKind::Milestone => {
                self.milestones.insert(occurrence.at);
            }
            kind => {
                self.daily.insert((kind, occurrence.day));
            }
        }
    }

    fn contains(&self, occurrence: &Occurrence) -> bool {
        match occurrence.kind {
            ReminderKind::Milestone => self.milestones.contains(&occurrence.at),
            kind => self.daily.contains(&(kind, occurrence.day)),
        }
    }

    /// Forgets days long past, so the set stays small in an app left running for months.
    pub fn forget_before(&mut self, day: NaiveDate) {
        self.daily.retain(|(_, d)| *d >= day);
    }
}

/// Every reminder (not skipped by quiet hours) with an instant in `(after, until]`, in time
/// order.
fn occurrences(
    settings: &ReminderSettings,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
    tz: Zone,
    milestones: &[DateTime<Utc>],
) -> Vec<Occurrence> {
    let mut found = Vec::new();
    // One day either side covers any zone offset and DST shift.
    let first = local(after, tz).date() - Days::new(1);
    let last = local(until, tz).date() + Days::new(1);
    let mut day = first;
    while day <= last {
        for (kind, time) in settings.daily() {
            let at = instant_at(day.and_time(time), tz);
            let quiet = settings
                .quiet_hours
                .is_some_and(|q| q.contains(local(at, tz).time()));
            if at > after && at <= until && !quiet {
                found.push(Occurrence {
                    kind,
                    at,
                    day,
                    milestone: None,
                });
            }
        }
        day = day + Days::new(1);
    }
    if settings.milestones {
        for (index, &reached) in milestones.iter().enumerate() {
            let at = after_quiet_hours(settings, reached, tz);
            if at > after && at <= until {
                found.push(Occurrence {
                    kind: ReminderKind::Milestone,
                    at,
                    day: local(reached, tz).date(),
                    milestone: Some(index),
                });
            }
        }
    }
    found.sort_by_key(|o| (o.at, o.kind));
    found
}

/// `at`, or the end of the quiet hours it falls in.
fn after_quiet_hours(settings: &ReminderSettings, at: DateTime<Utc>, tz: Zone) -> DateTime<Utc> {
    let Some(quiet) = settings.quiet_hours else {
        return at;
    };
    let wall = local(at, tz);
    if !quiet.contains(wall.time()) {
        return at;
    }
    // Inside quiet hours that run over midnight, before midnight: they end tomorrow.
    let day = if quiet.from > quiet.to && wall.time() >= quiet.from {
        wall.date() + Days::new(1)
    } else {
        wall.date()
    };
    instant_at(day.and_time(quiet.to), tz)
}

/// The next reminder strictly after `after` (quiet hours applied; whether it will be done or
/// already shown is decided when it is due). The app sleeps until then, or less.
pub fn next_after(
    settings: &ReminderSettings,
    after: DateTime<Utc>,
    tz: Zone,
    milestones: &[DateTime<Utc>],
) -> Option<Occurrence> {
    // Every daily reminder comes within two days; a milestone may be further off.
    let mut horizon = after + Duration::days(2);
    if let Some(&latest) = milestones.iter().max() {
        horizon = horizon.max(after_quiet_hours(settings, latest, tz) + Duration::days(1));
    }
    occurrences(settings, after, horizon, tz, milestones)
        .into_iter()
        .next()
}

/// The reminder to show now, if any: the latest one whose time is in `(since, now]`, passed
/// less than `MISSED_AFTER` ago, not already shown that day, and (for check-ins) not already
/// done. At most one, however long the computer was off.
pub fn due(
    settings: &ReminderSettings,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Zone,
    milestones: &[DateTime<Utc>],
    today: CheckInsToday,
    shown: &Shown,
) -> Option<Occurrence> {
    let recent = since.max(now - MISSED_AFTER);
    occurrences(settings, recent, now, tz, milestones)
        .into_iter()
        .rev()
        .find(|o| !shown.contains(o) && !today.done(o.kind, o.day))
}
