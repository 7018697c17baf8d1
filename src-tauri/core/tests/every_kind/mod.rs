//! A journal with at least one record of every kind the open export holds (and a few it holds
//! by name), written through the app's own functions: what the export and import tests
//! round-trip.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use daybreak_core::catalogue::{self, Catalogue};
use daybreak_core::cravings::{self, CravingInput, CravingOutcome};
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::sobriety::{check_ins, clocks, slips, ClockInput, EveningCheckIn, SlipInput};
use daybreak_core::sos::{people, plan, reasons, PersonInput, RelapsePlan};
use daybreak_core::store::Store;
use daybreak_core::zone::Zone;
use daybreak_core::{library, triggers};

pub fn tz() -> Zone {
    crate::common::zone("Europe/London")
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap()
}

/// Fills `st` with two clocks (one archived), a slip with a trigger, a check-in, a trigger of
/// the person's own, a mood with a built-in and an own emotion, a craving that was a slip, a
/// journal entry with tags, a person, a reason, the relapse plan, and the library's state.
pub fn fill(st: &mut Store) {
    let now = now();
    let own_trigger = triggers::create(st, "Payday", now).unwrap();
    let clock = clocks::create(
        st,
        &ClockInput {
            name: "Opioids".into(),
            started_at: now - Duration::days(40),
            money_per_day_cents: Some(1500),
            currency: Some("GBP".into()),
            minutes_per_day: Some(90),
        },
        now,
        tz(),
    )
    .unwrap();
    let old = clocks::create(
        st,
        &ClockInput {
            name: "Drinking".into(),
            started_at: now - Duration::days(400),
            money_per_day_cents: None,
            currency: None,
            minutes_per_day: None,
        },
        now,
        tz(),
    )
    .unwrap();
    clocks::archive(st, old.id, true).unwrap();
    slips::record(
        st,
        clock.id,
        &SlipInput {
            at: now - Duration::days(3),
            note: Some("hard night, after the funeral".into()),
            triggers: Some(vec![own_trigger.id]),
        },
        now,
        tz(),
    )
    .unwrap();
    check_ins::morning(st, Some("Walk at lunch"), now - Duration::days(1), tz()).unwrap();
    check_ins::evening(
        st,
        &EveningCheckIn {
            sober: true,
            difficulty: 2,
            note: Some("Quiet day".into()),
        },
        now - Duration::days(1),
        tz(),
    )
    .unwrap();
    let own_emotion = catalogue::add(st, Catalogue::Emotions, "Restless").unwrap();
    moods::create(
        st,
        &MoodInput {
            at: now - Duration::hours(2),
            mood: 4,
            emotions: vec![1, own_emotion.id],
            craving: Some(2),
            halt: Halt {
                tired: true,
                ..Halt::default()
            },
            sleep_hours: Some(7.5),
            note: Some("calm, \"mostly\"\nsecond line".into()),
        },
        now,
    )
    .unwrap();
    let own_action = catalogue::add(st, Catalogue::CopingActions, "Cold shower").unwrap();
    cravings::create(
        st,
        &CravingInput {
            at: now - Duration::days(2),
            strength: 8,
            triggers: vec![own_trigger.id],
            place: Some("Home".into()),
            people: None,
            actions: vec![own_action.id],
            outcome: CravingOutcome::Used,
            note: Some("it got the better of me".into()),
            slip_clock_id: Some(clock.id),
        },
        now,
    )
    .unwrap();
    cravings::create(
        st,
        &CravingInput {
            at: now - Duration::hours(5),
            strength: 3,
            triggers: vec![],
            place: None,
            people: Some("Sam".into()),
            actions: vec![],
            outcome: CravingOutcome::Passed,
            note: None,
            slip_clock_id: None,
        },
        now,
    )
    .unwrap();
    journal_entries::create(
        st,
        &JournalInput {
            at: now - Duration::hours(1),
            title: "Day".into(),
            body: "Walked **far**".into(),
            tags: vec!["walk".into(), "river".into()],
        },
        now,
    )
    .unwrap();
    people::add(
        st,
        &PersonInput {
            name: "Sam".into(),
            phone: "+44 555 0100".into(),
            note: Some("sponsor".into()),
        },
    )
    .unwrap();
    reasons::add(st, "My daughter").unwrap();
    let grief = triggers::list(st, false)
        .unwrap()
        .into_iter()
        .find(|t| t.key.as_deref() == Some("grief-loss"))
        .unwrap();
    plan::save(
        st,
        &RelapsePlan {
            warning_signs: vec!["Skipping meals".into()],
            high_risk_triggers: vec![grief.id, own_trigger.id],
            if_i_slip: "Call Sam".into(),
            ..RelapsePlan::default()
        },
        now,
    )
    .unwrap();
    let first = library::shipped()[0].meta.slug.clone();
    library::set_bookmark(st, &first, true, now).unwrap();
    library::save_note(st, &first, Some("read again"), now).unwrap();
    library::import(
        st,
        "notes.md",
        b"# My notes\n\nOne day at a time, and today is one of them.\n",
        now,
    )
    .unwrap();
}
