//! Sync through a shared folder, on real encrypted journals: two and three computers, files
//! that arrive late, out of order, twice or half-written, a seeded random interleaving of
//! edits, deletes and undos on three computers that must end in the same journal everywhere,
//! and nothing readable in the folder.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{contains, TempJournal, PASSPHRASE};
use daybreak_core::cravings::{self, CravingInput, CravingOutcome};
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::sobriety::{check_ins, clocks, slips, ClockInput, EveningCheckIn, SlipInput};
use daybreak_core::sos::{people, plan, reasons, PersonInput, RelapsePlan};
use daybreak_core::store::Store;
use daybreak_core::sync::folder::{Folder, DIR_NAME};
use daybreak_core::sync::kinds::KINDS;
use daybreak_core::sync::{self, join::join, record, SyncReport, SyncWarning};
use daybreak_core::timeline::{self, EntryKind};
use daybreak_core::zone::Zone;
use daybreak_core::{library, triggers, Passphrase, Secret, Session};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

const TZ: Zone = Zone::UTC;

/// One computer: its own data folder, its own view of the sync folder (a sync engine copies
/// files between the views; `deliver` plays that part), and a wall clock the test moves.
struct Computer {
    journal: TempJournal,
    session: Session,
    view: tempfile::TempDir,
    wall: Arc<AtomicI64>,
}

impl Computer {
    fn with_clock(journal: TempJournal, session: Session, view: tempfile::TempDir) -> Self {
        let wall = Arc::new(AtomicI64::new(now().timestamp_millis()));
        let shared = Arc::clone(&wall);
        session
            .store()
            .capture()
            .set_wall_clock(Arc::new(move || shared.load(Ordering::SeqCst)));
        Self {
            journal,
            session,
            view,
            wall,
        }
    }

    /// The first computer: a new journal.
    fn first() -> Self {
        let journal = TempJournal::new();
        let (session, _) = journal.create();
        Self::with_clock(journal, session, tempfile::tempdir().unwrap())
    }

    /// Another computer joining through `view`, a copy of the folder a sync engine made.
    fn join(view: tempfile::TempDir) -> Self {
        let journal = TempJournal::new();
        let passphrase = Passphrase::new(PASSPHRASE);
        let (session, _) = join(
            &journal.vault,
            view.path(),
            &Secret::Passphrase(&passphrase),
        )
        .expect("joining must work with the right passphrase");
        Self::with_clock(journal, session, view)
    }

    fn store(&mut self) -> &mut Store {
        self.session.store_mut()
    }

    fn round(&mut self) -> SyncReport {
        let header = self.journal.paths().header();
        sync::sync(&mut self.session, &header, self.view.path()).expect("a sync round")
    }

    fn tick(&self, ms: i64) {
        self.wall.fetch_add(ms, Ordering::SeqCst);
    }

    fn folder(&self) -> Folder {
        Folder::in_chosen(self.view.path())
    }

    fn device(&self) -> String {
        sync::device_id(self.session.store()).unwrap()
    }

    fn state(&self) -> BTreeMap<String, String> {
        state(self.session.store())
    }
}

/// Every record of every kind, by UUID, in its travelling form: what must be equal everywhere.
fn state(store: &Store) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    store
        .read(|conn| {
            for kind in KINDS {
                let uuids: Vec<String> = conn
                    .prepare(&format!("SELECT uuid FROM {} ORDER BY uuid", kind.table))?
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for uuid in uuids {
                    let fields = record::read(conn, kind, &uuid)?.expect("the row just listed");
                    all.insert(
                        format!("{}:{uuid}", kind.name),
                        serde_json::to_string(&fields).unwrap(),
                    );
                }
            }
            Ok::<_, rusqlite::Error>(())
        })
        .unwrap();
    all
}

/// Copies every file in `from`'s sync folder that `to` does not have yet (a sync engine).
fn deliver(from: &Path, to: &Path) {
    let (from, to) = (from.join(DIR_NAME), to.join(DIR_NAME));
    copy_tree(&from, &to);
}

