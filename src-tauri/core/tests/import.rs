//! Importing a Daylio CSV export into a real encrypted journal: the preview changes nothing,
//! the import reads local times across DST, a second import adds nothing, and a file with one
//! bad row imports nothing at all.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::TempJournal;
use daybreak_core::import::{self, Format};
use daybreak_core::zone::Zone;
use daybreak_core::{moods, DataError, Refusal, RowProblem, Session};

fn london() -> Zone {
    common::zone("Europe/London")
}

const FIXTURE: &str = include_str!("fixtures/daylio_export.csv");
const ROWS: i64 = 20;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 11, 1, 12, 0, 0).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn mood_count(t: &Session) -> i64 {
    t.store()
        .read(|c| {
            c.query_row(
                "SELECT count(*) FROM moods WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
        })
        .unwrap()
}

/// The live mood entry logged at `at`, read back through the app's own accessor.
fn mood_at(t: &Session, at: DateTime<Utc>) -> moods::MoodEntry {
    let id: i64 = t
        .store()
        .read(|c| {
            c.query_row(
                "SELECT id FROM moods WHERE at = ?1 AND deleted_at IS NULL",
                [at.timestamp_millis()],
                |r| r.get(0),
            )
        })
        .unwrap_or_else(|e| panic!("a mood at {at} must be there: {e}"));
    moods::get(t.store(), id).unwrap()
}

fn invalid<T: std::fmt::Debug>(r: Result<T, DataError>) -> String {
    match r {
        // A refusal's English, which says the same as the kind the UI words.
        Err(DataError::Refused(refusal)) => refusal.to_string(),
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

#[test]
fn a_preview_shows_the_counts_and_changes_nothing() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    let preview = import::preview(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!(preview.format, Format::Daylio);
    assert_eq!(preview.summary.added, ROWS, "{preview:?}");
    assert_eq!(preview.summary.already_there, 0);
    let moods = preview.summary.of("moods").expect("moods are counted");
    assert_eq!((moods.added, moods.already_there), (ROWS, 0));
    assert_eq!(
        preview.summary.kinds.len(),
        1,
        "a Daylio file only holds moods"
    );
    assert_eq!(mood_count(&t), 0, "a preview must not add anything");

    let again = import::preview(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!(
        again, preview,
        "a preview can be repeated and shows the same"
    );
}

#[test]
fn an_import_adds_each_row_as_a_mood_in_local_time_across_dst() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    let summary = import::import(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!((summary.added, summary.already_there), (ROWS, 0));
    assert_eq!(mood_count(&t), ROWS);

    // Before the clocks go forward, London is on GMT.
    let chip = mood_at(&t, utc(2024, 3, 29, 18, 45));
    assert_eq!(chip.mood, 5, "rad is the top of the scale");
    assert_eq!(
        chip.note.as_deref(),
        Some(
            "90 days\nNinety days today.\nGot my chip.\nCried a bit, the good kind.\n\
             Daylio activities: meeting, friends"
        ),
        "the title, the note with <br> as line breaks, then the activities"
    );
    // 1:30 am on 31 March 2024 never happened in London: it counts from 2:00 BST (01:00 UTC).
    let skipped = mood_at(&t, utc(2024, 3, 31, 1, 0));
    assert_eq!(skipped.mood, 2);
    // After the change, BST is an hour ahead of UTC.
    let easter = mood_at(&t, utc(2024, 3, 31, 19, 0));
    assert_eq!(easter.mood, 4);
    assert_eq!(
        easter.note.as_deref(),
        Some("Easter\nLunch with Gran, a walk, and no drama.\nDaylio activities: family")
    );
    let cravings = mood_at(&t, utc(2024, 6, 13, 22, 50));
    assert_eq!(cravings.mood, 1, "awful is the bottom of the scale");
    assert_eq!(
        cravings.note.as_deref(),
        Some("Cravings, all evening.\nRang the helpline. Made tea, went to bed."),
        "a line break inside a quoted note survives, as a plain newline"
    );
    let lunch = mood_at(&t, utc(2024, 6, 14, 11, 15));
    assert_eq!(
        lunch.note.as_deref(),
        Some(
            "Lunch outside\nSat by the river with Sam. Said \"thank you\" and meant it.\n\
             Daylio activities: walk, friends"
        )
    );
    // 1:30 am on 27 October 2024 happened twice: the first (BST) is taken.
    assert_eq!(mood_at(&t, utc(2024, 10, 27, 0, 30)).mood, 3);
    // And after the clocks go back, London is on GMT again.
    let roast = mood_at(&t, utc(2024, 10, 27, 21, 10));
    assert_eq!(roast.mood, 4);
    assert_eq!(
        roast.note.as_deref(),
        Some(
            "Sunday roast\nCooked for everyone, and nobody minded the gravy.\n\
             Daylio activities: family, cooking"
        )
    );
    let quiet = mood_at(&t, utc(2024, 3, 22, 19, 30));
    assert_eq!(quiet.mood, 3);
    assert_eq!(
        quiet.note, None,
        "a row with no note, title or activities has no note"
    );
    assert_eq!(
        mood_at(&t, utc(2024, 4, 2, 6, 0)).note.as_deref(),
        Some("Daylio activities: exercise"),
        "activities alone make the note"
    );
    assert!(
        chip.craving.is_none() && chip.sleep_hours.is_none() && chip.emotions.is_empty(),
        "Daylio has no craving, sleep or emotions to import"
    );

    let histogram: Vec<(i64, i64)> = t
        .store()
        .read(|c| {
            let mut stmt =
                c.prepare("SELECT mood, count(*) FROM moods GROUP BY mood ORDER BY mood")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap();
    assert_eq!(
        histogram,
        [(1, 2), (2, 3), (3, 6), (4, 6), (5, 3)],
        "awful 1, bad 2, meh 3, good 4, rad 5"
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    import::import(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    let again = import::import(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!(
        (again.added, again.already_there),
        (0, ROWS),
        "every row is already there: {again:?}"
    );
    assert_eq!(mood_count(&t), ROWS);
    let preview = import::preview(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!(
        (preview.summary.added, preview.summary.already_there),
        (0, ROWS)
    );

    // A mood the person deleted is not "already there": importing brings it back.
    t.store()
        .read(|c| {
            c.execute(
                "UPDATE moods SET deleted_at = ?1 WHERE at = ?2",
                (
                    now().timestamp_millis(),
                    utc(2024, 3, 29, 18, 45).timestamp_millis(),
                ),
            )
        })
        .unwrap();
    assert_eq!(mood_count(&t), ROWS - 1);
    let third = import::import(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    assert_eq!((third.added, third.already_there), (1, ROWS - 1));
    assert_eq!(mood_count(&t), ROWS);
}

#[test]
fn one_bad_row_in_the_middle_imports_nothing() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    // Row 9 (counting the header as row 1, and the two-line note as one row).
    let good_row = "2024-04-02,April 2,Tuesday,7:00 AM,good,";
    assert!(FIXTURE.contains(good_row));
    let renamed = FIXTURE.replace(good_row, "2024-04-02,April 2,Tuesday,7:00 AM,wonderful,");
    let before = mood_count(&t);
    let message = invalid(import::import(
        t.store_mut(),
        renamed.as_bytes(),
        now(),
        london(),
    ));
    assert!(
        message.starts_with("Row 9 of this Daylio export"),
        "{message}"
    );
    assert!(
        message.contains("rad, good, meh, bad and awful"),
        "{message}"
    );
    assert!(
        !message.contains("wonderful"),
        "the message never quotes the file"
    );
    assert!(
        matches!(
            import::preview(t.store_mut(), renamed.as_bytes(), now(), london()),
            Err(DataError::Refused(Refusal::DaylioRow {
                row: 9,
                problem: RowProblem::Mood
            }))
        ),
        "the UI is told the row and the kind of problem, to word in the person's language"
    );
    assert_eq!(
        mood_count(&t),
        before,
        "nothing is imported from a file with a bad row"
    );
    let message = invalid(import::preview(
        t.store_mut(),
        renamed.as_bytes(),
        now(),
        london(),
    ));
    assert!(
        message.starts_with("Row 9"),
        "the preview refuses it the same way"
    );

    // The same on a journal that already has entries, and for a bad time.
    import::import(t.store_mut(), FIXTURE.as_bytes(), now(), london()).unwrap();
    let before = mood_count(&t);
    let late = FIXTURE
        .replace(
            "2024-03-22,March 22,Friday,7:30 PM",
            "2024-03-21,March 21,Thursday,7:30 PM",
        )
        .replace(
            "2024-06-14,June 14,Friday,12:15 PM",
            "2024-06-14,June 14,Friday,12:75 PM",
        );
    let message = invalid(import::import(
        t.store_mut(),
        late.as_bytes(),
        now(),
        london(),
    ));
    assert!(message.starts_with("Row 7 of"), "{message}");
    assert_eq!(
        mood_count(&t),
        before,
        "the new row in the same file is not imported either"
    );
}

#[test]
fn a_row_dated_in_the_future_imports_nothing() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    let future = FIXTURE.replace(
        "2024-10-28,October 28,Monday",
        "2024-11-28,November 28,Thursday",
    );
    let message = invalid(import::import(
        t.store_mut(),
        future.as_bytes(),
        now(),
        london(),
    ));
    assert!(message.starts_with("Row 2 of"), "{message}");
    assert!(message.contains("future"), "{message}");
    assert_eq!(mood_count(&t), 0);
}

#[test]
fn files_daybreak_cannot_read_are_refused_plainly() {
    let j = TempJournal::new();
    let (mut t, _) = j.create();
    let header = "full_date,date,weekday,time,mood,activities,note_title,note\n";
    assert_eq!(
        invalid(import::import(
            t.store_mut(),
            header.as_bytes(),
            now(),
            london()
        )),
        "This Daylio export has no entries."
    );
    let mut bytes = FIXTURE.as_bytes().to_vec();
    let at = FIXTURE.find("Sunday roast").unwrap();
    bytes[at] = 0xFF;
    let message = invalid(import::import(t.store_mut(), &bytes, now(), london()));
    assert!(message.starts_with("Row 3 of"), "{message}");
    assert!(
        matches!(
            import::import(t.store_mut(), b"a,b,c\n1,2,3\n", now(), london()),
            Err(DataError::Refused(Refusal::UnknownImport))
        ),
        "a CSV that is not Daylio's is not taken for one"
    );
    assert_eq!(mood_count(&t), 0);
}

/// The fuzz targets' seed files (`fuzz/corpus/`) must stay inputs the code accepts, or the
/// fuzzer starts from files rejected at the first byte. With `UPDATE_FUZZ_SEEDS=1` the seeds
/// made by the code (a journal header, a small Daybreak export) are written afresh first.
#[test]
fn fuzz_seeds_are_inputs_the_code_accepts() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        let j = TempJournal::new();
        let (mut t, _) = j.create();
        let header = std::fs::read(j.paths().header()).unwrap();
        std::fs::create_dir_all(corpus.join("vault_header")).unwrap();
        std::fs::write(corpus.join("vault_header/journal.header"), header).unwrap();
        let few: String = FIXTURE.lines().take(10).map(|l| format!("{l}\n")).collect();
        import::import(t.store_mut(), few.as_bytes(), now(), london()).unwrap();
        let export = daybreak_core::export::export(t.store(), now()).unwrap();
        std::fs::create_dir_all(corpus.join("import_parse")).unwrap();
        std::fs::write(
            corpus.join("import_parse/daybreak_export.json"),
            serde_json::to_vec_pretty(&export).unwrap(),
        )
        .unwrap();
    }
    let header = std::fs::read(corpus.join("vault_header/journal.header")).unwrap();
    assert!(daybreak_core::vault::header::Header::decode(&header).is_ok());
    for seed in [
        "daybreak_export.json",
        // Version 2: every record with its uuid, a slip's triggers, a craving's slip.
        "daybreak_export_v2.json",
        "daybreak_tiny.json",
        "daylio_export.csv",
    ] {
        let bytes = std::fs::read(corpus.join("import_parse").join(seed)).unwrap();
        assert!(import::parse(&bytes).is_ok(), "seed {seed} parses");
        let with_bom = [&b"\xEF\xBB\xBF"[..], &bytes].concat();
        assert!(
            import::parse(&with_bom).is_ok(),
            "seed {seed} parses after a byte-order mark"
        );
    }
    for seed in [
        "article.html",
        "article.md",
        "article.txt",
        // Text whose lower case is longer than itself, before its tags: it made the importer
        // panic once.
        "lowercase_changes_length.html",
    ] {
        // As in fuzz/fuzz_targets/library_import.rs: the first byte picks the file name.
        const NAMES: [&str; 6] = [
            "article.txt",
            "article.md",
            "article.html",
            "Saved page.HTM",
            "notes",
            "READ ME.markdown",
        ];
        let bytes = std::fs::read(corpus.join("library_import").join(seed)).unwrap();
        let (&pick, rest) = bytes.split_first().unwrap();
        let name = NAMES[usize::from(pick) % NAMES.len()];
        assert!(
            daybreak_core::library::import::import(name, rest).is_ok(),
            "seed {seed} imports"
        );
    }
    // A small backup file: the committed header seed and a few stand-in database bytes.
    let backup = std::fs::read(corpus.join("backup_container/small.dbk")).unwrap();
    let container = daybreak_core::backup::container::Container::decode(&backup)
        .expect("the backup container seed decodes");
    assert_eq!(
        container.encode(),
        backup,
        "and encodes back to the same bytes"
    );
}
