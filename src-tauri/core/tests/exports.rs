//! The open exports on a real encrypted journal: the spreadsheet export (one CSV per kind in a
//! zip, with the same entries as the JSON export, local times, quoting that survives commas and
//! new lines, and text that cannot run as a spreadsheet formula), and the JSON export read back
//! by the import (every record through its kind's own rules, so a file breaking one imports
//! nothing).

mod common;
mod every_kind;

use std::io::Read;

use chrono::{TimeZone, Utc};
use common::TempJournal;
use daybreak_core::export_csv::{self, Style};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::sobriety::{clocks, slips, ClockInput, SlipInput};
use daybreak_core::words::Language;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap()
}

fn file(zip: &mut Zip, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the zip"))
        .read_to_string(&mut text)
        .unwrap();
    text.trim_start_matches('\u{feff}').to_string()
}

type Zip = zip::ZipArchive<std::io::Cursor<Vec<u8>>>;

/// The zip at `path`, and the names of the files in it, sorted.
fn open_zip(path: &std::path::Path) -> (Zip, Vec<String>) {
    let zip = Zip::new(std::io::Cursor::new(std::fs::read(path).unwrap())).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    (zip, names)
}

#[test]
fn the_spreadsheet_export_has_one_csv_per_kind_with_every_entry() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let tz = common::zone("Europe/London");
    let clock = clocks::create(
        st,
        &ClockInput {
            name: "Opioids".into(),
            started_at: now() - chrono::Duration::days(40),
            money_per_day_cents: Some(1500),
            currency: Some("GBP".into()),
            minutes_per_day: None,
        },
        now(),
        tz,
    )
    .unwrap();
    slips::record(
        st,
        clock.id,
        &SlipInput {
            at: now() - chrono::Duration::days(3),
            note: Some("hard night, after the funeral".into()),
            triggers: None,
        },
        now(),
        tz,
    )
    .unwrap();
    moods::create(
        st,
        &MoodInput {
            at: now(),
            mood: 4,
            emotions: vec![1],
            craving: Some(2),
            halt: Halt {
                tired: true,
                ..Halt::default()
            },
            sleep_hours: Some(7.5),
            note: Some("calm, \"mostly\"\nsecond line".into()),
        },
        now(),
    )
    .unwrap();
    moods::create(
        st,
        &MoodInput {
            at: now() - chrono::Duration::hours(1),
            mood: 2,
            emotions: vec![],
            craving: None,
            halt: Halt::default(),
            sleep_hours: None,
            note: Some("=cmd|' /C calc'!A0".into()),
        },
        now(),
    )
    .unwrap();

    let out = tempfile::tempdir().unwrap();
    let path =
        export_csv::export_to(out.path(), st, now(), tz, &Style::new(Language::En, None)).unwrap();
    assert!(path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("daybreak-spreadsheets-2026-07-01"));
    let again =
        export_csv::export_to(out.path(), st, now(), tz, &Style::new(Language::En, None)).unwrap();
    assert_ne!(path, again, "a second export never overwrites the first");

    let (mut zip, names) = open_zip(&path);
    assert_eq!(
        names,
        [
            "README.txt",
            "check-ins.csv",
            "clocks.csv",
            "cravings.csv",
            "journal.csv",
            "moods.csv",
            "people.csv",
            "reasons.csv",
            "slips.csv",
            "triggers.csv"
        ]
    );
    assert!(file(&mut zip, "README.txt").contains("NOT encrypted"));
    let spanish =
        export_csv::export_to(out.path(), st, now(), tz, &Style::new(Language::Es, None)).unwrap();
    let (mut spanish, _) = open_zip(&spanish);
    let mut raw = Vec::new();
    spanish
        .by_name("LEEME.txt")
        .unwrap()
        .read_to_end(&mut raw)
        .unwrap();
    assert!(
        raw.starts_with(b"\xEF\xBB\xBF"),
        "the README starts with a byte-order mark, so an older Notepad reads its accents"
    );
    let readme = file(&mut spanish, "LEEME.txt");
    assert!(
        readme.contains("Estos archivos NO están cifrados") && !readme.contains("NOT encrypted"),
        "the README is in the language asked for: {readme}"
    );
    let spanish_moods = file(&mut spanish, "estados-de-animo.csv");
    assert!(
        spanish_moods.contains("\"7,5\";"),
        "hours of sleep with a decimal comma, fields apart with semicolons, as Spanish \
         spreadsheet programs read them: {spanish_moods}"
    );
    // The moods file written in `language`'s words with `locale`'s numbers.
    let moods = |language, locale, name| {
        let style = Style::new(language, Some(locale));
        let zip = export_csv::export_to(out.path(), st, now(), tz, &style).unwrap();
        file(&mut open_zip(&zip).0, name)
    };
    let mexican_moods = moods(Language::Es, "es_MX.UTF-8", "estados-de-animo.csv");
    assert!(
        mexican_moods.contains("\"7.5\",") && mexican_moods.starts_with("\"fecha y hora"),
        "in Mexico, Spanish words with a decimal point and commas: {mexican_moods}"
    );
    let german_moods = moods(Language::En, "de_DE.UTF-8", "moods.csv");
    assert!(
        german_moods.contains("\"7,5\";") && german_moods.starts_with("\"time (local)"),
        "English words with Germany's decimal comma and semicolons: {german_moods}"
    );

    let clocks_csv = file(&mut zip, "clocks.csv");
    assert!(clocks_csv.starts_with("\"name\",\"started (local)\""));
    assert!(
        clocks_csv.contains("\"Opioids\",\"2026-05-22 11:00\""),
        "local time (BST): {clocks_csv}"
    );
    let slips_csv = file(&mut zip, "slips.csv");
    assert!(
        slips_csv.contains("\"Opioids\",\"2026-06-28 11:00\",\"hard night, after the funeral\""),
        "{slips_csv}"
    );

    let moods_csv = file(&mut zip, "moods.csv");
    assert_eq!(
        moods_csv.matches("\r\n").count(),
        3,
        "a header and two moods: {moods_csv}"
    );
    assert!(
        moods_csv.contains("\"calm, \"\"mostly\"\"\nsecond line\""),
        "quoted note: {moods_csv}"
    );
    assert!(
        moods_csv.contains("\"'=cmd|' /C calc'!A0\""),
        "the formula is defused: {moods_csv}"
    );
    assert!(moods_csv.contains("\"7.5\""));
    assert!(
        moods_csv.contains("\"anxious\""),
        "emotions by name: {moods_csv}"
    );
    let triggers_csv = file(&mut zip, "triggers.csv");
    assert!(triggers_csv.contains("\"Grief and loss\",\"grief-loss\",\"no\""));
}