fn copy_tree(from: &Path, to: &Path) {
    let Ok(entries) = fs::read_dir(from) else {
        return;
    };
    fs::create_dir_all(to).unwrap();
    for entry in entries {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() == "header" || !target.exists() {
            // Change files never change; the header is replaced when a newer one comes.
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Makes every computer's view hold every file, then runs rounds until nothing moves.
fn settle(computers: &mut [Computer]) {
    for _ in 0..3 {
        for i in 0..computers.len() {
            computers[i].round();
            for j in 0..computers.len() {
                if i != j {
                    deliver(computers[i].view.path(), computers[j].view.path());
                }
            }
        }
    }
}

fn mood(store: &mut Store, note: &str, emotions: Vec<i64>) -> i64 {
    moods::create(
        store,
        &MoodInput {
            at: now(),
            mood: 3,
            emotions,
            craving: Some(2),
            halt: Halt::default(),
            sleep_hours: Some(7.5),
            note: Some(note.into()),
        },
        now(),
    )
    .unwrap()
    .id
}

fn entry(store: &mut Store, title: &str, tags: &[&str]) -> i64 {
    journal_entries::create(
        store,
        &JournalInput {
            at: now(),
            title: title.into(),
            body: format!("{title} body"),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        },
        now(),
    )
    .unwrap()
    .id
}

fn clock(store: &mut Store, name: &str) -> i64 {
    clocks::create(
        store,
        &ClockInput {
            name: name.into(),
            started_at: now() - Duration::days(30),
            money_per_day_cents: Some(500),
            currency: Some("EUR".into()),
            minutes_per_day: None,
        },
        now(),
        TZ,
    )
    .unwrap()
    .id
}

fn emotion_ids(store: &Store) -> Vec<i64> {
    store
        .read(|c| {
            c.prepare("SELECT id FROM emotions ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()
        })
        .unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.read(|c| c.query_row(sql, [], |r| r.get(0))).unwrap()
}

#[test]
fn every_record_table_has_a_uuid_and_every_kind_matches_the_schema() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session
        .store()
        .read(|conn| {
            for kind in KINDS {
                let columns: Vec<String> = conn
                    .prepare(&format!(
                        "SELECT name FROM pragma_table_info('{}')",
                        kind.table
                    ))?
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                assert!(
                    columns.contains(&"uuid".to_string()),
                    "{} has a uuid",
                    kind.table
                );
                let travelling: Vec<&str> = kind.columns.iter().map(|c| c.name).collect();
                let stored: Vec<&str> = columns
                    .iter()
                    .map(String::as_str)
                    .filter(|c| *c != "uuid" && (*c != "id" || travelling.contains(&"id")))
                    .collect();
                assert_eq!(
                    stored, travelling,
                    "every column of {} must be described, in order, for sync",
                    kind.table
                );
                let missing: i64 = conn.query_row(
                    &format!("SELECT count(*) FROM {} WHERE uuid IS NULL", kind.table),
                    [],
                    |r| r.get(0),
                )?;
                assert_eq!(missing, 0, "every row of {} has its uuid", kind.table);
            }
            for table in [
                "sync_local",
                "sync_records",
                "sync_progress",
                "sync_applied",
                "sync_parked",
                "sync_folder",
            ] {
                let n: i64 = conn.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get(0),
                )?;
                assert_eq!(n, 1, "{table} exists");
            }
            Ok::<_, rusqlite::Error>(())
        })
        .unwrap();
    // Built-ins are named alike on every computer, and not sent: everyone has them.
    let other = TempJournal::new();
    let (other_session, _) = other.create();
    let builtins = |s: &Session| {
        s.store()
            .read(|c| {
                c.prepare("SELECT uuid FROM triggers WHERE key IS NOT NULL UNION ALL SELECT uuid FROM emotions ORDER BY 1")?
                    .query_map([], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
    };
    assert_eq!(builtins(&session), builtins(&other_session));
    assert_eq!(
        count(
            session.store(),
            "SELECT count(*) FROM sync_records WHERE pending = 1"
        ),
        0
    );
}

#[test]
fn a_write_and_its_outbox_row_commit_or_roll_back_together() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let pending = |s: &Session| {
        count(
            s.store(),
            "SELECT count(*) FROM sync_records WHERE pending = 1",
        )
    };
    let before = pending(&s);
    // A write that fails halfway: the mood row is inserted, then the transaction is abandoned.
    let failed: Result<(), rusqlite::Error> = s.store_mut().write(|tx| {
        tx.execute(
            "INSERT INTO moods (at, mood, created_at) VALUES (1, 3, 1)",
            [],
        )?;
        tx.execute(
            "INSERT INTO moods (at, mood, created_at) VALUES (1, 9, 1)",
            [],
        )?;
        Ok(())
    });
    assert!(failed.is_err(), "a mood of 9 breaks its CHECK");
    assert_eq!(count(s.store(), "SELECT count(*) FROM moods"), 0);
    assert_eq!(
        pending(&s),
        before,
        "a rolled-back write leaves no change in the outbox"
    );

    let id = mood(s.store_mut(), "fine", vec![]);
    let uuid: String = s
        .store()
        .read(|c| c.query_row("SELECT uuid FROM moods WHERE id = ?1", [id], |r| r.get(0)))
        .unwrap();
    let (kind, tombstone, pending_flag): (String, bool, bool) = s
        .store()
        .read(|c| {
            c.query_row(
                "SELECT kind, tombstone, pending FROM sync_records WHERE uuid = ?1",
                [&uuid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
        })
        .unwrap();
    assert_eq!(
        (kind.as_str(), tombstone, pending_flag),
        ("mood", false, true)
    );
    // Deleting for good leaves a tombstone to send.
    timeline::delete(s.store_mut(), EntryKind::Mood, id, now()).unwrap();
    timeline::purge_deleted(s.store_mut()).unwrap();
    let tombstone: bool = s
        .store()
        .read(|c| {
            c.query_row(
                "SELECT tombstone FROM sync_records WHERE uuid = ?1",
                [&uuid],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert!(
        tombstone,
        "a record deleted for good is sent as a tombstone"
    );
}

#[test]
fn two_computers_share_one_folder() {
    let mut a = Computer::first();
    let emotions = emotion_ids(a.session.store());
    let clock_id = clock(a.store(), "Alcohol");
    let trigger = triggers::create(a.store(), "Payday", now()).unwrap();
    mood(a.store(), "a calm morning", emotions[..2].to_vec());
    let entry_id = entry(a.store(), "Day one", &["hope", "walk"]);
    slips::record(
        a.store(),
        clock_id,
        &SlipInput {
            at: now() - Duration::days(3),
            note: Some("after the party".into()),
            triggers: Some(vec![trigger.id]),
        },
        now(),
        TZ,
    )
    .unwrap();
    cravings::create(
        a.store(),
        &CravingInput {
            at: now(),
            strength: 7,
            triggers: vec![trigger.id],
            place: Some("home".into()),
            people: None,
            actions: vec![],
            outcome: CravingOutcome::Passed,
            note: Some("it passed".into()),
            slip_clock_id: None,
        },
        now(),
    )
    .unwrap();
    people::add(
        a.store(),
        &PersonInput {
            name: "Sam".into(),
            phone: "555 0100".into(),
            note: None,
        },
    )
    .unwrap();
    reasons::add(a.store(), "My sister").unwrap();
    check_ins::morning(a.store(), Some("one day at a time"), now(), TZ).unwrap();
    library::set_bookmark(a.store(), "after-a-slip", true, now()).unwrap();
    plan::save(
        a.store(),
        &RelapsePlan {
            warning_signs: vec!["skipping meals".into()],
            ..RelapsePlan::default()
        },
        now(),
    )
    .unwrap();
    let report = a.round();
    assert!(report.sent_files >= 1);
    assert!(
        report.received.warnings.is_empty(),
        "{:?}",
        report.received.warnings
    );

    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    let mut b = Computer::join(view);
    assert_ne!(
        a.device(),
        b.device(),
        "a joining computer has its own device id"
    );
    assert_eq!(
        b.state(),
        a.state(),
        "a joining computer rebuilds the whole journal"
    );
    // Records new to the joining computer go in one statement per kind (`record::insert_new`);
    // the search index must follow them like any write.
    for words in ["party", "calm morning", "it passed", "Day one"] {
        let hits = daybreak_core::search::search(b.session.store(), words, 10).unwrap();
        assert_eq!(
            hits.len(),
            1,
            "the search index follows applied changes of every searchable kind"
        );
    }

    // Edits on both sides, then a round each way.
    b.tick(1_000);
    let b_entry: i64 = b
        .session
        .store()
        .read(|c| c.query_row("SELECT id FROM journal_entries", [], |r| r.get(0)))
        .unwrap();
    journal_entries::update(
        b.store(),
        b_entry,
        &JournalInput {
            at: now(),
            title: "Day one, again".into(),
            body: "rewritten on the laptop".into(),
            tags: vec!["laptop".into()],
        },
        now(),
    )
    .unwrap();
    a.tick(2_000);
    let sam: i64 = a
        .session
        .store()
        .read(|c| c.query_row("SELECT id FROM people", [], |r| r.get(0)))
        .unwrap();
    people::remove(a.store(), sam).unwrap();
    b.round();
    deliver(b.view.path(), a.view.path());
    a.round();
    deliver(a.view.path(), b.view.path());
    b.round();
    assert_eq!(a.state(), b.state(), "both computers hold the same journal");
    let title: String = a
        .session
        .store()
        .read(|c| {
            c.query_row(
                "SELECT title FROM journal_entries WHERE id = ?1",
                [entry_id],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(
        title, "Day one, again",
        "the laptop's edit reached the desktop"
    );
    assert_eq!(
        count(b.session.store(), "SELECT count(*) FROM people"),
        0,
        "the removal reached the laptop"
    );
}

/// A mood written with its emotions goes into the change log once: its own insert or update
/// stamps it, and the list's triggers stay quiet (each would only stamp it again, and did,
/// costing half of what the change log added to the write). A list changed on its own, as a
/// merge of triggers changes it, is still stamped. The clock stands still here, so each stamp
/// moves it on by exactly one.
#[test]
fn a_record_written_with_its_list_is_stamped_once() {
    let mut a = Computer::first();
    let emotions = emotion_ids(a.session.store());
    let before = a.session.store().capture().tick();
    let id = mood(a.store(), "two emotions", emotions[..2].to_vec());
    assert_eq!(
        a.session.store().capture().tick() - before - 1,
        1,
        "a new mood with two emotions: one stamp"
    );

    let before = a.session.store().capture().tick();
    moods::update(
        a.store(),
        id,
        &MoodInput {
            at: now(),
            mood: 4,
            emotions: emotions[1..4].to_vec(),
            craving: None,
            halt: Halt::default(),
            sleep_hours: None,
            note: Some("three emotions".into()),
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        a.session.store().capture().tick() - before - 1,
        1,
        "an edited mood with a new list: one stamp"
    );

    // A list changed without its record: merging one trigger into another moves the
    // craving's link, and the craving must travel again.
    let first = triggers::create(a.store(), "Payday", now()).unwrap();
    let second = triggers::create(a.store(), "Pay day", now()).unwrap();
    let craving = cravings::create(
        a.store(),
        &CravingInput {
            at: now(),
            strength: 5,
            triggers: vec![second.id],
            place: None,
            people: None,
            actions: vec![],
            outcome: CravingOutcome::Passed,
            note: None,
            slip_clock_id: None,
        },
        now(),
    )
    .unwrap();
    let stamp_of_craving = |a: &Computer| -> i64 {
        count(
            a.session.store(),
            &format!(
                "SELECT hlc FROM sync_records JOIN cravings USING (uuid) WHERE cravings.id = {}",
                craving.id
            ),
        )
    };
    let stamped = stamp_of_craving(&a);
    triggers::merge(a.store(), second.id, first.id).unwrap();
    assert!(
        stamp_of_craving(&a) > stamped,
        "a list changed on its own still puts its record in the change log"
    );
}

fn files_of(folder: &Folder, device: &str) -> Vec<PathBuf> {
    folder
        .sequence(device)
        .unwrap()
        .into_iter()
        .map(|seq| folder.change_file(device, seq))
        .collect()
}

#[test]
fn late_reordered_duplicated_and_half_written_files_all_end_in_the_same_journal() {
    let mut a = Computer::first();
    a.round();
    let view_b = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view_b.path());
    let mut b = Computer::join(view_b);
    let view_c = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view_c.path());
    let mut c = Computer::join(view_c);

    // A writes three files: a mood, then an edit of a journal entry made in file 1, then more.
    a.tick(10);
    let entry_id = entry(a.store(), "First", &["one"]);
    a.round();
    a.tick(10);
    journal_entries::update(
        a.store(),
        entry_id,
        &JournalInput {
            at: now(),
            title: "First, edited".into(),
            body: "edited".into(),
            tags: vec!["two".into()],
        },
        now(),
    )
    .unwrap();
    mood(a.store(), "file two", vec![]);
    a.round();
    a.tick(10);
    mood(a.store(), "file three", vec![]);
    a.round();
    let device_a = a.device();
    let files = files_of(&a.folder(), &device_a);
    assert_eq!(files.len(), 3);

    // B gets file 3 first, then file 2 half-written, as a sync engine may show them.
    let b_dir = b.folder().dir().join(&device_a);
    fs::create_dir_all(&b_dir).unwrap();
    fs::copy(&files[2], b_dir.join(files[2].file_name().unwrap())).unwrap();
    let whole = fs::read(&files[1]).unwrap();
    fs::write(
        b_dir.join(files[1].file_name().unwrap()),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    // Stray files a sync engine leaves: its temp file, an editor's backup.
    fs::write(b_dir.join(".syncthing.000000000004.tmp"), b"partial").unwrap();
    fs::write(b_dir.join("~000000000005"), b"junk").unwrap();
    let report = b.round();
    assert_eq!(report.received.files, 1, "only the whole file is applied");
    assert_eq!(
        report.received.warnings,
        vec![SyncWarning::Unreadable {
            device: device_a.clone(),
            seq: 2
        }],
        "the half-written file is reported, by number only"
    );
    assert_eq!(
        count(
            b.session.store(),
            "SELECT count(*) FROM moods WHERE note = 'file three'"
        ),
        1
    );
    // The rest arrives; file 2 is now whole; file 3 comes again (a duplicate).
    fs::write(b_dir.join(files[1].file_name().unwrap()), &whole).unwrap();
    deliver(a.view.path(), b.view.path());
    let report = b.round();
    assert!(
        report.received.warnings.is_empty(),
        "{:?}",
        report.received.warnings
    );
    assert_eq!(b.state(), a.state(), "B caught up whatever the order");
    let again = b.round();
    assert_eq!(again.received.files, 0, "nothing is applied twice");

    // C sees everything at once, and its own edit older than A's loses, a newer one wins.
    deliver(a.view.path(), c.view.path());
    c.round();
    assert_eq!(c.state(), a.state());
    let progress: i64 = c
        .session
        .store()
        .read(|conn| {
            conn.query_row(
                "SELECT through FROM sync_progress WHERE device = ?1",
                [&device_a],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(progress, 3, "per-device progress is kept in the database");
    let mut all = [a, b, c];
    settle(&mut all);
    assert_eq!(all[0].state(), all[1].state());
    assert_eq!(all[1].state(), all[2].state());
}

#[test]
fn the_later_edit_wins_and_a_delete_wins_over_older_edits() {
    let mut a = Computer::first();
    let id = entry(a.store(), "Shared", &[]);
    a.round();
    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    let mut b = Computer::join(view);
    let b_id: i64 = b
        .session
        .store()
        .read(|c| c.query_row("SELECT id FROM journal_entries", [], |r| r.get(0)))
        .unwrap();
    let edit = |s: &mut Store, id: i64, title: &str| {
        journal_entries::update(
            s,
            id,
            &JournalInput {
                at: now(),
                title: title.into(),
                body: "b".into(),
                tags: vec![],
            },
            now(),
        )
        .unwrap();
    };
    // A edits at t+5s, B at t+9s, without having seen each other's: B's is the later one.
    a.tick(5_000);
    edit(a.store(), id, "from A");
    b.tick(9_000);
    edit(b.store(), b_id, "from B");
    let mut pair = [a, b];
    settle(&mut pair);
    let [mut a, mut b] = pair;
    let title = |c: &Computer| -> String {
        c.session
            .store()
            .read(|conn| conn.query_row("SELECT title FROM journal_entries", [], |r| r.get(0)))
            .unwrap()
    };
    assert_eq!(title(&a), "from B");
    assert_eq!(title(&b), "from B");

    // A deletes for good at t+20s; B, not knowing, edits at t+15s (older): the delete wins.
    a.tick(15_000);
    timeline::delete(a.store(), EntryKind::Journal, id, now()).unwrap();
    timeline::purge_deleted(a.store()).unwrap();
    edit(b.store(), b_id, "too late");
    let mut pair = [a, b];
    settle(&mut pair);
    assert_eq!(
        count(
            pair[0].session.store(),
            "SELECT count(*) FROM journal_entries"
        ),
        0
    );
    assert_eq!(
        count(
            pair[1].session.store(),
            "SELECT count(*) FROM journal_entries"
        ),
        0
    );
    assert_eq!(pair[0].state(), pair[1].state());
}

/// A first computer and a second that joined it through the folder, before either wrote.
fn two_computers() -> (Computer, Computer) {
    let mut a = Computer::first();
    a.round();
    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    let b = Computer::join(view);
    (a, b)
}

/// The one check-in's intention and evening note.
fn intention_and_note(c: &Computer) -> (Option<String>, Option<String>) {
    c.session
        .store()
        .read(|conn| {
            conn.query_row("SELECT intention, note FROM check_ins", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
        })
        .unwrap()
}

/// A day's check-in is one record with two halves, often written on two computers: the morning
/// on one, the evening on the other before they have met. Neither half may wipe the other.
#[test]
fn a_check_in_begun_on_one_computer_and_ended_on_the_other_keeps_both_halves() {
    let (mut a, mut b) = two_computers();
    // The morning on A; that evening on B, whose change is the later one.
    a.tick(5_000);
    check_ins::morning(a.store(), Some("call my sister"), now(), TZ).unwrap();
    b.tick(9_000);
    let evening = EveningCheckIn {
        sober: true,
        difficulty: 2,
        note: Some("a steady day".into()),
    };
    check_ins::evening(b.store(), &evening, now() + Duration::hours(10), TZ).unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    for c in &pair {
        let (intention, note) = intention_and_note(c);
        assert_eq!(
            intention.as_deref(),
            Some("call my sister"),
            "the morning half"
        );
        assert_eq!(note.as_deref(), Some("a steady day"), "the evening half");
    }
    assert_eq!(pair[0].state(), pair[1].state());

    // A clears the intention later that morning than it was set (a newer half), then B, not
    // knowing, answers the evening again: the clearing and the new evening both stay.
    let [mut a, mut b] = pair;
    a.tick(20_000);
    check_ins::morning(a.store(), None, now() + Duration::hours(1), TZ).unwrap();
    let again = EveningCheckIn {
        note: Some("better than I feared".into()),
        ..evening
    };
    b.tick(30_000);
    check_ins::evening(b.store(), &again, now() + Duration::hours(11), TZ).unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    for c in &pair {
        let (intention, note) = intention_and_note(c);
        assert_eq!(intention, None, "the later morning cleared it");
        assert_eq!(note.as_deref(), Some("better than I feared"));
    }
    assert_eq!(pair[0].state(), pair[1].state());
}

/// A note on an article written on one computer must outlive the reading place the other saves
/// as the person scrolls, before the note has reached it; and a bookmark taken off later on
/// the first must stay off.
#[test]
fn a_note_on_an_article_outlives_reading_it_on_the_other_computer() {
    let (mut a, mut b) = two_computers();
    a.tick(5_000);
    let note = "ask about the Tuesday group";
    library::save_note(a.store(), "after-a-slip", Some(note), now()).unwrap();
    b.tick(9_000);
    library::set_bookmark(b.store(), "after-a-slip", true, now()).unwrap();
    library::save_progress(b.store(), "after-a-slip", 0.4, now() + Duration::minutes(5)).unwrap();
    a.tick(1_000);
    library::set_bookmark(
        a.store(),
        "after-a-slip",
        false,
        now() + Duration::minutes(9),
    )
    .unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    for c in &pair {
        let (saved, progress, bookmarked): (Option<String>, f64, bool) = c
            .session
            .store()
            .read(|conn| {
                conn.query_row(
                    "SELECT note, progress, bookmarked FROM article_state WHERE slug = 'after-a-slip'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
            })
            .unwrap();
        assert_eq!(saved.as_deref(), Some(note), "the note");
        assert_eq!(progress, 0.4, "the reading place");
        assert!(!bookmarked, "the bookmark taken off later");
    }
    assert_eq!(pair[0].state(), pair[1].state());

    // B, whose clock is an hour behind A's, changes the note after A's reached it: the later
    // edit still wins on both.
    let [a, mut b] = pair;
    b.tick(60_000);
    let later = "the Tuesday group, 7 pm";
    library::save_note(
        b.store(),
        "after-a-slip",
        Some(later),
        now() - Duration::hours(1),
    )
    .unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    assert_eq!(
        article_notes(&pair),
        [Some(later.to_string()), Some(later.to_string())],
        "the later note, from the clock behind"
    );
    assert_eq!(pair[0].state(), pair[1].state());
}

/// The note on "after-a-slip" in each computer.
fn article_notes(pair: &[Computer]) -> Vec<Option<String>> {
    pair.iter()
        .map(|c| {
            c.session
                .store()
                .read(|conn| conn.query_row("SELECT note FROM article_state", [], |r| r.get(0)))
                .unwrap()
        })
        .collect()
}

#[test]
fn an_older_change_with_no_later_part_changes_nothing() {
    // A's note, then B's later one, written before they met; B's change is the later too.
    let (mut a, mut b) = two_computers();
    library::save_note(a.store(), "after-a-slip", Some("A's"), now()).unwrap();
    b.tick(5_000);
    let later = "B's, a minute later";
    library::save_note(
        b.store(),
        "after-a-slip",
        Some(later),
        now() + Duration::minutes(1),
    )
    .unwrap();
    b.round();
    a.round();
    deliver(a.view.path(), b.view.path());
    let report = b.round();
    assert_eq!(report.received.files, 1, "A's file was read");
    assert_eq!(
        report.received.changes, 0,
        "A's older change brings no part B does not have later"
    );
    assert_eq!(article_notes(&[b]), [Some(later.to_string())]);
}

#[test]
fn a_note_brought_in_by_an_import_is_as_new_as_the_import() {
    // An export from an old laptop, with a note on an article.
    let mut old = Computer::first();
    let imported = "from the old laptop";
    library::save_note(old.store(), "after-a-slip", Some(imported), now()).unwrap();
    let file =
        serde_json::to_vec(&daybreak_core::export::export(old.store(), now()).unwrap()).unwrap();

    // B writes a note on it; A, before they meet, imports the export an hour later, which adds
    // its note where A has none: the later of the two.
    let (mut a, mut b) = two_computers();
    library::save_note(b.store(), "after-a-slip", Some("written on B"), now()).unwrap();
    daybreak_core::import::import(a.store(), &file, now() + Duration::hours(1), TZ).unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    assert_eq!(
        article_notes(&pair),
        [Some(imported.to_string()), Some(imported.to_string())],
        "the note the import added an hour after B's"
    );
}

#[test]
fn the_same_trigger_name_made_on_two_computers_settles_the_same_everywhere() {
    let (mut a, mut b) = two_computers();
    triggers::create(a.store(), "Work", now()).unwrap();
    triggers::create(b.store(), "work", now()).unwrap();
    let mut pair = [a, b];
    settle(&mut pair);
    assert_eq!(pair[0].state(), pair[1].state());
    for c in &pair {
        assert_eq!(
            count(
                c.session.store(),
                "SELECT count(*) FROM triggers WHERE name = 'work' COLLATE NOCASE AND archived = 0"
            ),
            1,
            "one active trigger keeps the name"
        );
    }
}

/// A small deterministic generator (xorshift), so a failing interleaving can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn ids(store: &Store, sql: &str) -> Vec<i64> {
    store
        .read(|c| {
            c.prepare(sql)?
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()
        })
        .unwrap()
}

/// One random change on `c`, of any kind: creations, edits, deletes and undos.
fn random_change(c: &mut Computer, rng: &mut Rng, step: usize) {
    let name = format!("{step}-{}", &c.device()[..6]);
    let pick = |rng: &mut Rng, v: &[i64]| v[rng.below(v.len() as u64) as usize];
    let s = c.session.store_mut();
    match rng.below(16) {
        0 => {
            let emotions = emotion_ids(s);
            let chosen = vec![pick(rng, &emotions), pick(rng, &emotions)];
            let mut chosen = chosen;
            chosen.dedup();
            mood(s, &name, chosen);
        }
        1 => {
            let live = ids(s, "SELECT id FROM moods WHERE deleted_at IS NULL");
            if !live.is_empty() {
                timeline::delete(s, EntryKind::Mood, pick(rng, &live), now()).unwrap();
            }
        }
        2 => {
            let deleted = ids(s, "SELECT id FROM moods WHERE deleted_at IS NOT NULL");
            if !deleted.is_empty() {
                timeline::restore(s, EntryKind::Mood, pick(rng, &deleted)).unwrap();
            }
        }
        3 => {
            entry(s, &name, &["a", "b"][..1 + rng.below(2) as usize]);
        }
        4 => {
            let live = ids(s, "SELECT id FROM journal_entries WHERE deleted_at IS NULL");
            if !live.is_empty() {
                let tags = if rng.below(2) == 0 {
                    vec![name.clone()]
                } else {
                    vec![]
                };
                journal_entries::update(
                    s,
                    pick(rng, &live),
                    &JournalInput {
                        at: now(),
                        title: name.clone(),
                        body: format!("edited {name}"),
                        tags,
                    },
                    now(),
                )
                .unwrap();
            }
        }
        5 => {
            let live = ids(s, "SELECT id FROM journal_entries WHERE deleted_at IS NULL");
            if !live.is_empty() {
                timeline::delete(s, EntryKind::Journal, pick(rng, &live), now()).unwrap();
            }
        }
        6 => timeline::purge_deleted(s).unwrap(),
        7 => {
            triggers::create(s, &format!("trigger {name}"), now()).unwrap();
        }
        8 => {
            let ts = ids(s, "SELECT id FROM triggers WHERE archived = 0");
            let actions = ids(s, "SELECT id FROM coping_actions");
            let slip_clock = ids(s, "SELECT id FROM clocks WHERE archived = 0");
            let used = rng.below(4) == 0 && !slip_clock.is_empty();
            cravings::create(
                s,
                &CravingInput {
                    at: now(),
                    strength: rng.below(11) as u8,
                    triggers: vec![pick(rng, &ts)],
                    place: Some(name.clone()),
                    people: None,
                    actions: vec![pick(rng, &actions)],
                    outcome: if used {
                        CravingOutcome::Used
                    } else {
                        CravingOutcome::Passed
                    },
                    note: None,
                    slip_clock_id: if used {
                        Some(pick(rng, &slip_clock))
                    } else {
                        None
                    },
                },
                now(),
            )
            .unwrap();
        }
        9 => {
            clock(s, &name);
        }
        10 => {
            let cs = ids(s, "SELECT id FROM clocks");
            if !cs.is_empty() {
                let ts = ids(s, "SELECT id FROM triggers WHERE archived = 0");
                slips::record(
                    s,
                    pick(rng, &cs),
                    &SlipInput {
                        at: now() - Duration::days(1 + rng.below(20) as i64),
                        note: Some(name.clone()),
                        triggers: Some(vec![pick(rng, &ts)]),
                    },
                    now(),
                    TZ,
                )
                .unwrap();
            }
        }
        11 => {
            let ss = ids(s, "SELECT id FROM slips");
            if !ss.is_empty() {
                slips::delete(s, pick(rng, &ss), now(), TZ).unwrap();
            }
        }
        12 => {
            let ps = ids(s, "SELECT id FROM people");
            if ps.is_empty() || rng.below(2) == 0 {
                people::add(
                    s,
                    &PersonInput {
                        name: name.clone(),
                        phone: "555".into(),
                        note: None,
                    },
                )
                .unwrap();
            } else if rng.below(2) == 0 {
                people::remove(s, pick(rng, &ps)).unwrap();
            } else {
                people::update(
                    s,
                    pick(rng, &ps),
                    &PersonInput {
                        name: name.clone(),
                        phone: "556".into(),
                        note: Some("edited".into()),
                    },
                )
                .unwrap();
            }
        }
        13 => {
            let rs = ids(s, "SELECT id FROM reasons");
            if rs.is_empty() || rng.below(2) == 0 {
                reasons::add(s, &name).unwrap();
            } else {
                reasons::remove(s, pick(rng, &rs)).unwrap();
            }
        }
        14 => {
            // One part of a day's check-in or of an article's state (`src/sync/parts.rs`).
            let day = now() + Duration::days(rng.below(3) as i64);
            let at = day + Duration::minutes(rng.below(600) as i64);
            let evening = EveningCheckIn {
                sober: rng.below(2) == 0,
                difficulty: 1 + rng.below(5) as u8,
                note: Some(name.clone()),
            };
            match rng.below(5) {
                0 => check_ins::morning(s, Some(&name), day, TZ).map(drop),
                1 => check_ins::evening(s, &evening, day, TZ).map(drop),
                2 => library::save_note(s, "after-a-slip", Some(&name), at),
                3 => library::set_bookmark(s, "after-a-slip", rng.below(2) == 0, at),
                _ => library::save_progress(s, "after-a-slip", rng.below(101) as f64 / 100.0, at),
            }
            .unwrap();
        }
        _ => {
            plan::save(
                s,
                &RelapsePlan {
                    warning_signs: vec![name.clone()],
                    ..RelapsePlan::default()
                },
                now(),
            )
            .unwrap();
        }
    }
}

#[test]
fn any_interleaving_of_changes_on_three_computers_ends_in_the_same_journal() {
    for seed in [0x9e37_79b9_7f4a_7c15_u64, 42, 7, 2026] {
        let mut rng = Rng(seed);
        let mut a = Computer::first();
        a.round();
        let mut views = Vec::new();
        for _ in 0..2 {
            let view = tempfile::tempdir().unwrap();
            deliver(a.view.path(), view.path());
            views.push(view);
        }
        let c = Computer::join(views.pop().unwrap());
        let b = Computer::join(views.pop().unwrap());
        let mut all = [a, b, c];
        for step in 0..60 {
            let who = rng.below(3) as usize;
            // Wall clocks drift apart: each computer's moves on by its own random amount.
            all[who].tick(rng.below(3_000) as i64 - 500);
            match rng.below(10) {
                0..=5 => random_change(&mut all[who], &mut rng, step),
                6 | 7 => {
                    all[who].round();
                }
                _ => {
                    // The sync engine carries some files, some of the time, in any order.
                    let to = (who + 1 + rng.below(2) as usize) % 3;
                    let (from_view, to_view) = (
                        all[who].view.path().to_path_buf(),
                        all[to].view.path().to_path_buf(),
                    );
                    deliver(&from_view, &to_view);
                }
            }
        }
        settle(&mut all);
        let reference = all[0].state();
        assert!(
            reference.len() > 30,
            "seed {seed:#x}: the run made records ({})",
            reference.len()
        );
        for (i, c) in all.iter().enumerate().skip(1) {
            let state = c.state();
            if state != reference {
                let only_here: Vec<_> = state
                    .iter()
                    .filter(|(k, v)| reference.get(*k) != Some(v))
                    .collect();
                let only_there: Vec<_> = reference
                    .iter()
                    .filter(|(k, v)| state.get(*k) != Some(v))
                    .collect();
                panic!("seed {seed:#x}: computer {i} differs:\n here {only_here:#?}\n there {only_there:#?}");
            }
        }
        for c in &all {
            assert_eq!(
                count(c.session.store(), "SELECT count(*) FROM sync_parked"),
                0,
                "seed {seed:#x}: nothing is left waiting once every file is there"
            );
        }
    }
}

#[test]
fn a_passphrase_change_on_one_computer_reaches_the_other() {
    let mut a = Computer::first();
    a.round();
    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    let mut b = Computer::join(view);
    // A changes its passphrase (locked, as the app does), unlocks, and syncs.
    let Computer {
        journal,
        session,
        view,
        wall,
    } = a;
    session.lock().unwrap();
    journal
        .vault
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("a brand new passphrase"),
            common::KDF,
        )
        .unwrap();
    let session = journal
        .vault
        .unlock(&Passphrase::new("a brand new passphrase"))
        .unwrap();
    let mut a = Computer {
        journal,
        session,
        view,
        wall,
    };
    a.round();
    deliver(a.view.path(), b.view.path());
    let report = b.round();
    assert!(report.header_adopted, "B takes the newer header");
    let Computer {
        journal, session, ..
    } = b;
    session.lock().unwrap();
    assert!(
        journal.vault.unlock(&Passphrase::new(PASSPHRASE)).is_err(),
        "the old passphrase no longer opens B"
    );
    assert!(journal
        .vault
        .unlock(&Passphrase::new("a brand new passphrase"))
        .is_ok());
}

#[test]
fn joining_with_a_wrong_passphrase_writes_nothing() {
    let mut a = Computer::first();
    a.round();
    let journal = TempJournal::new();
    let wrong = Passphrase::new("not the passphrase at all");
    let err = join(&journal.vault, a.view.path(), &Secret::Passphrase(&wrong)).unwrap_err();
    assert!(matches!(
        err,
        sync::join::JoinError::Vault(daybreak_core::VaultError::WrongPassphrase)
    ));
    assert!(
        !journal.paths().dir().exists()
            || fs::read_dir(journal.paths().dir())
                .unwrap()
                .next()
                .is_none()
    );
}

const CANARY: &str = "CanarySyncFolder5521";

#[test]
fn the_canary_is_in_no_file_of_the_sync_folder() {
    let mut a = Computer::first();
    let c = |what: &str| format!("{CANARY} {what}");
    mood(a.store(), &c("mood"), vec![]);
    entry(a.store(), &c("entry"), &[&CANARY.to_lowercase()]);
    triggers::create(a.store(), &c("trigger"), now()).unwrap();
    clock(a.store(), &c("clock"));
    people::add(
        a.store(),
        &PersonInput {
            name: c("person"),
            phone: "555".into(),
            note: Some(c("note")),
        },
    )
    .unwrap();
    reasons::add(a.store(), &c("reason")).unwrap();
    check_ins::morning(a.store(), Some(&c("intention")), now(), TZ).unwrap();
    library::save_note(a.store(), "after-a-slip", Some(&c("article note")), now()).unwrap();
    a.round();
    let utf16: Vec<u8> = CANARY
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let mut files = 0;
    for (path, bytes) in common::snapshot(a.view.path()) {
        files += 1;
        for form in [
            CANARY.as_bytes().to_vec(),
            CANARY.to_lowercase().into_bytes(),
            utf16.clone(),
        ] {
            assert!(
                !contains(&bytes, &form),
                "the canary is readable in {}",
                path.display()
            );
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name == "header" || name.bytes().all(|b| b.is_ascii_digit()),
            "a file name says nothing but its number: {name}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is private", path.display());
        }
    }
    assert!(files >= 2, "a header and a change file were written");
}

/// The kill test's child role: the same test binary, started by the test below with
/// `DAYBREAK_SYNC_CHILD=<data dir>|<folder>|<stop step>#<n>`. It writes moods, printing `ack <i>`
/// after each commit, syncs after every third, and stops (to be killed) at the n-th time it
/// reaches the step.
fn sync_child(spec: &str) {
    use std::io::Write;
    use std::sync::atomic::AtomicU32;
    static SEEN: AtomicU32 = AtomicU32::new(0);
    fn say(line: &str) {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{line}").and_then(|_| out.flush()).unwrap();
    }
    fn at_step(name: &str) {
        let target = std::env::var("DAYBREAK_SYNC_CHILD").unwrap();
        let stop = target.rsplit('|').next().unwrap();
        let (step, nth) = stop.split_once('#').unwrap();
        if step == name && SEEN.fetch_add(1, Ordering::SeqCst) + 1 == nth.parse::<u32>().unwrap() {
            say("stopped");
            loop {
                std::thread::sleep(std::time::Duration::from_secs(60));
            }
        }
    }
    let mut parts = spec.split('|');
    let (dir, folder) = (parts.next().unwrap(), parts.next().unwrap());
    daybreak_core::vault::steps::set_hook(at_step);
    let vault = daybreak_core::Vault::new(daybreak_core::JournalPaths::new(dir));
    let mut session = vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    for i in 0.. {
        mood(session.store_mut(), &format!("ack {i}"), vec![]);
        say(&format!("ack {i}"));
        if i % 3 == 2 {
            sync::sync(&mut session, &vault.paths().header(), Path::new(folder)).unwrap();
        }
    }
}

#[test]
fn killed_while_writing_a_change_file_nothing_acknowledged_is_lost() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    if let Ok(spec) = std::env::var("DAYBREAK_SYNC_CHILD") {
        return sync_child(&spec);
    }
    for stop in [
        "sync-change:temp-written#1",
        "sync-change:temp-written#3",
        "sync-change:linked#2",
        "sync-change:in-place#2",
    ] {
        let journal = TempJournal::new();
        journal.create().0.lock().unwrap();
        let folder = tempfile::tempdir().unwrap();
        let spec = format!(
            "{}|{}|{stop}",
            journal.paths().dir().display(),
            folder.path().display()
        );
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "killed_while_writing_a_change_file_nothing_acknowledged_is_lost",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("DAYBREAK_SYNC_CHILD", &spec)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut acked = Vec::new();
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.unwrap();
            if line == "stopped" {
                break;
            }
            if let Some(i) = line.strip_prefix("ack ") {
                acked.push(i.to_string());
            }
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        assert!(
            !acked.is_empty(),
            "{stop}: the child wrote before it was killed"
        );

        // The killed computer starts again and syncs; a new computer joins from the folder.
        let vault = &journal.vault;
        let mut session = vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
        sync::sync(&mut session, &vault.paths().header(), folder.path()).unwrap();
        let joined = TempJournal::new();
        let passphrase = Passphrase::new(PASSPHRASE);
        let (other, report) = join(
            &joined.vault,
            folder.path(),
            &Secret::Passphrase(&passphrase),
        )
        .unwrap();
        assert!(
            report.received.warnings.is_empty(),
            "{stop}: a temp file left by the kill is not taken for a change file: {:?}",
            report.received.warnings
        );
        for i in &acked {
            assert_eq!(
                count(
                    other.store(),
                    &format!("SELECT count(*) FROM moods WHERE note = 'ack {i}'")
                ),
                1,
                "{stop}: acknowledged mood {i} reached the other computer exactly once"
            );
        }
        assert_eq!(state(other.store()), state(session.store()), "{stop}");
    }
}

#[test]
fn three_computers_writing_into_the_very_same_folder_agree() {
    let shared = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new(PASSPHRASE);
    let first = TempJournal::new();
    let (mut a, _) = first.create();
    mood(a.store_mut(), "from the desktop", vec![]);
    sync::sync(&mut a, &first.paths().header(), shared.path()).unwrap();
    let (second, third) = (TempJournal::new(), TempJournal::new());
    let (mut b, _) = join(
        &second.vault,
        shared.path(),
        &Secret::Passphrase(&passphrase),
    )
    .unwrap();
    let (mut c, _) = join(
        &third.vault,
        shared.path(),
        &Secret::Passphrase(&passphrase),
    )
    .unwrap();
    entry(b.store_mut(), "from the laptop", &["laptop"]);
    reasons::add(c.store_mut(), "from the old laptop").unwrap();
    let mut computers = [(&first, &mut a), (&second, &mut b), (&third, &mut c)];
    for _ in 0..2 {
        for (journal, session) in computers.iter_mut() {
            let report = sync::sync(session, &journal.paths().header(), shared.path()).unwrap();
            assert!(
                report.received.warnings.is_empty(),
                "{:?}",
                report.received.warnings
            );
        }
    }
    let devices = Folder::in_chosen(shared.path()).devices().unwrap();
    assert_eq!(
        devices.len(),
        3,
        "each computer writes only into its own folder"
    );
    assert_eq!(state(a.store()), state(b.store()));
    assert_eq!(state(b.store()), state(c.store()));
    assert_eq!(count(a.store(), "SELECT count(*) FROM reasons"), 1);
    assert_eq!(count(c.store(), "SELECT count(*) FROM journal_entries"), 1);
}

#[test]
fn a_round_told_to_stop_stops_between_two_files_and_the_next_goes_on_from_there() {
    let mut a = Computer::first();
    mood(a.store(), "first file", vec![]);
    a.round();
    let view_b = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view_b.path());
    let mut b = Computer::join(view_b);
    for note in ["second file", "third file"] {
        a.tick(1_000);
        mood(a.store(), note, vec![]);
        a.round();
    }
    deliver(a.view.path(), b.view.path());

    // Told to go on once: the second file is read, and it stops before the third.
    let asked = std::cell::Cell::new(0);
    let keep_going = || {
        asked.set(asked.get() + 1);
        asked.get() == 1
    };
    let header = b.journal.paths().header();
    let stopped = sync::sync_until(&mut b.session, &header, b.view.path(), &keep_going);
    assert!(
        matches!(stopped, Err(sync::SyncError::Stopped)),
        "{stopped:?}"
    );
    assert_eq!(
        asked.get(),
        2,
        "asked before each file, and not after it stopped"
    );
    let moods = b.state().keys().filter(|k| k.starts_with("mood:")).count();
    assert_eq!(moods, 2, "the first two files' moods, not the third's");

    // The next round reads only the file it did not.
    let report = b.round();
    assert_eq!(report.received.files, 1);
    assert_eq!(b.state(), a.state());
}

#[test]
fn a_round_told_to_stop_while_it_applies_a_snapshot_leaves_nothing_of_it() {
    let (a, _b, _seq, covered) = in_step_with_a_snapshot();
    // C joins through a folder that holds only the journal's header, so it has applied
    // nothing yet; then the files come, and every one the snapshot covers is left out: what
    // they held can only come from the snapshot.
    let view = copy_of(&a);
    let held_back = tempfile::tempdir().unwrap();
    copy_tree(view.path(), held_back.path());
    for device in a.folder().devices().unwrap() {
        for file in files_of(&Folder::in_chosen(view.path()), &device) {
            fs::remove_file(file).unwrap();
        }
    }
    let mut c = Computer::join(view);
    deliver(held_back.path(), c.view.path());
    for file in &covered {
        fs::remove_file(same_file_in(&a, file, c.view.path())).unwrap();
    }

    let versions = "SELECT count(*) FROM sync_records";
    let held_before = count(c.session.store(), versions);

    // Told to go on twice: before reading the snapshot, and before applying its first kind;
    // it stops before the next kind, inside the snapshot.
    let asked = std::cell::Cell::new(0);
    let keep_going = || {
        asked.set(asked.get() + 1);
        asked.get() <= 2
    };
    let header = c.journal.paths().header();
    let stopped = sync::sync_until(&mut c.session, &header, c.view.path(), &keep_going);
    assert!(
        matches!(stopped, Err(sync::SyncError::Stopped)),
        "{stopped:?}"
    );
    assert_eq!(asked.get(), 3, "it stopped at the third ask");
    assert_eq!(
        count(c.session.store(), versions),
        held_before,
        "nothing of the snapshot is kept"
    );
    assert_eq!(
        count(
            c.session.store(),
            "SELECT count(*) FROM sync_progress WHERE through > 0"
        ),
        0,
        "and nothing is taken as read: the next round starts from the snapshot again"
    );

    c.round();
    assert_eq!(c.state(), a.state(), "the next round applies it whole");
}

#[test]
fn a_folder_of_another_journal_is_left_alone() {
    let mut a = Computer::first();
    a.round();
    let mut stranger = Computer::first();
    mood(stranger.store(), "not for that folder", vec![]);
    let before = common::snapshot(a.view.path());
    let header = stranger.journal.paths().header();
    let report = sync::sync(&mut stranger.session, &header, a.view.path()).unwrap();
    assert_eq!(report.received.warnings, vec![SyncWarning::Header]);
    assert_eq!(report.sent_files, 0);
    assert_eq!(
        common::snapshot(a.view.path()),
        before,
        "nothing is written into another journal's folder"
    );
}

/// A file the sync engine delivers while a round is writing: `(thread, from, to)`, copied at
/// the next change file that thread writes (`on_step`), once.
static MID_ROUND: std::sync::Mutex<Option<(std::thread::ThreadId, PathBuf, PathBuf)>> =
    std::sync::Mutex::new(None);

/// The thread whose next change file, once its temp file is written, sets the engine off in
/// `a_file_of_one_number_arriving_as_ours_is_put_in_place_is_never_replaced`.
static RACE: std::sync::Mutex<Option<(std::thread::ThreadId, Arc<std::sync::atomic::AtomicBool>)>> =
    std::sync::Mutex::new(None);

/// The one step hook of this process (`steps::set_hook` keeps the first): `MID_ROUND` and
/// `RACE`. Tests run side by side in this process: only the thread that armed one sets it off.
fn on_step(step: &str) {
    if step != "sync-change:temp-written" {
        return;
    }
    let me = std::thread::current().id();
    if let Some((_, go)) = RACE.lock().unwrap().take_if(|(thread, _)| *thread == me) {
        go.store(true, Ordering::SeqCst);
    }
    let mut armed = MID_ROUND.lock().unwrap();
    if armed
        .as_ref()
        .is_some_and(|(thread, ..)| *thread == std::thread::current().id())
    {
        let (_, from, to) = armed.take().unwrap();
        fs::copy(from, to).unwrap();
    }
}

#[test]
fn a_file_of_one_number_arriving_as_ours_is_put_in_place_is_never_replaced() {
    // Another copy under this id, its file of the same number put in place by the sync engine
    // (without replacing anything, as Syncthing does) at the moment this journal puts its own
    // in place. One of the two may hold the number; the other must hear so, never replace it
    // unseen: a file replaced after the engine delivered it would go out as an edit of it, and
    // the other copy's changes in it would be gone everywhere.
    daybreak_core::vault::steps::set_hook(on_step);
    let dir = tempfile::tempdir().unwrap();
    let folder = Folder::in_chosen(dir.path());
    let device = "cd".repeat(16);
    fs::create_dir_all(folder.dir().join(&device)).unwrap();
    for seq in 1..=300 {
        let target = folder.change_file(&device, seq);
        let theirs = dir.path().join(format!("engine-{seq}.tmp"));
        fs::write(&theirs, b"theirs").unwrap();
        let go = Arc::new(std::sync::atomic::AtomicBool::new(false));
        *RACE.lock().unwrap() = Some((std::thread::current().id(), go.clone()));
        let engine = {
            let target = target.clone();
            std::thread::spawn(move || {
                // Set off as ours is ready (or, should writing fail before that, in 10 s).
                let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while !go.load(Ordering::SeqCst) && std::time::Instant::now() < until {
                    std::hint::spin_loop();
                }
                fs::hard_link(&theirs, &target).is_ok()
            })
        };
        let ours = folder.write_change(&device, seq, b"ours");
        let delivered = engine.join().unwrap();
        let held = fs::read(&target).unwrap();
        assert!(
            ours.is_ok() != delivered,
            "file {seq}: exactly one holds the number (ours: {ours:?}, theirs: {delivered})"
        );
        match ours {
            Ok(()) => assert_eq!(held, b"ours"),
            Err(e) => {
                assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
                assert_eq!(held, b"theirs");
            }
        }
        let left: Vec<_> = fs::read_dir(folder.dir().join(&device))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| name.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "no temp file is left: {left:?}");
    }
}

/// Two copies under one identity, A and C (a data folder copied by hand before copies noted
/// their place), that each wrote their next file (returned: its number) before the other's
/// arrived: one name, twice. The sync engine has kept A's (the later) under the name in C's
/// view too, and set C's aside there as a conflict copy (returned: its name), as Syncthing
/// does. B read A's file before the copy reached it, and then wrote a snapshot if
/// `snapshot_on_b` (which holds A's change, for any computer that reads it).
fn twins_writing_one_number(snapshot_on_b: bool) -> ([Computer; 3], u64, String) {
    let mut a = Computer::first();
    mood(a.store(), "before the copy", vec![]);
    a.round();
    let mut b = Computer::join(copy_of(&a));
    b.round();
    let mut c = Computer::join(copy_of(&a));
    let (own, next) = (
        a.device(),
        count(a.session.store(), "SELECT next_seq FROM sync_local") as u64,
    );
    c.store()
        .write(|tx| {
            tx.execute(
                "UPDATE sync_local SET device_id = ?1, next_seq = ?2",
                rusqlite::params![own, next as i64],
            )
        })
        .unwrap();
    mood(c.store(), "written on C", vec![]);
    assert_eq!(c.round().sent_files, 1);
    mood(a.store(), "written on A", vec![]);
    assert_eq!(a.round().sent_files, 1);
    let (on_a, on_c) = (a.folder(), c.folder());
    let kept = fs::read(on_a.change_file(&own, next)).unwrap();
    assert_ne!(kept, fs::read(on_c.change_file(&own, next)).unwrap());
    deliver(a.view.path(), b.view.path());
    b.round();
    if snapshot_on_b {
        sync::snapshot::write_now(&mut b.session, b.view.path()).unwrap();
    }
    let copy = format!("{next:012}.sync-conflict-20261205-150000-CCCCCCC");
    fs::rename(on_c.change_file(&own, next), on_c.file_of(&own, &copy)).unwrap();
    fs::write(on_c.change_file(&own, next), &kept).unwrap();
    ([a, b, c], next, copy)
}

const ALL_THREE: [&str; 3] = ["before the copy", "written on A", "written on C"];

fn moods_of(c: &Computer) -> Vec<String> {
    common::store_texts(c.session.store(), "SELECT note FROM moods ORDER BY note")
}

#[test]
fn two_copies_under_one_id_that_write_one_number_read_the_file_the_engine_set_aside() {
    // Each copy must still read what the other wrote, and so must B, which read the kept file
    // first, and D, joining from B's snapshot, which says that number is read.
    let ([mut a, mut b, mut c], next, copy) = twins_writing_one_number(true);
    let own = a.device();
    // Syncthing passes the copy on like any file.
    deliver(c.view.path(), a.view.path());
    deliver(c.view.path(), b.view.path());
    b.round();
    c.round();
    assert_ne!(c.device(), own, "C is a computer of its own");
    a.round();
    assert_ne!(a.device(), own, "so is A");
    assert_ne!(a.device(), c.device());
    let mut all = [a, b, c];
    settle(&mut all);
    let [a, b, c] = all;
    let d = Computer::join(copy_of(&c));
    for side in [&a, &b, &c, &d] {
        assert_eq!(moods_of(side), ALL_THREE);
    }
    let copies_read = |c: &Computer| {
        common::store_texts(c.session.store(), "SELECT name FROM sync_applied_copies")
    };
    assert_eq!(copies_read(&d), [copy], "D read the copy, once");

    // A copy that does not open (sealed before a re-key, damaged) is not warned about once its
    // number is read; a later number's is, as any file that does not open yet.
    let mut b = b;
    let x = b.folder().dir().join(&own);
    fs::write(
        x.join(format!("{next:012}.sync-conflict-20261205-160000-DDDDDDD")),
        b"old key",
    )
    .unwrap();
    for _ in 0..2 {
        let round = b.round().received;
        assert_eq!(round.warnings, vec![]);
        assert_eq!(
            round.files, 0,
            "nor is the file kept under its number read again"
        );
    }
    fs::write(
        x.join(format!(
            "{:012}.sync-conflict-20261205-160000-DDDDDDD",
            next + 5
        )),
        b"?",
    )
    .unwrap();
    assert_eq!(
        b.round().received.warnings,
        vec![SyncWarning::Unreadable {
            device: own,
            seq: next + 5
        }]
    );
}

#[test]
fn a_computer_that_read_the_losing_file_first_waits_for_the_kept_one_beside_its_copy() {
    // D read C's file under the number first (it came first). Then its engine set that file
    // aside as a conflict copy, and D's round came before A's file, the one the engine keeps,
    // was in place under the name. The copy must wait for it: once D counts the copy as read,
    // nothing would ever open A's file, D having read that number already.
    let ([a, _, c], next, copy) = twins_writing_one_number(false);
    let own = a.device();
    let view = copy_of(&c);
    let x = view.path().join(DIR_NAME).join(&own);
    let number = x.join(format!("{next:012}"));
    let (losing, kept) = (fs::read(x.join(&copy)).unwrap(), fs::read(&number).unwrap());
    fs::write(&number, &losing).unwrap();
    fs::remove_file(x.join(&copy)).unwrap();
    let mut d = Computer::join(view);
    assert_eq!(moods_of(&d), ["before the copy", "written on C"]);

    fs::rename(&number, x.join(&copy)).unwrap();
    // Syncthing keeps up to ten copies of a file: two wait here for the one kept file.
    fs::copy(x.join(&copy), x.join(copy.replace("CCCCCCC", "EEEEEEE"))).unwrap();
    assert_eq!(
        d.round().received.warnings,
        vec![SyncWarning::Unreadable {
            device: own.clone(),
            seq: next
        }],
        "the copies waiting for the kept file count once as a file not readable yet"
    );
    fs::write(&number, &kept).unwrap();
    assert_eq!(d.round().received.warnings, vec![]);
    assert_eq!(moods_of(&d), ALL_THREE);
}

#[test]
fn a_copy_the_engine_keeps_only_on_the_computer_whose_file_lost_goes_out_again() {
    // Nextcloud's client renames the losing file on its own computer and does not upload it:
    // only C ever sees the copy. C parts, and sends what the copy held again under its new id.
    let ([a, b, mut c], _, copy) = twins_writing_one_number(false);
    let own = a.device();
    c.round();
    assert_ne!(c.device(), own, "C is a computer of its own");
    fs::remove_file(c.folder().file_of(&own, &copy)).unwrap();
    let mut all = [a, b, c];
    settle(&mut all);
    let [a, b, c] = all;
    assert_eq!(a.device(), own, "A never saw the copy, and keeps the id");
    for side in [&a, &b, &c] {
        assert_eq!(moods_of(side), ALL_THREE);
    }
}

#[test]
fn a_copy_that_took_a_new_id_for_another_reason_still_reads_the_file_kept_under_its_number() {
    // C leaves the shared id before it sees the copy (moved to another folder, say), so it
    // counts the file kept under that number, A's, as its own and has read past it.
    let ([a, b, mut c], _, _) = twins_writing_one_number(false);
    let own = a.device();
    sync::rewind::become_new_computer(c.store()).unwrap();
    let mut all = [a, b, c];
    settle(&mut all);
    let [_, _, c] = all;
    assert_ne!(c.device(), own);
    assert_eq!(moods_of(&c), ALL_THREE);
}

#[test]
fn two_copies_under_one_id_part_once_one_loses_a_number_to_the_other() {
    // Two copies under one identity (a data folder copied by hand before copies noted their
    // place): A's next file reaches C while C writes its own, so C takes the next number. C
    // must become a computer of its own and still read A's file, though it is below C's next
    // number: no one else will ever send C that mood. A, seeing C's file past its own, parts
    // too, and reads it. Nor may C write a snapshot meanwhile: it would say A's file is read,
    // and a computer joining from it would never read it.
    daybreak_core::vault::steps::set_hook(on_step);
    let mut a = Computer::first();
    mood(a.store(), "before the copy", vec![]);
    a.round();
    let mut c = Computer::join(copy_of(&a));
    let (own, next) = (
        a.device(),
        count(a.session.store(), "SELECT next_seq FROM sync_local"),
    );
    c.store()
        .write(|tx| {
            tx.execute(
                "UPDATE sync_local SET device_id = ?1, next_seq = ?2",
                rusqlite::params![own, next],
            )
        })
        .unwrap();
    mood(a.store(), "written on A", vec![]);
    assert_eq!(a.round().sent_files, 1);
    let from_a = a.folder().change_file(&own, next as u64);
    let to_c = same_file_in(&a, &from_a, c.view.path());
    *MID_ROUND.lock().unwrap() = Some((std::thread::current().id(), from_a, to_c));
    mood(c.store(), "written on C", vec![]);
    assert_eq!(c.round().sent_files, 1);
    assert!(
        MID_ROUND.lock().unwrap().is_none(),
        "A's file came mid-round"
    );
    assert_eq!(
        c.folder().sequence(&own).unwrap().last().copied(),
        Some(next as u64 + 1),
        "C took the number after A's"
    );
    assert!(
        sync::snapshot::write_now(&mut c.session, c.view.path()).is_err(),
        "no snapshot of C's claims A's file as read"
    );

    c.round();
    assert_ne!(c.device(), own, "C is a computer of its own");
    deliver(c.view.path(), a.view.path());
    a.round();
    assert_ne!(a.device(), own, "so is A, once C's file reaches it");
    assert_ne!(a.device(), c.device());
    let d = Computer::join(copy_of(&c));
    for side in [&a, &c, &d] {
        assert_eq!(
            common::store_texts(side.session.store(), "SELECT note FROM moods ORDER BY note"),
            ["before the copy", "written on A", "written on C"]
        );
    }
}

/// A and B in step, then a snapshot written by A (returned: its number, and the files in the
/// folder when it was written, all of which it covers), then a change on each after it, all
/// delivered everywhere. A's view then holds every file.
fn in_step_with_a_snapshot() -> (Computer, Computer, u64, Vec<PathBuf>) {
    let mut a = Computer::first();
    let emotions = emotion_ids(a.session.store());
    clock(a.store(), "Alcohol");
    for i in 0..5 {
        a.tick(10);
        mood(a.store(), &format!("morning {i}"), emotions[..2].to_vec());
    }
    entry(a.store(), "Day one", &["hope", "walk"]);
    let gone = reasons::add(a.store(), "A reason taken back").unwrap();
    a.round();
    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    let mut b = Computer::join(view);
    b.tick(1_000);
    mood(b.store(), "written on b", emotions[2..3].to_vec());
    let clock_on_b = clock_id_on(&b, "Alcohol");
    slips::record(
        b.store(),
        clock_on_b,
        &SlipInput {
            at: now() - Duration::days(1),
            note: Some("a hard evening".into()),
            triggers: None,
        },
        now(),
        TZ,
    )
    .unwrap();
    b.round();
    deliver(b.view.path(), a.view.path());
    a.tick(2_000);
    a.round();
    reasons::remove(a.store(), gone.id).unwrap();
    a.round();

    let folder = a.folder();
    let covered: Vec<PathBuf> = [a.device(), b.device()]
        .iter()
        .flat_map(|device| files_of(&folder, device))
        .collect();
    let seq = sync::snapshot::write_now(&mut a.session, a.view.path()).unwrap();

    a.tick(1_000);
    mood(a.store(), "after the snapshot on a", vec![]);
    b.tick(1_000);
    entry(b.store(), "After the snapshot on b", &["later"]);
    let mut both = [a, b];
    settle(&mut both);
    let [a, b] = both;
    assert_eq!(a.state(), b.state(), "A and B are in step");
    (a, b, seq, covered)
}

fn clock_id_on(c: &Computer, name: &str) -> i64 {
    c.session
        .store()
        .read(|conn| {
            conn.query_row("SELECT id FROM clocks WHERE name = ?1", [name], |r| {
                r.get(0)
            })
        })
        .unwrap()
}

/// A copy of A's view of the folder, for a third computer.
fn copy_of(a: &Computer) -> tempfile::TempDir {
    let view = tempfile::tempdir().unwrap();
    deliver(a.view.path(), view.path());
    view
}

/// `path` inside A's view, moved to the same place in `view`.
fn same_file_in(a: &Computer, path: &Path, view: &Path) -> PathBuf {
    view.join(path.strip_prefix(a.view.path()).unwrap())
}

#[test]
fn a_computer_joining_late_reads_the_newest_snapshot_and_only_the_changes_after_it() {
    let (a, b, seq, covered) = in_step_with_a_snapshot();
    let view = copy_of(&a);
    // Every change file the snapshot covers is taken away: what they held can only come from
    // the snapshot.
    for file in &covered {
        fs::remove_file(same_file_in(&a, file, view.path())).unwrap();
    }
    let c = Computer::join(view);
    assert_eq!(
        c.state(),
        a.state(),
        "a computer joining from the snapshot and the files after it ends in the same journal"
    );
    assert_eq!(c.state(), b.state());
    assert!(
        a.folder().change_file(&a.device(), seq).exists(),
        "the snapshot is a numbered file of its writer, like a change file"
    );
    let gone = count(c.session.store(), "SELECT count(*) FROM reasons");
    assert_eq!(
        gone, 0,
        "a record deleted before the snapshot stays deleted"
    );
    let hits = daybreak_core::search::search(c.session.store(), "hard evening", 10).unwrap();
    assert_eq!(hits.len(), 1, "the search index follows the snapshot");
}

#[test]
fn a_snapshot_holding_a_record_and_a_newer_change_of_it_that_waits_is_joined_as_its_writer_holds_it(
) {
    let urge = |triggers: Vec<i64>| CravingInput {
        at: now() - Duration::hours(1),
        strength: 5,
        triggers,
        place: None,
        people: None,
        actions: vec![],
        outcome: CravingOutcome::Passed,
        note: Some("an urge on the way home".into()),
        slip_clock_id: None,
    };
    let mut a = Computer::first();
    cravings::create(a.store(), &urge(vec![]), now()).unwrap();
    a.round();
    let mut b = Computer::join(copy_of(&a));
    // On B, a trigger of its own (one file), then the craving edited to name it (the next).
    b.tick(1_000);
    let trigger = triggers::create(b.store(), "The long drive home", now()).unwrap();
    b.round();
    b.tick(1_000);
    let on_b = ids(b.session.store(), "SELECT id FROM cravings")[0];
    cravings::update(b.store(), on_b, &urge(vec![trigger.id]), now()).unwrap();
    b.round();

    // A gets only the edit: it waits there for the trigger, and A keeps the craving as it was.
    let edit = files_of(&b.folder(), &b.device()).pop().unwrap();
    let to = same_file_in(&b, &edit, a.view.path());
    fs::create_dir_all(to.parent().unwrap()).unwrap();
    fs::copy(&edit, &to).unwrap();
    a.tick(1_000);
    a.round();
    assert_eq!(
        count(a.session.store(), "SELECT count(*) FROM sync_parked"),
        1
    );
    assert_eq!(count(a.session.store(), "SELECT count(*) FROM cravings"), 1);
    sync::snapshot::write_now(&mut a.session, a.view.path()).unwrap();

    // C joins from A's files alone (the snapshot among them): the snapshot holds the craving
    // and its newer change, waiting.
    let view = copy_of(&a);
    fs::remove_dir_all(Folder::in_chosen(view.path()).dir().join(b.device())).unwrap();
    let c = Computer::join(view);
    assert_eq!(
        c.state(),
        a.state(),
        "C holds the craving as A does, not nothing"
    );
    assert_eq!(
        count(c.session.store(), "SELECT count(*) FROM sync_parked"),
        1
    );
}

#[test]
fn a_half_written_snapshot_is_passed_over_for_the_log() {
    let (a, _b, seq, _) = in_step_with_a_snapshot();
    let view = copy_of(&a);
    let snapshot = same_file_in(&a, &a.folder().change_file(&a.device(), seq), view.path());
    let bytes = fs::read(&snapshot).unwrap();
    fs::write(&snapshot, &bytes[..bytes.len() / 2]).unwrap();
    let journal = common::TempJournal::new();
    let passphrase = Passphrase::new(PASSPHRASE);
    let (session, report) = join(
        &journal.vault,
        view.path(),
        &Secret::Passphrase(&passphrase),
    )
    .unwrap();
    assert_eq!(
        report.received.warnings,
        vec![SyncWarning::Unreadable {
            device: a.device(),
            seq
        }],
        "the half-written snapshot is named as not readable yet, by number only"
    );
    assert_eq!(
        state(session.store()),
        a.state(),
        "the journal is rebuilt from the change log instead"
    );
}

#[test]
fn a_snapshot_and_the_changes_it_repeats_applied_twice_change_nothing() {
    let (a, _b, seq, _) = in_step_with_a_snapshot();
    let mut c = Computer::join(copy_of(&a));
    let joined = c.state();
    assert_eq!(joined, a.state());
    let forget = |c: &mut Computer| {
        c.store()
            .write(|tx| tx.execute_batch("DELETE FROM sync_progress; DELETE FROM sync_applied;"))
            .unwrap();
    };

    // The snapshot and every file after it, again.
    forget(&mut c);
    let again = c.round();
    assert!(again.received.files >= 2, "{again:?}");
    assert_eq!(
        again.received.changes, 0,
        "nothing applied twice changes anything"
    );
    assert_eq!(c.state(), joined);

    // The whole log again, the snapshot hidden from joining computers (a sync engine's
    // conflict copy of it is read as a change file, never as the snapshot to join from).
    forget(&mut c);
    let snapshot = c.folder().change_file(&a.device(), seq);
    let mut hidden = snapshot.clone().into_os_string();
    hidden.push(".sync-conflict-20261202-101010-ABCDEFG");
    fs::rename(&snapshot, &hidden).unwrap();
    let log = c.round();
    assert!(log.received.files > again.received.files, "{log:?}");
    assert_eq!(log.received.changes, 0);
    assert!(
        log.received.warnings.is_empty(),
        "{:?}",
        log.received.warnings
    );
    assert_eq!(c.state(), joined);
}

#[test]
fn a_snapshot_is_written_once_the_log_since_the_last_one_is_half_the_journal() {
    let mut a = Computer::first();
    // 600 moods in one go: more than one change file's worth (the rule's floor).
    a.store()
        .write(|tx| {
            for i in 0..600 {
                tx.execute(
                    "INSERT INTO moods (at, mood, note, created_at) VALUES (?1, 3, ?2, ?1)",
                    (now().timestamp_millis() - i * 60_000, format!("mood {i}")),
                )?;
            }
            Ok::<_, rusqlite::Error>(())
        })
        .unwrap();
    let report = a.round();
    assert_eq!(report.sent_files, 2, "600 changes: two change files");
    let files = files_of(&a.folder(), &a.device());
    assert_eq!(files.len(), 3, "and a snapshot after them");

    a.tick(1_000);
    mood(a.store(), "one more", vec![]);
    a.round();
    assert_eq!(
        files_of(&a.folder(), &a.device()).len(),
        4,
        "one change since the snapshot writes no new one"
    );

    // The snapshot alone (and the file after it) rebuilds the journal.
    let view = copy_of(&a);
    for file in &files[..2] {
        fs::remove_file(same_file_in(&a, file, view.path())).unwrap();
    }
    let c = Computer::join(view);
    assert_eq!(c.state(), a.state());
}

#[test]
fn a_change_of_a_kind_only_a_newer_daybreak_knows_is_kept_for_the_update() {
    // B stands for a newer Daybreak: a change of a kind this one does not know goes into its
    // files (here a deletion, the one such change this build can send).
    let mut a = Computer::first();
    a.round();
    let mut b = Computer::join(copy_of(&a));
    let device = b.device();
    b.store()
        .write(|tx| {
            tx.execute(
                "INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
                 VALUES ('0b1e5a5e-0000-4000-8000-000000000001', 'gratitude', sync_hlc(), ?1,
                         1, 1)",
                [&device],
            )
        })
        .unwrap();
    b.round();
    deliver(b.view.path(), a.view.path());
    a.tick(1_000);
    let received = a.round().received;
    assert!(received.warnings.is_empty(), "{received:?}");
    // A cannot apply it yet, but keeps it for when it is updated, rather than dropping it as
    // its file counts as read.
    let kept: Vec<String> = a
        .session
        .store()
        .read(|c| {
            c.prepare("SELECT json_extract(op, '$.kind') FROM sync_parked")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .unwrap();
    assert_eq!(kept, ["gratitude"]);
    assert_eq!(
        received.waiting, 0,
        "it waits for an update, not for another computer's files"
    );
    let overview = sync::overview::read(a.session.store(), a.view.path()).unwrap();
    assert_eq!(overview.waiting_for_records, 0);
    assert_eq!(
        overview.computers[1].files_read, overview.computers[1].files,
        "B's files are read"
    );

    // It goes on in A's snapshot: a computer joining from A's files alone keeps it too.
    sync::snapshot::write_now(&mut a.session, a.view.path()).unwrap();
    let view = copy_of(&a);
    fs::remove_dir_all(Folder::in_chosen(view.path()).dir().join(&device)).unwrap();
    let c = Computer::join(view);
    assert_eq!(
        count(c.session.store(), "SELECT count(*) FROM sync_parked"),
        1
    );
}

#[test]
fn the_repair_of_an_article_left_deleted_is_stamped_past_a_delete_from_a_fast_clock() {
    let mut a = Computer::first();
    a.round();
    let mut b = Computer::join(copy_of(&a));
    // A's clock runs a month fast when the article is imported and deleted there.
    a.tick(30 * 86_400_000);
    let md = b"# Saved for later\n\nA page worth keeping, about walking in the evening.\n";
    let slug = library::import(a.store(), "saved.md", md, now())
        .unwrap()
        .slug;
    library::delete_imported(a.store(), &slug).unwrap();
    a.round();
    deliver(a.view.path(), b.view.path());
    b.round();
    // Imported again under a Daybreak before migration 9: here, its change-log row deleted.
    library::import(a.store(), "saved.md", md, now()).unwrap();
    a.store()
        .write(|tx| {
            tx.execute(
                "UPDATE sync_records SET tombstone = 1, pending = 0
                 WHERE kind = 'imported_article'",
                [],
            )?;
            tx.execute_batch(
                "DROP TABLE sync_applied_copies;
                     ALTER TABLE article_state DROP COLUMN note_at;
                     ALTER TABLE article_state DROP COLUMN bookmarked_at;",
            )?;
            tx.pragma_update(None, "user_version", 8)
        })
        .unwrap();
    // Updated: opened again (the migration runs as it opens) on the computer's own clock,
    // which is behind that month.
    let Computer {
        journal,
        session,
        view,
        ..
    } = a;
    session.lock().unwrap();
    let session = journal.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let mut a = Computer::with_clock(journal, session, view);
    a.round();
    deliver(a.view.path(), b.view.path());
    b.round();
    assert_eq!(
        count(b.session.store(), "SELECT count(*) FROM imported_articles"),
        1,
        "the article goes out again, and B takes it over the deletion"
    );
}
