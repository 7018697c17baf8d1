//! Moods, cravings, triggers, the journal, search, the timeline and insights on a real
//! encrypted journal.

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{contains, snapshot, TempJournal};
use daybreak_core::catalogue::{self, Catalogue};
use daybreak_core::cravings::{self, CravingInput, CravingOutcome};
use daybreak_core::insights::{self, DayMark, DayMarkKind, Finding};
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::search;
use daybreak_core::sobriety::check_ins::{self, EveningCheckIn};
use daybreak_core::sobriety::slips::{self, SlipInput};
use daybreak_core::sobriety::{clocks, ClockInput, TimeUnit};
use daybreak_core::timeline::{self, EntryKind, TimelineFilter, TimelineItem};
use daybreak_core::triggers;
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{DataError, Field, Named, Refusal, Scale, Session};

fn tz() -> Zone {
    common::zone("Europe/Berlin")
}

fn now() -> DateTime<Utc> {
    tz().with_ymd_and_hms(2026, 11, 26, 21, 0, 0)
        .unwrap()
        .to_utc()
}

fn open() -> (TempJournal, Session) {
    let j = TempJournal::new();
    let (session, _) = j.create();
    (j, session)
}

fn mood(at: DateTime<Utc>, value: u8, emotions: Vec<i64>, note: Option<&str>) -> MoodInput {
    MoodInput {
        at,
        mood: value,
        emotions,
        craving: Some(3),
        halt: Halt::default(),
        sleep_hours: Some(7.5),
        note: note.map(String::from),
    }
}

fn craving(
    at: DateTime<Utc>,
    triggers: Vec<i64>,
    actions: Vec<i64>,
    outcome: CravingOutcome,
) -> CravingInput {
    CravingInput {
        at,
        strength: 7,
        triggers,
        place: Some("home".into()),
        people: None,
        actions,
        outcome,
        note: None,
        slip_clock_id: None,
    }
}

