//! The open export as spreadsheets: one CSV file per kind, in one zip, for people who want
//! their data in a spreadsheet rather than JSON. Built from the JSON export (`export`), so the
//! two always hold the same entries. Times are local to the person's time zone.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;
use zip::write::SimpleFileOptions;

use crate::data_error::{DataError, FileAction};
use crate::store::Store;
use crate::time::local;
use crate::words::Language;

/// One column: its header and where its value comes from in an exported item.
struct Column {
    header: &'static str,
    key: &'static str,
    kind: Cell,
}

#[derive(Clone, Copy, PartialEq)]
enum Cell {
    /// Written as it is (numbers, dates, yes/no).
    Plain,
    /// Something a person wrote: guarded against being run as a spreadsheet formula.
    Text,
    /// An RFC 3339 instant, written as local date and time.
    Instant,
    /// 0 or 1, written as "no"/"yes".
    Flag,
    /// A list, joined with "; ".
    List,
}

const fn col(header: &'static str, key: &'static str, kind: Cell) -> Column {
    Column { header, key, kind }
}

use Cell::{Flag, Instant, List, Plain, Text};

/// The files in the zip: name, the JSON export's array, its columns.
#[rustfmt::skip]
const FILES: &[(&str, &str, &[Column])] = &[
    ("clocks.csv", "clocks", &[
        col("name", "name", Text), col("started (local)", "startedAt", Instant),
        col("pinned", "pinned", Flag), col("archived", "archived", Flag),
        col("money per day (cents)", "moneyPerDayCents", Plain), col("currency", "currency", Text),
        col("minutes per day", "minutesPerDay", Plain),
    ]),
    ("slips.csv", "slips", &[
        col("clock", "clock", Text), col("time (local)", "at", Instant), col("note", "note", Text),
    ]),
    ("check-ins.csv", "checkIns", &[
        col("day", "day", Plain), col("intention", "intention", Text), col("sober", "sober", Flag),
        col("difficulty (1-5)", "difficulty", Plain), col("note", "note", Text),
    ]),
    ("moods.csv", "moods", &[
        col("time (local)", "at", Instant), col("mood (1-5)", "mood", Plain),
        col("craving (0-10)", "craving", Plain), col("emotions", "emotions", List),
        col("hungry", "hungry", Flag), col("angry", "angry", Flag), col("lonely", "lonely", Flag),
        col("tired", "tired", Flag), col("sleep (hours)", "sleepHours", Plain), col("note", "note", Text),
    ]),
    ("cravings.csv", "cravings", &[
        col("time (local)", "at", Instant), col("strength (0-10)", "strength", Plain),
        col("triggers", "triggers", List), col("what I did", "actions", List),
        col("outcome", "outcome", Plain), col("where", "place", Text), col("with whom", "people", Text),
        col("note", "note", Text),
    ]),
    ("journal.csv", "journal", &[
        col("time (local)", "at", Instant), col("title", "title", Text), col("text", "body", Text),
        col("tags", "tags", List),
    ]),
    ("triggers.csv", "triggers", &[
        col("name", "name", Text), col("built-in key", "key", Plain), col("archived", "archived", Flag),
    ]),
    ("people.csv", "people", &[
        col("name", "name", Text), col("phone", "phone", Text), col("note", "note", Text),
    ]),
    ("reasons.csv", "reasons", &[col("reason", "text", Text)]),
];

