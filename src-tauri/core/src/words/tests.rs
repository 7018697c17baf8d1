use chrono::NaiveDate;

use super::*;
use crate::insights::{DayMark, DayMarkKind, Finding};

/// A spreadsheet file's name and columns, as one entry.
fn sheet<const N: usize>(words: &SheetWords<N>) -> String {
    format!("{}: {}", words.file, words.header.join(", "))
}

/// Every entry of a table, by name, with its parameters filled in where it has any.
fn entries(w: &Words) -> Vec<(&'static str, String)> {
    let findings = [
        Finding::MoodOnMarkedDays {
            mark: DayMark {
                kind: DayMarkKind::Halt,
                name: "lonely".into(),
            },
            average_with: 2.1,
            average_without: 3.4,
            days_with: 18,
            days_without: 140,
        },
        Finding::CravingPeak {
            from_hour: 21,
            to_hour: 23,
            count: 31,
            total: 120,
        },
        Finding::CopingWorked {
            action: "Called someone".into(),
            passed: 9,
            tries: 11,
        },
    ];
    let mut out: Vec<(&'static str, String)> = vec![
        ("months", w.months.join(" ")),
        ("months_short", w.months_short.join(" ")),
        ("weekdays", w.weekdays.join(" ")),
        ("weekdays_short", w.weekdays_short.join(" ")),
        ("long_date", (w.long_date)(26, "Q7", 2026)),
        ("date_at_time", (w.date_at_time)("Q3", "20:05")),
        ("date_range", (w.date_range)("Q5", "Q6")),
        ("days", (w.days)(2)),
        ("months_count", (w.months_count)(2)),
        ("years", (w.years)(2)),
        ("times", (w.times)(7)),
        ("and_more", (w.and_more)(4)),
        ("moods", w.moods.join(" ")),
        ("report_title", w.report_title.into()),
        ("report_not_encrypted", w.report_not_encrypted.into()),
        ("report_share_kindly", w.report_share_kindly.into()),
        ("report_dates_covered", (w.report_dates_covered)("Q1")),
        ("report_made_on", (w.report_made_on)("Q2")),
        ("report_footer", (w.report_footer)("Q1")),
        ("report_page_of", (w.report_page_of)(1, 3)),
        ("sober_days", w.sober_days.into()),
        ("no_clocks", w.no_clocks.into()),
        ("counted_on", (w.counted_on)("Q2")),
        ("counted_at_end_of", (w.counted_at_end_of)("Q3")),
        (
            "started_after_these_dates",
            w.started_after_these_dates.into(),
        ),
        ("clocks_caption", w.clocks_caption.into()),
        ("clock_column", w.clock_column.into()),
        ("days_sober_column", w.days_sober_column.into()),
        ("slips_column", w.slips_column.into()),
        ("slip_restarts_the_count", w.slip_restarts_the_count.into()),
        ("check_ins", w.check_ins.into()),
        ("no_check_ins", w.no_check_ins.into()),
        ("check_in_this_day", w.check_in_this_day.into()),
        ("check_in_on_days", (w.check_in_on_days)(3, 30)),
        ("sober_in_evening", (w.sober_in_evening)(5)),
        ("moods_and_cravings", w.moods_and_cravings.into()),
        ("no_moods", w.no_moods.into()),
        ("moods_logged", (w.moods_logged)("Q8", "3.5")),
        ("no_cravings", w.no_cravings.into()),
        (
            "no_cravings_on_their_own",
            w.no_cravings_on_their_own.into(),
        ),
        ("cravings_logged", (w.cravings_logged)(4)),
        (
            "craving_strength_noted",
            (w.craving_strength_noted)("Q8", "8"),
        ),
        ("feelings_named", w.feelings_named.into()),
        ("what_stood_out", w.what_stood_out.into()),
        ("mood_chart_titles", w.mood_chart_titles.join(" ")),
        ("craving_chart_titles", w.craving_chart_titles.join(" ")),
        (
            "mood_chart_description",
            (w.mood_chart_description)("Q4", "Q1"),
        ),
        (
            "craving_chart_description",
            (w.craving_chart_description)("Q4", "Q1"),
        ),
        ("step_nouns", w.step_nouns.join(" ")),
        ("step_columns", w.step_columns.join(" ")),
        ("mood_column_daily", w.mood_column_daily.into()),
        ("mood_column_average", w.mood_column_average.into()),
        ("craving_column", w.craving_column.into()),
        ("not_logged", w.not_logged.into()),
        ("numbers_caption", (w.numbers_caption)("Q4")),
        ("triggers", w.triggers.into()),
        ("no_triggers", w.no_triggers.into()),
        ("triggers_intro", w.triggers_intro.into()),
        ("coping_that_worked", w.coping_that_worked.into()),
        ("no_cravings_passed", w.no_cravings_passed.into()),
        ("cravings_passed", (w.cravings_passed)(6)),
        ("no_coping_noted", w.no_coping_noted.into()),
        ("coping_intro", w.coping_intro.into()),
        ("journal_not_included", w.journal_not_included.into()),
        ("journal_entries", w.journal_entries.into()),
        ("no_journal_entries", w.no_journal_entries.into()),
        ("plan_title", w.plan_title.into()),
        ("plan_readable", w.plan_readable.into()),
        ("plan_exported_on", (w.plan_exported_on)("Q3")),
        ("plan_not_filled_in", w.plan_not_filled_in.into()),
        ("plan_warning_signs", w.plan_warning_signs.into()),
        ("plan_high_risk", w.plan_high_risk.into()),
        ("plan_coping", w.plan_coping.into()),
        ("plan_people", w.plan_people.into()),
        ("plan_places", w.plan_places.into()),
        ("plan_reasons", w.plan_reasons.into()),
        ("plan_if_i_slip", w.plan_if_i_slip.into()),
        ("spreadsheet readme", w.spreadsheets.readme.into()),
        ("clocks.csv", sheet(&w.spreadsheets.clocks)),
        ("slips.csv", sheet(&w.spreadsheets.slips)),
        ("check-ins.csv", sheet(&w.spreadsheets.check_ins)),
        ("moods.csv", sheet(&w.spreadsheets.moods)),
        ("cravings.csv", sheet(&w.spreadsheets.cravings)),
        ("journal.csv", sheet(&w.spreadsheets.journal)),
        ("triggers.csv", sheet(&w.spreadsheets.triggers)),
        ("people.csv", sheet(&w.spreadsheets.people)),
        ("reasons.csv", sheet(&w.spreadsheets.reasons)),
        // "no" is no in both languages.
        ("spreadsheet yes", w.spreadsheets.yes.into()),
        ("spreadsheet readme file", w.spreadsheets.readme_file.into()),
        ("outcome passed", w.spreadsheets.passed.into()),
        ("outcome used", w.spreadsheets.used.into()),
        ("outcome struggling", w.spreadsheets.struggling.into()),
        ("saved export", w.saved_files.export.into()),
        (
            "json not encrypted",
            w.saved_files.json_not_encrypted.into(),
        ),
        ("saved spreadsheets", w.saved_files.spreadsheets.into()),
        ("saved report", w.saved_files.report.into()),
        ("saved plan", w.saved_files.plan.into()),
        ("saved backup", w.saved_files.backup.into()),
        // "SOS" is SOS in both languages.
        ("tray open", w.tray.open.into()),
        ("tray log_mood", w.tray.log_mood.into()),
        ("tray lock", w.tray.lock.into()),
        ("tray quit", w.tray.quit.into()),
    ];
    for (i, f) in findings.iter().enumerate() {
        out.push((["finding 1", "finding 2", "finding 3"][i], (w.finding)(f)));
    }
    out
}

