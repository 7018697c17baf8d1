//! The reminder schedule, with the time passed in: wall-clock times across DST changes and
//! travel, quiet hours, check-ins already done, and no pile of missed reminders.

mod common;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use common::zone;
use daybreak_core::reminders::{
    due, next_after, CheckInsToday, Occurrence, QuietHours, ReminderKind, ReminderSettings, Shown,
    MISSED_AFTER,
};
use daybreak_core::time::{instant_at, local};
use daybreak_core::zone::Zone;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(tz: Zone, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    instant_at(day(y, m, d).and_time(t(h, min)), tz)
}

fn evening(h: u32, m: u32) -> ReminderSettings {
    ReminderSettings {
        evening: Some(t(h, m)),
        ..Default::default()
    }
}

/// Runs the app's loop from `start` to `end`, waking every minute as the scheduler does, and
/// returns every reminder shown.
/// The computer's zone on a journey: `from` until it lands, `to` after.
fn flight(from: Zone, landed: DateTime<Utc>, to: Zone) -> impl Fn(DateTime<Utc>) -> Zone {
    move |now| if now < landed { from } else { to }
}

fn run(
    settings: &ReminderSettings,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tz_at: impl Fn(DateTime<Utc>) -> Zone,
) -> Vec<Occurrence> {
    let mut shown = Shown::default();
    let mut seen = Vec::new();
    let mut since = start;
    while since < end {
        let now = since + Duration::minutes(1);
        if let Some(o) = due(
            settings,
            since,
            now,
            tz_at(now),
            &[],
            CheckInsToday::Unknown,
            &shown,
        ) {
            shown.record(&o);
            seen.push(o);
        }
        since = now;
    }
    seen
}

#[test]
fn nothing_is_on_by_default() {
    let berlin = zone("Europe/Berlin");
    let settings = ReminderSettings::default();
    assert!(!settings.any_on());
    assert_eq!(
        next_after(&settings, at(berlin, 2026, 5, 1, 12, 0), berlin, &[]),
        None,
        "no reminder until the person turns one on"
    );
}

#[test]
fn the_next_reminder_is_at_its_wall_clock_time() {
    let berlin = zone("Europe/Berlin");
    let settings = ReminderSettings {
        morning: Some(t(8, 0)),
        evening: Some(t(21, 0)),
        ..Default::default()
    };
    let next = next_after(&settings, at(berlin, 2026, 5, 1, 12, 0), berlin, &[]).unwrap();
    assert_eq!(next.kind, ReminderKind::Evening);
    assert_eq!(next.at, at(berlin, 2026, 5, 1, 21, 0));
    let after_evening = next_after(&settings, at(berlin, 2026, 5, 1, 21, 0), berlin, &[]).unwrap();
    assert_eq!(
        (after_evening.kind, after_evening.at),
        (ReminderKind::Morning, at(berlin, 2026, 5, 2, 8, 0)),
        "strictly after: the evening just shown is not next again"
    );
}

#[test]
fn spring_forward_a_time_in_the_skipped_hour_comes_once_at_the_first_real_minute() {
    let new_york = zone("America/New_York");
    // New York skips 2:00-3:00 on 2026-03-08.
    let settings = ReminderSettings {
        morning: Some(t(2, 30)),
        ..Default::default()
    };
    let next = next_after(&settings, at(new_york, 2026, 3, 7, 12, 0), new_york, &[]).unwrap();
    assert_eq!(local(next.at, new_york), day(2026, 3, 8).and_time(t(3, 0)));
    let shown = run(
        &settings,
        at(new_york, 2026, 3, 7, 12, 0),
        at(new_york, 2026, 3, 9, 12, 0),
        |_| new_york,
    );
    let days: Vec<_> = shown.iter().map(|o| o.day).collect();
    assert_eq!(
        days,
        [day(2026, 3, 8), day(2026, 3, 9)],
        "one a day, the skipped day included"
    );
}

#[test]
fn fall_back_a_repeated_time_comes_once() {
    let new_york = zone("America/New_York");
    // New York repeats 1:00-2:00 on 2026-11-01.
    let settings = ReminderSettings {
        morning: Some(t(1, 30)),
        ..Default::default()
    };
    let shown = run(
        &settings,
        at(new_york, 2026, 10, 31, 12, 0),
        at(new_york, 2026, 11, 1, 12, 0),
        |_| new_york,
    );
    assert_eq!(shown.len(), 1, "1:30 happens twice but reminds once");
    assert_eq!(
        shown[0].at.to_rfc3339(),
        "2026-11-01T05:30:00+00:00",
        "at its first occurrence (EDT)"
    );
}

