//! The spreadsheet export on a real encrypted journal: one CSV per kind in a zip, with the
//! same entries as the JSON export, local times, quoting that survives commas and new lines,
//! and text that cannot run as a spreadsheet formula.

mod common;

use std::io::Read;

use chrono::{TimeZone, Utc};
use common::TempJournal;
use daybreak_core::export_csv;
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::sobriety::{clocks, slips, ClockInput, SlipInput};
use daybreak_core::words::Language;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap()
}

fn file(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the zip"))
        .read_to_string(&mut text)
        .unwrap();
    text.trim_start_matches('\u{feff}').to_string()
}

#[test]
fn the_spreadsheet_export_has_one_csv_per_kind_with_every_entry() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let tz = chrono_tz::Europe::London;
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
    let path = export_csv::export_to(out.path(), st, now(), tz, Language::En).unwrap();
    assert!(path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("daybreak-spreadsheets-2026-07-01"));
    let again = export_csv::export_to(out.path(), st, now(), tz, Language::En).unwrap();
    assert_ne!(path, again, "a second export never overwrites the first");

    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
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
    let spanish = export_csv::export_to(out.path(), st, now(), tz, Language::Es).unwrap();
    let mut spanish =
        zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&spanish).unwrap())).unwrap();
    let readme = file(&mut spanish, "README.txt");
    assert!(
        readme.contains("Estos archivos NO están cifrados") && !readme.contains("NOT encrypted"),
        "the README is in the language asked for: {readme}"
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