/// In Spanish the spreadsheets are Spanish throughout, as the screens say it: the zip's name,
/// each file's name and columns, yes and no, how a craving ended, and the built-in names. What
/// the person wrote stays as written.
#[test]
fn the_spreadsheet_export_speaks_the_language_asked_for() {
    let (_j, s, _) = journal_of_every_kind();
    let out = tempfile::tempdir().unwrap();
    let (now, tz) = (every_kind::now(), every_kind::tz());
    let path = export_csv::export_to(
        out.path(),
        s.store(),
        now,
        tz,
        &Style::new(Language::Es, None),
    )
    .unwrap();
    let zip_name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        zip_name.starts_with("hojas-de-calculo-daybreak-"),
        "{zip_name}"
    );
    let (mut zip, names) = open_zip(&path);
    assert_eq!(
        names,
        [
            "LEEME.txt",
            "contadores.csv",
            "deslices.csv",
            "detonantes.csv",
            "diario.csv",
            "estados-de-animo.csv",
            "ganas-de-consumir.csv",
            "motivos.csv",
            "personas.csv",
            "registros-del-dia.csv"
        ]
    );
    let moods = file(&mut zip, "estados-de-animo.csv");
    assert!(
        moods.starts_with("\"fecha y hora (local)\";\"ánimo (1-5)\";\"ganas de consumir (0-10)\""),
        "{moods}"
    );
    assert!(
        moods.contains("ansiedad") && !moods.contains("anxious"),
        "the built-in emotion as the screens say it: {moods}"
    );
    assert!(moods.contains("\"sí\""), "yes is «sí»: {moods}");
    let cravings = file(&mut zip, "ganas-de-consumir.csv");
    assert!(
        cravings.contains("\"consumí\"") && cravings.contains("\"las ganas pasaron\""),
        "how each craving ended, in Spanish: {cravings}"
    );
    assert!(
        cravings.contains("Payday"),
        "a trigger of the person's own, as written: {cravings}"
    );
    let triggers = file(&mut zip, "detonantes.csv");
    assert!(
        triggers.contains("\"Duelo y pérdidas\";\"grief-loss\";\"no\""),
        "{triggers}"
    );
    for name in &names[1..] {
        let text = file(&mut zip, name);
        for english in ["\"time (local)\"", "\"name\"", "\"note\"", "\"yes\""] {
            assert!(!text.contains(english), "{name} has {english}: {text}");
        }
    }
}

