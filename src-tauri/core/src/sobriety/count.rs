//! The count: days, months and years sober, by one calendar rule used everywhere.
//!
//! Take the start instant and now, both in the user's current time zone. Days sober is the
//! number of calendar days between the two dates, less one when now's time of day is earlier
//! than the start's. Months and years follow the same rule on the calendar, and a start on a
//! day the month does not have (Jan 31) reaches its anniversary on the month's last day. So a
//! DST change never adds or steals a day: someone sober since 8 pm on October 26 reads
//! "1 month" from 8 pm on November 26.
//!
//! The calendar arithmetic itself (`days_between`, `months_between`, `months_after`) and the
//! wall-clock helpers live in `crate::time`, beside the clock.

use chrono::NaiveDateTime;
use serde::Serialize;
use specta::Type;

use crate::time::{days_between, months_after, months_between};

/// Years, months and days: the long form of a span ("1 year, 2 months, 3 days"), which the UI
/// words in the person's language, leaving out the parts that are zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub years: u32,
    pub months: u32,
    pub days: u32,
}

impl Span {
    pub fn between(start: NaiveDateTime, now: NaiveDateTime) -> Span {
        let months = months_between(start, now);
        let days = days_between(months_after(start, months), now) as u32;
        Span {
            years: months / 12,
            months: months % 12,
            days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tests::wall;

    fn span(years: u32, months: u32, days: u32) -> Span {
        Span {
            years,
            months,
            days,
        }
    }

    #[test]
    fn one_month_and_two_days_from_8pm_october_26() {
        let start = wall(2026, 10, 26, 20, 0);
        assert_eq!(
            Span::between(start, wall(2026, 11, 28, 21, 0)),
            span(0, 1, 2)
        );
    }

    #[test]
    fn spans_count_years_months_and_days_by_the_calendar() {
        let start = wall(2025, 1, 10, 8, 0);
        assert_eq!(
            Span::between(start, wall(2025, 1, 10, 9, 0)),
            span(0, 0, 0),
            "an hour is no day yet"
        );
        assert_eq!(Span::between(start, wall(2025, 1, 11, 8, 0)), span(0, 0, 1));
        assert_eq!(
            Span::between(start, wall(2025, 1, 11, 7, 59)),
            span(0, 0, 0),
            "a minute before the start's time of day is still day 0"
        );
        assert_eq!(Span::between(start, wall(2026, 1, 10, 8, 0)), span(1, 0, 0));
        assert_eq!(Span::between(start, wall(2026, 3, 12, 8, 0)), span(1, 2, 2));
    }
}
