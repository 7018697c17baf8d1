//! Daylio's CSV export ("Export entries (CSV)"): one row per mood entry.
//!
//! The header names the columns (`full_date,date,weekday,time,mood,activities,note_title,note`;
//! older exports have no `note_title`), so they are found by name, in any order. Each row
//! becomes a Daybreak mood: Daylio's five standard moods map onto Daybreak's 1 to 5 scale, the
//! local date and time are read in the person's time zone, and the note keeps the title, the
//! note and the activities. Row numbers in messages count the header as row 1, as a
//! spreadsheet shows them; messages never quote what the person wrote.

mod csv;

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::ImportSummary;
use crate::data_error::{DataError, Refusal, RowProblem};
use crate::moods::{self, MAX_NOTE_CHARS};
use crate::time::instant_at;

/// More rows than this are refused: decades of several entries a day.
pub const MAX_ROWS: usize = 200_000;

/// Header cells kept; a real export has eight.
const MAX_COLUMNS: usize = 1000;

/// A Daylio export, parsed: the entries in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct DaylioFile {
    pub entries: Vec<DaylioEntry>,
}

/// One row of the export, ready to become a mood entry.
#[derive(Debug, Clone, PartialEq)]
pub struct DaylioEntry {
    /// The row in the file, counting the header as row 1.
    pub row: usize,
    /// The date and time as the wall clock showed them.
    pub wall: NaiveDateTime,
    /// 1 awful to 5 great.
    pub mood: u8,
    /// Title, note and activities, one after another; `None` when all are empty.
    pub note: Option<String>,
}

