//! SOS on a real encrypted journal: my people, my reasons, the relapse prevention plan and its
//! printable export.

mod common;

use chrono::{TimeZone, Utc};
use common::{contains, snapshot, TempJournal};
use daybreak_core::sos::{people, plan, reasons, PersonInput, RelapsePlan};
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{library, triggers, DataError, Field, Named, RecordKind, Refusal, Scale};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

/// What the core refused with a kind the UI words (see `Refusal`).
fn refused<T: std::fmt::Debug>(r: Result<T, DataError>) -> Refusal {
    match r {
        Err(DataError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn people_and_reasons_are_validated_and_kept_in_order() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let sam = people::add(
        st,
        &PersonInput {
            name: " Sam ".into(),
            phone: "+1 (555) 010-2000".into(),
            note: Some("My sponsor".into()),
        },
    )
    .unwrap();
    people::add(
        st,
        &PersonInput {
            name: "Clinic".into(),
            phone: "555 0100".into(),
            note: None,
        },
    )
    .unwrap();
    assert_eq!(sam.name, "Sam");
    assert_eq!(
        refused(people::add(
            st,
            &PersonInput {
                name: "X".into(),
                phone: "call me".into(),
                note: None
            }
        )),
        Refusal::BadPhone
    );
    assert_eq!(
        refused(people::add(
            st,
            &PersonInput {
                name: " ".into(),
                phone: "555".into(),
                note: None
            }
        )),
        Refusal::NameMissing {
            what: Named::Person
        }
    );
    assert_eq!(
        people::list(st)
            .unwrap()
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Sam", "Clinic"]
    );
    people::remove(st, sam.id).unwrap();
    assert!(matches!(
        people::remove(st, sam.id),
        Err(DataError::NotFound(_))
    ));

    reasons::add(st, "My little sister").unwrap();
    let r = reasons::add(st, "Waking up clear").unwrap();
    reasons::update(st, r.id, "Waking up clear-headed").unwrap();
    assert_eq!(
        refused(reasons::add(st, "   ")),
        Refusal::NothingWritten {
            what: Field::Reason
        }
    );
    assert_eq!(reasons::list(st).unwrap()[1].text, "Waking up clear-headed");
}

#[test]
fn the_plan_saves_and_exports_as_an_escaped_readable_page() {
    let canary = "CANARYplanheron";
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    assert_eq!(
        plan::get(st).unwrap(),
        RelapsePlan::default(),
        "an empty plan to start"
    );
    let lonely = triggers::list(st, false)
        .unwrap()
        .into_iter()
        .find(|t| t.key.as_deref() == Some("loneliness-isolation"))
        .unwrap();
    // The person's own trigger, named like the built-in one they archived.
    let depression = triggers::list(st, false)
        .unwrap()
        .into_iter()
        .find(|t| t.key.as_deref() == Some("depression"))
        .unwrap();
    triggers::archive(st, depression.id, true).unwrap();
    let own = triggers::create(st, "Depression", now()).unwrap();
    people::add(
        st,
        &PersonInput {
            name: "Sam".into(),
            phone: "555 0100".into(),
            note: None,
        },
    )
    .unwrap();
    reasons::add(st, &format!("{canary} reason")).unwrap();
    let saved = plan::save(
        st,
        &RelapsePlan {
            warning_signs: vec![
                "Skipping meals".into(),
                "  ".into(),
                format!("<script>alert(1)</script>{canary}"),
            ],
            high_risk_situations: vec!["Friday nights".into()],
            high_risk_triggers: vec![lonely.id, lonely.id, own.id],
            coping_strategies: vec!["Urge surfing".into()],
            places: vec!["The library".into()],
            if_i_slip: "Call Sam.\n\nBe kind to myself.".into(),
            updated_at: None,
        },
        now(),
    )
    .unwrap();
    assert_eq!(saved.warning_signs.len(), 2, "empty items are dropped");
    assert_eq!(saved.high_risk_triggers, [lonely.id, own.id]);
    assert_eq!(saved.updated_at, Some(now()));
    let bad = RelapsePlan {
        high_risk_triggers: vec![9999],
        ..saved.clone()
    };
    assert!(matches!(
        plan::save(st, &bad, now()),
        Err(DataError::NotFound("trigger"))
    ));

    let html = plan::export_html(st, now(), Zone::UTC, Language::En).unwrap();
    assert!(
        html.contains("This page is readable by anyone who sees it."),
        "clearly marked as readable"
    );
    assert!(html.contains("Loneliness and isolation") && html.contains("Sam — 555 0100"));
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>"),
        "everything is escaped"
    );
    assert!(html.contains("<p>Be kind to myself.</p>"));
    let spanish = plan::export_html(st, now(), Zone::UTC, Language::Es).unwrap();
    for expected in [
        "<html lang=\"es\">",
        "<h1>Mi plan de prevención de recaídas</h1>",
        "Cualquier persona que vea esta página puede leerla.",
        "27 de noviembre de 2026",
        "<h2>Personas a las que puedo llamar</h2>",
        // The person's own words stay as they wrote them, a built-in trigger's name is the
        // screens', and their own trigger named like a built-in one is theirs.
        "Sam — 555 0100",
        "Soledad y aislamiento",
        "Depression",
    ] {
        assert!(
            spanish.contains(expected),
            "missing {expected:?} in {spanish}"
        );
    }
    assert!(
        !spanish.contains("readable by anyone")
            && !spanish.contains("My warning signs")
            && !spanish.contains("Loneliness and isolation")
            && !spanish.contains("Depresión"),
        "no English left on the Spanish page"
    );

    let out = tempfile::tempdir().unwrap();
    let first = plan::export_to(out.path(), st, now(), Zone::UTC, Language::En).unwrap();
    let second = plan::export_to(out.path(), st, now(), Zone::UTC, Language::En).unwrap();
    assert_ne!(first, second, "an export never overwrites an earlier one");
    assert!(first
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("relapse-prevention-plan-2026-11-27"));
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "the plan is encrypted in the journal: {}",
            path.display()
        );
    }
}

