//! Insights: charts and plain-language findings from the person's own moods and cravings.
//! Everything is computed here, in the core, from data loaded once; the findings say their
//! sample sizes and make no claim without enough data.

mod data;
mod findings;

use std::collections::BTreeMap;

use crate::zone::Zone;
use chrono::{Datelike, NaiveDate, Timelike};
use serde::Serialize;
use specta::Type;

use crate::data_error::{DataError, Refusal};
use crate::store::Store;
pub use findings::{DayMark, DayMarkKind, Finding, MIN_DAYS_EACH_SIDE};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayValue {
    pub day: NaiveDate,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CountItem {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Days with at least one mood logged.
    pub mood_days: i64,
    pub craving_count: i64,
    /// Average mood per day (1 to 5).
    pub mood_daily: Vec<DayValue>,
    /// The 7-day rolling average of `mood_daily`.
    pub mood_rolling: Vec<DayValue>,
    /// Strongest craving per day (0 to 10), from cravings and mood entries.
    pub craving_daily: Vec<DayValue>,
    pub emotions: Vec<CountItem>,
    pub triggers: Vec<CountItem>,
    /// Cravings by weekday (Monday first) and hour of day: 7 rows of 24.
    pub craving_heatmap: Vec<Vec<i64>>,
    /// What stands out, as facts with their sample sizes; the UI and the report word them.
    pub findings: Vec<Finding>,
}

pub fn compute(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    tz: Zone,
) -> Result<Insights, DataError> {
    if from > to || (to - from).num_days() > 366 * 60 {
        return Err(DataError::Refused(Refusal::BadRequest));
    }
    let data = store.read(|conn| data::load(conn, from, to, tz))?;

    let mut by_day: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    let mut craving_by_day: BTreeMap<NaiveDate, u8> = BTreeMap::new();
    let mut emotions: BTreeMap<&str, i64> = BTreeMap::new();
    for m in &data.moods {
        let e = by_day.entry(m.day).or_default();
        e.0 += f64::from(m.mood);
        e.1 += 1;
        if let Some(c) = m.craving {
            let max = craving_by_day.entry(m.day).or_default();
            *max = (*max).max(c);
        }
        for name in &m.emotions {
            *emotions.entry(name).or_default() += 1;
        }
    }
    let mut triggers: BTreeMap<&str, i64> = BTreeMap::new();
    let mut heatmap = vec![vec![0i64; 24]; 7];
    for c in &data.cravings {
        let max = craving_by_day.entry(c.local.date()).or_default();
        *max = (*max).max(c.strength);
        for name in &c.triggers {
            *triggers.entry(name).or_default() += 1;
        }
        heatmap[c.local.weekday().num_days_from_monday() as usize][c.local.hour() as usize] += 1;
    }
    let mood_daily: Vec<DayValue> = by_day
        .iter()
        .map(|(day, (sum, n))| DayValue {
            day: *day,
            value: sum / f64::from(*n),
        })
        .collect();
    let mood_rolling = rolling_average(&mood_daily, 7);
    let craving_daily = craving_by_day
        .into_iter()
        .map(|(day, v)| DayValue {
            day,
            value: f64::from(v),
        })
        .collect();
    let findings = findings::all(&data, &by_day);
    Ok(Insights {
        from,
        to,
        mood_days: mood_daily.len() as i64,
        craving_count: data.cravings.len() as i64,
        mood_daily,
        mood_rolling,
        craving_daily,
        emotions: counted(emotions),
        triggers: counted(triggers),
        craving_heatmap: heatmap,
        findings,
    })
}

fn counted(map: BTreeMap<&str, i64>) -> Vec<CountItem> {
    let mut items: Vec<CountItem> = map
        .into_iter()
        .map(|(label, count)| CountItem {
            label: label.to_string(),
            count,
        })
        .collect();
    items.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    items
}

/// The average of each day and the days before it within a `window`-day calendar span.
fn rolling_average(daily: &[DayValue], window: i64) -> Vec<DayValue> {
    daily
        .iter()
        .map(|d| {
            let inside: Vec<f64> = daily
                .iter()
                .filter(|o| o.day <= d.day && (d.day - o.day).num_days() < window)
                .map(|o| o.value)
                .collect();
            DayValue {
                day: d.day,
                value: inside.iter().sum::<f64>() / inside.len() as f64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_average_covers_the_last_seven_calendar_days() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let daily: Vec<DayValue> = (1..=10)
            .map(|d| DayValue {
                day: day(d),
                value: f64::from(d),
            })
            .collect();
        let rolling = rolling_average(&daily, 7);
        assert_eq!(rolling[0].value, 1.0);
        assert_eq!(rolling[6].value, 4.0, "days 1..=7 average 4");
        assert_eq!(rolling[9].value, 7.0, "days 4..=10 average 7");
    }
}
