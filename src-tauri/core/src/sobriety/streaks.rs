//! Streaks: a clock's history cut at each slip. Nothing is erased: every streak is kept, and
//! the totals are computed from all of them.

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use crate::time::{days_between, local};

/// One unbroken stretch of sober time. `end` is `None` for the current streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakSpan {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

impl StreakSpan {
    /// The streak's end, or `now` for the current one.
    pub fn end_or(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.end.unwrap_or(now)
    }

    pub fn days(&self, now: DateTime<Utc>, tz: Zone) -> i64 {
        days_between(local(self.start, tz), local(self.end_or(now), tz))
    }

    pub fn seconds(&self, now: DateTime<Utc>) -> i64 {
        (self.end_or(now) - self.start).num_seconds().max(0)
    }
}

/// The streaks of a clock started at `started_at` with these slips (any order), oldest first.
/// Each slip ends one streak and starts the next at the same instant, so streaks never
/// overlap and together cover the whole time since the start.
pub fn streaks(started_at: DateTime<Utc>, slips: &[DateTime<Utc>]) -> Vec<StreakSpan> {
    let mut cuts: Vec<DateTime<Utc>> = slips.to_vec();
    cuts.sort();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = started_at;
    for cut in cuts {
        out.push(StreakSpan {
            start,
            end: Some(cut),
        });
        start = cut;
    }
    out.push(StreakSpan { start, end: None });
    out
}

/// What a clock's history adds up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History {
    pub current_days: i64,
    pub longest_days: i64,
    pub total_days: i64,
    pub total_seconds: i64,
    pub restarts: usize,
}

pub fn history(streaks: &[StreakSpan], now: DateTime<Utc>, tz: Zone) -> History {
    let days: Vec<i64> = streaks.iter().map(|s| s.days(now, tz)).collect();
    History {
        current_days: days.last().copied().unwrap_or(0),
        longest_days: days.iter().copied().max().unwrap_or(0),
        total_days: days.iter().sum(),
        total_seconds: streaks.iter().map(|s| s.seconds(now)).sum(),
        restarts: streaks.len().saturating_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn t(hours: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap() + Duration::hours(hours)
    }

    #[test]
    fn a_slip_between_two_others_recomputes_the_history() {
        let start = t(0);
        let now = t(24 * 100);
        let before = history(&streaks(start, &[t(24 * 10), t(24 * 50)]), now, Zone::UTC);
        assert_eq!(
            (before.longest_days, before.current_days, before.restarts),
            (50, 50, 2)
        );
        let after = history(
            &streaks(start, &[t(24 * 10), t(24 * 30), t(24 * 50)]),
            now,
            Zone::UTC,
        );
        assert_eq!(
            (after.longest_days, after.current_days, after.restarts),
            (50, 50, 3)
        );
        assert_eq!(
            after.total_days, before.total_days,
            "cutting a streak keeps the sober days"
        );
        let s = streaks(start, &[t(24 * 50), t(24 * 10), t(24 * 30)]);
        assert_eq!(
            s[1],
            StreakSpan {
                start: t(240),
                end: Some(t(720))
            },
            "slips in any order"
        );
    }

    #[test]
    fn two_slips_at_the_same_instant_make_an_empty_streak() {
        let s = streaks(t(0), &[t(48), t(48)]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].seconds(t(100)), 0);
        let h = history(&s, t(100), Zone::UTC);
        // 2 days, then the empty streak, then 2 more days.
        assert_eq!((h.restarts, h.total_days), (2, 4));
    }

    proptest! {
        #[test]
        fn streaks_partition_the_time_since_the_start(
            mut offsets in proptest::collection::vec(0i64..100_000, 0..40),
            extra in 0i64..100_000,
        ) {
            let start = t(0);
            let slips: Vec<_> = offsets.iter().map(|h| start + Duration::minutes(*h)).collect();
            offsets.sort();
            let now = start + Duration::minutes(offsets.last().copied().unwrap_or(0) + extra);
            let s = streaks(start, &slips);
            let h = history(&s, now, Zone::UTC);
            // Total sober time is the sum of the streaks, and that is all the time since start.
            prop_assert_eq!(h.total_seconds, (now - start).num_seconds());
            prop_assert_eq!(h.total_days, s.iter().map(|x| x.days(now, Zone::UTC)).sum::<i64>());
            // Streaks never overlap: each starts where the previous one ended.
            for pair in s.windows(2) {
                prop_assert_eq!(pair[0].end, Some(pair[1].start));
                prop_assert!(pair[0].start <= pair[1].start);
            }
            prop_assert!(h.longest_days >= h.current_days);
            prop_assert_eq!(h.restarts, slips.len());
        }
    }
}