/// Where each column is; the optional ones may be missing from older exports.
struct Columns {
    date: usize,
    time: usize,
    mood: usize,
    activities: Option<usize>,
    note_title: Option<usize>,
    note: Option<usize>,
    count: usize,
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The header's cell names, lower-cased and trimmed.
fn header_names(fields: &[Vec<u8>]) -> Vec<String> {
    fields
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
        .collect()
}

/// Whether the bytes start like a Daylio CSV export: a first row naming `mood` and `full_date`
/// (or, in exports from before 2019, `year` and `date`, which `parse` then explains it can't use).
pub fn looks_like(bytes: &[u8]) -> bool {
    let bytes = strip_bom(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = &bytes[start..];
    let line = &rest[..rest
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(rest.len())
        .min(4096)];
    let mut reader = csv::Reader::new(line, MAX_COLUMNS);
    match reader.next_record() {
        Some(Ok(record)) => {
            let names = header_names(&record.fields);
            let has = |name: &str| names.iter().any(|n| n == name);
            has("mood") && (has("full_date") || (has("year") && has("date")))
        }
        _ => false,
    }
}

fn columns(names: &[String], width: usize) -> Result<Columns, DataError> {
    let find = |name: &str| names.iter().position(|n| n == name);
    let need = |name: &str| {
        find(name).ok_or_else(|| {
            DataError::Refused(Refusal::DaylioColumn {
                column: name.to_string(),
            })
        })
    };
    if find("full_date").is_none() && find("year").is_some() {
        return Err(DataError::Refused(Refusal::DaylioOld));
    }
    if width > MAX_COLUMNS {
        return Err(DataError::Refused(Refusal::DaylioTooWide));
    }
    Ok(Columns {
        date: need("full_date")?,
        time: need("time")?,
        mood: need("mood")?,
        activities: find("activities"),
        note_title: find("note_title"),
        note: find("note"),
        count: width,
    })
}

fn row_problem(row: usize, problem: RowProblem) -> DataError {
    DataError::Refused(Refusal::DaylioRow {
        row: u32::try_from(row).unwrap_or(u32::MAX),
        problem,
    })
}

/// `YYYY-MM-DD`, as Daylio writes `full_date`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `8:30 PM`, `8:30pm`, `08:30 a.m.`, `20:30` or `20:30:15`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, pm) = match lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("a.m."))
    {
        Some(clock) => (clock.trim_end(), Some(false)),
        None => match lower
            .strip_suffix("pm")
            .or_else(|| lower.strip_suffix("p.m."))
        {
            Some(clock) => (clock.trim_end(), Some(true)),
            None => (lower.as_str(), None),
        },
    };
    let mut parts = clock.split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next());
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some()
        || !digits(h, &[1, 2])
        || !digits(m, &[2])
        || s.is_some_and(|s| !digits(s, &[2]))
    {
        return None;
    }
    let hour: u32 = h.parse().ok()?;
    let hour = match pm {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    NaiveTime::from_hms_opt(
        hour,
        m.parse().ok()?,
        s.map_or(Some(0), |s| s.parse().ok())?,
    )
}

/// Daylio's five standard moods on Daybreak's scale.
fn parse_mood(text: &str) -> Option<u8> {
    match text.trim().to_lowercase().as_str() {
        "awful" => Some(1),
        "bad" => Some(2),
        "meh" => Some(3),
        "good" => Some(4),
        "rad" => Some(5),
        _ => None,
    }
}

/// Daylio's `<br>` line breaks (some versions write them) as real ones, and CRLF as LF.
fn note_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let tag = ["<br>", "<br/>", "<br />"].into_iter().find(|tag| {
            rest.get(..tag.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(tag))
        });
        match tag {
            Some(tag) => {
                out.push('\n');
                rest = &rest[tag.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("\r\n", "\n").replace('\r', "\n")
}

/// Title, note, then "Daylio activities: a, b" on lines of their own; `None` when all are empty.
fn compose_note(title: &str, note: &str, activities: &str) -> Option<String> {
    let activities: Vec<&str> = activities
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let mut parts: Vec<String> = Vec::new();
    for text in [note_text(title), note_text(note)] {
        let text = text.trim();
        if !text.is_empty() {
            parts.push(text.to_string());
        }
    }
    if !activities.is_empty() {
        parts.push(format!("Daylio activities: {}", activities.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

fn entry(record: &csv::Record, cols: &Columns) -> Result<DaylioEntry, DataError> {
    let row = record.row;
    if record.width != cols.count {
        return Err(row_problem(
            row,
            RowProblem::Fields {
                fields: u32::try_from(record.width).unwrap_or(u32::MAX),
                expected: u32::try_from(cols.count).unwrap_or(u32::MAX),
            },
        ));
    }
    let mut text = Vec::with_capacity(record.fields.len());
    for field in &record.fields {
        text.push(std::str::from_utf8(field).map_err(|_| row_problem(row, RowProblem::NotUtf8))?);
    }
    let optional = |col: Option<usize>| col.map_or("", |c| text[c]);
    let date = parse_date(text[cols.date]).ok_or_else(|| row_problem(row, RowProblem::Date))?;
    let time = parse_time(text[cols.time]).ok_or_else(|| row_problem(row, RowProblem::Time))?;
    let mood = parse_mood(text[cols.mood]).ok_or_else(|| row_problem(row, RowProblem::Mood))?;
    let note = compose_note(
        optional(cols.note_title),
        optional(cols.note),
        optional(cols.activities),
    );
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(row_problem(
            row,
            RowProblem::NoteTooLong {
                max: MAX_NOTE_CHARS as u32,
            },
        ));
    }
    Ok(DaylioEntry {
        row,
        wall: date.and_time(time),
        mood,
        note,
    })
}

/// Reads a Daylio export into entries. Pure: no store, no clock. Any problem refuses the whole
/// file, naming the row.
pub fn parse(bytes: &[u8]) -> Result<DaylioFile, DataError> {
    let mut reader = csv::Reader::new(strip_bom(bytes), MAX_COLUMNS);
    let header = loop {
        match reader.next_record() {
            None => return Err(DataError::Refused(Refusal::DaylioEmpty)),
            Some(record) => {
                let record = record?;
                if !record.is_blank() {
                    break record;
                }
            }
        }
    };
    let cols = columns(&header_names(&header.fields), header.width)?;
    reader.max_fields = cols.count;
    let mut entries = Vec::new();
    while let Some(record) = reader.next_record() {
        let record = record?;
        if record.is_blank() {
            continue;
        }
        if entries.len() == MAX_ROWS {
            return Err(DataError::Refused(Refusal::DaylioTooMany {
                max: MAX_ROWS as u32,
            }));
        }
        entries.push(entry(&record, &cols)?);
    }
    if entries.is_empty() {
        return Err(DataError::Refused(Refusal::DaylioEmpty));
    }
    Ok(DaylioFile { entries })
}

/// Adds each entry as a mood in `tz`, skipping any already there (same instant, mood and note).
pub fn write(
    tx: &rusqlite::Transaction<'_>,
    file: &DaylioFile,
    now: DateTime<Utc>,
    tz: Zone,
    summary: &mut ImportSummary,
) -> Result<(), DataError> {
    let latest = now + chrono::Duration::minutes(5);
    for entry in &file.entries {
        // A time skipped by a DST change counts from the first minute after it; a repeated
        // time is read as its first occurrence.
        let at = instant_at(entry.wall, tz);
        if at > latest {
            return Err(row_problem(entry.row, RowProblem::Future));
        }
        let mood = i64::from(entry.mood);
        let there = moods::already_logged(tx, at, mood, entry.note.as_deref())?;
        if !there {
            let row = moods::MoodRow {
                uuid: None,
                at,
                mood,
                craving: None,
                halt: [0; 4],
                sleep_hours: None,
                note: entry.note.as_deref(),
            };
            moods::insert(tx, &row, now)?;
        }
        summary.count("moods", !there);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "full_date,date,weekday,time,mood,activities,note_title,note";

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn parsed(text: &str) -> Vec<DaylioEntry> {
        parse(text.as_bytes()).expect("a valid export").entries
    }

    fn refused(bytes: &[u8]) -> String {
        match parse(bytes) {
            Err(DataError::Refused(refusal)) => refusal.to_string(),
            other => panic!("expected the file to be refused, got {other:?}"),
        }
    }

    #[test]
    fn a_current_export_with_quoted_notes() {
        let text = format!(
            "{HEADER}\n\
             2024-03-31,March 31,Sunday,8:30 PM,good,\"walk | friends\",\"Good day\",\"Tea, cake and a \"\"long\"\" chat\"\n\
             2024-03-30,March 30,Saturday,7:05 AM,awful,,,\n"
        );
        let entries = parsed(&text);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].row, 2);
        assert_eq!(entries[0].wall, wall(2024, 3, 31, 20, 30));
        assert_eq!(entries[0].mood, 4);
        assert_eq!(
            entries[0].note.as_deref(),
            Some("Good day\nTea, cake and a \"long\" chat\nDaylio activities: walk, friends"),
            "title, note and activities, each on its own line"
        );
        assert_eq!(entries[1].wall, wall(2024, 3, 30, 7, 5));
        assert_eq!(entries[1].mood, 1);
        assert_eq!(entries[1].note, None, "an empty note stays empty");
    }

    #[test]
    fn every_standard_mood_maps_onto_the_scale() {
        let mut text = format!("{HEADER}\n");
        for mood in ["awful", "bad", "meh", "good", "rad", " Rad "] {
            text.push_str(&format!("2024-01-01,,,10:00,{mood},,,\n"));
        }
        let moods: Vec<u8> = parsed(&text).iter().map(|e| e.mood).collect();
        assert_eq!(moods, [1, 2, 3, 4, 5, 5]);
    }

    #[test]
    fn a_bom_and_crlf_line_ends_are_fine() {
        let text = format!(
            "\u{feff}{HEADER}\r\n2024-03-31,,,20:30,meh,,,\"one\r\ntwo\"\r\n2024-04-01,,,9:00 am,rad,,,\r\n"
        );
        let entries = parsed(&text);
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].note.as_deref(),
            Some("one\ntwo"),
            "line breaks in a note are plain newlines"
        );
        assert_eq!(entries[1].row, 3);
        assert!(looks_like(text.as_bytes()));
    }

    #[test]
    fn twelve_and_twenty_four_hour_times() {
        for (text, (h, m)) in [
            ("8:30 PM", (20, 30)),
            ("8:30PM", (20, 30)),
            ("08:30 pm", (20, 30)),
            ("12:00 AM", (0, 0)),
            ("12:15 PM", (12, 15)),
            ("12:59 a.m.", (0, 59)),
            ("8:30\u{202f}PM", (20, 30)), // newer Android writes a narrow no-break space
            ("8:30\u{a0}pm", (20, 30)),
            ("20:30", (20, 30)),
            ("0:05", (0, 5)),
            ("23:59", (23, 59)),
        ] {
            let time = parse_time(text).unwrap_or_else(|| panic!("{text} should read"));
            assert_eq!(time, NaiveTime::from_hms_opt(h, m, 0).unwrap(), "{text}");
        }
        assert_eq!(
            parse_time("20:30:15"),
            NaiveTime::from_hms_opt(20, 30, 15),
            "seconds are fine"
        );
        for bad in [
            "",
            "24:00",
            "13:00 PM",
            "0:30 AM",
            "8:5",
            "8:60",
            "8",
            "8:30:00:00",
            "8.30",
            "+8:30",
            "8:30 XM",
            "٨:٣٠",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?} must not read as a time");
        }
    }

    #[test]
    fn older_exports_without_note_title_and_columns_in_any_order() {
        let old = "full_date,date,weekday,time,mood,activities,note\n\
                   2019-05-01,May 1,Wednesday,9:15 AM,bad,work,long day\n";
        let entries = parsed(old);
        assert_eq!(
            entries[0].note.as_deref(),
            Some("long day\nDaylio activities: work")
        );
        let shuffled = "NOTE,Mood,time,full_date\n\"hello\",meh,21:00,2019-05-02\n";
        let entries = parsed(shuffled);
        assert_eq!(entries[0].mood, 3);
        assert_eq!(entries[0].wall, wall(2019, 5, 2, 21, 0));
        assert_eq!(entries[0].note.as_deref(), Some("hello"));
    }

    #[test]
    fn br_tags_become_line_breaks_and_nothing_else_is_touched() {
        assert_eq!(note_text("a<br>b<br/>c<BR />d"), "a\nb\nc\nd");
        assert_eq!(
            note_text("<b>bold</b> & <3 <br"),
            "<b>bold</b> & <3 <br",
            "other tags, ampersands and a lone < stay as written"
        );
        assert_eq!(note_text("é<br>ü<"), "é\nü<");
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let text = format!("{HEADER}\n\n2024-01-01,,,10:00,meh,,,\n\n");
        let entries = parsed(&text);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].row, 3);
    }

