//! The open export as spreadsheets: one CSV file per kind, in one zip, for people who want
//! their data in a spreadsheet rather than JSON. Built from the JSON export's records
//! (`export::records`), so the two always hold the same entries. Times are local to the
//! person's time zone. Written in the language the screens speak (`SpreadsheetWords`): file
//! names, columns and the values Daybreak writes itself; and with the decimal mark and field
//! separator that the person's spreadsheet programs expect (`Style`).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use crate::zone::Zone;
use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;

use crate::cravings::CravingOutcome;
use crate::data_error::{DataError, FileAction};
use crate::export::ExportFile;
use crate::store::Store;
use crate::time::local;
use crate::words::{Language, Words};

/// How the files are written for the person: in their language's words, with their numbers'
/// locale's decimal mark, and fields apart as their spreadsheet program splits them. Where the
/// decimal mark is a comma, a program set up that way (Excel with Spain's settings) splits on
/// semicolons, and reads "7,5" as a number.
pub struct Style {
    words: &'static Words,
    decimal: char,
    separator: char,
}

impl Style {
    /// For `language`'s words, with the decimal mark of `numbers_locale` (the system's numeric
    /// locale, "de_DE.UTF-8", or the window's, "es-MX": `words::decimal_mark`), else the
    /// language's own (Spain's for Spanish) when that names none or is unknown.
    pub fn new(language: Language, numbers_locale: Option<&str>) -> Style {
        let words = language.words();
        let decimal = numbers_locale
            .and_then(crate::words::decimal_mark)
            .unwrap_or(words.decimal_separator);
        let separator = if decimal == ',' { ';' } else { ',' };
        Style {
            words,
            decimal,
            separator,
        }
    }
}

/// One field of a row, by how it is written.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// Written as it is (whole numbers, dates).
    Plain(String),
    /// A number with a fraction, written with the numbers' locale's decimal mark.
    Decimal(f64),
    /// Something a person wrote: guarded against being run as a spreadsheet formula.
    Text(String),
    /// An instant, written as local date and time.
    Instant(DateTime<Utc>),
    /// 0 or 1, written as "no"/"yes" in the export's language.
    Flag(i64),
    /// A list, joined with "; " (and guarded like text).
    List(Vec<String>),
    Empty,
}

fn text(value: &Option<String>) -> Cell {
    value.clone().map_or(Cell::Empty, Cell::Text)
}

fn plain<T: ToString>(value: Option<T>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Plain(v.to_string()))
}

/// One file of the zip: its name, its header and its rows.
struct Sheet {
    name: &'static str,
    header: &'static [&'static str],
    rows: Vec<Vec<Cell>>,
}

/// Built-in names (emotions, triggers, coping actions) as the screens say them in `words`'
/// language; the person's own as written.
fn names(stored: &[String], words: &Words) -> Cell {
    Cell::List(stored.iter().map(|n| words.name(n).to_string()).collect())
}

/// How a craving ended, in `words`' language (the records keep "passed", "used", ...).
fn outcome(stored: &str, words: &Words) -> Cell {
    let w = &words.spreadsheets;
    let said = match CravingOutcome::parse(stored) {
        Ok(CravingOutcome::Passed) => w.passed,
        Ok(CravingOutcome::Used) => w.used,
        Ok(CravingOutcome::Struggling) => w.struggling,
        Err(_) => stored,
    };
    Cell::Plain(said.to_string())
}