/// Every file saved for the person to read is named in the language asked for, as the
/// spreadsheets' zip is, and the JSON export says in it that it is not encrypted.
#[test]
fn saved_files_are_named_in_the_language_asked_for() {
    let (_j, s, _) = journal_of_every_kind();
    let out = tempfile::tempdir().unwrap();
    let (now, tz) = (every_kind::now(), every_kind::tz());
    let name = |path: &str| {
        let path = std::path::Path::new(path);
        path.file_name().unwrap().to_string_lossy().into_owned()
    };
    let json = daybreak_core::export::export_to(out.path(), s.store(), now, tz, Language::Es)
        .unwrap()
        .display()
        .to_string();
    let plan = daybreak_core::sos::plan::export_to(out.path(), s.store(), now, tz, Language::Es)
        .unwrap()
        .display()
        .to_string();
    let options = daybreak_core::report::ReportOptions {
        from: now.date_naive() - chrono::Duration::days(30),
        to: now.date_naive(),
        include_journal: false,
        language: Language::Es,
    };
    let report =
        daybreak_core::report::export_to(out.path(), s.store(), &options, now, tz).unwrap();
    for (path, stem) in [
        (&json, "exportacion-daybreak-"),
        (&plan, "plan-de-prevencion-de-recaidas-"),
        (&report.html, "informe-daybreak-"),
        (&report.pdf, "informe-daybreak-"),
    ] {
        assert!(name(path).starts_with(stem), "{path} is named {stem}…");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        json["readableByAnyone"],
        "Este archivo no está cifrado. Cualquier persona que lo abra puede leer tu diario.",
        "the JSON file says it is not encrypted in the language asked for"
    );
}

const V1: &str = include_str!("fixtures/daybreak_export_v1.json");

/// The export as JSON with its moment of writing left out, for comparing two journals.
fn exported(s: &daybreak_core::Session) -> serde_json::Value {
    let mut value =
        serde_json::to_value(daybreak_core::export::export(s.store(), every_kind::now()).unwrap())
            .unwrap();
    value["exportedAt"] = serde_json::Value::Null;
    value
}

/// A journal of every kind, and its export as JSON.
fn journal_of_every_kind() -> (TempJournal, daybreak_core::Session, serde_json::Value) {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    every_kind::fill(s.store_mut());
    let value = exported(&s);
    (j, s, value)
}

fn import(
    s: &mut daybreak_core::Session,
    file: &serde_json::Value,
) -> Result<daybreak_core::import::ImportSummary, daybreak_core::DataError> {
    daybreak_core::import::import(
        s.store_mut(),
        file.to_string().as_bytes(),
        every_kind::now(),
        every_kind::tz(),
    )
}

fn preview(
    s: &mut daybreak_core::Session,
    file: &serde_json::Value,
) -> daybreak_core::import::ImportSummary {
    daybreak_core::import::preview(
        s.store_mut(),
        file.to_string().as_bytes(),
        every_kind::now(),
        every_kind::tz(),
    )
    .unwrap()
    .summary
}

/// Every uuid in an export, wherever it is.
fn uuids(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("uuid" | "slip", serde_json::Value::String(u)) => out.push(u.clone()),
                    _ => uuids(item, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| uuids(i, out)),
        _ => {}
    }
}

