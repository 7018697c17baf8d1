//! The counsellor report on a real encrypted journal: the numbers, the words, escaping, the
//! range rules, the saved files, and a PDF that a real reader (poppler's `pdftotext`) opens.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::TempJournal;
use daybreak_core::catalogue::{self, Catalogue};
use daybreak_core::cravings::{self, CravingInput, CravingOutcome};
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::report::{self, Report, ReportOptions};
use daybreak_core::sobriety::{check_ins, clocks, slips, ClockInput, EveningCheckIn, SlipInput};
use daybreak_core::triggers;
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{DataError, Refusal, Session};

fn tz() -> Zone {
    common::zone("Europe/London")
}
const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                   style-src 'unsafe-inline'\">";

/// 2026, London wall clock.
fn at(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    tz().with_ymd_and_hms(2026, month, day, hour, minute, 0)
        .unwrap()
        .to_utc()
}

fn now() -> DateTime<Utc> {
    at(11, 26, 21, 0)
}

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn options(from: NaiveDate, to: NaiveDate, include_journal: bool) -> ReportOptions {
    ReportOptions {
        from,
        to,
        include_journal,
        language: Language::En,
    }
}

fn november(include_journal: bool) -> ReportOptions {
    options(day(11, 1), day(11, 30), include_journal)
}

fn open() -> (TempJournal, Session) {
    let j = TempJournal::new();
    let (session, _) = j.create();
    (j, session)
}

