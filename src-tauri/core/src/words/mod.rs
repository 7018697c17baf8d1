//! The sentences the core writes into files a person reads: the counsellor report, the relapse
//! plan page and the spreadsheet export's README, in the language the person chose; and the
//! reminders' notifications, which the shell shows by itself with no screen to word them.
//! Screens are worded by the UI from the kinds and numbers the core returns.
//!
//! One table per language (`en`, `es`), each a `Words` value: a sentence missing from a
//! language does not compile. Sentences with numbers or names in them are small functions, so
//! each language puts them where its grammar wants them.

mod decimal_mark;
mod en;
mod es;

/// The built-in names in each language but English, from the screens' catalogues (build.rs).
mod builtin_names {
    include!(concat!(env!("OUT_DIR"), "/builtin_names.rs"));
}

pub use decimal_mark::decimal_mark;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A language Daybreak writes files and articles in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Es,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The language of a locale tag ("es_ES.UTF-8", "es-MX", "en"), when Daybreak has it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = language_of_locale(tag);
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The sentences in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Language::En => &en::WORDS,
            Language::Es => &es::WORDS,
        }
    }
}

/// The language subtag of a locale tag ("es_ES.UTF-8", "es-MX", "en"), lower-cased: "es", "en";
/// "c" for "C.UTF-8", "" for "".
pub fn language_of_locale(locale: &str) -> String {
    locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The region of a locale tag such as "en-IE", "de_AT.UTF-8" or "zh-Hant-TW", upper-cased
/// ("IE", "AT", "TW"), or `None` when it names none ("C", "POSIX", "en", "") or a group of
/// countries ("es-419").
pub fn region_of_locale(locale: &str) -> Option<String> {
    let tag = locale.split(['.', '@']).next().unwrap_or("");
    // The region is the first subtag after the language that is two letters (a script such as
    // "Hant" has four, a UN region such as "419" is digits and names no one country).
    let region = tag
        .split(['-', '_'])
        .skip(1)
        .find(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))?
        .to_ascii_uppercase();
    Some(region)
}

/// How a language says a finding of the insights (see `insights::Finding`).
pub type FindingFn = fn(&crate::insights::Finding) -> String;

