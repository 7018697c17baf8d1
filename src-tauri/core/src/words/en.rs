//! English.

use super::{
    english_plural, ReminderWords, SavedFileWords, SheetWords, SpreadsheetWords, TrayWords, Words,
};
use crate::insights::{DayMarkKind, Finding};
use crate::sobriety::TimeUnit;

pub(super) const WORDS: Words = Words {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    long_date: |day, month, year| format!("{day} {month} {year}"),
    date_at_time: |date, time| format!("{date} at {time}"),
    date_range: |from, to| format!("{from} to {to}"),
    decimal_separator: '.',
    days: |n| english_plural(n, "day", "days"),
    months_count: |n| english_plural(n, "month", "months"),
    years: |n| english_plural(n, "year", "years"),
    times: |n| match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    },
    and_more: |n| format!("and {n} more"),
    moods: ["awful", "bad", "okay", "good", "great"],

    report_title: "Daybreak report",
    report_not_encrypted: "This report is not encrypted: anyone who has it can read it.",
    report_share_kindly: "Please share it only with people you trust, and delete it when it is \
                          no longer needed.",
    report_dates_covered: |range| format!("Dates covered: {range}."),
    report_made_on: |at| format!("Made on {at}."),
    report_footer: |range| format!("Daybreak report, {range}. Not encrypted."),
    report_page_of: |page, count| format!("Page {page} of {count}"),
    sober_days: "Sober days",
    no_clocks: "No sober-day clocks are kept yet.",
    counted_on: |at| format!("Counted on {at}."),
    counted_at_end_of: |day| format!("Counted at the end of {day}, the last day of the report."),
    started_after_these_dates: "Started after these dates",
    clocks_caption: "Days sober on each clock",
    clock_column: "Clock",
    days_sober_column: "Days sober",
    slips_column: "Slips in these dates",
    slip_restarts_the_count:
        "A slip restarts the count. The sober days before it still happened and still count.",
    check_ins: "Check-ins",
    no_check_ins: "No check-ins were made in these dates.",
    check_in_this_day: "There was a check-in on this day.",
    check_in_on_days: |on, of| format!("There was a check-in on {on} of the {of} days."),
    sober_in_evening: |n| format!("Days marked as sober in the evening check-in: {n}."),
    moods_and_cravings: "Moods and cravings",
    no_moods: "No moods were logged in these dates.",
    moods_logged: |days, average| {
        format!(
            "Moods were logged on {days}. The average mood was {average} out of 5 (1 is awful, \
             3 is okay, 5 is great)."
        )
    },
    no_cravings: "No cravings were logged in these dates.",
    no_cravings_on_their_own: "No cravings were logged on their own.",
    cravings_logged: |n| match n {
        1 => "1 craving was logged.".into(),
        n => format!("{n} cravings were logged."),
    },
    craving_strength_noted: |days, max| {
        format!("Craving strength was noted on {days}; the strongest was {max} out of 10.")
    },
    feelings_named: "Feelings named most often",
    what_stood_out: "What stood out",
    mood_chart_titles: [
        "Mood by day",
        "Average mood by week",
        "Average mood by month",
    ],
    craving_chart_titles: [
        "Strongest craving by day",
        "Strongest craving by week",
        "Strongest craving by month",
    ],
    mood_chart_description: |noun, range| {
        format!(
            "A line chart of mood by {noun}, {range}, from 1 (awful) to 5 (great). The numbers \
             are in the table that follows."
        )
    },
    craving_chart_description: |noun, range| {
        format!(
            "A bar chart of the strongest craving by {noun}, {range}, from 0 (none) to 10. The \
             numbers are in the table that follows."
        )
    },
    step_nouns: ["day", "week", "month"],
    step_columns: ["Day", "Week starting", "Month"],
    mood_column_daily: "Mood (1 to 5)",
    mood_column_average: "Average mood (1 to 5)",
    craving_column: "Strongest craving (0 to 10)",
    not_logged: "not logged",
    numbers_caption: |noun| format!("Mood and strongest craving by {noun}"),
    triggers: "Triggers",
    no_triggers: "No triggers were noted in these dates.",
    triggers_intro: "What set cravings off, most often first:",
    coping_that_worked: "Coping that worked",
    no_cravings_passed: "No cravings were marked as passed in these dates.",
    cravings_passed: |n| match n {
        1 => "1 craving passed".into(),
        n => format!("{n} cravings passed"),
    },
    no_coping_noted: "No coping actions were noted for them.",
    coping_intro: "What was tried while they passed:",
    journal_not_included: "Journal entries are not included.",
    journal_entries: "Journal entries",
    no_journal_entries: "No journal entries were written in these dates.",
    finding,

    plan_title: "My relapse prevention plan",
    plan_readable: "This page is readable by anyone who sees it.",
    plan_exported_on: |day| {
        format!(
            "It was exported from Daybreak on {day} to share with someone you trust. Keep it \
             somewhere safe."
        )
    },
    plan_not_filled_in: "Not filled in yet.",
    plan_warning_signs: "My warning signs",
    plan_high_risk: "My high-risk situations",
    plan_coping: "My coping strategies",
    plan_people: "People I can call",
    plan_places: "Places I can go",
    plan_reasons: "My reasons",
    plan_if_i_slip: "If I slip",

    spreadsheets: SpreadsheetWords {
        readme_file: "README.txt",
        readme: "Daybreak export (spreadsheets)\r\n\r\n\
These files are NOT encrypted: anyone who has them can read your journal.\r\n\
One CSV file per kind of entry, UTF-8, with a header row. Numbers and columns are set out the\r\n\
way your computer's spreadsheet program expects: a decimal point and commas between columns\r\n\
(as in the United States), or a decimal comma and semicolons between columns (as in Germany).\r\n\
If a file opens with everything in one column, open it from inside the program instead\r\n\
(Data > From Text/CSV) and pick the separator.\r\n\
Times are your local time; lists are separated by \"; \".\r\n\
Text that starts with = + - or @ is written with a leading ' so that spreadsheet programs\r\n\
show it instead of running it as a formula.\r\n\
The complete export, including your relapse plan and library, is the JSON export.\r\n",
        clocks: SheetWords {
            file: "clocks.csv",
            header: [
                "name",
                "started (local)",
                "pinned",
                "archived",
                "money per day (cents)",
                "currency",
                "minutes per day",
            ],
        },
        slips: SheetWords {
            file: "slips.csv",
            header: ["clock", "time (local)", "note"],
        },
        check_ins: SheetWords {
            file: "check-ins.csv",
            header: ["day", "intention", "sober", "difficulty (1-5)", "note"],
        },
        moods: SheetWords {
            file: "moods.csv",
            header: [
                "time (local)",
                "mood (1-5)",
                "craving (0-10)",
                "emotions",
                "hungry",
                "angry",
                "lonely",
                "tired",
                "sleep (hours)",
                "note",
            ],
        },
        cravings: SheetWords {
            file: "cravings.csv",
            header: [
                "time (local)",
                "strength (0-10)",
                "triggers",
                "what I did",
                "outcome",
                "where",
                "with whom",
                "note",
            ],
        },
        journal: SheetWords {
            file: "journal.csv",
            header: ["time (local)", "title", "text", "tags"],
        },
        triggers: SheetWords {
            file: "triggers.csv",
            header: ["name", "built-in key", "archived"],
        },
        people: SheetWords {
            file: "people.csv",
            header: ["name", "phone", "note"],
        },
        reasons: SheetWords {
            file: "reasons.csv",
            header: ["reason"],
        },
        yes: "yes",
        no: "no",
        passed: "passed",
        used: "used",
        struggling: "struggling",
    },
    saved_files: SavedFileWords {
        export: "daybreak-export",
        json_not_encrypted:
            "This file is not encrypted. Anyone who opens it can read your journal.",
        spreadsheets: "daybreak-spreadsheets",
        report: "daybreak-report",
        plan: "relapse-prevention-plan",
        backup: "daybreak-backup",
    },
    reminders: ReminderWords {
        neutral: "A moment for yourself",
        morning: [
            "Good morning",
            "Would you like to set an intention for today?",
        ],
        evening: [
            "Evening check-in",
            "How did today go? Your check-in is ready when you are.",
        ],
        how_are_you: ["How are you?", "Take a moment to notice how you feel."],
        milestone: ["A day worth marking", "You reached a milestone today."],
        length: |unit, n| match unit {
            TimeUnit::Hours => english_plural(n, "hour", "hours"),
            TimeUnit::Days => english_plural(n, "day", "days"),
            TimeUnit::Weeks => english_plural(n, "week", "weeks"),
            TimeUnit::Months => english_plural(n, "month", "months"),
            TimeUnit::Years => english_plural(n, "year", "years"),
        },
    },
    tray: TrayWords {
        open: "Open",
        log_mood: "Log a mood",
        sos: "SOS",
        lock: "Lock",
        quit: "Quit",
    },
    neutral_title: "Notes",
    backup_file_kind: "Daybreak backup",
    builtin_names: &[],
};

