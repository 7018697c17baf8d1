//! The plain settings file beside the journal (`settings.json`): readable while locked,
//! written atomically and privately, forgiving of a missing or damaged file, keeping fields it
//! does not know; and the crisis country moving there from the encrypted preferences on unlock.

mod common;

use std::fs;

use common::{KDF, PASSPHRASE};
use daybreak_core::device_settings::{self, DeviceSettings};
use daybreak_core::preferences::{self, Preferences};
use daybreak_core::words::Language;
use daybreak_core::{DataError, Journal, JournalPaths, Passphrase, Refusal};

fn saved_json(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(device_settings::path(dir)).expect("settings.json exists"))
        .expect("settings.json is JSON")
}

#[test]
fn a_missing_or_damaged_file_reads_as_the_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert_eq!(
        device_settings::load(&dir),
        DeviceSettings::default(),
        "no folder at all"
    );
    fs::create_dir_all(&dir).unwrap();
    for damaged in [
        &b""[..],
        b"{",
        b"\xff\xfe not json",
        b"[1, 2, 3]",
        b"{\"country\": 42}",
        b"{\"country\": \"Ireland\"}",
    ] {
        fs::write(device_settings::path(&dir), damaged).unwrap();
        assert_eq!(
            device_settings::load(&dir).country,
            None,
            "a damaged file must read as no country: {}",
            String::from_utf8_lossy(damaged)
        );
    }
    let huge = format!(
        "{{\"country\": \"CA\", \"pad\": \"{}\"}}",
        "x".repeat(100_000)
    );
    fs::write(device_settings::path(&dir), huge).unwrap();
    assert_eq!(
        device_settings::load(&dir).country,
        None,
        "an oversized file is not ours"
    );
    // A damaged file is simply replaced by the next change.
    device_settings::set_country(&dir, Some("CA")).unwrap();
    assert_eq!(device_settings::load(&dir).country.as_deref(), Some("CA"));
}

#[test]
fn the_country_is_saved_privately_and_atomically_with_no_journal_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let saved = device_settings::set_country(&dir, Some("ca")).unwrap();
    assert_eq!(
        saved.country.as_deref(),
        Some("CA"),
        "codes are upper-cased"
    );
    assert_eq!(device_settings::load(&dir), saved);
    let json = saved_json(&dir);
    assert_eq!(json["country"], "CA");
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    assert!(
        keys.iter()
            .all(|k| ["country", "language", "windowLanguage", "reminders"].contains(&k.as_str())),
        "the file holds the country, the languages and the reminder times, nothing else: {keys:?}"
    );
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        ["settings.json"],
        "no temp file is left, and no journal is made"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&device_settings::path(&dir)), 0o600, "file 0600");
        assert_eq!(mode(&dir), 0o700, "folder 0700");
    }
    device_settings::set_country(&dir, None).unwrap();
    assert_eq!(device_settings::load(&dir).country, None, "cleared");
}

#[test]
fn only_a_country_in_the_crisis_table_can_be_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    device_settings::set_country(tmp.path(), Some("US")).unwrap();
    let before = fs::read(device_settings::path(tmp.path())).unwrap();
    for bad in ["XX", "EU", "", "FRA", "../"] {
        match device_settings::set_country(tmp.path(), Some(bad)) {
            Err(DataError::Refused(Refusal::UnknownCountry)) => {}
            other => panic!("{bad:?} must be refused, got {other:?}"),
        }
    }
    assert_eq!(
        fs::read(device_settings::path(tmp.path())).unwrap(),
        before,
        "a refused change leaves the file as it was"
    );
}

#[test]
fn fields_this_version_does_not_know_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        device_settings::path(tmp.path()),
        r#"{"country": "AU", "reminderTimes": ["08:30", "21:00"], "futureFlag": true}"#,
    )
    .unwrap();
    assert_eq!(
        device_settings::load(tmp.path()).country.as_deref(),
        Some("AU")
    );
    device_settings::set_country(tmp.path(), Some("GB")).unwrap();
    let json = saved_json(tmp.path());
    assert_eq!(json["country"], "GB");
    assert_eq!(
        (&json["reminderTimes"], &json["futureFlag"]),
        (
            &serde_json::json!(["08:30", "21:00"]),
            &serde_json::json!(true)
        ),
        "a newer version's fields survive an older version's change"
    );
}

#[test]
fn the_language_is_kept_with_no_journal_and_an_unknown_one_follows_the_system() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert_eq!(
        device_settings::load(&dir).language,
        None,
        "follows the system"
    );
    device_settings::set_country(&dir, Some("MX")).unwrap();
    device_settings::set_language(&dir, Some(Language::Es)).unwrap();
    assert_eq!(saved_json(&dir)["language"], "es");
    let loaded = device_settings::load(&dir);
    assert_eq!(loaded.language, Some(Language::Es));
    assert_eq!(loaded.country.as_deref(), Some("MX"), "the country stays");

    // A language a newer Daybreak has and this one does not: the rest of the file still reads.
    fs::write(
        device_settings::path(&dir),
        r#"{"country": "MX", "language": "fr", "reminders": {"evening": "21:00:00"}}"#,
    )
    .unwrap();
    let loaded = device_settings::load(&dir);
    assert_eq!(loaded.language, None);
    assert_eq!(loaded.country.as_deref(), Some("MX"));
    assert!(loaded.reminders.evening.is_some(), "the reminders survive");

    device_settings::set_language(&dir, None).unwrap();
    assert_eq!(device_settings::load(&dir).language, None);
}

