//! The report's words, written once: a list of blocks (headings, paragraphs, tables, charts)
//! that `html` and `pdf` lay out. Every chart is followed by its numbers in words, so nothing
//! depends on seeing a picture or telling colours apart.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::Report;
use crate::insights::{CountItem, DayValue};
use crate::sobriety::count::plural;
use crate::timeline::mood_word;

pub(super) const TITLE: &str = "Daybreak report";
pub(super) const NOT_ENCRYPTED: &str =
    "This report is not encrypted: anyone who has it can read it.";
/// Longer lists are cut here, with a line saying how many more there are.
const TOP: usize = 10;
/// Ranges up to this many days are charted day by day; longer ones by week, then by month.
const DAILY_UP_TO: i64 = 62;
const WEEKLY_UP_TO: i64 = 366;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Title(String),
    /// A small line under the title.
    Meta(String),
    /// The boxed warning that the file is readable.
    Notice(String),
    Heading(String),
    Subheading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    Table(Table),
    Chart(Chart),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChartKind {
    Line,
    Bars,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Chart {
    pub title: String,
    /// What the chart shows, for screen readers.
    pub description: String,
    pub kind: ChartKind,
    pub min: f64,
    pub max: f64,
    /// Values with a grid line and a label on the vertical axis.
    pub ticks: Vec<f64>,
    /// One per day (or week, or month) of the range, in order; `None` where nothing was logged.
    pub points: Vec<(String, Option<f64>)>,
}

/// "26 November 2026".
pub(super) fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn date_time(at: NaiveDateTime) -> String {
    format!("{} at {}", long_date(at.date()), at.format("%H:%M"))
}

fn range_text(report: &Report) -> String {
    if report.from == report.to {
        long_date(report.from)
    } else {
        format!("{} to {}", long_date(report.from), long_date(report.to))
    }
}

/// The line at the foot of every PDF page.
pub(super) fn footer(report: &Report) -> String {
    format!("{TITLE}, {}. Not encrypted.", range_text(report))
}

/// "3.5", "4".
pub(super) fn number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(String::from).unwrap_or(text)
}

fn times(n: i64) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

fn counted(items: &[CountItem]) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .take(TOP)
        .map(|i| format!("{}: {}", i.label, times(i.count)))
        .collect();
    if items.len() > TOP {
        out.push(format!("and {} more", items.len() - TOP));
    }
    out
}

pub(super) fn compose(report: &Report) -> Vec<Block> {
    let mut out = vec![
        Block::Title(TITLE.into()),
        Block::Meta(format!("Dates covered: {}.", range_text(report))),
        Block::Meta(format!("Made on {}.", date_time(report.made_at))),
        Block::Notice(format!(
            "{NOT_ENCRYPTED} Please share it only with people you trust, and delete it when \
             it is no longer needed."
        )),
    ];
    sober_days(report, &mut out);
    check_ins(report, &mut out);
    moods_and_cravings(report, &mut out);
    triggers(report, &mut out);
    coping(report, &mut out);
    journal(report, &mut out);
    out
}

fn sober_days(report: &Report, out: &mut Vec<Block>) {
    out.push(Block::Heading("Sober days".into()));
    if report.clocks.is_empty() {
        out.push(Block::Paragraph("No sober-day clocks are kept yet.".into()));
        return;
    }
    out.push(Block::Paragraph(if report.counted_now {
        format!("Counted on {}.", date_time(report.counted_at))
    } else {
        format!(
            "Counted at the end of {}, the last day of the report.",
            long_date(report.counted_at.date())
        )
    }));
    let rows = report
        .clocks
        .iter()
        .map(|c| {
            let days = match c.days {
                None => "Started after these dates".to_string(),
                // Under a month the long form says the same as the count.
                Some(d) if !c.long_form.contains("month") && !c.long_form.contains("year") => {
                    plural(d, "day")
                }
                Some(d) => format!("{} ({})", plural(d, "day"), c.long_form),
            };
            vec![c.name.clone(), days, c.slips_in_range.to_string()]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: "Days sober on each clock".into(),
        header: vec![
            "Clock".into(),
            "Days sober".into(),
            "Slips in these dates".into(),
        ],
        rows,
    }));
    if report.clocks.iter().any(|c| c.slips_in_range > 0) {
        out.push(Block::Paragraph(
            "A slip restarts the count. The sober days before it still happened and still count."
                .into(),
        ));
    }
}

fn check_ins(report: &Report, out: &mut Vec<Block>) {
    out.push(Block::Heading("Check-ins".into()));
    let c = report.check_ins;
    out.push(Block::Paragraph(if c.checked_in == 0 {
        "No check-ins were made in these dates.".into()
    } else {
        let on = if c.days == 1 {
            "There was a check-in on this day.".to_string()
        } else {
            format!(
                "There was a check-in on {} of the {} days.",
                c.checked_in, c.days
            )
        };
        format!(
            "{on} Days marked as sober in the evening check-in: {}.",
            c.sober
        )
    }));
}