fn finding(f: &Finding) -> String {
    match f {
        Finding::MoodOnMarkedDays {
            mark,
            average_with,
            average_without,
            days_with,
            days_without,
        } => {
            let what = match mark.kind {
                DayMarkKind::Trigger => format!("logged {}", mark.name.to_lowercase()),
                DayMarkKind::Emotion => format!("felt {}", mark.name),
                DayMarkKind::Halt => format!("were {}", mark.name),
            };
            format!(
                "On days you {what} your mood averaged {average_with:.1}, against \
                 {average_without:.1} on other days ({days_with} vs {days_without} days)."
            )
        }
        Finding::CravingPeak {
            from_hour,
            to_hour,
            count,
            total,
        } => format!(
            "Your cravings peak between {} ({count} of {total} cravings).",
            hour_span((*from_hour).into(), (*to_hour).into())
        ),
        Finding::CopingWorked {
            action,
            passed,
            tries,
        } => format!(
            "When you chose \"{}\", the urge passed {passed} times out of {tries}.",
            action.to_lowercase()
        ),
    }
}

/// "9 and 11 pm", "11 pm and 1 am", "midnight and 2 am".
pub(super) fn hour_span(from: u32, to: u32) -> String {
    let name = |h: u32| match h {
        0 => ("midnight".to_string(), ""),
        12 => ("noon".to_string(), ""),
        h if h < 12 => (h.to_string(), "am"),
        h => ((h - 12).to_string(), "pm"),
    };
    let ((a, am), (b, bm)) = (name(from), name(to));
    let pad = |suffix: &str| {
        if suffix.is_empty() {
            String::new()
        } else {
            format!(" {suffix}")
        }
    };
    match (am.is_empty(), bm.is_empty(), am == bm) {
        (false, false, true) => format!("{a} and {b} {bm}"),
        _ => format!("{a}{} and {b}{}", pad(am), pad(bm)),
    }
}
