//! Plain-language findings with honest sample sizes. No claim is made without enough data:
//! comparisons need at least ten days on each side, patterns at least ten cravings.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, Timelike};
use serde::Serialize;
use specta::Type;

use super::data::Data;

pub const MIN_DAYS_EACH_SIDE: usize = 10;
const MIN_CRAVINGS_FOR_PEAK: usize = 10;
const MIN_TRIES_FOR_COPING: usize = 5;
/// A difference in average mood smaller than this is not worth telling anyone about.
const MIN_MOOD_DIFFERENCE: f64 = 0.3;
const MAX_COMPARISONS: usize = 3;

/// What the person's data shows, as facts: the UI words them on screen and `words` in the
/// report, each in the person's language.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Finding {
    /// "On days you logged loneliness your mood averaged 2.1, against 3.4 on other days (18 vs
    /// 140 days)."
    #[serde(rename_all = "camelCase")]
    MoodOnMarkedDays {
        mark: DayMark,
        /// Average mood (1 to 5) on the marked days and on the others.
        average_with: f64,
        average_without: f64,
        days_with: u32,
        days_without: u32,
    },
    /// "Your cravings peak between 9 and 11 pm (31 of 120 cravings)." Hours 0 to 23, local.
    #[serde(rename_all = "camelCase")]
    CravingPeak {
        from_hour: u8,
        to_hour: u8,
        count: u32,
        total: u32,
    },
    /// "When you chose \"called someone\", the urge passed 9 times out of 11."
    #[serde(rename_all = "camelCase")]
    CopingWorked {
        action: String,
        passed: u32,
        tries: u32,
    },
}

/// What marks a day: a trigger logged with a craving, an emotion or a HALT state felt with a
/// mood. `name` is the trigger's or emotion's name as the person keeps it, or the HALT key
/// (`hungry`, `angry`, `lonely`, `tired`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DayMark {
    pub kind: DayMarkKind,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum DayMarkKind {
    Trigger,
    Emotion,
    Halt,
}

pub(super) fn all(data: &Data, by_day: &BTreeMap<NaiveDate, (f64, u32)>) -> Vec<Finding> {
    let mut out = comparisons(data, by_day);
    out.extend(craving_peak(data));
    out.extend(coping(data));
    out
}

/// For triggers (from cravings), emotions and HALT states (from moods): mood on the days they
/// were marked against the other days.
fn comparisons(data: &Data, by_day: &BTreeMap<NaiveDate, (f64, u32)>) -> Vec<Finding> {
    let mut marked: BTreeMap<DayMark, BTreeSet<NaiveDate>> = BTreeMap::new();
    let mark = |kind, name: &str| DayMark {
        kind,
        name: name.to_string(),
    };
    for c in &data.cravings {
        for t in &c.triggers {
            marked
                .entry(mark(DayMarkKind::Trigger, t))
                .or_default()
                .insert(c.local.date());
        }
    }
    const HALT: [&str; 4] = ["hungry", "angry", "lonely", "tired"];
    for m in &data.moods {
        for e in &m.emotions {
            marked
                .entry(mark(DayMarkKind::Emotion, e))
                .or_default()
                .insert(m.day);
        }
        for (flag, name) in m.halt.iter().zip(HALT) {
            if *flag {
                marked
                    .entry(mark(DayMarkKind::Halt, name))
                    .or_default()
                    .insert(m.day);
            }
        }
    }
    let mut found: Vec<(f64, Finding)> = Vec::new();
    for (mark, days) in marked {
        let (mut with, mut without) = (Vec::new(), Vec::new());
        for (day, (sum, n)) in by_day {
            let avg = sum / f64::from(*n);
            if days.contains(day) {
                with.push(avg)
            } else {
                without.push(avg)
            }
        }
        if with.len() < MIN_DAYS_EACH_SIDE || without.len() < MIN_DAYS_EACH_SIDE {
            continue;
        }
        let (a, b) = (mean(&with), mean(&without));
        if (a - b).abs() >= MIN_MOOD_DIFFERENCE {
            found.push((
                (a - b).abs(),
                Finding::MoodOnMarkedDays {
                    mark,
                    average_with: round1(a),
                    average_without: round1(b),
                    days_with: with.len() as u32,
                    days_without: without.len() as u32,
                },
            ));
        }
    }
    found.sort_by(|x, y| y.0.total_cmp(&x.0));
    found
        .into_iter()
        .take(MAX_COMPARISONS)
        .map(|(_, finding)| finding)
        .collect()
}

/// The busiest two hours of the day for cravings, when there is a real peak.
fn craving_peak(data: &Data) -> Option<Finding> {
    let total = data.cravings.len();
    if total < MIN_CRAVINGS_FOR_PEAK {
        return None;
    }
    let mut hours = [0usize; 24];
    for c in &data.cravings {
        hours[c.local.hour() as usize] += 1;
    }
    // The busiest two-hour window; among equals, the one that starts at the busier hour.
    let (start, count) = (0..24)
        .map(|h| (h, hours[h] + hours[(h + 1) % 24]))
        .max_by_key(|(h, n)| (*n, hours[*h], 24 - h))?;
    // Only a real peak: at least twice what an even spread would put in two hours.
    if count * 24 < total * 2 * 2 {
        return None;
    }
    Some(Finding::CravingPeak {
        from_hour: start as u8,
        to_hour: ((start + 2) % 24) as u8,
        count: count as u32,
        total: total as u32,
    })
}

/// Coping actions tried at least five times, and how often the urge passed.
fn coping(data: &Data) -> Vec<Finding> {
    let mut tries: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for c in &data.cravings {
        for a in &c.actions {
            let e = tries.entry(a).or_default();
            e.1 += 1;
            if c.passed {
                e.0 += 1;
            }
        }
    }
    let mut out: Vec<Finding> = tries
        .into_iter()
        .filter(|(_, (_, n))| *n >= MIN_TRIES_FOR_COPING)
        .map(|(action, (passed, n))| Finding::CopingWorked {
            action: action.to_string(),
            passed: passed as u32,
            tries: n as u32,
        })
        .collect();
    out.sort_by_key(|f| match f {
        Finding::CopingWorked { tries, .. } => std::cmp::Reverse(*tries),
        _ => std::cmp::Reverse(0),
    });
    out.truncate(MAX_COMPARISONS);
    out
}

/// Averages as they are told: one decimal.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}