/// Every sentence the core writes into a file, in one language.
pub struct Words {
    // Dates and numbers.
    pub months: [&'static str; 12],
    pub months_short: [&'static str; 12],
    /// Monday first.
    pub weekdays: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    /// "26 November 2026" from (day, month name, year).
    pub long_date: fn(u32, &str, i32) -> String,
    /// "26 November 2026 at 20:05" from (date, time).
    pub date_at_time: fn(&str, &str) -> String,
    /// "1 to 30 November" from two long dates.
    pub date_range: fn(&str, &str) -> String,
    pub decimal_separator: char,
    /// "1 day", "2 days"; the same for weeks, months and years.
    pub days: fn(i64) -> String,
    pub months_count: fn(i64) -> String,
    pub years: fn(i64) -> String,
    /// "once", "twice", "7 times".
    pub times: fn(i64) -> String,
    /// "and 4 more", under a list cut short.
    pub and_more: fn(usize) -> String,
    /// The five moods, awful to great.
    pub moods: [&'static str; 5],

    // The counsellor report.
    pub report_title: &'static str,
    pub report_not_encrypted: &'static str,
    pub report_share_kindly: &'static str,
    pub report_dates_covered: fn(&str) -> String,
    pub report_made_on: fn(&str) -> String,
    pub report_footer: fn(&str) -> String,
    pub report_page_of: fn(usize, usize) -> String,
    pub sober_days: &'static str,
    pub no_clocks: &'static str,
    pub counted_on: fn(&str) -> String,
    pub counted_at_end_of: fn(&str) -> String,
    pub started_after_these_dates: &'static str,
    pub clocks_caption: &'static str,
    pub clock_column: &'static str,
    pub days_sober_column: &'static str,
    pub slips_column: &'static str,
    pub slip_restarts_the_count: &'static str,
    pub check_ins: &'static str,
    pub no_check_ins: &'static str,
    pub check_in_this_day: &'static str,
    pub check_in_on_days: fn(i64, i64) -> String,
    pub sober_in_evening: fn(i64) -> String,
    pub moods_and_cravings: &'static str,
    pub no_moods: &'static str,
    /// From "3 days" and the average "3.5".
    pub moods_logged: fn(&str, &str) -> String,
    pub no_cravings: &'static str,
    pub no_cravings_on_their_own: &'static str,
    pub cravings_logged: fn(i64) -> String,
    /// From "3 days" and the strongest "8".
    pub craving_strength_noted: fn(&str, &str) -> String,
    pub feelings_named: &'static str,
    pub what_stood_out: &'static str,
    /// Chart titles and descriptions, by step (day, week, month).
    pub mood_chart_titles: [&'static str; 3],
    pub craving_chart_titles: [&'static str; 3],
    /// From the step noun ("day") and the range.
    pub mood_chart_description: fn(&str, &str) -> String,
    pub craving_chart_description: fn(&str, &str) -> String,
    /// "day", "week", "month" as in "by day".
    pub step_nouns: [&'static str; 3],
    /// The first column of the numbers table, by step.
    pub step_columns: [&'static str; 3],
    pub mood_column_daily: &'static str,
    pub mood_column_average: &'static str,
    pub craving_column: &'static str,
    pub not_logged: &'static str,
    pub numbers_caption: fn(&str) -> String,
    pub triggers: &'static str,
    pub no_triggers: &'static str,
    pub triggers_intro: &'static str,
    pub coping_that_worked: &'static str,
    pub no_cravings_passed: &'static str,
    pub cravings_passed: fn(i64) -> String,
    /// After "3 cravings passed".
    pub no_coping_noted: &'static str,
    pub coping_intro: &'static str,
    pub journal_not_included: &'static str,
    pub journal_entries: &'static str,
    pub no_journal_entries: &'static str,
    pub finding: FindingFn,

    // The relapse prevention plan page.
    pub plan_title: &'static str,
    pub plan_readable: &'static str,
    pub plan_exported_on: fn(&str) -> String,
    pub plan_not_filled_in: &'static str,
    pub plan_warning_signs: &'static str,
    pub plan_high_risk: &'static str,
    pub plan_coping: &'static str,
    pub plan_people: &'static str,
    pub plan_places: &'static str,
    pub plan_reasons: &'static str,
    pub plan_if_i_slip: &'static str,

    // The spreadsheet export.
    pub spreadsheets: SpreadsheetWords,
    /// The names saved files get before their date (`export_file::write_new`).
    pub saved_files: SavedFileWords,

    // The reminders' notifications.
    pub reminders: ReminderWords,

    // The tray icon's menu.
    pub tray: TrayWords,
    /// The window's title when Settings asks for a neutral one: nothing about recovery, in the
    /// words Settings promises (`settings_privacy_settings_use_a_neutral_window`).
    pub neutral_title: &'static str,
    /// The kind of file a backup is, in the file dialogs' filter ("Daybreak backup").
    pub backup_file_kind: &'static str,
    /// The built-in emotions, triggers and coping actions, which the journal keeps under their
    /// English names (seeded by `store/migrations/0003_moods.sql`), as this language says them:
    /// (stored name, name here). Empty for English. Made from the screens' own words
    /// (`ui/messages/*.json`, `builtin_*`; `ui/src/lib/builtinNames.ts`) by build.rs.
    pub builtin_names: &'static [(&'static str, &'static str)],
}

impl Words {
    /// A name kept in the journal as this language says it: a built-in one (matched whatever
    /// its case, as the screens match it) in this language's words, the person's own as
    /// written, and so is a built-in they renamed.
    pub fn name<'a>(&self, stored: &'a str) -> &'a str {
        builtin_name(self.builtin_names, stored)
    }
}

/// `Words::name` for a language's own table (its findings are worded without a `Words`).
fn builtin_name<'a>(table: &'static [(&'static str, &'static str)], stored: &'a str) -> &'a str {
    table
        .iter()
        .find(|(english, _)| english.eq_ignore_ascii_case(stored))
        .map_or(stored, |(_, here)| here)
}

/// The spreadsheet export (`export_csv`): its README, and each file's name and columns, with
/// the values Daybreak writes itself. (Its decimal mark and field separator follow the numbers'
/// locale, `export_csv::Style`.)
pub struct SpreadsheetWords {
    pub readme_file: &'static str,
    pub readme: &'static str,
    pub clocks: SheetWords<7>,
    pub slips: SheetWords<3>,
    pub check_ins: SheetWords<5>,
    pub moods: SheetWords<10>,
    pub cravings: SheetWords<8>,
    pub journal: SheetWords<4>,
    pub triggers: SheetWords<3>,
    pub people: SheetWords<3>,
    pub reasons: SheetWords<1>,
    pub yes: &'static str,
    pub no: &'static str,
    /// How a craving ended (`CravingOutcome`).
    pub passed: &'static str,
    pub used: &'static str,
    pub struggling: &'static str,
}

/// One CSV file of the spreadsheet export: its name in the zip, and its header row.
pub struct SheetWords<const COLUMNS: usize> {
    pub file: &'static str,
    pub header: [&'static str; COLUMNS],
}

/// The names of the files Daybreak saves for the person to read, before the date, and what
/// the JSON export says of itself.
pub struct SavedFileWords {
    pub export: &'static str,
    /// The JSON export's `readableByAnyone`: for whoever opens the file.
    pub json_not_encrypted: &'static str,
    pub spreadsheets: &'static str,
    pub report: &'static str,
    pub plan: &'static str,
    /// What the save dialog offers to name a backup.
    pub backup: &'static str,
}

/// The tray icon's menu (the shell shows it by itself, with no screen to word it).
pub struct TrayWords {
    pub open: &'static str,
    pub log_mood: &'static str,
    pub sos: &'static str,
    pub lock: &'static str,
    pub quit: &'static str,
}

/// What a reminder's notification says: a title and a line each. Never journal text; a clock's
/// name and a milestone's length only when the person turned that on (the shell decides).
pub struct ReminderWords {
    /// The line under "Daybreak" that every reminder says by default, whatever it is for.
    pub neutral: &'static str,
    pub morning: [&'static str; 2],
    pub evening: [&'static str; 2],
    pub how_are_you: [&'static str; 2],
    pub milestone: [&'static str; 2],
    /// A milestone's length: "30 days", "1 year".
    pub length: fn(crate::sobriety::TimeUnit, i64) -> String,
}

impl Words {
    /// "26 November 2026" / "26 de noviembre de 2026".
    pub fn long_date(&self, day: NaiveDate) -> String {
        (self.long_date)(day.day(), self.months[day.month0() as usize], day.year())
    }

    /// "Thursday 26 November 2026" / "jueves, 26 de noviembre de 2026".
    pub fn weekday_date(&self, day: NaiveDate) -> String {
        let weekday = self.weekdays[day.weekday().num_days_from_monday() as usize];
        if self.decimal_separator == ',' {
            format!("{weekday}, {}", self.long_date(day))
        } else {
            format!("{weekday} {}", self.long_date(day))
        }
    }

    /// "Thu 26 Nov" / "jue 26 nov", and with the year when asked.
    pub fn short_date(&self, day: NaiveDate, year: bool) -> String {
        let weekday = self.weekdays_short[day.weekday().num_days_from_monday() as usize];
        let month = self.months_short[day.month0() as usize];
        if year {
            format!("{weekday} {} {month} {}", day.day(), day.year())
        } else {
            format!("{weekday} {} {month}", day.day())
        }
    }

    /// "26 Nov 2026" / "26 nov 2026".
    pub fn day_month_year(&self, day: NaiveDate) -> String {
        format!(
            "{} {} {}",
            day.day(),
            self.months_short[day.month0() as usize],
            day.year()
        )
    }

    /// "Nov 2026" / "nov 2026".
    pub fn month_year(&self, day: NaiveDate) -> String {
        format!(
            "{} {}",
            self.months_short[day.month0() as usize],
            day.year()
        )
    }

    /// "26 November 2026 at 20:05".
    pub fn date_time(&self, at: NaiveDateTime) -> String {
        (self.date_at_time)(&self.long_date(at.date()), &hh_mm(at))
    }

    /// "3.5" / "3,5"; "4".
    pub fn number(&self, value: f64) -> String {
        let text = format!("{value:.1}");
        let text = text.strip_suffix(".0").map(String::from).unwrap_or(text);
        text.replace('.', &self.decimal_separator.to_string())
    }

    /// "1 year, 2 months, 3 days"; parts that are zero are left out; "0 days" when all are.
    pub fn span(&self, years: u32, months: u32, days: u32) -> String {
        let mut parts = Vec::new();
        if years > 0 {
            parts.push((self.years)(years.into()));
        }
        if months > 0 {
            parts.push((self.months_count)(months.into()));
        }
        if days > 0 {
            parts.push((self.days)(days.into()));
        }
        if parts.is_empty() {
            (self.days)(0)
        } else {
            parts.join(", ")
        }
    }

    /// The mood's word, 1 (awful) to 5 (great).
    pub fn mood(&self, mood: u8) -> &'static str {
        self.moods[usize::from(mood.clamp(1, 5)) - 1]
    }
}

/// "20:05".
pub fn hh_mm(at: NaiveDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// "1 day" / "2 days": the English plural by `s`.
pub(crate) fn english_plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests;
