//! Sober days on a real encrypted journal: clocks, slips, milestones, check-ins and the Today
//! screen, with time passed in.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{contains, snapshot, TempJournal, PASSPHRASE};
use daybreak_core::sobriety::{
    check_ins, clocks, slips, today, ClockInput, EveningCheckIn, MilestoneLength, SlipInput, Span,
    TimeUnit,
};
use daybreak_core::time::{instant_at, local};
use daybreak_core::zone::Zone;
use daybreak_core::{DataError, Field, Moment, Named, Passphrase, Refusal, Scale, Session};

fn tz() -> Zone {
    common::zone("America/New_York")
}

fn now() -> DateTime<Utc> {
    // 8 pm in New York on 2026-11-26.
    tz().with_ymd_and_hms(2026, 11, 26, 20, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// `n` calendar days before now, at the same wall-clock time (Duration::days would drift by
/// an hour across the DST change on November 1).
fn days_ago(n: u64) -> DateTime<Utc> {
    days_after(now(), -(n as i64))
}

fn days_after(t: DateTime<Utc>, n: i64) -> DateTime<Utc> {
    let wall = local(t, tz());
    let date = if n >= 0 {
        wall.date() + chrono::Days::new(n as u64)
    } else {
        wall.date() - chrono::Days::new(n.unsigned_abs())
    };
    instant_at(date.and_time(wall.time()), tz())
}

fn input(name: &str, started_at: DateTime<Utc>) -> ClockInput {
    ClockInput {
        name: name.into(),
        started_at,
        money_per_day_cents: None,
        currency: None,
        minutes_per_day: None,
    }
}

fn slip(at: DateTime<Utc>) -> SlipInput {
    SlipInput {
        at,
        note: Some("a hard evening".into()),
        triggers: None,
    }
}

fn length(unit: TimeUnit, count: u32) -> MilestoneLength {
    MilestoneLength { unit, count }
}

fn open() -> (TempJournal, Session) {
    let j = TempJournal::new();
    let (session, _) = j.create();
    (j, session)
}

/// What the core refused with a kind the UI words (see `Refusal`).
fn refused(result: Result<impl std::fmt::Debug, DataError>) -> Refusal {
    match result {
        Err(DataError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_clock_started_30_days_ago_shows_30_days_and_the_milestone() {
    let (j, mut s) = open();
    let clock = clocks::create(s.store_mut(), &input("Heroin", days_ago(30)), now(), tz()).unwrap();
    assert_eq!(clock.days, 30);
    // October 27 to November 26: 30 days, and one month only from November 27.
    assert_eq!(
        clock.span,
        Span {
            years: 0,
            months: 0,
            days: 30
        },
        "the long form is numbers the UI words"
    );
    assert!(clock.pinned, "the first clock becomes the main one");
    assert_eq!(
        clock.last_milestone.as_ref().unwrap().length,
        length(TimeUnit::Days, 30)
    );
    assert_eq!(
        clock.next_milestone.as_ref().unwrap().length,
        length(TimeUnit::Days, 60)
    );
    assert_eq!(
        clock.uncelebrated.as_ref().unwrap().key,
        "d30",
        "a new milestone to celebrate"
    );

    clocks::acknowledge_milestone(s.store_mut(), clock.id, "d30", now(), tz()).unwrap();
    let again = clocks::view(s.store(), clock.id, now(), tz()).unwrap();
    assert_eq!(
        again.uncelebrated, None,
        "the celebration is shown only once"
    );

    s.lock().unwrap();
    let s = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let after = clocks::view(s.store(), clock.id, now() + Duration::days(1), tz()).unwrap();
    assert_eq!(
        (after.days, after.name.as_str()),
        (31, "Heroin"),
        "survives lock and unlock"
    );
    assert_eq!(after.uncelebrated, None, "still celebrated after unlocking");
}

#[test]
fn bad_clock_input_is_refused_with_a_reason() {
    let (_j, mut s) = open();
    let store = s.store_mut();
    let future = refused(clocks::create(
        store,
        &input("X", now() + Duration::minutes(1)),
        now(),
        tz(),
    ));
    assert_eq!(
        future,
        Refusal::InFuture {
            what: Moment::ClockStart
        }
    );
    assert_eq!(
        refused(clocks::create(store, &input("   ", now()), now(), tz())),
        Refusal::NameMissing { what: Named::Clock }
    );
    assert_eq!(
        refused(clocks::create(
            store,
            &input(&"x".repeat(61), now()),
            now(),
            tz()
        )),
        Refusal::TooLong {
            what: Field::Name,
            max: 60
        }
    );
    let mut bad_currency = input("Pills", now());
    bad_currency.currency = Some("dollars".into());
    assert_eq!(
        refused(clocks::create(store, &bad_currency, now(), tz())),
        Refusal::BadCurrency
    );
    let too_old = input("Old", now() - Duration::days(365 * 130));
    assert_eq!(
        refused(clocks::create(store, &too_old, now(), tz())),
        Refusal::StartTooFarBack { max_years: 120 }
    );
    assert!(
        clocks::list(store, true, now(), tz()).unwrap().is_empty(),
        "nothing was created"
    );
    assert!(matches!(
        clocks::view(store, 999, now(), tz()),
        Err(DataError::NotFound("clock"))
    ));
}

#[test]
fn pinning_archiving_and_deleting() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let a = clocks::create(st, &input("Alcohol", days_ago(5)), now(), tz()).unwrap();
    let b = clocks::create(st, &input("Pills", days_ago(9)), now(), tz()).unwrap();
    assert!(a.pinned && !b.pinned);
    clocks::pin(st, b.id).unwrap();
    let list = clocks::list(st, false, now(), tz()).unwrap();
    assert_eq!(
        list.iter()
            .map(|c| (c.name.as_str(), c.pinned))
            .collect::<Vec<_>>(),
        [("Pills", true), ("Alcohol", false)]
    );
    clocks::archive(st, b.id, true).unwrap();
    let active = clocks::list(st, false, now(), tz()).unwrap();
    assert_eq!(active.len(), 1, "archived clocks are hidden");
    let all = clocks::list(st, true, now(), tz()).unwrap();
    assert!(
        all.iter().all(|c| !c.pinned),
        "an archived clock is no longer the main one"
    );
    assert_eq!(refused(clocks::pin(st, b.id)), Refusal::ArchivedMain);
    clocks::archive(st, b.id, false).unwrap();
    slips::record(st, b.id, &slip(days_ago(1)), now(), tz()).unwrap();
    clocks::delete(st, b.id).unwrap();
    assert!(matches!(
        clocks::detail(st, b.id, now(), tz()),
        Err(DataError::NotFound(_))
    ));
    let left: i64 = st
        .read(|c| c.query_row("SELECT count(*) FROM slips", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(left, 0, "a deleted clock's slips go with it");
}

#[test]
fn a_slip_restarts_the_streak_and_keeps_the_history() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let c = clocks::create(st, &input("Heroin", days_ago(30)), now(), tz()).unwrap();
    let recorded = slips::record(st, c.id, &slip(days_ago(10)), now(), tz()).unwrap();
    assert_eq!(
        recorded.kept_days, 20,
        "the 20 days before the slip still count"
    );
    assert_eq!(recorded.total_sober_days, 30);
    assert_eq!(recorded.clock.days, 10);
    assert_eq!(recorded.clock.restarts, 1);
    assert_eq!(recorded.clock.longest_streak_days, 20);

    let detail = clocks::detail(st, c.id, now(), tz()).unwrap();
    assert_eq!(detail.streaks.len(), 2);
    assert_eq!(
        detail.streaks[0].ended_at, None,
        "newest (current) streak first"
    );
    assert_eq!(detail.streaks[1].days, 20);
    assert_eq!(detail.slips[0].note.as_deref(), Some("a hard evening"));
    let lengths: Vec<_> = detail.milestones.iter().map(|m| m.length).collect();
    let (week, three_days, day, two_weeks) = (
        length(TimeUnit::Weeks, 1),
        length(TimeUnit::Days, 3),
        length(TimeUnit::Hours, 24),
        length(TimeUnit::Weeks, 2),
    );
    assert_eq!(
        lengths,
        [week, three_days, day, two_weeks, week, three_days, day]
    );
    assert_eq!(
        detail.streaks[1].span,
        Span {
            years: 0,
            months: 0,
            days: 20
        }
    );
}

#[test]
fn slips_are_checked_edited_and_removed() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let start = days_ago(100);
    let c = clocks::create(st, &input("Alcohol", start), now(), tz()).unwrap();
    let before = refused(slips::record(
        st,
        c.id,
        &slip(start - Duration::minutes(1)),
        now(),
        tz(),
    ));
    assert_eq!(before, Refusal::SlipBeforeStart);
    assert_eq!(
        refused(slips::record(
            st,
            c.id,
            &slip(now() + Duration::hours(1)),
            now(),
            tz()
        )),
        Refusal::InFuture { what: Moment::Slip }
    );

    slips::record(st, c.id, &slip(days_after(start, 10)), now(), tz()).unwrap();
    slips::record(st, c.id, &slip(days_after(start, 60)), now(), tz()).unwrap();
    // A slip between the two others recomputes the history.
    let r = slips::record(st, c.id, &slip(days_after(start, 30)), now(), tz()).unwrap();
    assert_eq!(
        (r.kept_days, r.clock.longest_streak_days, r.clock.restarts),
        (20, 40, 3)
    );
    // Two slips at the same instant: an empty streak between them, nothing breaks.
    let r = slips::record(st, c.id, &slip(days_after(start, 30)), now(), tz()).unwrap();
    assert_eq!(
        (r.kept_days, r.total_sober_days, r.clock.restarts),
        (0, 100, 4)
    );

    let detail = clocks::detail(st, c.id, now(), tz()).unwrap();
    let newest = detail.slips[0].clone();
    assert_eq!(newest.at, days_after(start, 60));
    let moved = SlipInput {
        at: days_after(start, 80),
        note: None,
        triggers: None,
    };
    let detail = slips::update(st, newest.id, &moved, now(), tz()).unwrap();
    assert_eq!(
        detail.clock.days, 20,
        "moving the last slip shortens the current streak"
    );
    assert_eq!(detail.clock.longest_streak_days, 50);
    let detail = slips::delete(st, newest.id, now(), tz()).unwrap();
    assert_eq!(detail.clock.days, 70, "removing it joins the streaks again");
    assert_eq!(detail.clock.restarts, 3);
    assert!(matches!(
        slips::delete(st, newest.id, now(), tz()),
        Err(DataError::NotFound("slip"))
    ));
    // The start cannot move past a slip.
    let late = input("Alcohol", days_after(start, 11));
    assert_eq!(
        refused(clocks::update(st, c.id, &late, now(), tz())),
        Refusal::StartAfterSlip
    );
}

#[test]
fn a_new_streak_celebrates_its_milestones_again() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let c = clocks::create(st, &input("Heroin", days_ago(8)), now(), tz()).unwrap();
    assert_eq!(c.uncelebrated.unwrap().length, length(TimeUnit::Weeks, 1));
    clocks::acknowledge_milestone(st, c.id, "d7", now(), tz()).unwrap();
    let slip_at = days_ago(4);
    slips::record(st, c.id, &slip(slip_at), now(), tz()).unwrap();
    let view = clocks::view(st, c.id, now(), tz()).unwrap();
    assert_eq!(
        view.uncelebrated.unwrap().length,
        length(TimeUnit::Days, 3),
        "the new streak has its own"
    );
    assert_eq!(
        refused(clocks::acknowledge_milestone(st, c.id, "d5", now(), tz())),
        Refusal::BadRequest
    );
}

#[test]
fn savings_follow_the_current_streak_and_the_total() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let mut i = input("Heroin", days_ago(30));
    i.money_per_day_cents = Some(4_000);
    i.currency = Some("USD".into());
    i.minutes_per_day = Some(180);
    let c = clocks::create(st, &i, now(), tz()).unwrap();
    slips::record(st, c.id, &slip(days_ago(10)), now(), tz()).unwrap();
    let v = clocks::view(st, c.id, now(), tz()).unwrap();
    let savings = v.savings.unwrap();
    assert_eq!(savings.money_current_cents, Some(40_000));
    assert_eq!(savings.money_total_cents, Some(120_000));
    assert_eq!(savings.minutes_total, Some(180 * 30));
    assert_eq!(savings.currency.as_deref(), Some("USD"));
}

#[test]
fn check_ins_merge_per_day_and_count_a_streak() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let evening = EveningCheckIn {
        sober: true,
        difficulty: 2,
        note: Some("ok day".into()),
    };
    for days_ago in [5, 3, 2, 1] {
        let t = now() - Duration::days(days_ago);
        check_ins::evening(st, &evening, t, tz()).unwrap();
    }
    let morning = check_ins::morning(st, Some("  Today I stay sober  "), now(), tz()).unwrap();
    assert_eq!(morning.intention.as_deref(), Some("Today I stay sober"));
    assert_eq!(morning.sober, None, "evening not done yet");
    let done = check_ins::evening(st, &evening, now(), tz()).unwrap();
    assert_eq!(
        (done.intention.as_deref(), done.sober, done.difficulty),
        (Some("Today I stay sober"), Some(true), Some(2)),
        "morning and evening are one day"
    );

    let t = today::today(st, now(), tz()).unwrap();
    assert_eq!(
        t.check_in_streak, 4,
        "today, 1, 2 and 3 days ago; day 4 is missing"
    );
    let month = check_ins::between(st, t.day - chrono::Days::new(30), t.day).unwrap();
    assert_eq!(month.len(), 5);
    let bad = EveningCheckIn {
        difficulty: 6,
        ..evening
    };
    assert_eq!(
        refused(check_ins::evening(st, &bad, now(), tz())),
        Refusal::OutOfRange {
            what: Scale::Difficulty,
            min: 1,
            max: 5
        }
    );
    assert_eq!(
        refused(check_ins::between(st, t.day, t.day - chrono::Days::new(1))),
        Refusal::BadRequest
    );
}

#[test]
fn today_shows_the_main_clock_and_the_check_in() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let empty = today::today(st, now(), tz()).unwrap();
    assert!(empty.main_clock.is_none() && empty.clocks.is_empty() && empty.check_in.is_none());
    assert_eq!(empty.day.to_string(), "2026-11-26");
    clocks::create(st, &input("Alcohol", days_ago(3)), now(), tz()).unwrap();
    let pills = clocks::create(st, &input("Pills", days_ago(40)), now(), tz()).unwrap();
    clocks::pin(st, pills.id).unwrap();
    let t = today::today(st, now(), tz()).unwrap();
    assert_eq!(t.main_clock.unwrap().name, "Pills");
    assert_eq!(t.clocks.len(), 2);
    // Yesterday's check-in keeps the streak alive until today's is in.
    check_ins::morning(st, None, days_ago(1), tz()).unwrap();
    assert_eq!(today::today(st, now(), tz()).unwrap().check_in_streak, 1);
}

#[test]
fn what_people_write_here_is_encrypted_on_disk() {
    let canary = "CANARY-sobriety-4b1d";
    let (j, mut s) = open();
    let st = s.store_mut();
    let c = clocks::create(
        st,
        &input(&format!("{canary} clock"), days_ago(2)),
        now(),
        tz(),
    )
    .unwrap();
    let note = SlipInput {
        at: days_ago(1),
        note: Some(format!("{canary} slip")),
        triggers: None,
    };
    slips::record(st, c.id, &note, now(), tz()).unwrap();
    check_ins::morning(st, Some(&format!("{canary} intention")), now(), tz()).unwrap();
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "readable in {}",
            path.display()
        );
    }
    s.lock().unwrap();
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "readable in {}",
            path.display()
        );
    }
}