#[test]
fn version_2_carries_every_records_uuid_and_round_trips_with_them() {
    let (_j, s, original) = journal_of_every_kind();
    assert_eq!(original["version"], 2);
    // Every record of every kind the file holds has the uuid the journal (and sync) knows it by.
    let here: Vec<(String, String)> = s
        .store()
        .read(|c| {
            c.prepare("SELECT uuid, kind FROM sync_records WHERE tombstone = 0")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap();
    let mut in_file = Vec::new();
    uuids(&original, &mut in_file);
    for kind in daybreak_core::export::records::RECORDS {
        let of_kind: Vec<&String> = here
            .iter()
            .filter(|(_, k)| k == kind)
            .map(|(u, _)| u)
            .collect();
        assert!(
            !of_kind.is_empty() || *kind == "relapse_plan" || *kind == "article_state",
            "the journal of every kind has a {kind}"
        );
        for uuid in of_kind {
            assert!(in_file.contains(uuid), "the {kind} {uuid} is in the export");
        }
    }
    assert!(
        original["cravings"][0]["slip"].is_string(),
        "a craving names the slip it recorded: {}",
        original["cravings"][0]
    );
    assert_eq!(
        original["clocks"][0]["slips"][0]["triggers"],
        serde_json::json!(["Payday"])
    );

    let k = TempJournal::new();
    let (mut t, _) = k.create();
    let first = import(&mut t, &original).unwrap();
    assert!(first.added > 10, "{first:?}");
    assert_eq!(
        exported(&t),
        original,
        "export -> import -> export gives the same document, uuids and all"
    );
    let again = import(&mut t, &original).unwrap();
    assert_eq!(again.added, 0, "importing twice adds nothing: {again:?}");
    assert_eq!(exported(&t), original, "and changes nothing");
}

/// A record whose uuid is here already is the same record, even when its text differs (it was
/// edited on one computer and the file exported on the other): the preview and the import
/// count it as already there. A version 1 file, which has no uuids, keeps its own rule.
#[test]
fn a_record_whose_uuid_is_here_is_already_there() {
    let (_j, mut s, original) = journal_of_every_kind();
    let mut edited = original.clone();
    edited["moods"][0]["note"] = serde_json::json!("written again on the other computer");
    edited["journal"][0]["body"] = serde_json::json!("Walked further");
    let shown = preview(&mut s, &edited);
    assert_eq!(shown.added, 0, "nothing new by uuid: {shown:?}");
    for kind in [
        "moods",
        "journal entries",
        "clocks",
        "slips",
        "cravings",
        "people",
    ] {
        assert_eq!(
            shown.of(kind).map(|k| k.added),
            Some(0),
            "{kind}: {shown:?}"
        );
        assert!(
            shown.of(kind).unwrap().already_there > 0,
            "{kind}: {shown:?}"
        );
    }
    assert_eq!(
        import(&mut s, &edited).unwrap(),
        shown,
        "the import does what the preview showed"
    );
    assert_eq!(exported(&s), original, "the journal is as it was");

    // The same edit in a version 1 file (no uuids): its content rule sees new entries.
    let mut old = edited.clone();
    old["version"] = serde_json::json!(1);
    strip_uuids(&mut old);
    let shown = preview(&mut s, &old);
    assert_eq!(shown.of("moods").map(|k| k.added), Some(1), "{shown:?}");
    assert_eq!(
        shown.of("journal entries").map(|k| k.added),
        Some(1),
        "{shown:?}"
    );
}

fn strip_uuids(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("uuid");
            map.remove("slip");
            map.values_mut().for_each(strip_uuids);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_uuids),
        _ => {}
    }
}

/// `fixtures/daybreak_export_v1.json` was written by the version 1 code from the journal of
/// every kind: it still imports, into the same entries, and a second time adds nothing.
#[test]
fn a_version_1_export_still_imports() {
    let file: serde_json::Value = serde_json::from_str(V1).unwrap();
    assert_eq!(file["version"], 1);
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let first = import(&mut s, &file).unwrap();
    for (kind, added) in [
        ("clocks", 2),
        ("slips", 2),
        ("check-ins", 1),
        ("moods", 1),
        ("cravings", 2),
        ("journal entries", 1),
        ("people", 1),
        ("reasons", 1),
        ("relapse plan", 1),
        ("library articles", 1),
        ("reading notes and bookmarks", 1),
    ] {
        assert_eq!(
            first.of(kind).map(|k| k.added),
            Some(added),
            "{kind}: {first:?}"
        );
    }
    assert_eq!(first.of("triggers").map(|k| k.added), Some(1), "{first:?}");
    let again = import(&mut s, &file).unwrap();
    assert_eq!(again.added, 0, "importing twice adds nothing: {again:?}");
    // What came in is what the version 2 export of the same journal says, but for the uuids
    // (new here) and what version 1 did not carry.
    let (_k, _t, v2) = journal_of_every_kind();
    let mut mine = exported(&s);
    let mut theirs = v2;
    for value in [&mut mine, &mut theirs] {
        strip_uuids(value);
        value["clocks"][0]["slips"][0]["triggers"] = serde_json::json!([]);
        value["clocks"][0]["slips"][1]["triggers"] = serde_json::json!([]);
    }
    assert_eq!(
        mine, theirs,
        "a version 1 file brings back every entry it holds"
    );
}