/// What the core refused with a kind the UI words (see `Refusal`).
fn refused<T: std::fmt::Debug>(result: Result<T, DataError>) -> Refusal {
    match result {
        Err(DataError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn clock(name: &str, started_at: DateTime<Utc>) -> ClockInput {
    ClockInput {
        name: name.into(),
        started_at,
        money_per_day_cents: None,
        currency: None,
        minutes_per_day: None,
    }
}

fn mood(at: DateTime<Utc>, value: u8, craving: Option<u8>) -> MoodInput {
    MoodInput {
        at,
        mood: value,
        emotions: vec![],
        craving,
        halt: Halt::default(),
        sleep_hours: None,
        note: Some("<script>alert('mood note')</script>".into()),
    }
}

fn craving(
    at: DateTime<Utc>,
    strength: u8,
    triggers: Vec<i64>,
    actions: Vec<i64>,
    outcome: CravingOutcome,
) -> CravingInput {
    CravingInput {
        at,
        strength,
        triggers,
        place: None,
        people: None,
        actions,
        outcome,
        note: None,
        slip_clock_id: None,
    }
}

fn entry(at: DateTime<Utc>, title: &str, body: &str) -> JournalInput {
    JournalInput {
        at,
        title: title.into(),
        body: body.into(),
        tags: vec![],
    }
}

fn action_id(s: &Session, name: &str) -> i64 {
    catalogue::list(s.store(), Catalogue::CopingActions)
        .unwrap()
        .into_iter()
        .find(|a| a.name == name)
        .expect(name)
        .id
}

/// A journal with three active clocks and an archived one, slips (one recorded with a
/// craving), check-ins, moods, cravings with triggers, coping actions and outcomes, and
/// journal entries, in October and November 2026.
fn filled() -> (TempJournal, Session) {
    let (j, mut s) = open();
    let called = action_id(&s, "Called someone");
    let walked = action_id(&s, "Walked");
    let lonely = triggers::list(s.store(), false)
        .unwrap()
        .into_iter()
        .find(|t| t.key.as_deref() == Some("loneliness-isolation"))
        .unwrap()
        .id;
    let st = s.store_mut();
    let texted = catalogue::add(st, Catalogue::CopingActions, "Texted my <b>sister</b>")
        .unwrap()
        .id;
    let payday = triggers::create(st, "Payday <script>alert(1)</script>", now())
        .unwrap()
        .id;

    let alcohol = clocks::create(st, &clock("Alcohol", at(9, 1, 20, 0)), now(), tz()).unwrap();
    clocks::create(
        st,
        &clock("Vaping & nicotine", at(10, 1, 9, 0)),
        now(),
        tz(),
    )
    .unwrap();
    clocks::create(st, &clock("Gambling", at(11, 20, 12, 0)), now(), tz()).unwrap();
    let old = clocks::create(st, &clock("Old habit", at(1, 5, 9, 0)), now(), tz()).unwrap();
    clocks::archive(st, old.id, true).unwrap();
    let slip = SlipInput {
        at: at(10, 15, 10, 0),
        note: Some("<script>alert('slip note')</script>".into()),
        triggers: None,
    };
    slips::record(st, alcohol.id, &slip, now(), tz()).unwrap();

    for (d, sober) in [(3, true), (5, true), (7, true), (10, false)] {
        let input = EveningCheckIn {
            sober,
            difficulty: 2,
            note: None,
        };
        check_ins::evening(st, &input, at(11, d, 21, 30), tz()).unwrap();
    }
    check_ins::morning(st, Some("One day at a time"), at(11, 12, 8, 0), tz()).unwrap();
    let october_evening = EveningCheckIn {
        sober: true,
        difficulty: 1,
        note: None,
    };
    check_ins::evening(st, &october_evening, at(10, 20, 21, 0), tz()).unwrap();

    moods::create(st, &mood(at(11, 2, 9, 0), 2, Some(6)), now()).unwrap();
    moods::create(st, &mood(at(11, 3, 9, 0), 4, None), now()).unwrap();
    moods::create(st, &mood(at(11, 3, 20, 0), 5, None), now()).unwrap();
    moods::create(st, &mood(at(10, 25, 9, 0), 3, None), now()).unwrap();

    use CravingOutcome::{Passed, Struggling, Used};
    let cravings = [
        craving(
            at(11, 4, 19, 0),
            8,
            vec![lonely],
            vec![called, texted],
            Passed,
        ),
        craving(
            at(11, 6, 18, 0),
            5,
            vec![lonely, payday],
            vec![called],
            Passed,
        ),
        craving(at(11, 8, 22, 0), 9, vec![payday], vec![walked], Struggling),
        CravingInput {
            slip_clock_id: Some(alcohol.id),
            ..craving(at(11, 10, 22, 0), 10, vec![payday], vec![walked], Used)
        },
        craving(at(10, 20, 20, 0), 6, vec![lonely], vec![walked], Passed),
    ];
    for c in &cravings {
        cravings::create(st, c, now()).unwrap();
    }

    let entries = [
        entry(
            at(11, 5, 20, 0),
            "A good day",
            "Walked by the **river** with Sam.\n\nFelt *calmer* afterwards, \u{201C}properly\u{201D} \
             café-calm \u{1F305}.",
        ),
        entry(
            at(11, 20, 21, 0),
            "<script>alert('title')</script>",
            "Payday again. I noticed the urge and let it pass: marmalade.",
        ),
        entry(at(10, 20, 21, 0), "October thoughts", "A zebra crossing."),
    ];
    for e in &entries {
        journal_entries::create(st, e, now()).unwrap();
    }
    (j, s)
}

fn build(s: &Session, options: &ReportOptions) -> Report {
    report::build(s.store(), options, now(), tz()).expect("the report builds")
}

/// Runs poppler's `pdftotext` on the file; it must read it without a complaint.
fn pdftotext(path: &Path) -> String {
    run_poppler("pdftotext", path, &["-"])
}

fn run_poppler(tool: &str, path: &Path, args: &[&str]) -> String {
    let out = Command::new(tool)
        .arg(path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is installed: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{tool} failed: {stderr}");
    assert!(stderr.trim().is_empty(), "{tool} complained: {stderr}");
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

/// Runs a poppler tool on the PDF (saved to a temporary file).
fn poppler(tool: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let args: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    run_poppler(tool, &path, args)
}

fn pdf(report: &Report) -> Vec<u8> {
    report::to_pdf(report).expect("the PDF is written")
}

fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", pdf)
}

/// The PDF's text as `pdftotext -raw` reads it: in the order it is drawn, without poppler's
/// guess at columns and lines.
fn pdf_text_as_drawn(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    run_poppler("pdftotext", &path, &["-raw", "-"])
}

/// Checks the file's frame as poppler's `pdfinfo` reads it: a PDF, A4, and every font it uses
/// embedded as a subset (poppler's `pdffonts`). Returns the page count.
fn check_structure(pdf: &[u8]) -> usize {
    check_structure_titled(pdf, "Daybreak report")
}

/// The same, for a report titled `title` (a report in another language).
fn check_structure_titled(pdf: &[u8], title: &str) -> usize {
    assert!(pdf.starts_with(b"%PDF-1."), "a PDF header");
    let info = poppler("pdfinfo", pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo says {name}\n{info}"))
            .to_string()
    };
    assert_eq!(field("Title:"), title);
    assert!(field("Page size:").contains("(A4)"), "A4: {info}");
    let fonts = poppler("pdffonts", pdf);
    // Two header lines, then one line per font: name type encoding emb sub uni object ID.
    for font in fonts.lines().skip(2) {
        let cols: Vec<&str> = font.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "{fonts}");
        // Colour emoji are drawn as a Type 3 font: pictures of the glyphs used, no font file
        // to subset, so poppler says "no" to subset there.
        let subset = if font.contains(" Type 3 ") {
            "no"
        } else {
            "yes"
        };
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", subset, "yes"],
            "every font is embedded, subset and mapped to Unicode:\n{fonts}"
        );
    }
    field("Pages:").parse().unwrap()
}

/// The types of the fonts the PDF uses, as poppler's `pdffonts` names them ("CID TrueType",
/// "Type 3", ...).
fn font_types(pdf: &[u8]) -> Vec<String> {
    let fonts = poppler("pdffonts", pdf);
    let header = fonts.lines().next().unwrap_or_default();
    let (from, to) = (
        header.find("type").expect("pdffonts has a type column"),
        header
            .find("encoding")
            .expect("pdffonts has an encoding column"),
    );
    fonts
        .lines()
        .skip(2)
        .map(|l| l.get(from..to).unwrap_or_default().trim().to_string())
        .collect()
}

#[test]
fn the_report_counts_what_happened_in_the_range() {
    let (_j, s) = filled();
    let r = build(&s, &november(false));
    assert!(
        r.counted_now,
        "the range reaches today: counts are read now"
    );
    let names: Vec<_> = r.clocks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Alcohol", "Vaping & nicotine", "Gambling"],
        "archived clocks are left out; the main one comes first"
    );
    let alcohol = &r.clocks[0];
    assert_eq!(
        alcohol.days,
        Some(15),
        "the slip on 10 November at 22:00 restarted the count"
    );
    assert_eq!(
        alcohol.slips_in_range, 1,
        "the October slip is outside the range"
    );
    assert_eq!(r.clocks[1].days, Some(56));
    assert_eq!(
        (
            r.clocks[1].span.years,
            r.clocks[1].span.months,
            r.clocks[1].span.days
        ),
        (0, 1, 25)
    );
    assert_eq!(r.clocks[1].slips_in_range, 0);
    assert_eq!(r.clocks[2].days, Some(6));

    assert_eq!(r.check_ins.days, 30);
    assert_eq!(
        r.check_ins.checked_in, 5,
        "four evenings and one morning-only day"
    );
    assert_eq!(r.check_ins.sober, 3);

    assert_eq!(r.insights.mood_days, 2);
    assert_eq!(r.insights.craving_count, 4);
    assert_eq!(
        r.insights.mood_daily[1].value, 4.5,
        "two moods on 3 November"
    );
    assert_eq!(
        r.insights.craving_daily.len(),
        5,
        "a mood's craving counts too"
    );
    let triggers: Vec<_> = r
        .insights
        .triggers
        .iter()
        .map(|t| (t.label.as_str(), t.count))
        .collect();
    assert_eq!(
        triggers,
        [
            ("Payday <script>alert(1)</script>", 3),
            ("Loneliness and isolation", 2)
        ]
    );
    assert_eq!(r.cravings_passed, 2);
    let coping: Vec<_> = r
        .coping
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(
        coping,
        [("Called someone", 2), ("Texted my <b>sister</b>", 1)],
        "only actions from cravings that passed; \"Walked\" was tried when they did not"
    );
    assert!(r.journal.is_none(), "journal entries were not asked for");
}

#[test]
fn a_past_range_counts_as_it_stood_at_its_end() {
    let (_j, s) = filled();
    let r = build(&s, &options(day(10, 1), day(10, 31), false));
    assert!(!r.counted_now);
    assert_eq!(r.counted_at.date(), day(10, 31));
    assert_eq!(
        r.clocks[0].days,
        Some(16),
        "from the 15 October slip to the end of 31 October; the November slip comes later"
    );
    assert_eq!(r.clocks[0].slips_in_range, 1);
    assert_eq!(r.clocks[1].days, Some(30));
    assert_eq!(r.clocks[2].days, None, "Gambling started after these dates");
    assert_eq!((r.check_ins.checked_in, r.check_ins.sober), (1, 1));
    assert_eq!(r.cravings_passed, 1);
    assert_eq!(r.coping[0].label, "Walked");
    let html = report::to_html(&r);
    assert!(html.contains("Started after these dates"), "{html}");
    assert!(html.contains("Counted at the end of 31 October 2026"));
}

#[test]
fn the_html_page_says_it_all_in_words_and_stands_alone() {
    let (_j, s) = filled();
    let html = report::to_html(&build(&s, &november(false)));
    for expected in [
        "<!doctype html>",
        CSP,
        "@media print",
        "<h1>Daybreak report</h1>",
        "Dates covered: 1 November 2026 to 30 November 2026.",
        "Made on 26 November 2026 at 21:00.",
        "This report is not encrypted: anyone who has it can read it.",
        "<th scope=\"row\" dir=\"auto\">Alcohol</th><td>15 days</td><td>1</td>",
        "<th scope=\"row\" dir=\"auto\">Vaping &amp; nicotine</th><td>56 days (1 month, 25 days)</td>",
        "A slip restarts the count.",
        "There was a check-in on 5 of the 30 days. Days marked as sober in the evening check-in: 3.",
        "Moods were logged on 2 days.",
        "4 cravings were logged.",
        "the strongest was 10 out of 10",
        "<figcaption id=\"chart-1\">Mood by day</figcaption>",
        "Strongest craving by day",
        "<th scope=\"row\">Tue 3 Nov 2026</th><td>4.5</td><td>not logged</td>",
        "<th scope=\"row\">Mon 2 Nov 2026</th><td>2 (bad)</td><td>6</td>",
        "<span dir=\"auto\">Payday &lt;script&gt;alert(1)&lt;/script&gt;</span>: 3 times",
        "<span dir=\"auto\">Loneliness and isolation</span>: twice",
        "2 cravings passed.",
        "<span dir=\"auto\">Called someone</span>: twice",
        "<span dir=\"auto\">Texted my &lt;b&gt;sister&lt;/b&gt;</span>: once",
        "Journal entries are not included.",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in\n{html}");
    }
    assert_eq!(
        html.matches("<svg ").count(),
        2,
        "a mood and a craving chart"
    );
    for absent in [
        "<script",
        "<b>",
        "://",
        "src=",
        "Old habit",
        "slip note",
        "mood note",
        "Walked",
        "river",
        "marmalade",
        "A good day",
    ] {
        assert!(!html.contains(absent), "{absent:?} must not be in the page");
    }
}

#[test]
fn journal_entries_appear_only_when_asked_for() {
    let (_j, s) = filled();
    let without = build(&s, &november(false));
    let with = build(&s, &november(true));
    let entries = with.journal.as_ref().unwrap();
    assert_eq!(entries.len(), 2, "the October entry is outside the range");
    assert_eq!(entries[0].title, "A good day", "oldest first");
    assert!(entries[0].text.starts_with("Walked by the river with Sam."));

    let html = report::to_html(&with);
    assert!(!html.contains("Journal entries are not included."));
    assert!(html.contains("<h2>Journal entries</h2>"));
    assert!(html.contains(
        "<h3>Thursday 5 November 2026, 20:00: <span dir=\"auto\">A good day</span></h3>"
    ));
    assert!(
        html.contains("<p dir=\"auto\">Walked by the river with Sam.</p>"),
        "plain text, without the Markdown"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("<script"),
        "what the person wrote is escaped"
    );
    assert!(!html.contains("zebra"));
    let (first, second) = (
        html.find("A good day").unwrap(),
        html.find("marmalade").unwrap(),
    );
    assert!(first < second, "oldest first");

    let pdf_with = pdf_text(&pdf(&with));
    let pdf_without = pdf_text(&pdf(&without));
    assert!(pdf_with.contains("marmalade"), "{pdf_with}");
    assert!(
        pdf_with.contains("\u{201C}properly\u{201D} café-calm"),
        "curly quotes and accents print as written; an emoji no installed font has becomes the \
         font's box and the line goes on: {pdf_with}"
    );
    assert!(!pdf_without.contains("marmalade"));
    assert!(!pdf_without.contains("river"));
    assert!(pdf_without.contains("Journal entries are not included."));
}

#[test]
fn an_empty_range_makes_a_sensible_report() {
    let (_j, s) = open();
    let r = build(&s, &november(true));
    assert!(r.clocks.is_empty());
    assert_eq!(r.check_ins.checked_in, 0);
    let html = report::to_html(&r);
    for expected in [
        "No sober-day clocks are kept yet.",
        "No check-ins were made in these dates.",
        "No moods were logged in these dates.",
        "No cravings were logged in these dates.",
        "No triggers were noted in these dates.",
        "No cravings were marked as passed in these dates.",
        "No journal entries were written in these dates.",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert!(!html.contains("<svg"), "no chart without data");
    let pdf = pdf(&r);
    assert_eq!(check_structure(&pdf), 1);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("No moods were logged in these dates."),
        "{text}"
    );
}

#[test]
fn bad_ranges_are_refused_with_a_reason() {
    let (_j, s) = filled();
    let backwards = refused(report::build(
        s.store(),
        &options(day(11, 30), day(11, 1), false),
        now(),
        tz(),
    ));
    assert_eq!(backwards, Refusal::DatesReversed);
    let from = NaiveDate::from_ymd_opt(2016, 11, 27).unwrap();
    let too_long = refused(report::build(
        s.store(),
        &options(from, day(11, 27), false),
        now(),
        tz(),
    ));
    assert_eq!(too_long, Refusal::ReportTooLong { max_years: 10 });
    let dir = tempfile::tempdir().unwrap();
    refused(report::export_to(
        dir.path(),
        s.store(),
        &options(day(11, 30), day(11, 1), false),
        now(),
        tz(),
    ));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing is written for a refused range"
    );

    // Exactly ten years is fine, and is charted by month.
    let r = build(&s, &options(from, day(11, 26), false));
    let html = report::to_html(&r);
    assert!(html.contains("Average mood by month"), "{html}");
    assert!(html.contains("<th scope=\"row\">Nov 2026</th>"));
    let pdf = pdf(&r);
    check_structure(&pdf);
    assert!(pdf_text(&pdf).contains("Average mood by month"));
    // A single day is a range too.
    let one = build(&s, &options(day(11, 3), day(11, 3), false));
    assert_eq!(one.insights.mood_days, 1);
    assert!(report::to_html(&one).contains("Dates covered: 3 November 2026."));
}

