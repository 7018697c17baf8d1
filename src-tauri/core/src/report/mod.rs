//! The counsellor report: a printable summary of a date range that the person chooses to share,
//! as a standalone HTML page (no scripts, no fonts or images from anywhere, nothing loaded at
//! all) and as a PDF in fonts found on the system, so every language a person writes in prints.
//!
//! The numbers come from the same functions the app's screens use: the sober-day count from
//! `sobriety::streaks`, moods and cravings from `insights::compute`. This module gathers them
//! into a plain `Report`; `blocks` words it once, `chart` works out its charts' drawing once,
//! and `html` and `pdf` lay them out.
//! Exports are the one place readable data leaves the journal, so the report says so at the top.

mod blocks;
mod chart;
mod fonts;
mod html;
mod pdf;

pub(crate) use html::PAGE_POLICY;

use std::path::Path;

use crate::zone::Zone;
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::cravings::CravingOutcome;
use crate::data_error::{from_millis, DataError, FileAction, IoReason, Refusal};
use crate::insights::{self, CountItem, Insights};
use crate::sobriety::count::Span;
use crate::sobriety::streaks::{history, streaks};
use crate::sobriety::{clocks, slips};
use crate::store::Store;
use crate::time::{instant_at, local};
use crate::words::{Language, Words};

/// The longest range a report covers.
const MAX_YEARS: u32 = 10;

/// What the person asks for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportOptions {
    /// First day, inclusive, in the person's time zone.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    pub include_journal: bool,
    /// The language the report is written in; English when not given.
    #[serde(default)]
    pub language: Language,
}

/// Where the two files were saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportFiles {
    pub html: String,
    pub pdf: String,
}

/// Everything the report shows, as plain data.
#[derive(Debug, Clone)]
pub struct Report {
    /// The language it is written in.
    pub language: Language,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When the report was made, on the person's wall clock.
    pub made_at: NaiveDateTime,
    /// The wall-clock moment the sober-day counts are read at: the end of `to`, or the moment
    /// the report was made when the range reaches today.
    pub counted_at: NaiveDateTime,
    /// True when `counted_at` is the moment the report was made.
    pub counted_now: bool,
    /// Every clock that is not archived, the main one first.
    pub clocks: Vec<ClockSummary>,
    pub check_ins: CheckInSummary,
    /// Moods, cravings, triggers, emotions and findings for the range.
    pub insights: Insights,
    /// How many cravings in the range passed.
    pub cravings_passed: i64,
    /// Coping actions tried during cravings that passed, most used first.
    pub coping: Vec<CountItem>,
    /// Journal entries in the range, oldest first; `None` when not included.
    pub journal: Option<Vec<JournalItem>>,
}

