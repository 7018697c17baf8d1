//! Wall clocks and the calendar: reading an instant in a time zone, finding the instant a wall
//! clock shows, and counting whole days and months between two wall-clock times.
//!
//! Beside `clock`, which is the one place that reads the current time; these helpers take the
//! instant and the zone as arguments. The rule built on them (days sober, months, years) is
//! described in `sobriety::count` and the README's "How days sober are counted".

use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, LocalResult, Months, NaiveDateTime, TimeZone, Utc};

/// An instant as the wall clock in `tz` shows it.
pub fn local(instant: DateTime<Utc>, tz: Zone) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

/// The instant at which the wall clock in `tz` shows `wall`. A time skipped by a DST change
/// counts from the first minute that exists after it; a repeated time counts from its first
/// occurrence.
pub fn instant_at(wall: NaiveDateTime, tz: Zone) -> DateTime<Utc> {
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

/// Whole days between two wall-clock times (never negative): calendar days, less one when
/// `now`'s time of day is earlier than `start`'s.
pub fn days_between(start: NaiveDateTime, now: NaiveDateTime) -> i64 {
    let days = (now.date() - start.date()).num_days() - i64::from(now.time() < start.time());
    days.max(0)
}

/// The wall-clock moment `months` calendar months after `start`: the same day of the month
/// or, when that month is shorter, its last day (chrono's `checked_add_months` rule), at the
/// same time of day. Past the end of chrono's calendar it is the last moment chrono knows.
pub fn months_after(start: NaiveDateTime, months: u32) -> NaiveDateTime {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDateTime::MAX)
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::zone::tests::zone;
    use chrono::NaiveDate;

    /// A wall-clock time, for tests across the crate.
    pub(crate) fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn at(tz: Zone, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        instant_at(wall(y, m, d, h, min), tz)
    }

    fn days(tz: Zone, start: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
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
        let new_york = zone("America/New_York");
        // Clocks jump from 2:00 to 3:00 on 2026-03-08: that day has 23 hours.
        let start = at(new_york, 2026, 3, 7, 21, 0);
        let next_evening = at(new_york, 2026, 3, 8, 21, 0);
        assert_eq!((next_evening - start).num_hours(), 23);
        assert_eq!(
            days(new_york, start, next_evening),
            1,
            "one calendar day, though 23 hours"
        );
        let just_before = at(new_york, 2026, 3, 8, 20, 59);
        assert_eq!(days(new_york, start, just_before), 0);
    }

    #[test]
    fn fall_back_in_new_york_neither_adds_nor_steals_a_day() {
        let new_york = zone("America/New_York");
        // Clocks go from 2:00 back to 1:00 on 2026-11-01: that day has 25 hours.
        let start = at(new_york, 2026, 10, 31, 21, 0);
        let after_24_hours = start + Duration::hours(24);
        assert_eq!(
            days(new_york, start, after_24_hours),
            0,
            "24 h later it is only 8 pm"
        );
        assert_eq!(days(new_york, start, start + Duration::hours(25)), 1);
    }

    #[test]
    fn dst_changes_in_berlin_follow_the_calendar() {
        let berlin = zone("Europe/Berlin");
        // Spring forward 2026-03-29 (2:00 -> 3:00); fall back 2026-10-25 (3:00 -> 2:00).
        let start = at(berlin, 2026, 3, 28, 12, 0);
        assert_eq!(days(berlin, start, at(berlin, 2026, 3, 29, 12, 0)), 1);
        let autumn = at(berlin, 2026, 10, 24, 12, 0);
        assert_eq!(days(berlin, autumn, at(berlin, 2026, 10, 25, 11, 59)), 0);
        assert_eq!(days(berlin, autumn, at(berlin, 2026, 10, 25, 12, 0)), 1);
        // A start inside the skipped hour counts from the first minute that exists.
        assert_eq!(
            local(at(berlin, 2026, 3, 29, 2, 30), berlin),
            wall(2026, 3, 29, 3, 0)
        );
    }

    #[test]
    fn a_repeated_hour_is_read_as_its_first_occurrence() {
        let new_york = zone("America/New_York");
        let first = at(new_york, 2026, 11, 1, 1, 30);
        assert_eq!(
            first.to_rfc3339(),
            "2026-11-01T05:30:00+00:00",
            "EDT, before falling back"
        );
    }

    #[test]
    fn travelling_changes_the_wall_clock_the_rule_reads() {
        let new_york = zone("America/New_York");
        let los_angeles = zone("America/Los_Angeles");
        // Sober since 10 pm in New York; a day later the person is in Los Angeles.
        let start = at(new_york, 2026, 6, 1, 22, 0);
        let now = at(new_york, 2026, 6, 2, 23, 0); // 8 pm in Los Angeles
        assert_eq!(days(new_york, start, now), 1);
        assert_eq!(
            days(los_angeles, start, now),
            1,
            "7 pm -> 8 pm next day in LA: one day"
        );
        let early = at(new_york, 2026, 6, 2, 21, 30); // 6:30 pm LA, start was 7 pm LA
        assert_eq!(days(new_york, start, early), 0);
        assert_eq!(days(los_angeles, start, early), 0);
    }

    #[test]
    fn leap_days_and_short_months() {
        // Jan 31 reaches one month on the last day of February, at the same time of day.
        assert_eq!(
            months_after(wall(2027, 1, 31, 9, 0), 1),
            wall(2027, 2, 28, 9, 0)
        );
        assert_eq!(
            months_after(wall(2028, 1, 31, 9, 0), 1),
            wall(2028, 2, 29, 9, 0)
        );
        assert_eq!(
            months_after(wall(2027, 1, 31, 9, 0), 2),
            wall(2027, 3, 31, 9, 0),
            "the day of the month comes back in a longer month"
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
    fn the_end_of_the_calendar_is_not_a_crash() {
        let start = wall(2026, 1, 31, 9, 0);
        assert_eq!(months_after(start, u32::MAX), NaiveDateTime::MAX);
    }
}
