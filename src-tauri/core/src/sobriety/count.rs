//! The count: days, months and years sober, by one calendar rule used everywhere.
//!
//! Take the start instant and now, both in the user's current time zone. Days sober is the
//! number of calendar days between the two dates, less one when now's time of day is earlier
//! than the start's. Months and years follow the same rule on the calendar, and a start on a
//! day the month does not have (Jan 31) reaches its anniversary on the month's last day. So a
//! DST change never adds or steals a day: someone sober since 8 pm on October 26 reads
//! "1 month" from 8 pm on November 26.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// An instant as the wall clock in `tz` shows it.
pub fn local(instant: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

/// The instant at which the wall clock in `tz` shows `wall`. A time skipped by a DST change
/// counts from the first minute that exists after it; a repeated time counts from its first
/// occurrence.
pub fn instant_at(wall: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let mut candidate = wall;
    // DST gaps are at most a few hours; step forward minute by minute until the clock exists.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&candidate) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => candidate += Duration::minutes(1),
        }
    }
    Utc.from_utc_datetime(&wall)
}

/// Whole days sober between two wall-clock times (never negative).
pub fn days_between(start: NaiveDateTime, now: NaiveDateTime) -> i64 {
    let days = (now.date() - start.date()).num_days() - i64::from(now.time() < start.time());
    days.max(0)
}

/// `date` moved by `months` calendar months, on the same day of the month or, when that month
/// is shorter, on its last day.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 + months as i32;
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12) as u32);
    let mut day = date.day();
    loop {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) {
            return d;
        }
        day -= 1;
    }
}

/// The wall-clock moment `months` months after `start`.
pub fn months_after(start: NaiveDateTime, months: u32) -> NaiveDateTime {
    add_months(start.date(), months).and_time(start.time())
}