#[test]
fn every_entry_is_translated_and_keeps_its_numbers_and_names() {
    let en = entries(Language::En.words());
    let es = entries(Language::Es.words());
    assert_eq!(en.len(), es.len());
    for ((name, english), (_, spanish)) in en.iter().zip(&es) {
        assert!(!english.trim().is_empty(), "{name}: English is empty");
        assert!(!spanish.trim().is_empty(), "{name}: Spanish is empty");
        assert_ne!(
            english, spanish,
            "{name}: the Spanish entry is still English"
        );
        // Every number and placeholder (Q1, Q2, ...) the English sentence carries, the Spanish
        // one carries.
        for token in english
            .split(|c: char| !c.is_ascii_alphanumeric() && c != ':')
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        {
            // Decimal commas and 24-hour times are how Spanish writes 3.5 and 9 pm.
            let spanish_form = token.replace('.', ",");
            assert!(
                spanish.contains(token)
                    || spanish.contains(&spanish_form)
                    || (*name == "finding 2" && spanish.contains("21:00")),
                "{name}: {token:?} is missing from the Spanish {spanish:?}"
            );
        }
    }
}

#[test]
fn dates_and_numbers_are_written_the_way_each_language_writes_them() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let at = day.and_hms_opt(20, 5, 0).unwrap();
    let (en, es) = (Language::En.words(), Language::Es.words());
    assert_eq!(en.long_date(day), "26 November 2026");
    assert_eq!(es.long_date(day), "26 de noviembre de 2026");
    assert_eq!(en.date_time(at), "26 November 2026 at 20:05");
    assert_eq!(es.date_time(at), "26 de noviembre de 2026 a las 20:05");
    assert_eq!(en.weekday_date(day), "Thursday 26 November 2026");
    assert_eq!(es.weekday_date(day), "jueves, 26 de noviembre de 2026");
    assert_eq!(en.short_date(day, false), "Thu 26 Nov");
    assert_eq!(es.short_date(day, true), "jue 26 nov 2026");
    assert_eq!(en.number(3.46), "3.5");
    assert_eq!(es.number(3.46), "3,5");
    assert_eq!(es.number(4.0), "4");
    assert_eq!(en.span(1, 2, 0), "1 year, 2 months");
    assert_eq!(es.span(1, 0, 3), "1 año, 3 días");
    assert_eq!(es.span(0, 0, 0), "0 días");
    assert_eq!(en.mood(4), "good");
    assert_eq!(es.mood(1), "fatal");
}