fn entry(title: &str, body: &str, tags: &[&str]) -> JournalInput {
    JournalInput {
        at: now() - Duration::hours(1),
        title: title.into(),
        body: body.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// What the core refused with a kind the UI words (see `Refusal`).
fn refused<T: std::fmt::Debug>(result: Result<T, DataError>) -> Refusal {
    match result {
        Err(DataError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// What was gone (deleted meanwhile, or a stale id).
fn gone<T: std::fmt::Debug>(result: Result<T, DataError>) -> &'static str {
    match result {
        Err(DataError::NotFound(what)) => what,
        other => panic!("expected something gone, got {other:?}"),
    }
}

fn trigger_id(s: &Session, key: &str) -> i64 {
    let all = triggers::list(s.store(), false).unwrap();
    all.iter()
        .find(|t| t.key.as_deref() == Some(key))
        .expect(key)
        .id
}

#[test]
fn the_catalogues_are_seeded_on_first_run() {
    let (_j, s) = open();
    let t = triggers::list(s.store(), false).unwrap();
    let names: Vec<_> = t.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(t.len(), 12, "{names:?}");
    for expected in [
        "Grief and loss",
        "Loneliness and isolation",
        "Peer pressure and social situations",
        "Celebrations",
    ] {
        assert!(names.contains(&expected), "{expected} is in the catalogue");
    }
    assert_eq!(
        catalogue::list(s.store(), Catalogue::Emotions)
            .unwrap()
            .len(),
        12
    );
    assert_eq!(
        catalogue::list(s.store(), Catalogue::CopingActions)
            .unwrap()
            .len(),
        10
    );
}

#[test]
fn moods_are_validated_and_round_trip() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let anxious = catalogue::list(st, Catalogue::Emotions).unwrap()[0].id;
    let own = catalogue::add(st, Catalogue::Emotions, "  restless ").unwrap();
    assert_eq!(
        catalogue::add(st, Catalogue::Emotions, "Restless")
            .unwrap()
            .id,
        own.id,
        "no duplicates"
    );
    let saved = moods::create(
        st,
        &mood(now(), 4, vec![own.id, anxious, anxious], Some(" okay day ")),
        now(),
    )
    .unwrap();
    assert_eq!(saved.emotions.len(), 2);
    assert_eq!(saved.note.as_deref(), Some("okay day"));
    assert_eq!(moods::get(st, saved.id).unwrap(), saved);

    let mood_range = Refusal::OutOfRange {
        what: Scale::Mood,
        min: 1,
        max: 5,
    };
    assert_eq!(
        refused(moods::create(st, &mood(now(), 0, vec![], None), now())),
        mood_range
    );
    assert_eq!(
        refused(moods::create(st, &mood(now(), 6, vec![], None), now())),
        mood_range
    );
    let mut strong = mood(now(), 3, vec![], None);
    strong.craving = Some(11);
    assert_eq!(
        refused(moods::create(st, &strong, now())),
        Refusal::OutOfRange {
            what: Scale::Craving,
            min: 0,
            max: 10
        }
    );
    assert_eq!(
        gone(moods::create(st, &mood(now(), 3, vec![9999], None), now())),
        "emotion"
    );
    assert!(matches!(
        moods::update(st, 9999, &mood(now(), 3, vec![], None), now()),
        Err(DataError::NotFound(_))
    ));
}

#[test]
fn triggers_can_be_added_renamed_merged_and_archived() {
    let (_j, mut s) = open();
    let lonely = trigger_id(&s, "loneliness-isolation");
    let st = s.store_mut();
    let own = triggers::create(st, "Payday", now()).unwrap();
    assert!(
        matches!(
            triggers::create(st, "payday", now()),
            Err(DataError::Refused(Refusal::NameTaken))
        ),
        "a name already taken (any case) is refused as such"
    );
    assert_eq!(
        refused(triggers::create(st, "  ", now())),
        Refusal::NameMissing {
            what: Named::Trigger
        }
    );
    let renamed = triggers::rename(st, own.id, "Getting paid").unwrap();
    assert_eq!(renamed.name, "Getting paid");
    cravings::create(
        st,
        &craving(now(), vec![own.id], vec![], CravingOutcome::Passed),
        now(),
    )
    .unwrap();
    cravings::create(
        st,
        &craving(now(), vec![own.id, lonely], vec![], CravingOutcome::Passed),
        now(),
    )
    .unwrap();
    let merged = triggers::merge(st, own.id, lonely).unwrap();
    assert_eq!(
        merged.uses, 2,
        "both cravings now name loneliness (once each)"
    );
    let archived: Vec<_> = triggers::list(st, true)
        .unwrap()
        .into_iter()
        .filter(|t| t.archived)
        .collect();
    assert_eq!(
        archived.len(),
        1,
        "the merged trigger is archived, not lost"
    );
    assert_eq!(
        refused(triggers::merge(st, lonely, lonely)),
        Refusal::MergeSame
    );
    let bad = craving(now(), vec![424242], vec![], CravingOutcome::Passed);
    assert_eq!(gone(cravings::create(st, &bad, now())), "trigger");
}

#[test]
fn a_craving_where_i_used_can_record_a_slip() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let clock = clocks::create(
        st,
        &ClockInput {
            name: "Heroin".into(),
            started_at: now() - Duration::days(20),
            money_per_day_cents: None,
            currency: None,
            minutes_per_day: None,
        },
        now(),
        tz(),
    )
    .unwrap();
    let mut input = craving(
        now() - Duration::hours(2),
        vec![],
        vec![],
        CravingOutcome::Passed,
    );
    input.slip_clock_id = Some(clock.id);
    assert_eq!(
        refused(cravings::create(st, &input, now())),
        Refusal::SlipWithoutUse
    );
    input.outcome = CravingOutcome::Used;
    let event = cravings::create(st, &input, now()).unwrap();
    assert!(event.slip_id.is_some(), "the slip is linked to the craving");
    let view = clocks::view(st, clock.id, now(), tz()).unwrap();
    assert_eq!((view.restarts, view.days), (1, 0), "the streak restarted");
}

#[test]
fn journal_entries_need_a_body_and_render_safely() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let untitled = journal_entries::create(
        st,
        &entry("", "Just **words**", &["#Family", "family", " work "]),
        now(),
    )
    .unwrap();
    assert_eq!(untitled.title, "", "an empty title is allowed");
    assert_eq!(
        untitled.tags,
        ["family", "work"],
        "tags are tidied and deduplicated"
    );
    assert!(untitled.html.contains("<strong>words</strong>"));
    assert_eq!(
        refused(journal_entries::create(
            st,
            &entry("Title", "   ", &[]),
            now()
        )),
        Refusal::NothingWritten { what: Field::Entry }
    );
    let evil = journal_entries::create(st, &entry("x", "<script>alert(1)</script>hi", &[]), now())
        .unwrap();
    assert!(
        !evil.html.contains("<script"),
        "no script survives: {}",
        evil.html
    );
    // Autosave: the same entry saved again and again.
    let mut edit = entry("Draft", "first words", &[]);
    let draft = journal_entries::create(st, &edit, now()).unwrap();
    edit.body = "first words and more".into();
    let saved = journal_entries::update(st, draft.id, &edit, now()).unwrap();
    assert_eq!(
        (saved.id, saved.body.as_str()),
        (draft.id, "first words and more")
    );
    assert_eq!(journal_entries::tags(st).unwrap(), ["family", "work"]);
}

#[test]
fn search_finds_words_stems_prefixes_and_phrases_and_never_errors() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    journal_entries::create(
        st,
        &entry("Sunday", "We walked by the river after the meeting.", &[]),
        now(),
    )
    .unwrap();
    moods::create(
        st,
        &mood(now(), 2, vec![], Some("Lonely evening, missing my brother")),
        now(),
    )
    .unwrap();
    let mut c = craving(now(), vec![], vec![], CravingOutcome::Passed);
    c.note = Some("Friends offered, I walked away".into());
    cravings::create(st, &c, now()).unwrap();

    let kinds = |q: &str| -> Vec<EntryKind> {
        let mut k: Vec<_> = search::search(st, q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.kind)
            .collect();
        k.sort();
        k
    };
    assert_eq!(
        kinds("walking"),
        [EntryKind::Craving, EntryKind::Journal],
        "stemming: walking ~ walked"
    );
    assert_eq!(
        kinds("broth"),
        [EntryKind::Mood],
        "the last word matches as a prefix"
    );
    assert_eq!(
        kinds("\"after the meeting\""),
        [EntryKind::Journal],
        "phrases"
    );
    assert_eq!(
        kinds("\"meeting after\""),
        Vec::<EntryKind>::new(),
        "a phrase keeps its order"
    );
    for weird in [
        "\"",
        "AND",
        "OR NOT",
        "*",
        "(",
        "river)",
        "col:umn",
        "NEAR(a b)",
        "'",
        "-x",
        "^",
        "🙂",
        "",
    ] {
        assert!(
            search::search(st, weird, 20).is_ok(),
            "{weird:?} must not cause an error"
        );
    }
    let hit = &search::search(st, "river", 5).unwrap()[0];
    assert_eq!(hit.title.as_deref(), Some("Sunday"));
    let lonely = &search::search(st, "lonely", 5).unwrap()[0];
    assert_eq!(
        (lonely.kind, lonely.title.as_deref()),
        (EntryKind::Mood, None),
        "a note has no title: the UI names it by its kind, in the person's language"
    );
    assert!(
        hit.snippet.iter().any(|p| p.hit && p.text == "river"),
        "{:?}",
        hit.snippet
    );
}