#[test]
fn the_plan_page_carries_the_reports_strict_csp() {
    // Opened in a browser from disk, the page must load nothing and run nothing, exactly like
    // the counsellor report (tests/report.rs checks the same meta tag there).
    const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                       style-src 'unsafe-inline'\">";
    let j = TempJournal::new();
    let (s, _) = j.create();
    let html = plan::export_html(s.store(), now(), Zone::UTC, Language::En).unwrap();
    let head = &html[..html.find("</head>").expect("the page has a head")];
    let csp = head
        .find(CSP)
        .unwrap_or_else(|| panic!("the plan page must carry the strict CSP: {head}"));
    assert!(
        csp < head.find("<style").expect("the page has its style")
            && csp < head.find("<title").unwrap(),
        "the CSP comes before anything it governs: {head}"
    );
    assert!(
        head.contains("<meta name=\"referrer\" content=\"no-referrer\">"),
        "{head}"
    );
    assert_eq!(
        html.matches("Content-Security-Policy").count(),
        1,
        "exactly one policy"
    );
}

#[test]
fn preferences_default_to_a_five_minute_auto_lock_and_are_validated() {
    use daybreak_core::preferences::{self, Preferences};
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let defaults = Preferences {
        auto_lock_minutes: Some(5),
        neutral_title: false,
        crisis_country: None,
    };
    assert_eq!(preferences::get(st).unwrap(), defaults);
    let chosen = Preferences {
        auto_lock_minutes: None,
        neutral_title: true,
        crisis_country: Some("GB".into()),
    };
    assert_eq!(
        preferences::set(st, &chosen).unwrap(),
        chosen,
        "auto-lock off, neutral title, UK lines"
    );
    for bad in [0, 61] {
        let r = preferences::set(
            st,
            &Preferences {
                auto_lock_minutes: Some(bad),
                ..chosen.clone()
            },
        );
        assert_eq!(
            refused(r),
            Refusal::OutOfRange {
                what: Scale::AutoLock,
                min: 1,
                max: 60
            }
        );
    }
    let r = preferences::set(
        st,
        &Preferences {
            crisis_country: Some("XX".into()),
            ..chosen.clone()
        },
    );
    assert_eq!(refused(r), Refusal::UnknownCountry);
    assert_eq!(
        preferences::get(st).unwrap(),
        chosen,
        "a refused change keeps the old values"
    );
}