/// Files that break one rule of one kind (each a record the app itself would refuse), in
/// version 1 and version 2: each is refused whole, naming the kind and the record's position
/// (never its text), and nothing of it is imported.
#[test]
fn an_export_with_one_record_breaking_a_rule_imports_nothing() {
    use daybreak_core::{DataError, RecordKind as K, Refusal};
    use serde_json::{json, Value};
    type Break = fn(&mut Value, &dyn Fn(usize) -> String);
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let before = exported(&s);
    let long = |n: usize| "a".repeat(n);
    let cases: Vec<(&str, K, u32, Break)> = vec![
        ("a mood note over the limit", K::Mood, 1, |v, long| {
            v["moods"][0]["note"] = json!(long(4001))
        }),
        (
            "a journal entry in the future",
            K::JournalEntry,
            1,
            |v, _| v["journal"][0]["at"] = json!("2026-07-03T00:00:00Z"),
        ),
        ("a craving in the future", K::Craving, 2, |v, _| {
            v["cravings"][1]["at"] = json!("2026-07-02T00:00:00Z")
        }),
        (
            "a craving's place over the limit",
            K::Craving,
            2,
            |v, long| v["cravings"][1]["place"] = json!(long(201)),
        ),
        ("a clock's name over the limit", K::Clock, 2, |v, long| {
            v["clocks"][1]["name"] = json!(long(61))
        }),
        ("a clock starting in the future", K::Clock, 2, |v, _| {
            v["clocks"][1]["startedAt"] = json!("2026-08-01T00:00:00Z")
        }),
        ("a slip's note over the limit", K::Slip, 1, |v, long| {
            v["clocks"][0]["slips"][0]["note"] = json!(long(4001))
        }),
        ("a slip before its clock started", K::Slip, 2, |v, _| {
            v["clocks"][0]["slips"][1]["at"] = json!("2020-01-01T00:00:00Z")
        }),
        ("a person without a phone number", K::Person, 1, |v, _| {
            v["people"][0]["phone"] = json!("call me")
        }),
        ("a reason over the limit", K::Reason, 1, |v, long| {
            v["reasons"][0]["text"] = json!(long(501))
        }),
        (
            "a check-in's intention over the limit",
            K::CheckIn,
            1,
            |v, long| v["checkIns"][0]["intention"] = json!(long(2001)),
        ),
        ("too many tags", K::JournalEntry, 1, |v, _| {
            v["journal"][0]["tags"] = json!((0..21).map(|i| format!("t{i}")).collect::<Vec<_>>())
        }),
        (
            "a new emotion's name over the limit",
            K::Mood,
            1,
            |v, long| v["moods"][0]["emotions"] = json!([long(41)]),
        ),
        (
            "a new trigger's name over the limit",
            K::Trigger,
            14,
            |v, long| {
                v["triggers"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"key": null, "name": long(61), "archived": 0}))
            },
        ),
        ("a reading note over the limit", K::Reading, 1, |v, long| {
            v["library"]["reading"][0]["note"] = json!(long(10_001))
        }),
        ("a flag that is neither 0 nor 1", K::Mood, 1, |v, _| {
            v["moods"][0]["tired"] = json!(7)
        }),
    ];
    for version in [1, 2] {
        for (what, kind, position, break_it) in &cases {
            let mut file: Value = serde_json::from_str(V1).unwrap();
            file["version"] = json!(version);
            break_it(&mut file, &long);
            let r = import(&mut s, &file);
            match &r {
                Err(DataError::Refused(
                    refusal @ Refusal::ExportRecord {
                        what: k,
                        position: p,
                        ..
                    },
                )) => {
                    assert_eq!(
                        (k, p),
                        (kind, position),
                        "version {version}, {what}: {refusal:?}"
                    );
                    assert!(
                        !refusal.to_string().contains("aaaa")
                            && !refusal.to_string().contains("call me"),
                        "version {version}, {what}: the refusal never quotes the file: {refusal}"
                    );
                }
                other => {
                    panic!("version {version}, {what}: the file must be refused, got {other:?}")
                }
            }
            assert_eq!(
                exported(&s),
                before,
                "version {version}, {what}: nothing imported"
            );
        }
    }
}

/// A version 2 record with a uuid that is not one is refused like any record breaking a rule.
#[test]
fn a_malformed_uuid_is_refused() {
    let (_j, _s, original) = journal_of_every_kind();
    let k = TempJournal::new();
    let (mut t, _) = k.create();
    let mut file = original.clone();
    file["reasons"][0]["uuid"] = serde_json::json!("'; DROP TABLE reasons; --");
    assert!(matches!(
        import(&mut t, &file),
        Err(daybreak_core::DataError::Refused(
            daybreak_core::Refusal::ExportRecord {
                what: daybreak_core::RecordKind::Reason,
                position: 1,
                ..
            }
        ))
    ));
}