#[test]
fn an_evening_across_the_dst_change_keeps_its_wall_clock_time() {
    let berlin = zone("Europe/Berlin");
    let settings = evening(21, 0);
    let shown = run(
        &settings,
        at(berlin, 2026, 3, 28, 12, 0),
        at(berlin, 2026, 3, 30, 12, 0),
        |_| berlin,
    );
    assert_eq!(shown.len(), 2);
    assert_eq!((shown[1].at - shown[0].at).num_hours(), 23, "a 23-hour day");
    for o in &shown {
        assert_eq!(local(o.at, berlin).time(), t(21, 0));
    }
}

#[test]
fn travelling_west_does_not_bring_the_same_evening_round_twice() {
    let berlin = zone("Europe/Berlin");
    let new_york = zone("America/New_York");
    // Reminded at 21:00 in Berlin (15:00 in New York), then the computer is in New York,
    // where 21:00 of the same calendar day is still to come.
    let settings = evening(21, 0);
    let landed = at(berlin, 2026, 6, 1, 22, 0);
    let shown = run(
        &settings,
        at(berlin, 2026, 6, 1, 20, 0),
        at(new_york, 2026, 6, 2, 12, 0),
        flight(berlin, landed, new_york),
    );
    let days: Vec<_> = shown.iter().map(|o| o.day).collect();
    assert_eq!(days, [day(2026, 6, 1)], "one evening reminder for June 1");
    assert_eq!(shown[0].at, at(berlin, 2026, 6, 1, 21, 0));
}

#[test]
fn travelling_east_reminds_at_the_new_zones_time_and_skips_what_is_past() {
    let berlin = zone("Europe/Berlin");
    let new_york = zone("America/New_York");
    let los_angeles = zone("America/Los_Angeles");
    // 19:00 in New York is 01:00 the next day in Berlin: June 1's evening there has passed.
    let settings = evening(21, 0);
    let landed = at(new_york, 2026, 6, 1, 19, 0);
    let shown = run(
        &settings,
        at(new_york, 2026, 6, 1, 18, 0),
        at(berlin, 2026, 6, 2, 23, 0),
        flight(new_york, landed, berlin),
    );
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].at,
        at(berlin, 2026, 6, 2, 21, 0),
        "21:00 where the person is now"
    );
    let next = next_after(
        &settings,
        at(los_angeles, 2026, 6, 3, 12, 0),
        los_angeles,
        &[],
    )
    .unwrap();
    assert_eq!(local(next.at, los_angeles).time(), t(21, 0));
}

#[test]
fn a_check_in_already_done_today_is_not_reminded() {
    let berlin = zone("Europe/Berlin");
    let settings = ReminderSettings {
        morning: Some(t(8, 0)),
        evening: Some(t(21, 0)),
        ..Default::default()
    };
    let shown = Shown::default();
    let since = at(berlin, 2026, 5, 1, 20, 59);
    let now = at(berlin, 2026, 5, 1, 21, 0);
    let done = CheckInsToday::Known {
        day: day(2026, 5, 1),
        morning: false,
        evening: true,
    };
    assert_eq!(
        due(&settings, since, now, berlin, &[], done, &shown),
        None,
        "the evening check-in is done"
    );
    let morning_only = CheckInsToday::Known {
        day: day(2026, 5, 1),
        morning: true,
        evening: false,
    };
    assert_eq!(
        due(&settings, since, now, berlin, &[], morning_only, &shown).map(|o| o.kind),
        Some(ReminderKind::Evening),
        "only the evening check-in counts for the evening reminder"
    );
    let yesterday = CheckInsToday::Known {
        day: day(2026, 4, 30),
        morning: true,
        evening: true,
    };
    assert!(
        due(&settings, since, now, berlin, &[], yesterday, &shown).is_some(),
        "yesterday's check-in does not cover today"
    );
    assert!(
        due(
            &settings,
            since,
            now,
            berlin,
            &[],
            CheckInsToday::Unknown,
            &shown
        )
        .is_some(),
        "while locked nobody can tell: the reminder is shown"
    );
}

#[test]
fn quiet_hours_skip_reminders_across_midnight() {
    let berlin = zone("Europe/Berlin");
    let quiet = QuietHours {
        from: t(22, 0),
        to: t(7, 0),
    };
    assert!(quiet.contains(t(23, 30)) && quiet.contains(t(0, 0)) && quiet.contains(t(6, 59)));
    assert!(!quiet.contains(t(7, 0)) && !quiet.contains(t(21, 59)));
    let settings = ReminderSettings {
        morning: Some(t(6, 30)),
        evening: Some(t(22, 30)),
        how_are_you: Some(t(12, 0)),
        quiet_hours: Some(quiet),
        ..Default::default()
    };
    let shown = run(
        &settings,
        at(berlin, 2026, 5, 1, 0, 0),
        at(berlin, 2026, 5, 3, 0, 0),
        |_| berlin,
    );
    assert!(
        shown.iter().all(|o| o.kind == ReminderKind::HowAreYou),
        "nothing inside quiet hours: {shown:?}"
    );
    assert_eq!(shown.len(), 2);
    let daytime = QuietHours {
        from: t(13, 0),
        to: t(14, 0),
    };
    assert!(daytime.contains(t(13, 0)) && !daytime.contains(t(14, 0)));
    let none = QuietHours {
        from: t(9, 0),
        to: t(9, 0),
    };
    assert!(!none.contains(t(9, 0)), "equal times mean no quiet hours");
}

