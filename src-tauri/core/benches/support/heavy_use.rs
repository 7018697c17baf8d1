//! A journal of heavy use, the same in the benchmarks and in the start-up harness
//! (`scripts/perf.sh`, through `examples/heavy_journal.rs`): 3 moods, 2 cravings and 1 journal
//! entry a day for `days` days ending at `end`, written straight into the tables in one
//! transaction so that ten years take seconds.

use chrono::{DateTime, Duration, Utc};
use daybreak_core::store::Store;

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
