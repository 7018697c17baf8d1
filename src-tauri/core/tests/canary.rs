//! The canary across every kind: one unique string written into every kind of entry must be
//! found in no file of the data directory (database, WAL, shared memory, header, its previous
//! copy) nor in any backup, automatic or made by hand, while the journal is open and after it
//! is locked. Also checked in common encodings, and as the index would store it.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{contains, snapshot, TempJournal};
use daybreak_core::cravings::{self, CravingInput, CravingOutcome};
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::library;
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::sobriety::{check_ins, clocks, slips, ClockInput, EveningCheckIn, SlipInput};
use daybreak_core::sos::{people, plan, reasons, PersonInput, RelapsePlan};
use daybreak_core::zone::Zone;
use daybreak_core::{backup, triggers, KdfChoice, Passphrase};

const CANARY: &str = "CanaryEveryKind7731";

fn forms(canary: &str) -> Vec<Vec<u8>> {
    let utf16: Vec<u8> = canary
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    vec![
        canary.as_bytes().to_vec(),
        canary.to_lowercase().into_bytes(),
        utf16,
    ]
}

#[test]
fn a_canary_in_every_kind_of_entry_is_in_no_file_and_no_backup() {
    let tz = Zone::UTC;
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let c = |what: &str| format!("{CANARY} {what}");

    let clock = clocks::create(
        st,
        &ClockInput {
            name: c("clock"),
            started_at: now - Duration::days(9),
            money_per_day_cents: None,
            currency: None,
            minutes_per_day: None,
        },
        now,
        tz,
    )
    .unwrap();
    slips::record(
        st,
        clock.id,
        &SlipInput {
            at: now - Duration::days(2),
            note: Some(c("slip")),
            triggers: None,
        },
        now,
        tz,
    )
    .unwrap();
    check_ins::morning(st, Some(&c("intention")), now, tz).unwrap();
    check_ins::evening(
        st,
        &EveningCheckIn {
            sober: true,
            difficulty: 2,
            note: Some(c("evening")),
        },
        now,
        tz,
    )
    .unwrap();
    let trigger = triggers::create(st, &c("trigger"), now).unwrap();
    moods::create(
        st,
        &MoodInput {
            at: now,
            mood: 3,
            emotions: vec![],
            craving: Some(4),
            halt: Halt::default(),
            sleep_hours: None,
            note: Some(c("mood")),
        },
        now,
    )
    .unwrap();
    cravings::create(
        st,
        &CravingInput {
            at: now,
            strength: 6,
            triggers: vec![trigger.id],
            place: Some(c("place")),
            people: Some(c("people")),
            actions: vec![],
            outcome: CravingOutcome::Passed,
            note: Some(c("craving")),
            slip_clock_id: None,
        },
        now,
    )
    .unwrap();
    journal_entries::create(
        st,
        &JournalInput {
            at: now,
            title: c("title"),
            body: c("body"),
            tags: vec![CANARY.to_lowercase()],
        },
        now,
    )
    .unwrap();
    people::add(
        st,
        &PersonInput {
            name: c("person"),
            phone: "555 0100".into(),
            note: Some(c("note")),
        },
    )
    .unwrap();
    reasons::add(st, &c("reason")).unwrap();
    plan::save(
        st,
        &RelapsePlan {
            warning_signs: vec![c("sign")],
            if_i_slip: c("slip plan"),
            ..RelapsePlan::default()
        },
        now,
    )
    .unwrap();
    library::save_note(st, "after-a-slip", Some(&c("article note")), now).unwrap();
    library::import(
        st,
        "saved.md",
        c("imported article body text here").as_bytes(),
        now,
    )
    .unwrap();

    let check = |when: &str| {
        for (path, bytes) in snapshot(j.dir.path()) {
            for form in forms(CANARY) {
                assert!(
                    !contains(&bytes, &form),
                    "{when}: the canary is readable in {}",
                    path.display()
                );
            }
            assert!(
                !bytes.starts_with(b"SQLite format 3"),
                "{when}: {} is a plain SQLite file",
                path.display()
            );
        }
    };
    check("while open");
    backup::auto_backup(&s, j.paths(), now, tz)
        .unwrap()
        .expect("an automatic backup");
    backup::create(
        &s,
        j.paths(),
        &j.dir.path().join("by-hand.dbk"),
        now,
        &mut |_| true,
    )
    .unwrap();
    check("with backups");
    s.lock().unwrap();
    // A passphrase change leaves a previous header behind; it must hold nothing readable either.
    j.vault
        .change_passphrase(
            &Passphrase::new(common::PASSPHRASE),
            &Passphrase::new("another passphrase"),
            KdfChoice::Fixed(daybreak_core::vault::kdf::FLOOR),
        )
        .unwrap();
    check("after locking");
}
