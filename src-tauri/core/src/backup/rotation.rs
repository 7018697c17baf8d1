//! Which automatic backups to keep: the 7 newest daily ones, and the newest of each of the 4
//! ISO weeks before them.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

pub const DAILY: usize = 7;
pub const WEEKLY: usize = 4;

pub fn to_keep(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut sorted: Vec<NaiveDate> = dates.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    let mut keep: BTreeSet<NaiveDate> = sorted.iter().take(DAILY).copied().collect();
    let mut weeks = BTreeSet::new();
    for date in sorted.iter().skip(DAILY) {
        let week = date.iso_week();
        if weeks.len() == WEEKLY {
            break;
        }
        if weeks.insert((week.year(), week.week())) {
            keep.insert(*date);
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_seven_daily_and_four_weekly() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let dates: Vec<NaiveDate> = (0..60).map(|d| start + chrono::Days::new(d)).collect();
        let keep = to_keep(&dates);
        assert_eq!(keep.len(), DAILY + WEEKLY);
        let newest = *dates.last().unwrap();
        for d in 0..7 {
            assert!(
                keep.contains(&(newest - chrono::Days::new(d))),
                "the last 7 days are kept"
            );
        }
        let older: Vec<_> = keep
            .iter()
            .filter(|d| **d < newest - chrono::Days::new(6))
            .collect();
        let weeks: BTreeSet<_> = older.iter().map(|d| d.iso_week().week()).collect();
        assert_eq!(weeks.len(), 4, "one per week for four weeks: {older:?}");
        assert_eq!(to_keep(&dates[..3]).len(), 3, "fewer than 7 are all kept");
    }
}