#[test]
fn reminders_missed_while_the_computer_was_off_are_not_stacked() {
    let berlin = zone("Europe/Berlin");
    let settings = ReminderSettings {
        morning: Some(t(8, 0)),
        evening: Some(t(21, 0)),
        how_are_you: Some(t(15, 0)),
        ..Default::default()
    };
    let shown = Shown::default();
    // Asleep from Friday evening to Sunday 15:05: six reminders passed.
    let since = at(berlin, 2026, 5, 1, 20, 0);
    let now = at(berlin, 2026, 5, 3, 15, 5);
    let o = due(
        &settings,
        since,
        now,
        berlin,
        &[],
        CheckInsToday::Unknown,
        &shown,
    )
    .expect("the one that just passed is still shown");
    assert_eq!(
        (o.kind, o.at),
        (ReminderKind::HowAreYou, at(berlin, 2026, 5, 3, 15, 0))
    );
    // Woken later: even that one is missed now.
    let later = at(berlin, 2026, 5, 3, 15, 0) + MISSED_AFTER + Duration::minutes(1);
    assert_eq!(
        due(
            &settings,
            since,
            later,
            berlin,
            &[],
            CheckInsToday::Unknown,
            &shown
        ),
        None,
        "nothing older than MISSED_AFTER is shown late"
    );
    // Two due in the same minute: one notification, not two.
    let together = ReminderSettings {
        morning: Some(t(8, 0)),
        how_are_you: Some(t(8, 0)),
        ..Default::default()
    };
    let shown_run = run(
        &together,
        at(berlin, 2026, 5, 1, 7, 0),
        at(berlin, 2026, 5, 1, 9, 0),
        |_| berlin,
    );
    assert_eq!(shown_run.len(), 1, "at most one reminder per wake");
}

#[test]
fn a_milestone_note_comes_when_reached_or_when_quiet_hours_end() {
    let berlin = zone("Europe/Berlin");
    let mut settings = ReminderSettings {
        milestones: true,
        quiet_hours: Some(QuietHours {
            from: t(22, 0),
            to: t(7, 30),
        }),
        ..Default::default()
    };
    let reached_at_night = at(berlin, 2026, 5, 10, 23, 15);
    let reached_by_day = at(berlin, 2026, 6, 10, 18, 0);
    let milestones = [reached_at_night, reached_by_day];
    let first = next_after(
        &settings,
        at(berlin, 2026, 5, 1, 12, 0),
        berlin,
        &milestones,
    )
    .unwrap();
    assert_eq!(first.kind, ReminderKind::Milestone);
    assert_eq!(first.milestone, Some(0));
    assert_eq!(
        first.at,
        at(berlin, 2026, 5, 11, 7, 30),
        "waits for the end of quiet hours"
    );
    assert_eq!(
        first.day,
        day(2026, 5, 10),
        "still the note for the day it was reached"
    );
    let second = next_after(&settings, first.at, berlin, &milestones).unwrap();
    assert_eq!((second.at, second.milestone), (reached_by_day, Some(1)));

    let mut shown = Shown::default();
    let o = due(
        &settings,
        first.at - Duration::minutes(1),
        first.at,
        berlin,
        &milestones,
        CheckInsToday::Unknown,
        &shown,
    )
    .unwrap();
    shown.record(&o);
    assert_eq!(
        due(
            &settings,
            first.at - Duration::minutes(1),
            first.at,
            berlin,
            &milestones,
            CheckInsToday::Unknown,
            &shown
        ),
        None,
        "a note is shown once"
    );

    settings.milestones = false;
    assert_eq!(
        next_after(
            &settings,
            at(berlin, 2026, 5, 1, 12, 0),
            berlin,
            &milestones
        ),
        None,
        "milestone notes are off unless turned on"
    );
}

#[test]
fn settings_read_from_the_plain_file_default_what_is_missing() {
    let settings: ReminderSettings =
        serde_json::from_str(r#"{"evening":"21:00","quietHours":{"from":"22:00","to":"07:00"}}"#)
            .unwrap();
    assert_eq!(settings.evening, Some(t(21, 0)));
    assert_eq!(settings.morning, None);
    assert!(!settings.milestones && !settings.details && !settings.offered);
    assert_eq!(settings.close_to_tray, None, "not asked yet");
    let with_seconds: ReminderSettings = serde_json::from_str(r#"{"morning":"08:15:42"}"#).unwrap();
    assert_eq!(with_seconds.tidied().morning, Some(t(8, 15)));
}
