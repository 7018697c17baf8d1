//! The report's words, written once: a list of blocks (headings, paragraphs, tables, charts)
//! that `html` and `pdf` lay out. Every chart is followed by its numbers in words, so nothing
//! depends on seeing a picture or telling colours apart.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::Report;
use crate::insights::{CountItem, DayMarkKind, DayValue, Finding};
use crate::words::{Language, Words};
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
    /// The language its numbers are written in.
    pub language: Language,
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

/// Where the person's own words start and end inside the report's: Unicode's first strong
/// isolate (FSI) and pop directional isolate (PDI).
pub(super) const OWN_START: char = '\u{2068}';
pub(super) const OWN_END: char = '\u{2069}';

/// A name or text the person wrote, set apart from the report's words around it: it takes the
/// direction of its own first letter (right to left for Arabic or Hebrew) and does not turn
/// the sentence it stands in around. The HTML page writes it as an element with `dir="auto"`,
/// the PDF lays it out by Unicode's bidi rules. Isolate marks already in the text are dropped,
/// so the report's own always pair up.
pub(super) fn own(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push(OWN_START);
    out.extend(
        text.chars()
            .filter(|c| !('\u{2066}'..='\u{2069}').contains(c)),
    );
    out.push(OWN_END);
    out
}

/// The person's words, when they are all of `text` (a paragraph of a journal entry, a clock's
/// name): then the whole paragraph or cell takes their direction.
pub(super) fn wholly_own(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(OWN_START)?.strip_suffix(OWN_END)?;
    (!inner.contains([OWN_START, OWN_END])).then_some(inner)
}

/// A finding with the names in it that the person may have written (a trigger, a feeling, a
/// coping action) marked as their own.
fn with_own_names(finding: &Finding) -> Finding {
    let mut finding = finding.clone();
    match &mut finding {
        Finding::MoodOnMarkedDays { mark, .. } if mark.kind != DayMarkKind::Halt => {
            mark.name = own(&mark.name)
        }
        Finding::CopingWorked { action, .. } => *action = own(action),
        _ => {}
    }
    finding
}

fn range_text(report: &Report) -> String {
    let w = report.words();
    if report.from == report.to {
        w.long_date(report.from)
    } else {
        (w.date_range)(&w.long_date(report.from), &w.long_date(report.to))
    }
}

/// The line at the foot of every PDF page.
pub(super) fn footer(report: &Report) -> String {
    (report.words().report_footer)(&range_text(report))
}

fn counted(w: &Words, items: &[CountItem]) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .take(TOP)
        .map(|i| format!("{}: {}", own(w.name(&i.label)), (w.times)(i.count)))
        .collect();
    if items.len() > TOP {
        out.push((w.and_more)(items.len() - TOP));
    }
    out
}