    #[test]
    fn bad_rows_are_refused_naming_the_row_and_never_the_text() {
        let good = "2024-01-01,,,10:00,meh,,,secret words";
        let cases: [(&str, &str); 7] = [
            (
                "2024-01-01,,,10:00,meh,,secret words",
                "has 7 fields where the first row has 8",
            ),
            ("2024-01-01,,,10:00,meh,,,secret,words", "has 9 fields"),
            (
                "2024-02-30,,,10:00,meh,,,secret words",
                "a date Daybreak can't read",
            ),
            (
                "01/02/2024,,,10:00,meh,,,secret words",
                "a date Daybreak can't read",
            ),
            (
                "2024-01-01,,,25:00,meh,,,secret words",
                "a time Daybreak can't read",
            ),
            (
                "2024-01-01,,,10:00,secret mood,,,secret words",
                "rad, good, meh, bad and awful",
            ),
            ("2024-01-01,,,10:00,,,,secret words", "doesn't recognise"),
        ];
        for (row, expected) in cases {
            let text = format!("{HEADER}\n{good}\n{row}\n{good}\n");
            let message = refused(text.as_bytes());
            assert!(message.starts_with("Row 3 of"), "{message}");
            assert!(message.contains(expected), "{message}");
            assert!(
                !message.contains("secret"),
                "never quote the file: {message}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_refused_naming_the_row() {
        let mut bytes = format!("{HEADER}\n2024-01-01,,,10:00,meh,,,ok\n").into_bytes();
        bytes.extend_from_slice(b"2024-01-02,,,10:00,meh,,,caf\xE9\n");
        let message = refused(&bytes);
        assert!(message.starts_with("Row 3 of"), "{message}");
        assert!(message.contains("UTF-8"), "{message}");
    }

    #[test]
    fn a_note_over_the_limit_is_refused_not_cut() {
        let long = "x".repeat(MAX_NOTE_CHARS - 10);
        let text = format!("{HEADER}\n2024-01-01,,,10:00,meh,,,{long}\n");
        assert_eq!(
            parsed(&text)[0].note.as_ref().unwrap().chars().count(),
            MAX_NOTE_CHARS - 10
        );
        let text = format!("{HEADER}\n2024-01-01,,,10:00,meh,running | reading,Title,{long}\n");
        let message = refused(text.as_bytes());
        assert!(message.starts_with("Row 2 of"), "{message}");
        assert!(message.contains("4000 characters"), "{message}");
    }

    #[test]
    fn files_without_entries_or_columns_are_refused() {
        assert_eq!(
            refused(HEADER.as_bytes()),
            "This Daylio export has no entries."
        );
        assert_eq!(
            refused(format!("{HEADER}\r\n\r\n").as_bytes()),
            "This Daylio export has no entries."
        );
        assert!(
            refused(b"full_date,mood,note\n2024-01-01,meh,x\n").contains("\u{201c}time\u{201d}")
        );
        let old = "year,date,weekday,time,mood,activities,note\n\
                   2018,18 May,Friday,11:54 pm,good,\"cook | music\",\"party\"\n";
        assert!(refused(old.as_bytes()).contains("older version of Daylio"));
        let wide = format!("full_date,time,mood{}\n", ",x".repeat(MAX_COLUMNS));
        assert!(refused(wide.as_bytes()).contains("too many columns"));
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut text = format!("{HEADER}\n");
        for _ in 0..=MAX_ROWS {
            text.push_str("2024-01-01,,,10:00,meh,,,\n");
        }
        assert!(refused(text.as_bytes()).contains("more than 200000 entries"));
    }

    #[test]
    fn recognises_daylio_by_its_header() {
        assert!(looks_like(HEADER.as_bytes()));
        assert!(looks_like(b"\xEF\xBB\xBF\"full_date\",\"mood\"\n"));
        assert!(looks_like(b"\n  full_date,time,mood"));
        assert!(!looks_like(b"date,mood\n"));
        assert!(
            looks_like(b"year,date,weekday,time,mood,activities,note\n"),
            "an export from before 2019 is recognised, to be told what to do"
        );
        assert!(!looks_like(b"{\"format\":\"daybreak-export\"}"));
        assert!(!looks_like(b""));
    }
}
