//! A journal of heavy use, the same in the benchmarks and in the start-up harness
//! (`scripts/perf.sh`, through `examples/heavy_journal.rs`): 3 moods, 2 cravings and 1 journal
//! entry a day for `days` days ending at `end` (`generate`), and what a person in recovery keeps
//! beside them for Today and Sobriety (`generate_recovery`) and for SOS (`generate_sos_lists`),
//! the years of records written straight into the tables in one transaction so that ten years
//! take seconds.

// Each benchmark and example that includes this file uses its part of it.
#![allow(dead_code)]

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use daybreak_core::sobriety::{clocks, today, ClockInput};
use daybreak_core::sos::{people, plan, reasons};
use daybreak_core::store::Store;
use daybreak_core::zone::Zone;

/// A little over ten years.
pub const TEN_YEARS: i64 = 3653;

const WORDS: [&str; 12] = [
    "walked", "meeting", "sister", "work", "tired", "rain", "music", "called", "evening", "coffee",
    "sponsor", "hopeful",
];

/// Fills a store with `days` days of heavy use ending at `end`. One day, half-way, holds the
/// rare word "quetzal" so a search can find a needle.
pub fn generate(store: &mut Store, days: i64, end: DateTime<Utc>) {
    let start = end - Duration::days(days);
    store
        .write(|tx| {
            let mut n = 0usize;
            for d in 0..days {
                let day = start + Duration::days(d);
                for (i, hour) in [8, 14, 21].into_iter().enumerate() {
                    n += 1;
                    let at = (day + Duration::hours(hour)).timestamp_millis();
                    tx.execute(
                        "INSERT INTO moods (at, mood, craving, note, created_at) VALUES (?1, ?2, ?3, ?4, ?1)",
                        (at, 1 + (n % 5) as i64, (n % 11) as i64, format!("{} and {} today", WORDS[n % 12], WORDS[(n / 12) % 12])),
                    )?;
                    tx.execute("INSERT INTO mood_emotions VALUES (last_insert_rowid(), ?1)", [1 + (n + i) as i64 % 12])?;
                }
                for hour in [17, 22] {
                    n += 1;
                    let at = (day + Duration::hours(hour)).timestamp_millis();
                    tx.execute(
                        "INSERT INTO cravings (at, strength, outcome, note, created_at) VALUES (?1, ?2, ?3, ?4, ?1)",
                        (at, (n % 11) as i64, if n.is_multiple_of(4) { "struggling" } else { "passed" }, format!("after {}", WORDS[n % 12])),
                    )?;
                    tx.execute("INSERT INTO craving_triggers VALUES (last_insert_rowid(), ?1)", [1 + (n % 12) as i64])?;
                }
                let at = (day + Duration::hours(23)).timestamp_millis();
                let rare = if d == days / 2 { " quetzal" } else { "" };
                tx.execute(
                    "INSERT INTO journal_entries (at, title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?1, ?1)",
                    (at, format!("Day {d}"), format!("Today I {} with my {} after the {}.{rare}", WORDS[d as usize % 12], WORDS[(d as usize + 3) % 12], WORDS[(d as usize + 7) % 12])),
                )?;
            }
            Ok::<_, rusqlite::Error>(())
        })
        .expect("generate");
}

/// Five sobriety clocks started `days` ago, 200 slips spread across them and those days, and a
/// check-in on each of the days before `end` in `zone`: what Today and Sobriety show a person
/// who has used Daybreak every day. The milestones reached are marked celebrated, as they would
/// be for someone who opens it daily, so no celebration covers Today.
pub fn generate_recovery(store: &mut Store, days: i64, end: DateTime<Utc>, zone: Zone) {
    let start = end - Duration::days(days);
    let mut ids = Vec::new();
    for name in ["Heroin", "Alcohol", "Pills", "Cannabis", "Nicotine"] {
        let input = ClockInput {
            name: name.into(),
            started_at: start,
            money_per_day_cents: Some(2_500),
            currency: Some("EUR".into()),
            minutes_per_day: Some(120),
        };
        ids.push(clocks::create(store, &input, end, zone).expect("clock").id);
    }
    store
        .write(|tx| {
            for i in 0..200i64 {
                let at = start + Duration::minutes(days * 24 * 60 * (i + 1) / 201);
                tx.execute(
                    "INSERT INTO slips (clock_id, at, note, created_at) VALUES (?1, ?2, ?3, ?2)",
                    (
                        ids[(i % 5) as usize],
                        at.timestamp_millis(),
                        "a note about the day",
                    ),
                )?;
            }
            // Every day from the first up to the day before `end`, there.
            let (mut day, today) = (local_day(start, zone), local_day(end, zone));
            while day < today {
                tx.execute(
                    "INSERT INTO check_ins (day, intention, sober, difficulty, note)
                     VALUES (?1, 'Today I stay sober', 1, 2, 'fine')",
                    [day.to_string()],
                )?;
                day = day + Days::new(1);
            }
            Ok::<_, rusqlite::Error>(())
        })
        .expect("generate recovery");
    for clock in today::today(store, end, zone).expect("today").clocks {
        if let Some(milestone) = clock.uncelebrated {
            clocks::acknowledge_milestone(store, clock.id, &milestone.key, end, zone)
                .expect("celebrated");
        }
    }
}

/// SOS's reasons, people and relapse plan, as a person in recovery would have written them. Kept
/// apart from `generate_recovery` so the Today bench, which never reads them, does not write
/// them; the start-up harness's journal (`examples/heavy_journal.rs`) has them, for SOS.
pub fn generate_sos_lists(store: &mut Store, end: DateTime<Utc>) {
    for text in [
        "My daughter",
        "Waking up clear",
        "My health",
        "Keeping my job",
    ] {
        reasons::add(store, text).expect("reason");
    }
    for (name, phone) in [
        ("Sam (sponsor)", "+49 30 1234567"),
        ("Mum", "+49 30 7654321"),
    ] {
        let input = people::PersonInput {
            name: name.into(),
            phone: phone.into(),
            note: None,
        };
        people::add(store, &input).expect("person");
    }
    let relapse_plan = plan::RelapsePlan {
        warning_signs: vec!["Skipping meetings".into(), "Not sleeping".into()],
        high_risk_situations: vec!["Payday".into()],
        coping_strategies: vec!["Call Sam".into(), "Walk round the block".into()],
        places: vec!["The library".into()],
        if_i_slip: "Tell Sam the same day, and start again.".into(),
        ..Default::default()
    };
    plan::save(store, &relapse_plan, end).expect("plan");
}

fn local_day(at: DateTime<Utc>, zone: Zone) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}