/// Whole calendar months between two wall-clock times (never negative).
pub fn months_between(start: NaiveDateTime, now: NaiveDateTime) -> u32 {
    if now <= start {
        return 0;
    }
    let rough = (now.year() - start.year()) * 12 + now.month() as i32 - start.month() as i32;
    let mut months = rough.max(0) as u32;
    while months > 0 && months_after(start, months) > now {
        months -= 1;
    }
    months
}

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
    use chrono::NaiveDate;
    use chrono_tz::America::{Los_Angeles, New_York};
    use chrono_tz::Europe::Berlin;

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn at(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        instant_at(wall(y, m, d, h, min), tz)
    }

    fn days(tz: Tz, start: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
        days_between(local(start, tz), local(now, tz))
    }

    #[test]
    fn one_month_from_8pm_october_26_is_8pm_november_26() {
        let start = wall(2026, 10, 26, 20, 0);
        assert_eq!(months_between(start, wall(2026, 11, 26, 19, 59)), 0);
        assert_eq!(
            months_between(start, wall(2026, 11, 26, 20, 0)),
            1,
            "exactly at the boundary"
        );
        assert_eq!(days_between(start, wall(2026, 11, 26, 20, 0)), 31);
        assert_eq!(
            Span::between(start, wall(2026, 11, 28, 21, 0)).long_form(),
            "1 month, 2 days"
        );
    }

    #[test]
    fn a_day_counts_only_once_the_time_of_day_is_reached() {
        let start = wall(2026, 3, 3, 20, 0);
        assert_eq!(days_between(start, wall(2026, 3, 4, 19, 59)), 0);
        assert_eq!(days_between(start, wall(2026, 3, 4, 20, 0)), 1);
        assert_eq!(
            days_between(start, wall(2026, 3, 3, 8, 0)),
            0,
            "never negative"
        );
    }

    #[test]
    fn spring_forward_in_new_york_neither_adds_nor_steals_a_day() {
        // Clocks jump from 2:00 to 3:00 on 2026-03-08: that day has 23 hours.
        let start = at(New_York, 2026, 3, 7, 21, 0);
        let next_evening = at(New_York, 2026, 3, 8, 21, 0);
        assert_eq!((next_evening - start).num_hours(), 23);
        assert_eq!(
            days(New_York, start, next_evening),
            1,
            "one calendar day, though 23 hours"
        );
        let just_before = at(New_York, 2026, 3, 8, 20, 59);
        assert_eq!(days(New_York, start, just_before), 0);
    }

    #[test]
    fn fall_back_in_new_york_neither_adds_nor_steals_a_day() {
        // Clocks go from 2:00 back to 1:00 on 2026-11-01: that day has 25 hours.
        let start = at(New_York, 2026, 10, 31, 21, 0);
        let after_24_hours = start + Duration::hours(24);
        assert_eq!(
            days(New_York, start, after_24_hours),
            0,
            "24 h later it is only 8 pm"
        );
        assert_eq!(days(New_York, start, start + Duration::hours(25)), 1);
    }

    #[test]
    fn dst_changes_in_berlin_follow_the_calendar() {
        // Spring forward 2026-03-29 (2:00 -> 3:00); fall back 2026-10-25 (3:00 -> 2:00).
        let start = at(Berlin, 2026, 3, 28, 12, 0);
        assert_eq!(days(Berlin, start, at(Berlin, 2026, 3, 29, 12, 0)), 1);
        let autumn = at(Berlin, 2026, 10, 24, 12, 0);
        assert_eq!(days(Berlin, autumn, at(Berlin, 2026, 10, 25, 11, 59)), 0);
        assert_eq!(days(Berlin, autumn, at(Berlin, 2026, 10, 25, 12, 0)), 1);
        // A start inside the skipped hour counts from the first minute that exists.
        assert_eq!(
            local(at(Berlin, 2026, 3, 29, 2, 30), Berlin),
            wall(2026, 3, 29, 3, 0)
        );
    }

    #[test]
    fn a_repeated_hour_is_read_as_its_first_occurrence() {
        let first = at(New_York, 2026, 11, 1, 1, 30);
        assert_eq!(
            first.to_rfc3339(),
            "2026-11-01T05:30:00+00:00",
            "EDT, before falling back"
        );
    }

    #[test]
    fn travelling_changes_the_wall_clock_the_rule_reads() {
        // Sober since 10 pm in New York; a day later the person is in Los Angeles.
        let start = at(New_York, 2026, 6, 1, 22, 0);
        let now = at(New_York, 2026, 6, 2, 23, 0); // 8 pm in Los Angeles
        assert_eq!(days(New_York, start, now), 1);
        assert_eq!(
            days(Los_Angeles, start, now),
            1,
            "7 pm -> 8 pm next day in LA: one day"
        );
        let early = at(New_York, 2026, 6, 2, 21, 30); // 6:30 pm LA, start was 7 pm LA
        assert_eq!(days(New_York, start, early), 0);
        assert_eq!(days(Los_Angeles, start, early), 0);
    }

    #[test]
    fn leap_days_and_short_months() {
        // Jan 31 reaches one month on the last day of February.
        assert_eq!(
            add_months(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(), 1).day(),
            28
        );
        assert_eq!(
            add_months(NaiveDate::from_ymd_opt(2028, 1, 31).unwrap(), 1).day(),
            29
        );
        let start = wall(2027, 1, 31, 9, 0);
        assert_eq!(months_between(start, wall(2027, 2, 28, 8, 59)), 0);
        assert_eq!(months_between(start, wall(2027, 2, 28, 9, 0)), 1);
        // Sober since Feb 29: one year on Feb 28 the next year, four on Feb 29 again.
        let leap = wall(2028, 2, 29, 12, 0);
        assert_eq!(months_between(leap, wall(2029, 2, 28, 12, 0)), 12);
        assert_eq!(months_between(leap, wall(2032, 2, 29, 11, 0)), 47);
        assert_eq!(months_between(leap, wall(2032, 2, 29, 12, 0)), 48);
        // A leap day is a real day in the count.
        assert_eq!(
            days_between(wall(2028, 2, 28, 0, 0), wall(2028, 3, 1, 0, 0)),
            2
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