#[test]
fn the_pdf_is_well_formed_and_readable() {
    let (_j, s) = filled();
    let pdf = pdf(&build(&s, &november(true)));
    let pages = check_structure(&pdf);
    assert!(pages >= 1);
    let text = pdf_text(&pdf);
    for expected in [
        "Daybreak report",
        "This report is not encrypted: anyone who has it can read it.",
        "Alcohol",
        "Vaping & nicotine",
        "Payday <script>alert(1)</script>: 3 times",
        "Called someone: twice",
        "Mood by day",
        "marmalade",
        &format!("Page 1 of {pages}"),
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_report_asked_for_in_spanish_is_written_in_spanish() {
    let (_j, s) = filled();
    let spanish = ReportOptions {
        language: Language::Es,
        ..november(true)
    };
    let report = build(&s, &spanish);
    let pdf = pdf(&report);
    let pages = check_structure_titled(&pdf, "Informe de Daybreak");
    let text = pdf_text(&pdf);
    for expected in [
        "Informe de Daybreak",
        "Este informe no está cifrado: cualquier persona que lo tenga puede leerlo.",
        "Fechas que abarca: del 1 de noviembre de 2026 al 30 de noviembre de 2026.",
        "Días sin consumir",
        "Estado de ánimo y ganas de consumir",
        "Ánimo por día",
        "Detonantes",
        "Lo que ayudó",
        "Entradas del diario",
        // The person's own words are theirs, in whatever language they wrote them.
        "Alcohol",
        "marmalade",
        "Payday <script>alert(1)</script>: 3 veces",
        // Built-in names as the Spanish screens say them.
        "Llamé a alguien: 2 veces",
        &format!("Página 1 de {pages}"),
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    for english in [
        "Daybreak report",
        "Sober days",
        "Moods and cravings",
        "Page 1 of",
        "Called someone",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} left in English:\n{text}"
        );
    }
    let html = report::to_html(&report);
    assert!(
        html.contains("<html lang=\"es\">"),
        "the page says its language"
    );
    assert!(html.contains("<title>Informe de Daybreak</title>"));
    assert!(html.contains("<h2>Días sin consumir</h2>"));
    // The English report keeps its words.
    let english = report::to_html(&build(&s, &november(true)));
    assert!(english.contains("<html lang=\"en\">") && english.contains("<h2>Sober days</h2>"));
}

/// The same words in Spanish, Greek, Russian, Japanese and Arabic: a trigger's name, and a
/// journal entry's title and text.
const LANGUAGES: [(&str, &str, &str); 5] = [
    (
        "Añoranza del bar",
        "Mañana",
        "Hoy caminé junto al río con mi hermana.",
    ),
    ("Μοναξιά", "Αύριο", "Σήμερα περπάτησα δίπλα στο ποτάμι."),
    ("Одиночество", "Завтра", "Сегодня я гулял у реки с сестрой."),
    ("給料日の夜", "明日", "今日は妹と川沿いを歩きました。"),
    ("الوحدة", "غدا", "مشيت اليوم بجانب النهر مع أختي"),
];

/// A trigger's name, and a journal entry's title and text, with emoji.
const EMOJI: (&str, &str, &str) = (
    "Sunrise 🌅 walks",
    "🌅",
    "Up before the sun 🌅 and out of the door 🚶",
);

#[test]
fn every_language_prints_in_the_pdf() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    for (i, (trigger, title, text)) in LANGUAGES.iter().chain([&EMOJI]).enumerate() {
        let id = triggers::create(st, trigger, now()).unwrap().id;
        let when = at(11, 2 + i as u32, 20, 0);
        cravings::create(
            st,
            &craving(when, 5, vec![id], vec![], CravingOutcome::Passed),
            now(),
        )
        .unwrap();
        journal_entries::create(st, &entry(when, title, text), now()).unwrap();
    }
    let r = build(&s, &november(true));
    let pdf = pdf(&r);
    check_structure(&pdf);
    assert!(
        font_types(&pdf).iter().any(|t| t == "Type 3"),
        "the emoji are drawn in colour (a Type 3 font of their pictures), not as the main \
         face's box: install fonts-noto-color-emoji (scripts/lib/common.sh's TEST_PACKAGES)"
    );
    let text = pdf_text(&pdf);
    let html = report::to_html(&r);
    // pdftotext writes a right-to-left run between embedding marks (U+202B ... U+202C), in
    // logical order, and a line's runs in the order they stand on the page.
    let text: String = text
        .chars()
        .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
        .collect();
    for (trigger, title, body) in LANGUAGES {
        assert!(
            html.contains(&format!("<span dir=\"auto\">{trigger}</span>: once")),
            "{trigger} in the page"
        );
        for expected in [trigger, title, body] {
            assert!(html.contains(expected), "missing {expected:?} in the page");
            assert!(
                text.contains(expected),
                "missing {expected:?} in the PDF as pdftotext reads it:\n{text}"
            );
        }
    }
    // Emoji: poppler guesses the size of a Type 3 font's text from its glyphs' widths (a
    // guess made for fonts whose glyphs are named like letters) and takes an emoji for far
    // larger text than the words beside it. So its usual layout sets an emoji on a line of its
    // own, and the space after one is too narrow for it to see. Read in drawing order, with
    // spaces left out of the comparison, each line is whole and in order.
    let (trigger, title, body) = EMOJI;
    let no_spaces = |t: &str| t.split_whitespace().collect::<String>();
    let drawn = no_spaces(&pdf_text_as_drawn(&pdf));
    for in_page in [
        format!("<li><span dir=\"auto\">{trigger}</span>: once</li>"),
        format!("Saturday 7 November 2026, 20:00: <span dir=\"auto\">{title}</span>"),
        format!("<p dir=\"auto\">{body}</p>"),
    ] {
        assert!(html.contains(&in_page), "missing {in_page:?} in the page");
    }
    for expected in [
        format!("{trigger}: once"),
        format!("Saturday 7 November 2026, 20:00: {title}"),
        body.to_string(),
    ] {
        assert!(
            drawn.contains(&no_spaces(&expected)),
            "missing {expected:?} in the PDF as pdftotext -raw reads it:\n{drawn}"
        );
    }
    for emoji in ["🌅", "🚶"] {
        assert!(text.contains(emoji), "pdftotext reads {emoji} as well");
    }
}

