//! Sync's costs on the ten-year journal (3 moods, 2 cravings and 1 journal entry a day, about
//! 22,000 records): a new computer joining from the folder's change log (the passphrase's key
//! derivation included: what a person waits for), applying one new change on an up-to-date
//! computer, and what the change log's triggers add to one durable write.
//!
//! Joining is measured twice: from the log alone (the folder without its snapshot) and from
//! the snapshot the first send writes.
//!
//! Run: `cargo bench -p daybreak-core --bench sync`

use std::fs;
use std::path::Path;
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::store::Store;
use daybreak_core::sync::folder::{Folder, DIR_NAME};
use daybreak_core::sync::{self, join::join};
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Secret, Session, Vault};

const DAYS: i64 = 3653;
const PASSPHRASE: &str = "correct horse battery staple";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 21, 0, 0).unwrap()
}

/// Ten years of heavy use, in one transaction, through the tables (so the triggers log it).
fn generate(store: &mut Store) {
    let start = now() - Duration::days(DAYS);
    store
        .write(|tx| {
            for d in 0..DAYS {
                let day = start + Duration::days(d);
                for (i, hour) in [8, 14, 21].into_iter().enumerate() {
                    let at = (day + Duration::hours(hour)).timestamp_millis();
                    tx.execute(
                        "INSERT INTO moods (at, mood, craving, note, created_at) VALUES (?1, ?2, ?3, ?4, ?1)",
                        (at, 1 + (d + i as i64) % 5, d % 11, format!("day {d} walked and rested")),
                    )?;
                    tx.execute(
                        "INSERT INTO mood_emotions VALUES (last_insert_rowid(), ?1)",
                        [1 + (d + i as i64) % 12],
                    )?;
                }
                for hour in [17, 22] {
                    let at = (day + Duration::hours(hour)).timestamp_millis();
                    tx.execute(
                        "INSERT INTO cravings (at, strength, outcome, note, created_at) VALUES (?1, ?2, 'passed', ?3, ?1)",
                        (at, d % 11, format!("after work {d}")),
                    )?;
                    tx.execute(
                        "INSERT INTO craving_triggers VALUES (last_insert_rowid(), ?1)",
                        [1 + d % 12],
                    )?;
                }
                let at = (day + Duration::hours(23)).timestamp_millis();
                tx.execute(
                    "INSERT INTO journal_entries (at, title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?1, ?1)",
                    (at, format!("Day {d}"), format!("Today I walked with my sister after the meeting, day {d}.")),
                )?;
            }
            Ok::<_, rusqlite::Error>(())
        })
        .expect("generate");
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The bytes of every file under `dir`.
fn size_of(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                size_of(&entry.path())
            } else {
                entry.metadata().unwrap().len()
            }
        })
        .sum()
}

fn create(dir: &std::path::Path) -> (Vault, Session) {
    let vault = Vault::new(JournalPaths::new(dir.join("data")));
    let (session, _) = vault
        .create(&Passphrase::new(PASSPHRASE), KdfChoice::Fixed(FLOOR))
        .expect("create");
    (vault, session)
}

fn mood_input(note: &str) -> MoodInput {
    MoodInput {
        at: now(),
        mood: 4,
        emotions: vec![1, 10],
        craving: Some(2),
        halt: Halt::default(),
        sleep_hours: Some(7.0),
        note: Some(note.into()),
    }
}

