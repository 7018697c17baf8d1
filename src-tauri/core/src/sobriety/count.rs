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

use crate::time::{days_between, months_after, months_between};

/// Years, months and days: the friendly long form of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// "1 year, 2 months, 3 days"; parts that are zero are left out; "0 days" when all are.
    pub fn long_form(&self) -> String {
        let parts: Vec<String> = [
            (self.years, "year"),
            (self.months, "month"),
            (self.days, "day"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| plural(i64::from(n), unit))
        .collect();
        if parts.is_empty() {
            "0 days".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// "1 day", "2 days".
pub fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tests::wall;

    #[test]
    fn one_month_and_two_days_from_8pm_october_26() {
        let start = wall(2026, 10, 26, 20, 0);
        assert_eq!(
            Span::between(start, wall(2026, 11, 28, 21, 0)).long_form(),
            "1 month, 2 days"
        );
    }

    #[test]
    fn long_forms_read_naturally() {
        let start = wall(2025, 1, 10, 8, 0);
        assert_eq!(
            Span::between(start, wall(2025, 1, 10, 9, 0)).long_form(),
            "0 days"
        );
        assert_eq!(
            Span::between(start, wall(2025, 1, 11, 8, 0)).long_form(),
            "1 day"
        );
        assert_eq!(
            Span::between(start, wall(2026, 1, 10, 8, 0)).long_form(),
            "1 year"
        );
        assert_eq!(
            Span::between(start, wall(2026, 3, 12, 8, 0)).long_form(),
            "1 year, 2 months, 2 days"
        );
    }
}
