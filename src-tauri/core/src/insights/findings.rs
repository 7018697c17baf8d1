//! Plain-language findings with honest sample sizes. No claim is made without enough data:
//! comparisons need at least ten days on each side, patterns at least ten cravings.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, Timelike};

use super::data::Data;

pub const MIN_DAYS_EACH_SIDE: usize = 10;
const MIN_CRAVINGS_FOR_PEAK: usize = 10;
const MIN_TRIES_FOR_COPING: usize = 5;
/// A difference in average mood smaller than this is not worth telling anyone about.
const MIN_MOOD_DIFFERENCE: f64 = 0.3;
const MAX_COMPARISONS: usize = 3;

pub(super) fn all(data: &Data, by_day: &BTreeMap<NaiveDate, (f64, u32)>) -> Vec<String> {
    let mut out = comparisons(data, by_day);
    out.extend(craving_peak(data));
    out.extend(coping(data));
    out
}

/// "On days you logged loneliness your mood averaged 2.1, against 3.4 on other days (18 vs
/// 140 days)." For triggers (from cravings), emotions and HALT states (from moods).
fn comparisons(data: &Data, by_day: &BTreeMap<NaiveDate, (f64, u32)>) -> Vec<String> {
    let mut marked: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for c in &data.cravings {
        for t in &c.triggers {
            marked
                .entry(format!("logged {}", t.to_lowercase()))
                .or_default()
                .insert(c.local.date());
        }
    }
    const HALT: [&str; 4] = ["hungry", "angry", "lonely", "tired"];
    for m in &data.moods {
        for e in &m.emotions {
            marked.entry(format!("felt {e}")).or_default().insert(m.day);
        }
        for (flag, name) in m.halt.iter().zip(HALT) {
            if *flag {
                marked
                    .entry(format!("were {name}"))
                    .or_default()
                    .insert(m.day);
            }
        }
    }
    let mut found: Vec<(f64, String)> = Vec::new();
    for (what, days) in marked {
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
                format!(
                    "On days you {what} your mood averaged {a:.1}, against {b:.1} on other days ({} vs {} days).",
                    with.len(),
                    without.len()
                ),
            ));
        }
    }
    found.sort_by(|x, y| y.0.total_cmp(&x.0));
    found
        .into_iter()
        .take(MAX_COMPARISONS)
        .map(|(_, text)| text)
        .collect()
}

/// "Your cravings peak between 9 and 11 pm (31 of 120 cravings)."
fn craving_peak(data: &Data) -> Option<String> {
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
    Some(format!(
        "Your cravings peak between {} ({count} of {total} cravings).",
        hour_span(start as u32, (start as u32 + 2) % 24)
    ))
}

/// "When you called someone, the urge passed 9 times out of 11."
fn coping(data: &Data) -> Vec<String> {
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
    let mut out: Vec<(usize, String)> = tries
        .into_iter()
        .filter(|(_, (_, n))| *n >= MIN_TRIES_FOR_COPING)
        .map(|(action, (passed, n))| {
            (
                n,
                format!(
                    "When you chose \"{}\", the urge passed {passed} times out of {n}.",
                    action.to_lowercase()
                ),
            )
        })
        .collect();
    out.sort_by_key(|(tries, _)| std::cmp::Reverse(*tries));
    out.into_iter()
        .take(MAX_COMPARISONS)
        .map(|(_, t)| t)
        .collect()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// "9 and 11 pm", "11 pm and 1 am", "midnight and 2 am".
pub(super) fn hour_span(from: u32, to: u32) -> String {
    let name = |h: u32| match h {
        0 => ("midnight".to_string(), ""),
        12 => ("noon".to_string(), ""),
        h if h < 12 => (h.to_string(), "am"),
        h => ((h - 12).to_string(), "pm"),
    };
    let ((a, am), (b, bm)) = (name(from), name(to));
    match (am.is_empty(), bm.is_empty(), am == bm) {
        (false, false, true) => format!("{a} and {b} {bm}"),
        _ => format!("{a}{} and {b}{}", pad(am), pad(bm)),
    }
}

fn pad(suffix: &str) -> String {
    if suffix.is_empty() {
        String::new()
    } else {
        format!(" {suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hour_spans_read_naturally() {
        assert_eq!(hour_span(21, 23), "9 and 11 pm");
        assert_eq!(hour_span(23, 1), "11 pm and 1 am");
        assert_eq!(hour_span(0, 2), "midnight and 2 am");
        assert_eq!(hour_span(11, 13), "11 am and 1 pm");
        assert_eq!(hour_span(12, 14), "noon and 2 pm");
    }
}
