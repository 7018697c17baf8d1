//! Ten years of heavy use (3 moods, 2 cravings and 1 journal entry a day): the timeline's first
//! page, search for a common and a rare word, the full insights, and adding one entry with its
//! durable commit. Each is measured on the encrypted journal and on an unencrypted copy with
//! the same schema and data, to report what encryption costs.
//!
//! Run: `cargo bench -p daybreak-core --features plaintext-bench --bench record`

#[path = "support/heavy_use.rs"]
mod heavy_use;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::insights;
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::search;
use daybreak_core::store::Store;
use daybreak_core::timeline::{self, TimelineFilter};
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Session, Vault};
use heavy_use::{generate, TEN_YEARS};

fn tz() -> Zone {
    Zone::named("Europe/Berlin").expect("tzdata, the time zone database, has this zone")
}

fn now() -> DateTime<Utc> {
    tz().with_ymd_and_hms(2026, 11, 26, 22, 0, 0)
        .unwrap()
        .to_utc()
}

fn measure(c: &mut Criterion, label: &str, store: &mut Store) {
    let from = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    assert_eq!(
        search::search(store, "quetzal", 20).unwrap().len(),
        1,
        "the rare word is there once"
    );
    let mut group = c.benchmark_group(label);
    group.sample_size(20);
    group.bench_function("timeline_first_page_50", |b| {
        b.iter(|| timeline::page(store, &TimelineFilter::default(), None, 50, now(), tz()).unwrap())
    });
    group.bench_function("search_common_word", |b| {
        b.iter(|| search::search(store, "walked", 20).unwrap())
    });
    group.bench_function("search_rare_word", |b| {
        b.iter(|| search::search(store, "quetzal", 20).unwrap())
    });
    group.sample_size(10);
    group.bench_function("insights_ten_years", |b| {
        b.iter(|| insights::compute(store, from, to, tz()).unwrap())
    });
    let input = MoodInput {
        at: now(),
        mood: 4,
        emotions: vec![1, 10],
        craving: Some(2),
        halt: Halt::default(),
        sleep_hours: Some(7.0),
        note: Some("a calm evening walk".into()),
    };
    group.bench_function("add_one_mood_durable", |b| {
        b.iter(|| moods::create(store, &input, now()).unwrap())
    });
    group.finish();
}

/// Backup (snapshot, write, verify) of the ten-year journal, the open exports (JSON, and the
/// spreadsheet zip), and locking it.
fn measure_protection(c: &mut Criterion, session: &Session, paths: &JournalPaths) {
    let mut group = c.benchmark_group("protection");
    group.sample_size(10);
    let dest = paths.dir().join("bench.dbk");
    group.bench_function("backup_and_verify_ten_years", |b| {
        b.iter(|| {
            daybreak_core::backup::create(session, paths, &dest, now(), &mut |_| true).unwrap()
        })
    });
    let exports = paths.dir().join("exports");
    group.bench_function("json_export_ten_years", |b| {
        b.iter(|| {
            let path = daybreak_core::export::export_to(
                &exports,
                session.store(),
                now(),
                Zone::UTC,
                Language::En,
            )
            .unwrap();
            std::fs::remove_file(path).unwrap();
        })
    });
    group.bench_function("csv_zip_export_ten_years", |b| {
        b.iter(|| {
            let path = daybreak_core::export_csv::export_to(
                &exports,
                session.store(),
                now(),
                Zone::UTC,
                &daybreak_core::export_csv::Style::new(Language::En, None),
            )
            .unwrap();
            std::fs::remove_file(path).unwrap();
        })
    });
    group.finish();
}

fn bench_record(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(JournalPaths::new(dir.path().join("encrypted")));
    let (mut session, _): (Session, _) = vault
        .create(
            &Passphrase::new("bench passphrase"),
            KdfChoice::Fixed(FLOOR),
        )
        .expect("create");
    generate(session.store_mut(), TEN_YEARS, now());
    let mut plain =
        Store::open_plaintext_for_benchmarks(&dir.path().join("plain.db")).expect("plain");
    generate(&mut plain, TEN_YEARS, now());
    measure(c, "encrypted", session.store_mut());
    measure(c, "plaintext", &mut plain);
    measure_protection(c, &session, vault.paths());
    // Locking: purge, checkpoint, close. Timed once (a lock cannot be repeated on one session).
    let started = std::time::Instant::now();
    session.lock().expect("lock");
    eprintln!("lock of the ten-year journal took {:?}", started.elapsed());
}

criterion_group!(benches, bench_record);
criterion_main!(benches);