/// How the range is cut for the charts and the table of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Day,
    Week,
    Month,
}

impl Step {
    fn for_range(from: NaiveDate, to: NaiveDate) -> Step {
        match (to - from).num_days() + 1 {
            n if n <= DAILY_UP_TO => Step::Day,
            n if n <= WEEKLY_UP_TO => Step::Week,
            _ => Step::Month,
        }
    }

    /// The first day of the bucket `day` falls in.
    fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Step::Day => day,
            Step::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Step::Month => day.with_day(1).expect("every month has a first day"),
        }
    }

    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Step::Day => start.succ_opt(),
            Step::Week => start.checked_add_days(Days::new(7)),
            Step::Month => start.checked_add_months(chrono::Months::new(1)),
        }
    }

    fn label(self, start: NaiveDate) -> String {
        match self {
            Step::Day => start.format("%a %-d %b").to_string(),
            Step::Week => start.format("%-d %b %Y").to_string(),
            Step::Month => start.format("%b %Y").to_string(),
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Step::Day => "day",
            Step::Week => "week",
            Step::Month => "month",
        }
    }
}

/// Mood (average of the daily averages) and strongest craving per bucket, for every bucket of
/// the range in order.
fn buckets(report: &Report, step: Step) -> Vec<(NaiveDate, Option<f64>, Option<f64>)> {
    let mut moods: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for DayValue { day, value } in &report.insights.mood_daily {
        let e = moods.entry(step.start(*day)).or_default();
        e.0 += value;
        e.1 += 1;
    }
    let mut cravings: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for DayValue { day, value } in &report.insights.craving_daily {
        let e = cravings.entry(step.start(*day)).or_default();
        *e = e.max(*value);
    }
    let mut out = Vec::new();
    let mut start = Some(step.start(report.from));
    while let Some(s) = start.filter(|s| *s <= report.to) {
        out.push((
            s,
            moods.get(&s).map(|(sum, n)| sum / f64::from(*n)),
            cravings.get(&s).copied(),
        ));
        start = step.next(s);
    }
    out
}

fn moods_and_cravings(report: &Report, out: &mut Vec<Block>) {
    let i = &report.insights;
    out.push(Block::Heading("Moods and cravings".into()));
    if i.mood_daily.is_empty() {
        out.push(Block::Paragraph(
            "No moods were logged in these dates.".into(),
        ));
    } else {
        let avg = i.mood_daily.iter().map(|d| d.value).sum::<f64>() / i.mood_daily.len() as f64;
        out.push(Block::Paragraph(format!(
            "Moods were logged on {}. The average mood was {} out of 5 (1 is awful, 3 is okay, \
             5 is great).",
            plural(i.mood_days, "day"),
            number(avg)
        )));
    }
    if i.craving_daily.is_empty() && i.craving_count == 0 {
        out.push(Block::Paragraph(
            "No cravings were logged in these dates.".into(),
        ));
    } else {
        let mut text = match i.craving_count {
            0 => "No cravings were logged on their own.".to_string(),
            1 => "1 craving was logged.".to_string(),
            n => format!("{n} cravings were logged."),
        };
        if let Some(max) = i.craving_daily.iter().map(|d| d.value).reduce(f64::max) {
            text.push_str(&format!(
                " Craving strength was noted on {}; the strongest was {} out of 10.",
                plural(i.craving_daily.len() as i64, "day"),
                number(max)
            ));
        }
        out.push(Block::Paragraph(text));
    }
    if !i.mood_daily.is_empty() || !i.craving_daily.is_empty() {
        charts(report, out);
    }
    if !i.emotions.is_empty() {
        out.push(Block::Subheading("Feelings named most often".into()));
        out.push(Block::Bullets(counted(&i.emotions)));
    }
    if !i.findings.is_empty() {
        out.push(Block::Subheading("What stood out".into()));
        out.push(Block::Bullets(i.findings.clone()));
    }
}