#[test]
fn hour_spans_read_naturally() {
    use super::en::hour_span;
    assert_eq!(hour_span(21, 23), "9 and 11 pm");
    assert_eq!(hour_span(23, 1), "11 pm and 1 am");
    assert_eq!(hour_span(0, 2), "midnight and 2 am");
    assert_eq!(hour_span(11, 13), "11 am and 1 pm");
    assert_eq!(hour_span(12, 14), "noon and 2 pm");
}

#[test]
fn languages_travel_as_their_codes() {
    assert_eq!(serde_json::to_string(&Language::Es).unwrap(), "\"es\"");
    assert_eq!(
        serde_json::from_str::<Language>("\"en\"").unwrap(),
        Language::En
    );
    assert!(serde_json::from_str::<Language>("\"fr\"").is_err());
}

#[test]
fn a_locale_names_its_region_only_when_it_has_one_country() {
    assert_eq!(region_of_locale("es_MX.UTF-8@euro").as_deref(), Some("MX"));
    assert_eq!(region_of_locale("es-mx").as_deref(), Some("MX"));
    assert_eq!(region_of_locale("zh-Hant-TW").as_deref(), Some("TW"));
    assert_eq!(region_of_locale("C.UTF-8"), None);
    assert_eq!(region_of_locale("POSIX"), None);
    assert_eq!(
        region_of_locale("es-419"),
        None,
        "Latin America is no one country"
    );
    assert_eq!(region_of_locale("es"), None);
    assert_eq!(region_of_locale(""), None);
}
