//! Milestones: 24 hours, 3 days, 1 week, 2 weeks, 30, 60 and 90 days, 6 and 9 months, 1 year,
//! 18 months, then every year. Reached by the same calendar rule as the count.

use chrono::{Duration, NaiveDateTime};

use super::model::{MilestoneLength, TimeUnit};
use crate::time::months_after;

/// One rung of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Milestone {
    Days(u32),
    Months(u32),
}

const DAY_RUNGS: [u32; 7] = [1, 3, 7, 14, 30, 60, 90];
const MONTH_RUNGS: [u32; 4] = [6, 9, 12, 18];

impl Milestone {
    /// The ladder in order, without end: after 18 months, every year.
    pub fn ladder() -> impl Iterator<Item = Milestone> {
        DAY_RUNGS
            .into_iter()
            .map(Milestone::Days)
            .chain(MONTH_RUNGS.into_iter().map(Milestone::Months))
            .chain((2..).map(|years| Milestone::Months(12 * years)))
    }

    /// A stable key, stored when a milestone has been celebrated: "d30", "m6", "m24".
    pub fn key(&self) -> String {
        match self {
            Milestone::Days(n) => format!("d{n}"),
            Milestone::Months(n) => format!("m{n}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Milestone> {
        let (kind, n) = key.split_at_checked(1)?;
        let n: u32 = n.parse().ok()?;
        let milestone = match kind {
            "d" => Milestone::Days(n),
            "m" => Milestone::Months(n),
            _ => return None,
        };
        Milestone::ladder()
            .take_while(|m| *m <= milestone)
            .any(|m| m == milestone)
            .then_some(milestone)
    }

    /// How people say it (24 hours, 1 week, 30 days, 6 months, 1 year, 2 years), as a count and
    /// a unit for the UI to word.
    pub fn length(&self) -> MilestoneLength {
        let (unit, count) = match *self {
            Milestone::Days(1) => (TimeUnit::Hours, 24),
            Milestone::Days(n) if n % 7 == 0 && n <= 14 => (TimeUnit::Weeks, n / 7),
            Milestone::Days(n) => (TimeUnit::Days, n),
            Milestone::Months(n) if n % 12 == 0 => (TimeUnit::Years, n / 12),
            Milestone::Months(n) => (TimeUnit::Months, n),
        };
        MilestoneLength { unit, count }
    }

    /// The wall-clock moment a streak that started at `start` reaches this milestone.
    pub fn reached_at(&self, start: NaiveDateTime) -> NaiveDateTime {
        match *self {
            Milestone::Days(n) => start
                .date()
                .checked_add_days(chrono::Days::new(n.into()))
                .map_or(NaiveDateTime::MAX, |d| d.and_time(start.time())),
            Milestone::Months(n) => months_after(start, n),
        }
    }
}

/// Where a streak stands on the ladder at `now` (all wall-clock times in the user's zone).
#[derive(Debug, Clone, PartialEq)]
pub struct LadderPosition {
    pub last: Option<(Milestone, NaiveDateTime)>,
    pub next: (Milestone, NaiveDateTime),
    /// 0.0 to 1.0 of the way from the last milestone (or the start) to the next.
    pub progress: f64,
}

/// Milestones reached between `start` and `until`, in order, with when each was reached.
pub fn reached(start: NaiveDateTime, until: NaiveDateTime) -> Vec<(Milestone, NaiveDateTime)> {
    Milestone::ladder()
        .map(|m| (m, m.reached_at(start)))
        .take_while(|(_, at)| *at <= until)
        .collect()
}

pub fn position(start: NaiveDateTime, now: NaiveDateTime) -> LadderPosition {
    let last = reached(start, now).pop();
    let next = Milestone::ladder()
        .map(|m| (m, m.reached_at(start)))
        .find(|(_, at)| *at > now)
        .expect("the ladder has no end");
    let from = last.map_or(start, |(_, at)| at);
    let whole = (next.1 - from).max(Duration::seconds(1));
    let done = (now - from).clamp(Duration::zero(), whole);
    let progress = done.num_seconds() as f64 / whole.num_seconds() as f64;
    LadderPosition {
        last,
        next,
        progress,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tests::wall;

    #[test]
    fn the_ladder_in_order() {
        use TimeUnit::*;
        let lengths: Vec<(TimeUnit, u32)> = Milestone::ladder()
            .take(14)
            .map(|m| (m.length().unit, m.length().count))
            .collect();
        assert_eq!(
            lengths,
            [
                (Hours, 24),
                (Days, 3),
                (Weeks, 1),
                (Weeks, 2),
                (Days, 30),
                (Days, 60),
                (Days, 90),
                (Months, 6),
                (Months, 9),
                (Years, 1),
                (Months, 18),
                (Years, 2),
                (Years, 3),
                (Years, 4)
            ]
        );
    }

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        for m in Milestone::ladder().take(20) {
            assert_eq!(Milestone::from_key(&m.key()), Some(m));
        }
        for bad in ["", "d", "d2", "m7", "x30", "d-1", "m30"] {
            assert_eq!(Milestone::from_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reached_exactly_at_the_boundary() {
        let start = wall(2026, 10, 26, 20, 0);
        let thirty = wall(2026, 11, 25, 20, 0);
        let before = position(start, thirty - Duration::seconds(1));
        assert_eq!(before.next.0, Milestone::Days(30));
        assert_eq!(before.last.map(|l| l.0), Some(Milestone::Days(14)));
        let at = position(start, thirty);
        assert_eq!(
            at.last,
            Some((Milestone::Days(30), thirty)),
            "reached at the exact instant"
        );
        assert_eq!(at.next.0, Milestone::Days(60));
        assert_eq!(at.progress, 0.0);
    }

    #[test]
    fn progress_moves_from_the_last_milestone_to_the_next() {
        let start = wall(2026, 1, 1, 0, 0);
        let p = position(start, wall(2026, 1, 1, 12, 0));
        assert_eq!(p.last, None);
        assert_eq!(p.next.0, Milestone::Days(1));
        assert!(
            (p.progress - 0.5).abs() < 1e-9,
            "half way to 24 hours: {}",
            p.progress
        );
        let p = position(start, wall(2026, 1, 2, 0, 0) + Duration::hours(24));
        assert!(
            (p.progress - 0.5).abs() < 1e-9,
            "half way from 24 h to 3 days: {}",
            p.progress
        );
    }

    #[test]
    fn month_milestones_follow_the_calendar_and_years_continue() {
        let start = wall(2020, 8, 31, 7, 0);
        assert_eq!(
            Milestone::Months(6).reached_at(start),
            wall(2021, 2, 28, 7, 0)
        );
        let all = reached(start, wall(2026, 9, 1, 0, 0));
        assert_eq!(all.last().unwrap().0, Milestone::Months(72), "six years");
        assert_eq!(all.len(), 7 + 4 + 5);
    }
}