fn charts(report: &Report, out: &mut Vec<Block>) {
    let step = Step::for_range(report.from, report.to);
    let data = buckets(report, step);
    let noun = step.noun();
    let (mood_title, craving_title) = match step {
        Step::Day => ("Mood by day", "Strongest craving by day"),
        Step::Week => ("Average mood by week", "Strongest craving by week"),
        Step::Month => ("Average mood by month", "Strongest craving by month"),
    };
    let range = range_text(report);
    if !report.insights.mood_daily.is_empty() {
        out.push(Block::Chart(Chart {
            title: mood_title.into(),
            description: format!(
                "A line chart of mood by {noun}, {range}, from 1 (awful) to 5 (great). \
                 The numbers are in the table that follows."
            ),
            kind: ChartKind::Line,
            min: 1.0,
            max: 5.0,
            ticks: vec![1.0, 2.0, 3.0, 4.0, 5.0],
            points: data.iter().map(|(d, m, _)| (step.label(*d), *m)).collect(),
        }));
    }
    if !report.insights.craving_daily.is_empty() {
        out.push(Block::Chart(Chart {
            title: craving_title.into(),
            description: format!(
                "A bar chart of the strongest craving by {noun}, {range}, from 0 (none) to 10. \
                 The numbers are in the table that follows."
            ),
            kind: ChartKind::Bars,
            min: 0.0,
            max: 10.0,
            ticks: vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0],
            points: data.iter().map(|(d, _, c)| (step.label(*d), *c)).collect(),
        }));
    }
    let (first, mood_header) = match step {
        Step::Day => ("Day", "Mood (1 to 5)"),
        Step::Week => ("Week starting", "Average mood (1 to 5)"),
        Step::Month => ("Month", "Average mood (1 to 5)"),
    };
    let rows = data
        .iter()
        .filter(|(_, m, c)| m.is_some() || c.is_some())
        .map(|(d, m, c)| {
            let mood = match (m, step) {
                (None, _) => "not logged".to_string(),
                // A whole daily value reads best with its word: "4 (good)".
                (Some(v), Step::Day) if v.fract() == 0.0 => {
                    format!("{} ({})", number(*v), mood_word(*v as u8))
                }
                (Some(v), _) => number(*v),
            };
            let label = match step {
                Step::Day => d.format("%a %-d %b %Y").to_string(),
                _ => step.label(*d),
            };
            vec![label, mood, c.map_or("not logged".to_string(), number)]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: format!("Mood and strongest craving by {noun}"),
        header: vec![
            first.into(),
            mood_header.into(),
            "Strongest craving (0 to 10)".into(),
        ],
        rows,
    }));
}

fn triggers(report: &Report, out: &mut Vec<Block>) {
    out.push(Block::Heading("Triggers".into()));
    let triggers = &report.insights.triggers;
    if triggers.is_empty() {
        out.push(Block::Paragraph(
            "No triggers were noted in these dates.".into(),
        ));
    } else {
        out.push(Block::Paragraph(
            "What set cravings off, most often first:".into(),
        ));
        out.push(Block::Bullets(counted(triggers)));
    }
}

fn coping(report: &Report, out: &mut Vec<Block>) {
    out.push(Block::Heading("Coping that worked".into()));
    if report.cravings_passed == 0 {
        out.push(Block::Paragraph(
            "No cravings were marked as passed in these dates.".into(),
        ));
        return;
    }
    let passed = match report.cravings_passed {
        1 => "1 craving passed".to_string(),
        n => format!("{n} cravings passed"),
    };
    if report.coping.is_empty() {
        out.push(Block::Paragraph(format!(
            "{passed}. No coping actions were noted for them."
        )));
    } else {
        out.push(Block::Paragraph(format!(
            "{passed}. What was tried while they passed:"
        )));
        out.push(Block::Bullets(counted(&report.coping)));
    }
}

fn journal(report: &Report, out: &mut Vec<Block>) {
    let Some(entries) = &report.journal else {
        out.push(Block::Paragraph("Journal entries are not included.".into()));
        return;
    };
    out.push(Block::Heading("Journal entries".into()));
    if entries.is_empty() {
        out.push(Block::Paragraph(
            "No journal entries were written in these dates.".into(),
        ));
        return;
    }
    for e in entries {
        let when = format!("{}, {}", e.at.format("%A %-d %B %Y"), e.at.format("%H:%M"));
        let title = e.title.trim();
        out.push(Block::Subheading(if title.is_empty() {
            when
        } else {
            format!("{when}: {title}")
        }));
        for paragraph in e.text.lines().map(str::trim).filter(|p| !p.is_empty()) {
            out.push(Block::Paragraph(paragraph.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn ranges_are_charted_by_day_week_or_month() {
        assert_eq!(Step::for_range(day(11, 1), day(11, 30)), Step::Day);
        assert_eq!(Step::for_range(day(1, 1), day(6, 30)), Step::Week);
        assert_eq!(
            Step::for_range(day(1, 1), NaiveDate::from_ymd_opt(2028, 1, 1).unwrap()),
            Step::Month
        );
        assert_eq!(
            Step::Week.start(day(11, 26)),
            day(11, 23),
            "weeks start on Monday"
        );
        assert_eq!(Step::Month.start(day(11, 26)), day(11, 1));
    }

    #[test]
    fn numbers_and_counts_read_naturally() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(3.46), "3.5");
        assert_eq!(times(1), "once");
        assert_eq!(times(2), "twice");
        assert_eq!(times(7), "7 times");
    }
}