/// Arabic and Hebrew in an English report: what the person wrote takes its own direction
/// (`dir="auto"`), the report's words keep the page's.
#[test]
fn what_the_person_wrote_in_arabic_or_hebrew_reads_right_to_left_in_the_page() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    clocks::create(st, &clock("הימים שלי", at(10, 1, 9, 0)), now(), tz()).unwrap();
    let when = at(11, 4, 20, 0);
    for name in ["الوحدة 2", "Late\u{2069} nights"] {
        let id = triggers::create(st, name, now()).unwrap().id;
        let craving = craving(when, 5, vec![id], vec![], CravingOutcome::Passed);
        cravings::create(st, &craving, now()).unwrap();
    }
    let body = "مشيت اليوم بجانب النهر مع أختي\n\nThen home for tea.";
    journal_entries::create(st, &entry(when, "מחר", body), now()).unwrap();
    let r = build(&s, &november(true));
    let html = report::to_html(&r);
    for expected in [
        "<html lang=\"en\">",
        "<th scope=\"row\" dir=\"auto\">הימים שלי</th>",
        "<li><span dir=\"auto\">الوحدة 2</span>: once</li>",
        "<h3>Wednesday 4 November 2026, 20:00: <span dir=\"auto\">מחר</span></h3>",
        "<p dir=\"auto\">مشيت اليوم بجانب النهر مع أختي</p>",
        "<p dir=\"auto\">Then home for tea.</p>",
        // The report's own words keep the page's direction.
        "<p>What set cravings off, most often first:</p>",
        "<h2>Journal entries</h2>",
        // A table cell starts on the side its text starts.
        "th,td{border:1px solid #c8ccd0;padding:.35rem .6rem;text-align:start;",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in\n{html}");
    }
    assert!(
        html.contains("<li><span dir=\"auto\">Late nights</span>: once</li>"),
        "an isolate mark in a name is dropped, so it cannot close the report's own early"
    );
    assert_eq!(
        html.matches("<span").count(),
        html.matches("</span>").count(),
        "every span is closed"
    );

    // The PDF sets the Arabic paragraph flush right, the English one flush left: the words'
    // boxes as pdftotext -bbox reads them.
    let pdf = pdf(&r);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let boxes = run_poppler("pdftotext", &path, &["-bbox", "-"]);
    let words: Vec<(f64, f64, &str)> = boxes
        .split("<word ")
        .skip(1)
        .map(|w| {
            let number = |name: &str| -> f64 {
                let v = &w[w.find(&format!("{name}=\"")).unwrap() + name.len() + 2..];
                v[..v.find('"').unwrap()].parse().unwrap()
            };
            let text = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            (number("xMin"), number("xMax"), text)
        })
        .collect();
    let arabic = |t: &str| {
        t.chars().any(|c| {
            ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c)
        })
    };
    let right_edge = words
        .iter()
        .filter(|(_, _, t)| arabic(t))
        .map(|(_, x_max, _)| *x_max)
        .fold(0.0, f64::max);
    let right_margin = 595.28 - 56.0;
    assert!(
        (right_edge - right_margin).abs() < 1.0,
        "the Arabic paragraph ends on the right margin ({right_margin}), not at {right_edge}"
    );
    let then = words.iter().find(|(_, _, t)| *t == "Then").expect("Then");
    assert_eq!(
        then.0, 56.0,
        "the English paragraph starts on the left margin"
    );
}