fn bench(c: &mut Criterion) {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let (vault, mut first) = create(&home.path().join("first"));
    generate(first.store_mut());
    let started = Instant::now();
    let report = sync::sync(&mut first, &vault.paths().header(), folder.path()).unwrap();
    eprintln!(
        "sending the ten-year journal: {} files in {:.2?}",
        report.sent_files,
        started.elapsed()
    );

    // The first send writes a snapshot too (the rule in `src/sync/snapshot.rs`): the last file of
    // the first computer. A copy of the folder without it is the log alone.
    let sync_dir = Folder::in_chosen(folder.path());
    let device = sync_dir.devices().unwrap().remove(0);
    let snapshot = *sync_dir.sequence(&device).unwrap().last().unwrap();
    let log_only = tempfile::tempdir().unwrap();
    copy_tree(
        &folder.path().join(DIR_NAME),
        &log_only.path().join(DIR_NAME),
    );
    fs::remove_file(Folder::in_chosen(log_only.path()).change_file(&device, snapshot)).unwrap();
    eprintln!(
        "the folder: {} bytes with the snapshot ({} of them the snapshot), {} bytes the log alone",
        size_of(folder.path()),
        fs::metadata(sync_dir.change_file(&device, snapshot))
            .unwrap()
            .len(),
        size_of(log_only.path())
    );

    // Each join timed once on its own, so the figures are printed even when the criterion
    // group is filtered out (`-- apply_one|outbox`).
    for (what, from) in [("log", log_only.path()), ("snapshot", folder.path())] {
        let dir = tempfile::tempdir().unwrap();
        let joining = Vault::new(JournalPaths::new(dir.path().join("data")));
        let started = Instant::now();
        let (_, report) = join(
            &joining,
            from,
            &Secret::Passphrase(&Passphrase::new(PASSPHRASE)),
        )
        .unwrap();
        eprintln!(
            "joining from the ten-year journal's {what}: {} changes in {} files in {:.2?}",
            report.received.changes,
            report.received.files,
            started.elapsed()
        );
    }

    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    group.measurement_time(Elapsed::from_secs(30));
    let passphrase = Passphrase::new(PASSPHRASE);
    for (name, from) in [
        ("join_ten_years", log_only.path()),
        ("join_ten_years_from_snapshot", folder.path()),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Elapsed::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().unwrap();
                    let joining = Vault::new(JournalPaths::new(dir.path().join("data")));
                    let started = Instant::now();
                    let (session, report) =
                        join(&joining, from, &Secret::Passphrase(&passphrase)).unwrap();
                    total += started.elapsed();
                    assert!(
                        report.received.changes > 21_000,
                        "the whole journal arrived"
                    );
                    drop(session);
                }
                total
            })
        });
    }

    // A second computer, up to date; each sample: one new mood on the first, sent, then timed
    // as the second applies it (one whole round: header, nothing to send, one file in).
    let dir = tempfile::tempdir().unwrap();
    let second_vault = Vault::new(JournalPaths::new(dir.path().join("data")));
    let (mut second, _) = join(
        &second_vault,
        folder.path(),
        &Secret::Passphrase(&passphrase),
    )
    .unwrap();
    group.bench_function("apply_one_new_change", |b| {
        b.iter_custom(|iters| {
            let mut total = Elapsed::ZERO;
            for i in 0..iters {
                moods::create(first.store_mut(), &mood_input(&format!("new {i}")), now()).unwrap();
                sync::sync(&mut first, &vault.paths().header(), folder.path()).unwrap();
                let started = Instant::now();
                let report =
                    sync::sync(&mut second, &second_vault.paths().header(), folder.path()).unwrap();
                total += started.elapsed();
                assert_eq!(report.received.files, 1);
            }
            total
        })
    });
    group.finish();

    // One durable write with the change log's triggers, and on a journal without them.
    let mut group = c.benchmark_group("outbox");
    group.sample_size(50);
    let (_, mut with) = create(&home.path().join("with"));
    let (_, mut without) = create(&home.path().join("without"));
    without
        .store_mut()
        .write(|tx| {
            let names: Vec<String> = tx
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%sync%'",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for name in names {
                tx.execute_batch(&format!("DROP TRIGGER {name};"))?;
            }
            Ok::<_, rusqlite::Error>(())
        })
        .unwrap();
    let input = mood_input("a calm evening walk");
    group.bench_function("add_one_mood_durable_with_outbox", |b| {
        b.iter(|| moods::create(with.store_mut(), &input, now()).unwrap())
    });
    group.bench_function("add_one_mood_durable_without_outbox", |b| {
        b.iter(|| moods::create(without.store_mut(), &input, now()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