#[test]
fn deleted_entries_leave_search_and_timeline_and_can_be_restored() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    let e = journal_entries::create(st, &entry("Gone", "a unique zebra word", &[]), now()).unwrap();
    timeline::delete(st, EntryKind::Journal, e.id, now()).unwrap();
    assert!(
        search::search(st, "zebra", 5).unwrap().is_empty(),
        "a deleted entry is not found"
    );
    let page = timeline::page(st, &TimelineFilter::default(), None, 50, now(), tz()).unwrap();
    assert!(page.items.is_empty());
    timeline::restore(st, EntryKind::Journal, e.id).unwrap();
    assert_eq!(
        search::search(st, "zebra", 5).unwrap().len(),
        1,
        "undo brings it back"
    );
    timeline::delete(st, EntryKind::Journal, e.id, now()).unwrap();
    timeline::purge_deleted(st).unwrap();
    assert!(matches!(
        timeline::restore(st, EntryKind::Journal, e.id),
        Err(DataError::NotFound(_))
    ));
}

#[test]
fn the_timeline_merges_kinds_newest_first_filters_and_pages() {
    let (_j, mut s) = open();
    let lonely = trigger_id(&s, "loneliness-isolation");
    let st = s.store_mut();
    for h in 0..30 {
        let at = now() - Duration::hours(h * 5);
        moods::create(st, &mood(at, 3, vec![], None), now()).unwrap();
        if h % 3 == 0 {
            cravings::create(
                st,
                &craving(
                    at - Duration::minutes(1),
                    vec![lonely],
                    vec![],
                    CravingOutcome::Passed,
                ),
                now(),
            )
            .unwrap();
        }
        if h % 5 == 0 {
            let mut e = entry("Entry", "text", if h == 0 { &["family"] } else { &[] });
            e.at = at - Duration::minutes(2);
            journal_entries::create(st, &e, now()).unwrap();
        }
    }
    let all = TimelineFilter::default();
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = timeline::page(st, &all, cursor.as_deref(), 7, now(), tz()).unwrap();
        seen.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(
        seen.len(),
        30 + 10 + 6,
        "every entry exactly once across pages"
    );
    assert!(seen.windows(2).all(|w| w[0].at >= w[1].at), "newest first");

    let only = |filter: TimelineFilter| {
        timeline::page(st, &filter, None, 100, now(), tz())
            .unwrap()
            .items
    };
    let cravings_only = only(TimelineFilter {
        kinds: vec![EntryKind::Craving],
        ..Default::default()
    });
    assert_eq!(cravings_only.len(), 10);
    let names: Vec<(&str, bool)> = cravings_only[0]
        .triggers
        .iter()
        .map(|t| (t.name.as_str(), t.builtin))
        .collect();
    assert_eq!(names, [("Loneliness and isolation", true)]);
    assert_eq!(
        only(TimelineFilter {
            tag: Some("Family".into()),
            ..Default::default()
        })
        .len(),
        1
    );
    assert_eq!(
        only(TimelineFilter {
            trigger_id: Some(lonely),
            ..Default::default()
        })
        .len(),
        10
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let today_only = only(TimelineFilter {
        from: Some(today),
        to: Some(today),
        ..Default::default()
    });
    assert!(
        !today_only.is_empty()
            && today_only
                .iter()
                .all(|i| i.at.with_timezone(&tz()).date_naive() == today)
    );
    assert_eq!(
        refused(timeline::page(st, &all, Some("nonsense"), 5, now(), tz())),
        Refusal::BadRequest
    );
}

#[test]
fn timeline_items_carry_facts_for_the_ui_to_word_never_sentences() {
    let (_j, mut s) = open();
    let lonely = trigger_id(&s, "loneliness-isolation");
    let st = s.store_mut();
    let own_trigger = triggers::create(st, "Payday", now()).unwrap().id;
    let calm = catalogue::list(st, Catalogue::Emotions).unwrap()[0].clone();
    let mine = catalogue::add(st, Catalogue::Emotions, "Wobbly").unwrap();
    let clock = clocks::create(
        st,
        &ClockInput {
            name: "Alcohol".into(),
            started_at: now() - Duration::days(40),
            money_per_day_cents: None,
            currency: None,
            minutes_per_day: None,
        },
        now(),
        tz(),
    )
    .unwrap();
    let at = |hours: i64| now() - Duration::hours(hours);
    moods::create(
        st,
        &mood(
            at(1),
            4,
            vec![calm.id, mine.id],
            Some("A  walk\nby the sea"),
        ),
        now(),
    )
    .unwrap();
    let mut c = craving(
        at(2),
        vec![lonely, own_trigger],
        vec![],
        CravingOutcome::Used,
    );
    c.note = Some("after work".into());
    cravings::create(st, &c, now()).unwrap();
    let mut untitled = entry("", "Only a body, no title.", &["calm"]);
    untitled.at = at(3);
    journal_entries::create(st, &untitled, now()).unwrap();
    let mut titled = entry("Sunday", "By the river.", &[]);
    titled.at = at(4);
    journal_entries::create(st, &titled, now()).unwrap();
    slips::record(
        st,
        clock.id,
        &SlipInput {
            at: at(5),
            note: Some("one drink".into()),
            triggers: Some(vec![lonely]),
        },
        now(),
        tz(),
    )
    .unwrap();
    check_ins::morning(st, Some("Call my sister"), now(), tz()).unwrap();
    check_ins::evening(
        st,
        &EveningCheckIn {
            sober: true,
            difficulty: 2,
            note: None,
        },
        now(),
        tz(),
    )
    .unwrap();

    let items = timeline::page(st, &TimelineFilter::default(), None, 100, now(), tz())
        .unwrap()
        .items;
    let of = |kind: EntryKind| -> Vec<&TimelineItem> {
        items.iter().filter(|i| i.kind == kind).collect()
    };

    let m = of(EntryKind::Mood)[0];
    assert_eq!((m.title.as_deref(), m.mood), (None, Some(4)));
    let emotions: Vec<(&str, bool)> = m
        .emotions
        .iter()
        .map(|e| (e.name.as_str(), e.builtin))
        .collect();
    assert_eq!(
        emotions,
        [(calm.name.as_str(), true), ("Wobbly", false)],
        "emotions come with whether they are built in, so the UI can translate those"
    );
    assert_eq!(m.emotions[1].id, mine.id);
    assert_eq!(
        m.excerpt, "A walk by the sea",
        "the note's first words, on one line"
    );

    let c = of(EntryKind::Craving)[0];
    assert_eq!(
        (c.title.as_deref(), c.strength, c.outcome),
        (None, Some(7), Some(CravingOutcome::Used))
    );
    let triggers: Vec<(&str, bool)> = c
        .triggers
        .iter()
        .map(|t| (t.name.as_str(), t.builtin))
        .collect();
    assert_eq!(
        triggers,
        [("Loneliness and isolation", true), ("Payday", false)]
    );
    assert_eq!(c.excerpt, "after work");

    let journal = of(EntryKind::Journal);
    assert_eq!(
        journal
            .iter()
            .map(|j| j.title.as_deref())
            .collect::<Vec<_>>(),
        [None, Some("Sunday")],
        "an untitled entry has no title (the UI says \"Untitled entry\" in the person's language)"
    );
    assert_eq!(journal[0].excerpt, "Only a body, no title.");
    assert_eq!(journal[0].tags, ["calm"]);

    let slip = of(EntryKind::Slip)[0];
    assert_eq!(
        (
            slip.title.as_deref(),
            slip.clock.as_deref(),
            slip.excerpt.as_str()
        ),
        (None, Some("Alcohol"), "one drink")
    );
    assert_eq!(slip.triggers.len(), 1);
    assert_eq!(slip.triggers[0].id, lonely);

    let check_in = of(EntryKind::CheckIn)[0];
    assert_eq!(
        (
            check_in.intention.as_deref(),
            check_in.sober,
            check_in.difficulty
        ),
        (Some("Call my sister"), Some(true), Some(2))
    );

    let milestones = of(EntryKind::Milestone);
    assert!(
        milestones
            .iter()
            .all(|m| m.clock.as_deref() == Some("Alcohol")),
        "each milestone names its clock"
    );
    let lengths: Vec<(TimeUnit, u32)> = milestones
        .iter()
        .filter_map(|m| m.milestone.map(|l| (l.unit, l.count)))
        .collect();
    assert_eq!(
        lengths,
        [
            (TimeUnit::Days, 30),
            (TimeUnit::Weeks, 2),
            (TimeUnit::Weeks, 1),
            (TimeUnit::Days, 3),
            (TimeUnit::Hours, 24)
        ],
        "the milestones of the 40 days before the slip, newest first, as units and counts"
    );
}

#[test]
fn insights_find_known_answers_and_claim_nothing_without_data() {
    let (_j, mut s) = open();
    let lonely = trigger_id(&s, "loneliness-isolation");
    let st = s.store_mut();
    let called = catalogue::list(st, Catalogue::CopingActions).unwrap()[0].id; // "Called someone"
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let empty = insights::compute(st, from, to, tz()).unwrap();
    assert!(empty.findings.is_empty(), "no claims without data");

    // 40 days: on 15 of them loneliness was a trigger and mood was 2; on the others, 4.
    for d in 0..40 {
        let day_start = tz()
            .with_ymd_and_hms(2026, 10, 1, 12, 0, 0)
            .unwrap()
            .to_utc()
            + Duration::days(d);
        let lonely_day = d < 15;
        moods::create(
            st,
            &mood(day_start, if lonely_day { 2 } else { 4 }, vec![], None),
            now(),
        )
        .unwrap();
        if lonely_day {
            // At 9:30 pm local: the cravings peak between 9 and 11 pm.
            let evening = day_start + Duration::hours(9) + Duration::minutes(30);
            let outcome = if d < 11 {
                CravingOutcome::Passed
            } else {
                CravingOutcome::Struggling
            };
            cravings::create(
                st,
                &craving(evening, vec![lonely], vec![called], outcome),
                now(),
            )
            .unwrap();
        }
    }
    let i = insights::compute(st, from, to, tz()).unwrap();
    assert_eq!((i.mood_days, i.craving_count), (40, 15));
    // The core returns facts; worded in English they read as they always have.
    let said: Vec<String> = i
        .findings
        .iter()
        .map(Language::En.words().finding)
        .collect();
    assert!(
        i.findings.contains(&Finding::MoodOnMarkedDays {
            mark: DayMark {
                kind: DayMarkKind::Trigger,
                name: "Loneliness and isolation".into(),
            },
            average_with: 2.0,
            average_without: 4.0,
            days_with: 15,
            days_without: 25,
        }),
        "{:#?}",
        i.findings
    );
    assert!(
        i.findings.contains(&Finding::CravingPeak {
            from_hour: 21,
            to_hour: 23,
            count: 15,
            total: 15,
        }),
        "{:#?}",
        i.findings
    );
    let findings = said;
    assert!(
        findings.contains(&"On days you logged loneliness and isolation your mood averaged 2.0, against 4.0 on other days (15 vs 25 days).".to_string()),
        "{findings:#?}"
    );
    assert!(
        findings
            .contains(&"Your cravings peak between 9 and 11 pm (15 of 15 cravings).".to_string()),
        "{findings:#?}"
    );
    assert!(
        findings.contains(
            &"When you chose \"called someone\", the urge passed 11 times out of 15.".to_string()
        ),
        "{findings:#?}"
    );
    let spanish: Vec<String> = i
        .findings
        .iter()
        .map(Language::Es.words().finding)
        .collect();
    assert!(
        spanish.contains(
            &"Cuando elegiste «llamé a alguien», las ganas pasaron 11 de 15 veces.".to_string()
        ),
        "{spanish:#?}"
    );
    assert_eq!(i.triggers[0].label, "Loneliness and isolation");
    assert_eq!(i.triggers[0].count, 15);
    let thursday_9pm = i.craving_heatmap.iter().flatten().sum::<i64>();
    assert_eq!(thursday_9pm, 15);
    assert_eq!(i.mood_rolling.len(), 40);

    // With only 9 lonely days the comparison is not made.
    let few =
        insights::compute(st, NaiveDate::from_ymd_opt(2026, 10, 7).unwrap(), to, tz()).unwrap();
    assert!(
        few.findings.iter().all(|f| !matches!(
            f,
            Finding::MoodOnMarkedDays { mark, .. } if mark.name.contains("Loneliness")
        )),
        "{:#?}",
        few.findings
    );
}

#[test]
fn searchable_text_is_not_readable_in_any_file() {
    let canary = "CANARYzebrafish";
    let (j, mut s) = open();
    let st = s.store_mut();
    journal_entries::create(
        st,
        &entry(
            &format!("{canary} title"),
            &format!("{canary} body"),
            &[canary],
        ),
        now(),
    )
    .unwrap();
    moods::create(
        st,
        &mood(now(), 3, vec![], Some(&format!("{canary} mood"))),
        now(),
    )
    .unwrap();
    triggers::create(st, &format!("{canary} trigger"), now()).unwrap();
    assert_eq!(
        search::search(st, canary, 5).unwrap().len(),
        2,
        "it is searchable"
    );
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "readable in {}",
            path.display()
        );
        assert!(
            !contains(&bytes, canary.to_lowercase().as_bytes()),
            "index term readable in {}",
            path.display()
        );
    }
}