impl Report {
    /// The sentences of the report's language.
    pub fn words(&self) -> &'static Words {
        self.language.words()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockSummary {
    pub name: String,
    /// Days sober at `counted_at`, by the app's calendar rule; `None` when the clock started
    /// after the range.
    pub days: Option<i64>,
    /// The current streak in years, months and days ("1 month, 2 days" when worded).
    pub span: Span,
    /// Slips recorded on a day within the range.
    pub slips_in_range: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInSummary {
    /// Days in the range.
    pub days: i64,
    /// Days with a morning or evening check-in.
    pub checked_in: i64,
    /// Days whose evening check-in said the day was sober.
    pub sober: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalItem {
    /// When the entry is dated, on the person's wall clock.
    pub at: NaiveDateTime,
    pub title: String,
    /// The body without its Markdown.
    pub text: String,
}

/// Gathers the report for `options` (local dates in `tz`).
pub fn build(
    store: &Store,
    options: &ReportOptions,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<Report, DataError> {
    check_range(options)?;
    let (from, to) = (options.from, options.to);
    let range = millis_range(from, to, tz);
    let today = local(now, tz).date();
    let counted_now = to >= today;
    let as_of = if counted_now {
        now
    } else {
        // `to` is before today, so the day after it exists.
        from_millis(range.1)? - Duration::milliseconds(1)
    };
    let clocks = clock_summaries(store, range, as_of, now, tz)?;
    let insights = insights::compute(store, from, to, tz)?;
    let (check_ins, cravings_passed, coping, journal) = store.read(|conn| {
        let journal = if options.include_journal {
            Some(journal_items(conn, range, tz)?)
        } else {
            None
        };
        Ok::<_, DataError>((
            check_in_summary(conn, from, to)?,
            cravings_passed(conn, range)?,
            coping_that_worked(conn, range)?,
            journal,
        ))
    })?;
    Ok(Report {
        language: options.language,
        from,
        to,
        made_at: local(now, tz),
        counted_at: local(as_of, tz),
        counted_now,
        clocks,
        check_ins,
        insights,
        cravings_passed,
        coping,
        journal,
    })
}

/// The report as a standalone, printable HTML page.
pub fn to_html(report: &Report) -> String {
    html::render(&blocks::compose(report), report.language)
}

/// The report as a PDF: A4, in fonts found on the system, a subset of each embedded.
pub fn to_pdf(report: &Report) -> Result<Vec<u8>, DataError> {
    pdf::render(
        &blocks::compose(report),
        report.language,
        &blocks::footer(report),
    )
    .map_err(|e| DataError::Io {
        action: FileAction::MakePdf,
        path: String::new(),
        reason: match e {
            pdf::PdfError::NoFont => IoReason::NoFont,
            pdf::PdfError::Write => IoReason::Other,
        },
    })
}

/// Builds the report and saves it as an HTML page and a PDF in `dir`, under dated names that
/// never overwrite an earlier file.
pub fn export_to(
    dir: &Path,
    store: &Store,
    options: &ReportOptions,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ReportFiles, DataError> {
    write_files(dir, &build(store, options, now, tz)?, now, tz)
}

/// Saves a report already built (the slow half: drawing the PDF and writing, done after the
/// journal is let go).
pub fn write_files(
    dir: &Path,
    report: &Report,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ReportFiles, DataError> {
    let html = to_html(report);
    let pdf = to_pdf(report)?;
    let save = |ext: &str, bytes: &[u8]| {
        crate::export_file::write_new(
            dir,
            report.words().saved_files.report,
            ext,
            bytes,
            FileAction::SaveReport,
            now,
            tz,
        )
        .map(|p| p.display().to_string())
    };
    Ok(ReportFiles {
        html: save("html", html.as_bytes())?,
        pdf: save("pdf", &pdf)?,
    })
}

fn check_range(options: &ReportOptions) -> Result<(), DataError> {
    if options.from > options.to {
        return Err(DataError::Refused(Refusal::DatesReversed));
    }
    let limit = options.from.checked_add_months(Months::new(12 * MAX_YEARS));
    if limit.is_none_or(|limit| options.to >= limit) {
        return Err(DataError::Refused(Refusal::ReportTooLong {
            max_years: MAX_YEARS,
        }));
    }
    Ok(())
}

/// The range as stored instants: from the start of `from` to the start of the day after `to`
/// (exclusive), in milliseconds. The same bounds insights use.
fn millis_range(from: NaiveDate, to: NaiveDate, tz: Zone) -> (i64, i64) {
    let midnight =
        |d: NaiveDate| instant_at(d.and_hms_opt(0, 0, 0).expect("midnight"), tz).timestamp_millis();
    (midnight(from), to.succ_opt().map_or(i64::MAX, midnight))
}

/// Each active clock as it stood at `as_of`: slips after that moment are left out, so an older
/// range shows the count it had then.
fn clock_summaries(
    store: &Store,
    range: (i64, i64),
    as_of: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<Vec<ClockSummary>, DataError> {
    let views = clocks::list(store, false, now, tz)?;
    store.read(|conn| {
        let mut out = Vec::with_capacity(views.len());
        for view in views {
            let all = slips::for_clock(conn, view.id)?;
            let slips_in_range = all
                .iter()
                .filter(|s| (range.0..range.1).contains(&s.at.timestamp_millis()))
                .count() as i64;
            let (days, span) = if view.started_at > as_of {
                (
                    None,
                    Span {
                        years: 0,
                        months: 0,
                        days: 0,
                    },
                )
            } else {
                let before: Vec<_> = all.iter().map(|s| s.at).filter(|at| *at <= as_of).collect();
                let spans = streaks(view.started_at, &before);
                let current = spans.last().expect("there is always a current streak");
                let span = Span::between(local(current.start, tz), local(as_of, tz));
                (Some(history(&spans, as_of, tz).current_days), span)
            };
            out.push(ClockSummary {
                name: view.name,
                days,
                span,
                slips_in_range,
            });
        }
        Ok(out)
    })
}

fn check_in_summary(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<CheckInSummary, DataError> {
    let (checked_in, sober) = conn.query_row(
        "SELECT count(*), coalesce(sum(sober = 1), 0) FROM check_ins WHERE day BETWEEN ?1 AND ?2",
        (from.to_string(), to.to_string()),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(CheckInSummary {
        days: (to - from).num_days() + 1,
        checked_in,
        sober,
    })
}

fn cravings_passed(conn: &Connection, range: (i64, i64)) -> Result<i64, DataError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM cravings
         WHERE deleted_at IS NULL AND outcome = ?3 AND at >= ?1 AND at < ?2",
        (range.0, range.1, CravingOutcome::Passed.as_str()),
        |r| r.get(0),
    )?)
}

/// Coping actions named on cravings whose urge passed, with how often.
fn coping_that_worked(conn: &Connection, range: (i64, i64)) -> Result<Vec<CountItem>, DataError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.name, count(*) FROM craving_actions ca
         JOIN coping_actions a ON a.id = ca.action_id JOIN cravings c ON c.id = ca.craving_id
         WHERE c.deleted_at IS NULL AND c.outcome = ?3 AND c.at >= ?1 AND c.at < ?2
         GROUP BY a.id ORDER BY count(*) DESC, a.name",
    )?;
    let rows = stmt.query_map((range.0, range.1, CravingOutcome::Passed.as_str()), |r| {
        Ok(CountItem {
            label: r.get(0)?,
            count: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn journal_items(
    conn: &Connection,
    range: (i64, i64),
    tz: Zone,
) -> Result<Vec<JournalItem>, DataError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, title, body FROM journal_entries
         WHERE deleted_at IS NULL AND at >= ?1 AND at < ?2 ORDER BY at, id",
    )?;
    let rows = stmt.query_map(range, |r| {
        Ok((
            from_millis(r.get(0)?)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (at, title, body) = row?;
        Ok(JournalItem {
            at: local(at, tz),
            title,
            text: crate::markdown::to_plain_text(&body).trim().to_string(),
        })
    })
    .collect()
}