/// What a missing emoji font looks like: a character no installed face has is drawn as the
/// main face's box, and the PDF is written all the same.
#[test]
fn a_character_no_font_has_still_makes_the_pdf() {
    let (_j, mut s) = open();
    let text = "Private \u{10FFFD} sign, then words after it";
    journal_entries::create(s.store_mut(), &entry(at(11, 3, 9, 0), "", text), now()).unwrap();
    let pdf = pdf(&build(&s, &november(true)));
    check_structure(&pdf);
    assert!(
        pdf_text(&pdf).contains("then words after it"),
        "the rest of the line is printed"
    );
}

#[test]
fn a_long_journal_runs_over_several_pages() {
    let (_j, mut s) = open();
    let st = s.store_mut();
    clocks::create(st, &clock("Alcohol", at(9, 1, 20, 0)), now(), tz()).unwrap();
    let body: Vec<String> = (1..=300)
        .map(|i| format!("Paragraph {i}: today I kept going, one hour at a time, and it counted."))
        .chain(["The last word is finale.".to_string()])
        .collect();
    journal_entries::create(
        st,
        &entry(at(11, 10, 20, 0), "A long one", &body.join("\n\n")),
        now(),
    )
    .unwrap();
    let pdf = pdf(&build(&s, &november(true)));
    let pages = check_structure(&pdf);
    assert!(pages > 1, "{pages} page(s)");
    let text = pdf_text(&pdf);
    assert_eq!(
        text.matches('\u{c}').count(),
        pages,
        "pdftotext ends each page with a form feed"
    );
    assert!(text.contains(&format!("Page 2 of {pages}")));
    assert!(text.contains("Paragraph 150: today I kept going"));
    assert!(
        text.contains("The last word is finale."),
        "nothing is cut off"
    );
}