/// The files in the zip, each from the export's records of one kind, named and headed in
/// `words`' language. Slips live inside their clocks in the JSON export; here they get a file
/// of their own.
fn sheets(export: &ExportFile, words: &'static Words) -> Vec<Sheet> {
    use Cell::{Flag, Instant, List, Plain, Text};
    let w = &words.spreadsheets;
    let slips = export
        .clocks
        .iter()
        .flat_map(|c| {
            c.slips
                .iter()
                .map(|s| vec![Text(c.name.clone()), Instant(s.at), text(&s.note)])
        })
        .collect();
    vec![
        Sheet {
            name: w.clocks.file,
            header: &w.clocks.header,
            rows: export
                .clocks
                .iter()
                .map(|c| {
                    vec![
                        Text(c.name.clone()),
                        Instant(c.started_at),
                        Flag(c.pinned),
                        Flag(c.archived),
                        plain(c.money_per_day_cents),
                        text(&c.currency),
                        plain(c.minutes_per_day),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.slips.file,
            header: &w.slips.header,
            rows: slips,
        },
        Sheet {
            name: w.check_ins.file,
            header: &w.check_ins.header,
            rows: export
                .check_ins
                .iter()
                .map(|c| {
                    vec![
                        Plain(c.day.to_string()),
                        text(&c.intention),
                        c.sober.map_or(Cell::Empty, Flag),
                        plain(c.difficulty),
                        text(&c.note),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.moods.file,
            header: &w.moods.header,
            rows: export
                .moods
                .iter()
                .map(|m| {
                    vec![
                        Instant(m.at),
                        Plain(m.mood.to_string()),
                        plain(m.craving),
                        names(&m.emotions, words),
                        Flag(m.hungry),
                        Flag(m.angry),
                        Flag(m.lonely),
                        Flag(m.tired),
                        m.sleep_hours.map_or(Cell::Empty, Cell::Decimal),
                        text(&m.note),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.cravings.file,
            header: &w.cravings.header,
            rows: export
                .cravings
                .iter()
                .map(|c| {
                    vec![
                        Instant(c.at),
                        Plain(c.strength.to_string()),
                        names(&c.triggers, words),
                        names(&c.actions, words),
                        outcome(&c.outcome, words),
                        text(&c.place),
                        text(&c.people),
                        text(&c.note),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.journal.file,
            header: &w.journal.header,
            rows: export
                .journal
                .iter()
                .map(|j| {
                    vec![
                        Instant(j.at),
                        Text(j.title.clone()),
                        Text(j.body.clone()),
                        List(j.tags.clone()),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.triggers.file,
            header: &w.triggers.header,
            rows: export
                .triggers
                .iter()
                .map(|t| {
                    // Only a built-in one (it has a key) is named in the screens' words.
                    let name = if t.key.is_some() {
                        words.name(&t.name)
                    } else {
                        &t.name
                    };
                    vec![
                        Text(name.to_string()),
                        plain(t.key.clone()),
                        Flag(t.archived),
                    ]
                })
                .collect(),
        },
        Sheet {
            name: w.people.file,
            header: &w.people.header,
            rows: export
                .people
                .iter()
                .map(|p| vec![Text(p.name.clone()), Text(p.phone.clone()), text(&p.note)])
                .collect(),
        },
        Sheet {
            name: w.reasons.file,
            header: &w.reasons.header,
            rows: export
                .reasons
                .iter()
                .map(|r| vec![Text(r.text.clone())])
                .collect(),
        },
    ]
}

/// Quotes a field for CSV (RFC 4180): always quoted, inner quotes doubled, so a separator or a
/// new line inside stays in the field.
fn quote(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

/// Text as a spreadsheet shows it: a cell starting like a formula would run (CSV injection),
/// so it gets a leading `'`.
fn defused(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn cell(value: &Cell, tz: Zone, style: &Style) -> String {
    let words = style.words;
    match value {
        Cell::Empty => String::new(),
        Cell::Plain(text) => text.clone(),
        Cell::Decimal(number) => number.to_string().replace('.', &style.decimal.to_string()),
        Cell::Text(text) => defused(text.clone()),
        Cell::List(items) => defused(items.join("; ")),
        Cell::Flag(1) => words.spreadsheets.yes.into(),
        Cell::Flag(0) => words.spreadsheets.no.into(),
        Cell::Flag(other) => other.to_string(),
        Cell::Instant(t) => local(*t, tz).format("%Y-%m-%d %H:%M").to_string(),
    }
}

fn csv(header: &[&str], rows: &[Vec<Cell>], tz: Zone, style: &Style) -> String {
    let mut out = String::new();
    let separator = style.separator.to_string();
    let header: Vec<String> = header.iter().map(|h| quote(h)).collect();
    out.push_str(&header.join(&separator));
    out.push_str("\r\n");
    for row in rows {
        let row: Vec<String> = row.iter().map(|c| quote(&cell(c, tz, style))).collect();
        out.push_str(&row.join(&separator));
        out.push_str("\r\n");
    }
    out
}

/// The zip, in memory.
pub fn export_zip(
    store: &Store,
    now: DateTime<Utc>,
    tz: Zone,
    style: &Style,
) -> Result<Vec<u8>, DataError> {
    zip_from(&crate::export::export(store, now)?, tz, style)
}

/// The zip for an export already read (`export::export`), written in `style`: its README,
/// its files' names and columns, yes and no, the built-in names, and the numbers.
pub fn zip_from(export: &ExportFile, tz: Zone, style: &Style) -> Result<Vec<u8>, DataError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    // The zip is made in memory: a failure here is the system's, told as a file not saved.
    let failed = |e: std::io::Error| DataError::file(FileAction::SaveExport, Path::new(""), &e);
    let zipped = |e: zip::result::ZipError| failed(std::io::Error::other(e));
    let words = style.words;
    // Every file starts with a byte-order mark, so programs (spreadsheets, older Notepads) read
    // it as UTF-8.
    zip.start_file(words.spreadsheets.readme_file, options)
        .map_err(zipped)?;
    zip.write_all(BOM)
        .and_then(|_| zip.write_all(words.spreadsheets.readme.as_bytes()))
        .map_err(failed)?;
    for sheet in sheets(export, words) {
        zip.start_file(sheet.name, options).map_err(zipped)?;
        zip.write_all(BOM)
            .and_then(|_| zip.write_all(csv(sheet.header, &sheet.rows, tz, style).as_bytes()))
            .map_err(failed)?;
    }
    let cursor = zip.finish().map_err(zipped)?;
    Ok(cursor.into_inner())
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the zip into `dir` under a dated name that overwrites nothing; returns its path.
pub fn export_to(
    dir: &Path,
    store: &Store,
    now: DateTime<Utc>,
    tz: Zone,
    style: &Style,
) -> Result<PathBuf, DataError> {
    write_zip(dir, &crate::export::export(store, now)?, now, tz, style)
}

/// Saves the zip for an export already read (the slow half, after the journal is let go).
pub fn write_zip(
    dir: &Path,
    export: &ExportFile,
    now: DateTime<Utc>,
    tz: Zone,
    style: &Style,
) -> Result<PathBuf, DataError> {
    let bytes = zip_from(export, tz, style)?;
    crate::export_file::write_new(
        dir,
        style.words.saved_files.spreadsheets,
        "zip",
        &bytes,
        crate::data_error::FileAction::SaveExport,
        now,
        tz,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn en() -> Style {
        Style::new(Language::En, None)
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote(r#"say "hi", then go"#), r#""say ""hi"", then go""#);
        assert_eq!(
            cell(&Cell::Text("=HYPERLINK(1)".into()), Zone::UTC, &en()),
            "'=HYPERLINK(1)"
        );
        assert_eq!(cell(&Cell::Plain("-2".into()), Zone::UTC, &en()), "-2");
        assert_eq!(
            cell(&Cell::List(vec!["a".into(), "b".into()]), Zone::UTC, &en()),
            "a; b"
        );
        assert_eq!(
            cell(&Cell::List(vec!["@x".into()]), Zone::UTC, &en()),
            "'@x"
        );
        assert_eq!(cell(&Cell::Flag(1), Zone::UTC, &en()), "yes");
        assert_eq!(cell(&text(&None), Zone::UTC, &en()), "");
        assert_eq!(
            cell(
                &Cell::Instant(Utc.with_ymd_and_hms(2026, 7, 1, 12, 30, 0).unwrap()),
                crate::zone::tests::zone("Europe/London"),
                &en()
            ),
            "2026-07-01 13:30"
        );
    }

    #[test]
    fn a_multi_line_note_stays_one_field() {
        let out = csv(
            &["reason"],
            &[vec![Cell::Text("line one\nline \"two\"".into())]],
            Zone::UTC,
            &en(),
        );
        assert_eq!(out, "\"reason\"\r\n\"line one\nline \"\"two\"\"\"\r\n");
    }

    /// The decimal mark is the numbers' locale's, in either language's words, and fields are
    /// apart with semicolons where it is a comma; without a locale, the language's own.
    #[test]
    fn the_marks_follow_the_numbers_locale() {
        let row = [vec![Cell::Decimal(7.5), Cell::Plain("3".into())]];
        let written =
            |language, locale| csv(&["a", "b"], &row, Zone::UTC, &Style::new(language, locale));
        let comma = "\"a\";\"b\"\r\n\"7,5\";\"3\"\r\n";
        let point = "\"a\",\"b\"\r\n\"7.5\",\"3\"\r\n";
        assert_eq!(written(Language::Es, None), comma);
        assert_eq!(written(Language::Es, Some("es_ES.UTF-8")), comma);
        assert_eq!(written(Language::Es, Some("es-AR")), comma);
        assert_eq!(written(Language::Es, Some("es_MX.UTF-8")), point);
        assert_eq!(written(Language::Es, Some("en-US")), point);
        assert_eq!(written(Language::En, None), point);
        assert_eq!(written(Language::En, Some("en_GB.UTF-8")), point);
        assert_eq!(written(Language::En, Some("de_DE.UTF-8")), comma);
        assert_eq!(written(Language::En, Some("de-CH")), point);
        assert_eq!(written(Language::En, Some("C.UTF-8")), point);
        assert_eq!(written(Language::Es, Some("C.UTF-8")), comma);
    }
}