#[test]
fn the_open_export_holds_every_kind_readably_and_versioned() {
    use daybreak_core::export;
    use daybreak_core::journal_entries::{self, JournalInput};
    use daybreak_core::moods::{self, Halt, MoodInput};
    use daybreak_core::sobriety::{clocks, slips, ClockInput, SlipInput};
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let clock = clocks::create(
        st,
        &ClockInput {
            name: "Heroin".into(),
            started_at: now() - chrono::Duration::days(40),
            money_per_day_cents: None,
            currency: None,
            minutes_per_day: None,
        },
        now(),
        Zone::UTC,
    )
    .unwrap();
    slips::record(
        st,
        clock.id,
        &SlipInput {
            at: now() - chrono::Duration::days(3),
            note: Some("hard night".into()),
            triggers: None,
        },
        now(),
        Zone::UTC,
    )
    .unwrap();
    moods::create(
        st,
        &MoodInput {
            at: now(),
            mood: 4,
            emotions: vec![1, 10],
            craving: Some(2),
            halt: Halt::default(),
            sleep_hours: None,
            note: Some("calm".into()),
        },
        now(),
    )
    .unwrap();
    journal_entries::create(
        st,
        &JournalInput {
            at: now(),
            title: "Day".into(),
            body: "Walked **far**".into(),
            tags: vec!["walk".into()],
        },
        now(),
    )
    .unwrap();
    people::add(
        st,
        &PersonInput {
            name: "Sam".into(),
            phone: "555".into(),
            note: None,
        },
    )
    .unwrap();
    let grief = triggers::list(st, false)
        .unwrap()
        .into_iter()
        .find(|t| t.key.as_deref() == Some("grief-loss"))
        .unwrap();
    plan::save(
        st,
        &RelapsePlan {
            warning_signs: vec!["Skipping meals".into()],
            high_risk_triggers: vec![grief.id],
            if_i_slip: "Call Sam".into(),
            ..RelapsePlan::default()
        },
        now(),
    )
    .unwrap();
    let overdose = library::shipped()[0].meta.slug.clone();
    library::set_bookmark(st, &overdose, true, now()).unwrap();
    library::save_note(st, &overdose, Some("read again"), now()).unwrap();
    library::import(st, "notes.md", b"# My notes\n\nOne day at a time, and today is one of them. I keep going because it matters to me and to the people I love.\n", now()).unwrap();
    let value = serde_json::to_value(export::export(st, now()).unwrap()).unwrap();
    assert_eq!(value["format"], "daybreak-export");
    assert_eq!(value["version"], 2);
    assert_eq!(value["clocks"][0]["name"], "Heroin");
    assert_eq!(value["clocks"][0]["slips"][0]["note"], "hard night");
    assert_eq!(
        value["moods"][0]["emotions"],
        serde_json::json!(["anxious", "hopeful"])
    );
    assert_eq!(value["journal"][0]["tags"], serde_json::json!(["walk"]));
    assert_eq!(value["journal"][0]["body"], "Walked **far**");
    assert_eq!(value["people"][0]["name"], "Sam");
    assert_eq!(value["triggers"].as_array().unwrap().len(), 12);
    assert_eq!(
        value["relapsePlan"]["highRiskTriggerNames"],
        serde_json::json!([grief.name]),
        "the plan names its triggers, ids mean nothing elsewhere"
    );
    assert_eq!(value["library"]["imported"][0]["title"], "My notes");
    let out = tempfile::tempdir().unwrap();
    let path = export::export_to(out.path(), st, now(), Zone::UTC, Language::En).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("not encrypted"),
        "the file says it is readable"
    );
    let mut back: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The sentence is the file's own, in the language it was saved in.
    back.as_object_mut().unwrap().remove("readableByAnyone");
    assert_eq!(back, value, "the file is exactly the export");

    // Round trip: imported into a fresh journal, it exports the same again.
    use daybreak_core::import as import_export;
    let k = TempJournal::new();
    let (mut t, _) = k.create();
    let first = import_export::import(t.store_mut(), text.as_bytes(), now(), Zone::UTC).unwrap();
    assert!(first.added > 0, "the import adds entries: {first:?}");
    for kind in [
        "relapse plan",
        "library articles",
        "reading notes and bookmarks",
        "moods",
    ] {
        assert_eq!(
            first.of(kind).map(|k| k.added),
            Some(1),
            "{kind}: {first:?}"
        );
    }
    let again = import_export::import(t.store_mut(), text.as_bytes(), now(), Zone::UTC).unwrap();
    assert_eq!(
        again.added, 0,
        "importing the same file twice adds nothing: {again:?}"
    );
    assert_eq!(again.already_there, first.added + first.already_there);
    let mut round = serde_json::to_value(export::export(t.store(), now()).unwrap()).unwrap();
    let mut original = value.clone();
    round["exportedAt"] = serde_json::Value::Null;
    original["exportedAt"] = serde_json::Value::Null;
    assert_eq!(
        round, original,
        "export -> import -> export gives the same document"
    );

    // A bad file imports nothing.
    let before = serde_json::to_value(export::export(t.store(), now()).unwrap()).unwrap();
    let mut broken: serde_json::Value = serde_json::from_str(&text).unwrap();
    broken["moods"][0]["mood"] = serde_json::json!(9);
    broken["journal"][0]["at"] = serde_json::json!("2026-01-01T00:00:00Z");
    // New records, not the ones already here under these uuids (which are skipped unread).
    for kind in ["moods", "journal"] {
        broken[kind][0].as_object_mut().unwrap().remove("uuid");
    }
    let r = import_export::import(
        t.store_mut(),
        broken.to_string().as_bytes(),
        now(),
        Zone::UTC,
    );
    assert_eq!(
        refused(r),
        Refusal::ExportRecord {
            what: RecordKind::Mood,
            position: 1,
            problem: Box::new(Refusal::OutOfRange {
                what: Scale::Mood,
                min: 1,
                max: 5
            })
        },
        "the first record that breaks a rule is named, with the rule"
    );
    for bad in [
        &b"not json"[..],
        br#"{"format":"other","version":1}"#,
        br#"{"format":"daybreak-export","version":99}"#,
    ] {
        assert!(import_export::import(t.store_mut(), bad, now(), Zone::UTC).is_err());
    }
    assert_eq!(
        serde_json::to_value(export::export(t.store(), now()).unwrap()).unwrap()["journal"],
        before["journal"],
        "no partial import"
    );
}