#[test]
fn the_windows_language_is_remembered_beside_the_chosen_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert_eq!(device_settings::load(&dir).window_language, None);
    device_settings::remember_window_language(&dir, Language::Es).unwrap();
    assert_eq!(
        saved_json(&dir)["windowLanguage"],
        "es",
        "with no file yet, one is made"
    );
    device_settings::set_language(&dir, Some(Language::En)).unwrap();
    let loaded = device_settings::load(&dir);
    assert_eq!(loaded.window_language, Some(Language::Es));
    assert_eq!(
        loaded.language,
        Some(Language::En),
        "the chosen one beside it"
    );
    device_settings::remember_window_language(&dir, Language::En).unwrap();
    assert_eq!(
        device_settings::load(&dir).window_language,
        Some(Language::En)
    );
    assert_eq!(device_settings::load(&dir).language, Some(Language::En));

    // Unchanged, the file is not written again (a rewrite would lay it out anew).
    let compact = r#"{"windowLanguage":"es","country":"MX"}"#;
    fs::write(device_settings::path(&dir), compact).unwrap();
    device_settings::remember_window_language(&dir, Language::Es).unwrap();
    assert_eq!(
        fs::read_to_string(device_settings::path(&dir)).unwrap(),
        compact
    );

    // One a newer Daybreak has and this one does not reads as not known; the rest still reads.
    fs::write(
        device_settings::path(&dir),
        r#"{"country": "MX", "windowLanguage": "fr"}"#,
    )
    .unwrap();
    let loaded = device_settings::load(&dir);
    assert_eq!(loaded.window_language, None);
    assert_eq!(loaded.country.as_deref(), Some("MX"));
}

#[test]
fn remembering_the_windows_language_leaves_a_file_it_cannot_read_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    // Edited by hand, with a comma too many: it reads as the defaults, but a person's settings
    // are in it, and only their own change replaces it.
    let damaged = "{\"country\": \"IE\", \"reminders\": {\"evening\": \"21:00:00\"},}\n";
    fs::write(device_settings::path(tmp.path()), damaged).unwrap();
    device_settings::remember_window_language(tmp.path(), Language::Es).unwrap();
    assert_eq!(
        fs::read_to_string(device_settings::path(tmp.path())).unwrap(),
        damaged
    );
}

fn set_preferred_country(journal: &Journal, country: Option<&str>) {
    journal
        .with_session(|s| {
            let store = s.store_mut();
            let prefs = Preferences {
                crisis_country: country.map(String::from),
                ..preferences::get(store)?
            };
            preferences::set(store, &prefs)?;
            Ok(())
        })
        .unwrap();
}

fn preferred_country(journal: &Journal) -> Option<String> {
    journal
        .with_session(|s| Ok(preferences::get(s.store_mut())?.crisis_country))
        .unwrap()
}

fn relock(journal: &Journal) {
    journal.lock().unwrap();
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
}

#[test]
fn on_unlock_the_country_moves_from_the_preferences_to_the_plain_file_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let journal = Journal::new(JournalPaths::new(&dir), KDF);
    journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    // As an older Daybreak saved it: inside the encrypted journal only.
    set_preferred_country(&journal, Some("GB"));
    assert_eq!(device_settings::load(&dir).country, None);

    relock(&journal);
    assert_eq!(
        device_settings::load(&dir).country.as_deref(),
        Some("GB"),
        "unlocking copies the preferences' country into the plain file"
    );
    assert_eq!(
        preferred_country(&journal),
        None,
        "and clears the old copy, so it moves only once"
    );

    // The person later chooses "follow the system": the next unlock must not bring GB back.
    device_settings::set_country(&dir, None).unwrap();
    relock(&journal);
    assert_eq!(device_settings::load(&dir).country, None);

    // A country already in the file wins over an old one in the preferences.
    device_settings::set_country(&dir, Some("CA")).unwrap();
    set_preferred_country(&journal, Some("GB"));
    relock(&journal);
    assert_eq!(device_settings::load(&dir).country.as_deref(), Some("CA"));
    assert_eq!(preferred_country(&journal), None);
}

#[test]
fn unlocking_with_the_recovery_key_moves_the_country_too() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let journal = Journal::new(JournalPaths::new(&dir), KDF);
    let recovery = journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    set_preferred_country(&journal, Some("AU"));
    journal.lock().unwrap();
    journal
        .unlock_with_recovery_key(&recovery, &Passphrase::new("a brand new passphrase 42"))
        .unwrap();
    assert_eq!(device_settings::load(&dir).country.as_deref(), Some("AU"));
}