/// Quotes a field for CSV (RFC 4180): always quoted, inner quotes doubled.
fn quote(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

fn cell(value: Option<&Value>, kind: Cell, tz: Tz) -> String {
    let text = match value {
        None | Some(Value::Null) => return String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    };
    match kind {
        Cell::Plain => text,
        Cell::List | Cell::Text => {
            // A cell starting like a formula would run in a spreadsheet (CSV injection).
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text
            }
        }
        Cell::Flag => match text.as_str() {
            "1" | "true" => "yes".into(),
            "0" | "false" => "no".into(),
            _ => text,
        },
        Cell::Instant => DateTime::parse_from_rfc3339(&text)
            .map(|t| {
                local(t.with_timezone(&Utc), tz)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or(text),
    }
}

fn csv(items: &[Value], columns: &[Column], tz: Tz) -> String {
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| quote(c.header)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for item in items {
        let row: Vec<String> = columns
            .iter()
            .map(|c| quote(&cell(item.get(c.key), c.kind, tz)))
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Slips live inside their clocks in the JSON export; here they get a file of their own.
fn slips(export: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for clock in export["clocks"].as_array().into_iter().flatten() {
        for slip in clock["slips"].as_array().into_iter().flatten() {
            let mut slip = slip.clone();
            slip["clock"] = clock["name"].clone();
            out.push(slip);
        }
    }
    out
}

/// The zip, in memory.
pub fn export_zip(
    store: &Store,
    now: DateTime<Utc>,
    tz: Tz,
    language: Language,
) -> Result<Vec<u8>, DataError> {
    zip_from(&crate::export::export(store, now)?, tz, language)
}

/// The zip for an export already read (`export::export`).
/// Its README is written in `language`.
pub fn zip_from(export: &Value, tz: Tz, language: Language) -> Result<Vec<u8>, DataError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    // The zip is made in memory: a failure here is the system's, told as a file not saved.
    let failed = |e: std::io::Error| DataError::file(FileAction::SaveExport, Path::new(""), &e);
    let zipped = |e: zip::result::ZipError| failed(std::io::Error::other(e));
    zip.start_file("README.txt", options).map_err(zipped)?;
    zip.write_all(language.words().spreadsheet_readme.as_bytes())
        .map_err(failed)?;
    let slips = slips(export);
    for (name, key, columns) in FILES {
        let items: &[Value] = if *key == "slips" {
            &slips
        } else {
            export[*key].as_array().map_or(&[], Vec::as_slice)
        };
        zip.start_file(*name, options).map_err(zipped)?;
        // A byte-order mark, so spreadsheet programs read the file as UTF-8.
        zip.write_all(b"\xEF\xBB\xBF")
            .and_then(|_| zip.write_all(csv(items, columns, tz).as_bytes()))
            .map_err(failed)?;
    }
    let cursor = zip.finish().map_err(zipped)?;
    Ok(cursor.into_inner())
}

/// Writes the zip into `dir` under a dated name that overwrites nothing; returns its path.
pub fn export_to(
    dir: &Path,
    store: &Store,
    now: DateTime<Utc>,
    tz: Tz,
    language: Language,
) -> Result<PathBuf, DataError> {
    write_zip(dir, &crate::export::export(store, now)?, now, tz, language)
}

/// Saves the zip for an export already read (the slow half, after the journal is let go).
pub fn write_zip(
    dir: &Path,
    export: &Value,
    now: DateTime<Utc>,
    tz: Tz,
    language: Language,
) -> Result<PathBuf, DataError> {
    let bytes = zip_from(export, tz, language)?;
    crate::export_file::write_new(
        dir,
        "daybreak-spreadsheets",
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
    use serde_json::json;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote(r#"say "hi", then go"#), r#""say ""hi"", then go""#);
        assert_eq!(
            cell(Some(&json!("=HYPERLINK(1)")), Cell::Text, Tz::UTC),
            "'=HYPERLINK(1)"
        );
        assert_eq!(cell(Some(&json!("-2")), Cell::Plain, Tz::UTC), "-2");
        assert_eq!(cell(Some(&json!(["a", "b"])), Cell::List, Tz::UTC), "a; b");
        assert_eq!(cell(Some(&json!(1)), Cell::Flag, Tz::UTC), "yes");
        assert_eq!(cell(None, Cell::Text, Tz::UTC), "");
        assert_eq!(
            cell(
                Some(&json!("2026-07-01T12:30:00+00:00")),
                Cell::Instant,
                chrono_tz::Europe::London
            ),
            "2026-07-01 13:30"
        );
    }

    #[test]
    fn a_multi_line_note_stays_one_field() {
        let out = csv(
            &[json!({"text": "line one\nline \"two\""})],
            &[col("reason", "text", Text)],
            Tz::UTC,
        );
        assert_eq!(out, "\"reason\"\r\n\"line one\nline \"\"two\"\"\"\r\n");
    }
}
