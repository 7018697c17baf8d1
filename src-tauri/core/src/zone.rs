//! Time zones, read from the IANA database the operating system keeps up to date.
//!
//! `Zone` is chrono's `TimeZone` over a zone that jiff reads: from `/usr/share/zoneinfo` on Linux
//! and macOS, so a country's new daylight-saving rule reaches the day count with the system's
//! own update (from the app's next start: a zone is read once a run), and from the copy of the
//! database jiff builds in on Windows, which keeps none. (chrono-tz, before, built the whole
//! database into the app as code and data, frozen at the version it was built with: 1.8 MB of
//! a 26.1 MB binary.)
//!
//! A zone is looked up once per name and kept for the run, so a `Zone` is a `Copy` handle: chrono's
//! offsets carry their zone, and `DateTime<Zone>` stays `Copy`, as it was with chrono-tz.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use chrono::{
    FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use jiff::civil;
use jiff::tz::{AmbiguousOffset, TimeZone as JiffZone};
use jiff::Timestamp;

/// A time zone: UTC, or an IANA zone such as `Europe/Berlin`.
#[derive(Clone, Copy)]
pub struct Zone(&'static JiffZone);

/// UTC, which needs no database.
static UTC: JiffZone = JiffZone::UTC;

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(&UTC);

    /// The IANA zone named `name` (`Europe/Berlin`), or `None` when the database has no such
    /// zone.
    pub fn named(name: &str) -> Option<Zone> {
        if name == "UTC" {
            return Some(Zone::UTC);
        }
        // Each name is read from the database once and kept: a run sees one or two zones, and
        // the database has about six hundred names, so what is kept stays small.
        static KNOWN: Mutex<BTreeMap<String, Zone>> = Mutex::new(BTreeMap::new());
        let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(zone) = known.get(name) {
            return Some(*zone);
        }
        let zone = Zone(Box::leak(Box::new(JiffZone::get(name).ok()?)));
        known.insert(name.to_owned(), zone);
        Some(zone)
    }

    /// The zone's IANA name (`Europe/Berlin`, `UTC`).
    pub fn name(self) -> &'static str {
        self.0.iana_name().unwrap_or("UTC")
    }

    fn offset(self, offset: jiff::tz::Offset) -> ZoneOffset {
        // jiff's offsets stay within ±25:59:59 and chrono's within ±23:59:59; the database's
        // real ones are within ±16 hours (Manila's before 1845).
        let fixed = FixedOffset::east_opt(offset.seconds()).unwrap_or(Utc.fix());
        ZoneOffset { zone: self, fixed }
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The offset from UTC that a zone has at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<ZoneOffset> {
        match self.0.to_ambiguous_timestamp(civil_clamped(local)).offset() {
            AmbiguousOffset::Unambiguous { offset } => LocalResult::Single(self.offset(offset)),
            // Clocks went back: the earlier instant is the one still on the old offset.
            AmbiguousOffset::Fold { before, after } => {
                LocalResult::Ambiguous(self.offset(before), self.offset(after))
            }
            // Clocks went forward: this wall-clock time never happened.
            AmbiguousOffset::Gap { .. } => LocalResult::None,
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        let second = utc
            .and_utc()
            .timestamp()
            .clamp(Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
        let instant = Timestamp::from_second(second).unwrap_or(Timestamp::UNIX_EPOCH);
        self.offset(self.0.to_offset(instant))
    }
}

/// `local` as jiff's civil time, to the second; chrono reaches years jiff does not (jiff stops
/// at 9999), and there a zone's offset is the one its last rule gives at jiff's limit.
fn civil_clamped(local: &NaiveDateTime) -> civil::DateTime {
    use chrono::{Datelike, Timelike};
    let (first, last) = (civil::DateTime::MIN, civil::DateTime::MAX);
    let year = local.year();
    if year < i32::from(first.year()) {
        return first;
    }
    if year > i32::from(last.year()) {
        return last;
    }
    civil::DateTime::new(
        year as i16,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        0,
    )
    // Cannot fail: a date chrono holds, in jiff's years, is one jiff holds too.
    .unwrap_or(last)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::{DateTime, Datelike, Duration, NaiveDate};

    /// The IANA zone `name`, for tests across the crate.
    pub(crate) fn zone(name: &str) -> Zone {
        Zone::named(name).unwrap_or_else(|| panic!("tzdata, the time zone database, has no {name}"))
    }

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn hours(offset: ZoneOffset) -> f64 {
        f64::from(offset.fix().local_minus_utc()) / 3600.0
    }

    #[test]
    fn names_are_looked_up_once_and_unknown_ones_refused() {
        assert_eq!(zone("Europe/Berlin").name(), "Europe/Berlin");
        assert!(std::ptr::eq(
            zone("Europe/Berlin").0,
            zone("Europe/Berlin").0
        ));
        assert_eq!(Zone::named("UTC"), Some(Zone::UTC));
        assert_eq!(Zone::named("Europe/Atlantis"), None);
        assert_eq!(Zone::named(""), None);
        assert_eq!(Zone::named("../../etc/passwd"), None);
    }

    #[test]
    fn clocks_going_forward_and_back_in_berlin() {
        let berlin = zone("Europe/Berlin");
        // 29 March 2026: 02:00 to 03:00 never happens.
        assert_eq!(
            berlin.offset_from_local_datetime(&wall(2026, 3, 29, 2, 30)),
            LocalResult::None
        );
        let before = berlin
            .offset_from_local_datetime(&wall(2026, 3, 29, 1, 59))
            .unwrap();
        let after = berlin
            .offset_from_local_datetime(&wall(2026, 3, 29, 3, 0))
            .unwrap();
        assert_eq!((hours(before), hours(after)), (1.0, 2.0));
        // 25 October 2026: 02:00 to 03:00 happens twice, first in summer time.
        let LocalResult::Ambiguous(first, second) =
            berlin.offset_from_local_datetime(&wall(2026, 10, 25, 2, 30))
        else {
            panic!("02:30 on 25 October 2026 happens twice in Berlin");
        };
        assert_eq!((hours(first), hours(second)), (2.0, 1.0));
        let instant: DateTime<Utc> = "2026-10-25T00:59:59Z".parse().unwrap();
        assert_eq!(
            hours(berlin.offset_from_utc_datetime(&instant.naive_utc())),
            2.0
        );
        let instant = instant + Duration::seconds(1);
        assert_eq!(
            hours(berlin.offset_from_utc_datetime(&instant.naive_utc())),
            1.0
        );
    }

    #[test]
    fn odd_offsets_and_a_skipped_day() {
        let summer = wall(2026, 1, 15, 12, 0);
        assert_eq!(
            hours(zone("Asia/Kathmandu").offset_from_utc_datetime(&summer)),
            5.75
        );
        // Lord Howe Island moves its clocks by half an hour.
        assert_eq!(
            hours(zone("Australia/Lord_Howe").offset_from_utc_datetime(&summer)),
            11.0
        );
        let winter = wall(2026, 7, 15, 12, 0);
        assert_eq!(
            hours(zone("Australia/Lord_Howe").offset_from_utc_datetime(&winter)),
            10.5
        );
        // Samoa skipped 30 December 2011, crossing the date line.
        let apia = zone("Pacific/Apia");
        assert_eq!(
            apia.offset_from_local_datetime(&wall(2011, 12, 30, 12, 0)),
            LocalResult::None
        );
        assert_eq!(
            hours(
                apia.offset_from_local_datetime(&wall(2011, 12, 29, 12, 0))
                    .unwrap()
            ),
            -10.0
        );
        assert_eq!(
            hours(
                apia.offset_from_local_datetime(&wall(2011, 12, 31, 12, 0))
                    .unwrap()
            ),
            14.0
        );
    }

    #[test]
    fn the_ends_of_chronos_calendar_have_an_offset() {
        let berlin = zone("Europe/Berlin");
        for end in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
            let _ = berlin.offset_from_utc_datetime(&end).fix();
            assert!(berlin.offset_from_local_datetime(&end).single().is_some());
        }
    }

    /// Every zone in the database, on every day from 2000 to 2030 on which its offset changes
    /// (and the day before): at each half hour of the wall clock, the answer holds exactly the
    /// offsets with which some instant shows that time, the earliest instant first. This checks
    /// the wall-clock side against the instant side, whatever the database's version.
    #[test]
    fn wall_clock_answers_match_the_instants_in_every_zone() {
        let (mut zones, mut changes) = (0, 0);
        for name in jiff::tz::db().available() {
            let zone = zone(name.as_str());
            zones += 1;
            let noon = |day: NaiveDate| {
                let utc = day.and_hms_opt(12, 0, 0).unwrap();
                zone.offset_from_utc_datetime(&utc).fix()
            };
            let mut day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
            while day.year() <= 2030 {
                let next = day.succ_opt().unwrap();
                if noon(day) != noon(next) {
                    changes += 1;
                    let hourly =
                        (-24..48).map(|h| day.and_hms_opt(0, 0, 0).unwrap() + Duration::hours(h));
                    let mut offsets: Vec<FixedOffset> = hourly
                        .map(|utc| zone.offset_from_utc_datetime(&utc).fix())
                        .collect();
                    offsets.dedup();
                    for half_hour in 0..96 {
                        let wall =
                            day.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(30 * half_hour);
                        // Each offset the zone has near that day, where the instant it gives
                        // for this wall-clock time really has that offset.
                        let mut instants: Vec<(NaiveDateTime, FixedOffset)> = offsets
                            .iter()
                            .map(|&offset| (wall - offset, offset))
                            .filter(|&(utc, offset)| {
                                zone.offset_from_utc_datetime(&utc).fix() == offset
                            })
                            .collect();
                        instants.sort_by_key(|&(utc, _)| utc);
                        instants.dedup();
                        let expected = match instants[..] {
                            [] => LocalResult::None,
                            [(_, only)] => LocalResult::Single(only),
                            [(_, first), .., (_, last)] => LocalResult::Ambiguous(first, last),
                        };
                        let answer = zone.offset_from_local_datetime(&wall).map(|o| o.fix());
                        assert_eq!(answer, expected, "{name} at {wall} on the wall clock");
                    }
                }
                day = next;
            }
        }
        assert!(zones > 400, "only {zones} zones in the time zone database");
        assert!(
            changes > 10_000,
            "only {changes} offset changes in {zones} zones"
        );
    }
}