pub(super) fn compose(report: &Report) -> Vec<Block> {
    let w = report.words();
    let mut out = vec![
        Block::Title(w.report_title.into()),
        Block::Meta((w.report_dates_covered)(&range_text(report))),
        Block::Meta((w.report_made_on)(&w.date_time(report.made_at))),
        Block::Notice(format!(
            "{} {}",
            w.report_not_encrypted, w.report_share_kindly
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
    let w = report.words();
    out.push(Block::Heading(w.sober_days.into()));
    if report.clocks.is_empty() {
        out.push(Block::Paragraph(w.no_clocks.into()));
        return;
    }
    out.push(Block::Paragraph(if report.counted_now {
        (w.counted_on)(&w.date_time(report.counted_at))
    } else {
        (w.counted_at_end_of)(&w.long_date(report.counted_at.date()))
    }));
    let rows = report
        .clocks
        .iter()
        .map(|c| {
            let days = match c.days {
                None => w.started_after_these_dates.to_string(),
                // Under a month the long form says the same as the count.
                Some(d) if c.span.years == 0 && c.span.months == 0 => (w.days)(d),
                Some(d) => format!(
                    "{} ({})",
                    (w.days)(d),
                    w.span(c.span.years, c.span.months, c.span.days)
                ),
            };
            vec![own(&c.name), days, c.slips_in_range.to_string()]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: w.clocks_caption.into(),
        header: vec![
            w.clock_column.into(),
            w.days_sober_column.into(),
            w.slips_column.into(),
        ],
        rows,
    }));
    if report.clocks.iter().any(|c| c.slips_in_range > 0) {
        out.push(Block::Paragraph(w.slip_restarts_the_count.into()));
    }
}

fn check_ins(report: &Report, out: &mut Vec<Block>) {
    let w = report.words();
    out.push(Block::Heading(w.check_ins.into()));
    let c = report.check_ins;
    out.push(Block::Paragraph(if c.checked_in == 0 {
        w.no_check_ins.into()
    } else {
        let on = if c.days == 1 {
            w.check_in_this_day.to_string()
        } else {
            (w.check_in_on_days)(c.checked_in, c.days)
        };
        format!("{on} {}", (w.sober_in_evening)(c.sober))
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

    fn label(self, w: &Words, start: NaiveDate) -> String {
        match self {
            Step::Day => w.short_date(start, false),
            Step::Week => w.day_month_year(start),
            Step::Month => w.month_year(start),
        }
    }

    /// Which of a language's three words (day, week, month) is this step's.
    fn index(self) -> usize {
        self as usize
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
    let w = report.words();
    let i = &report.insights;
    out.push(Block::Heading(w.moods_and_cravings.into()));
    if i.mood_daily.is_empty() {
        out.push(Block::Paragraph(w.no_moods.into()));
    } else {
        let avg = i.mood_daily.iter().map(|d| d.value).sum::<f64>() / i.mood_daily.len() as f64;
        out.push(Block::Paragraph((w.moods_logged)(
            &(w.days)(i.mood_days),
            &w.number(avg),
        )));
    }
    if i.craving_daily.is_empty() && i.craving_count == 0 {
        out.push(Block::Paragraph(w.no_cravings.into()));
    } else {
        let mut text = match i.craving_count {
            0 => w.no_cravings_on_their_own.to_string(),
            n => (w.cravings_logged)(n),
        };
        if let Some(max) = i.craving_daily.iter().map(|d| d.value).reduce(f64::max) {
            text.push(' ');
            text.push_str(&(w.craving_strength_noted)(
                &(w.days)(i.craving_daily.len() as i64),
                &w.number(max),
            ));
        }
        out.push(Block::Paragraph(text));
    }
    if !i.mood_daily.is_empty() || !i.craving_daily.is_empty() {
        charts(report, out);
    }
    if !i.emotions.is_empty() {
        out.push(Block::Subheading(w.feelings_named.into()));
        out.push(Block::Bullets(counted(w, &i.emotions)));
    }
    if !i.findings.is_empty() {
        out.push(Block::Subheading(w.what_stood_out.into()));
        out.push(Block::Bullets(
            i.findings
                .iter()
                .map(|f| (w.finding)(&with_own_names(f)))
                .collect(),
        ));
    }
}

fn charts(report: &Report, out: &mut Vec<Block>) {
    let w = report.words();
    let step = Step::for_range(report.from, report.to);
    let data = buckets(report, step);
    let noun = w.step_nouns[step.index()];
    let range = range_text(report);
    if !report.insights.mood_daily.is_empty() {
        out.push(Block::Chart(Chart {
            language: report.language,
            title: w.mood_chart_titles[step.index()].into(),
            description: (w.mood_chart_description)(noun, &range),
            kind: ChartKind::Line,
            min: 1.0,
            max: 5.0,
            ticks: vec![1.0, 2.0, 3.0, 4.0, 5.0],
            points: data
                .iter()
                .map(|(d, m, _)| (step.label(w, *d), *m))
                .collect(),
        }));
    }
    if !report.insights.craving_daily.is_empty() {
        out.push(Block::Chart(Chart {
            language: report.language,
            title: w.craving_chart_titles[step.index()].into(),
            description: (w.craving_chart_description)(noun, &range),
            kind: ChartKind::Bars,
            min: 0.0,
            max: 10.0,
            ticks: vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0],
            points: data
                .iter()
                .map(|(d, _, c)| (step.label(w, *d), *c))
                .collect(),
        }));
    }
    let mood_header = match step {
        Step::Day => w.mood_column_daily,
        Step::Week | Step::Month => w.mood_column_average,
    };
    let rows = data
        .iter()
        .filter(|(_, m, c)| m.is_some() || c.is_some())
        .map(|(d, m, c)| {
            let mood = match (m, step) {
                (None, _) => w.not_logged.to_string(),
                // A whole daily value reads best with its word: "4 (good)".
                (Some(v), Step::Day) if v.fract() == 0.0 => {
                    format!("{} ({})", w.number(*v), w.mood(*v as u8))
                }
                (Some(v), _) => w.number(*v),
            };
            let label = match step {
                Step::Day => w.short_date(*d, true),
                _ => step.label(w, *d),
            };
            let craving = c.map_or(w.not_logged.to_string(), |c| w.number(c));
            vec![label, mood, craving]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: (w.numbers_caption)(noun),
        header: vec![
            w.step_columns[step.index()].into(),
            mood_header.into(),
            w.craving_column.into(),
        ],
        rows,
    }));
}

fn triggers(report: &Report, out: &mut Vec<Block>) {
    let w = report.words();
    out.push(Block::Heading(w.triggers.into()));
    let triggers = &report.insights.triggers;
    if triggers.is_empty() {
        out.push(Block::Paragraph(w.no_triggers.into()));
    } else {
        out.push(Block::Paragraph(w.triggers_intro.into()));
        out.push(Block::Bullets(counted(w, triggers)));
    }
}

fn coping(report: &Report, out: &mut Vec<Block>) {
    let w = report.words();
    out.push(Block::Heading(w.coping_that_worked.into()));
    if report.cravings_passed == 0 {
        out.push(Block::Paragraph(w.no_cravings_passed.into()));
        return;
    }
    let passed = (w.cravings_passed)(report.cravings_passed);
    if report.coping.is_empty() {
        out.push(Block::Paragraph(format!("{passed}. {}", w.no_coping_noted)));
    } else {
        out.push(Block::Paragraph(format!("{passed}. {}", w.coping_intro)));
        out.push(Block::Bullets(counted(w, &report.coping)));
    }
}

fn journal(report: &Report, out: &mut Vec<Block>) {
    let w = report.words();
    let Some(entries) = &report.journal else {
        out.push(Block::Paragraph(w.journal_not_included.into()));
        return;
    };
    out.push(Block::Heading(w.journal_entries.into()));
    if entries.is_empty() {
        out.push(Block::Paragraph(w.no_journal_entries.into()));
        return;
    }
    for e in entries {
        let when = format!(
            "{}, {}",
            w.weekday_date(e.at.date()),
            crate::words::hh_mm(e.at)
        );
        let title = e.title.trim();
        out.push(Block::Subheading(if title.is_empty() {
            when
        } else {
            format!("{when}: {}", own(title))
        }));
        for paragraph in e.text.lines().map(str::trim).filter(|p| !p.is_empty()) {
            out.push(Block::Paragraph(own(paragraph)));
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
}