#[test]
fn export_writes_two_new_files_and_never_overwrites() {
    let (j, s) = filled();
    let dir = j.dir.path().join("Reports");
    let first = report::export_to(&dir, s.store(), &november(true), now(), tz()).unwrap();
    assert!(
        first.html.ends_with("daybreak-report-2026-11-26.html"),
        "{first:?}"
    );
    assert!(
        first.pdf.ends_with("daybreak-report-2026-11-26.pdf"),
        "{first:?}"
    );
    let html_before = std::fs::read(&first.html).unwrap();
    let pdf_before = std::fs::read(&first.pdf).unwrap();
    assert!(String::from_utf8_lossy(&html_before).contains("marmalade"));
    check_structure(&pdf_before);
    assert!(pdftotext(Path::new(&first.pdf)).contains("marmalade"));

    let second = report::export_to(&dir, s.store(), &november(false), now(), tz()).unwrap();
    assert!(
        second.html.ends_with("daybreak-report-2026-11-26-2.html"),
        "{second:?}"
    );
    assert!(
        second.pdf.ends_with("daybreak-report-2026-11-26-2.pdf"),
        "{second:?}"
    );
    assert_eq!(
        std::fs::read(&first.html).unwrap(),
        html_before,
        "the first page is untouched"
    );
    assert_eq!(std::fs::read(&first.pdf).unwrap(), pdf_before);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 4);
    assert!(!std::fs::read_to_string(&second.html)
        .unwrap()
        .contains("marmalade"));
}

#[test]
fn options_and_files_keep_their_ipc_shape() {
    let o: ReportOptions =
        serde_json::from_str(r#"{"from":"2026-11-01","to":"2026-11-30","includeJournal":true}"#)
            .unwrap();
    assert_eq!(
        o,
        november(true),
        "a report asked for without a language is in English"
    );
    let o: ReportOptions = serde_json::from_str(
        r#"{"from":"2026-11-01","to":"2026-11-30","includeJournal":true,"language":"es"}"#,
    )
    .unwrap();
    assert_eq!(o.language, Language::Es);
    let files = report::ReportFiles {
        html: "a.html".into(),
        pdf: "a.pdf".into(),
    };
    assert_eq!(
        serde_json::to_string(&files).unwrap(),
        r#"{"html":"a.html","pdf":"a.pdf"}"#
    );
}
