//! Importing other people's data into the journal: Daybreak's own open export (`daybreak`) and
//! a Daylio CSV export (`daylio`).
//!
//! Every format is read in two steps: `parse` turns the bytes into plain records (pure, no
//! store; this is what the fuzz targets exercise) and `write` puts them into one transaction,
//! skipping what is already there. A preview runs the very same `write` and rolls it back, so
//! what the preview shows is what the import does. A file that fails anywhere imports nothing.

pub mod daybreak;
pub mod daylio;

use crate::zone::Zone;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::data_error::{DataError, Refusal};
use crate::store::Store;

/// Files larger than this are refused before parsing.
pub const MAX_BYTES: usize = 200 * 1024 * 1024;

/// The formats Daybreak can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Daybreak's own JSON export.
    Daybreak,
    /// Daylio's "Export entries (CSV)".
    Daylio,
}

/// New and already-present entries of one kind ("moods", "journal entries", ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    pub kind: String,
    pub added: i64,
    pub already_there: i64,
}

/// What an import added (or, in a preview, would add), in total and kind by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub added: i64,
    pub already_there: i64,
    /// In the order first met; kinds with nothing in the file are left out.
    pub kinds: Vec<KindCount>,
}

impl ImportSummary {
    /// Counts one entry of `kind`: new (`added`) or skipped as already there.
    pub fn count(&mut self, kind: &str, added: bool) {
        let entry = match self.kinds.iter_mut().position(|k| k.kind == kind) {
            Some(i) => &mut self.kinds[i],
            None => {
                self.kinds.push(KindCount {
                    kind: kind.to_string(),
                    added: 0,
                    already_there: 0,
                });
                self.kinds.last_mut().expect("just pushed")
            }
        };
        if added {
            entry.added += 1;
            self.added += 1;
        } else {
            entry.already_there += 1;
            self.already_there += 1;
        }
    }

    /// The count for one kind, for tests and summaries.
    pub fn of(&self, kind: &str) -> Option<&KindCount> {
        self.kinds.iter().find(|k| k.kind == kind)
    }
}

/// What a preview shows before anything is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub format: Format,
    pub summary: ImportSummary,
}

/// A file parsed into records, ready to be written.
pub enum Parsed {
    Daybreak(Box<crate::export::ExportFile>),
    Daylio(daylio::DaylioFile),
}

/// Recognises the format from the content (not the file name) and parses it.
pub fn parse(bytes: &[u8]) -> Result<Parsed, DataError> {
    if bytes.len() > MAX_BYTES {
        return Err(DataError::Refused(Refusal::FileTooBig {
            max_mb: (MAX_BYTES / (1024 * 1024)) as u32,
        }));
    }
    // A byte-order mark, as some editors save JSON with: not part of the content.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() || bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DataError::Refused(Refusal::EmptyFile));
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    if bytes[start] == b'{' {
        daybreak::parse(bytes).map(|f| Parsed::Daybreak(Box::new(f)))
    } else if daylio::looks_like(bytes) {
        daylio::parse(bytes).map(Parsed::Daylio)
    } else {
        Err(DataError::Refused(Refusal::UnknownImport))
    }
}

fn write(
    tx: &rusqlite::Transaction<'_>,
    parsed: &Parsed,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ImportSummary, DataError> {
    let mut summary = ImportSummary::default();
    match parsed {
        Parsed::Daybreak(file) => daybreak::write(tx, file, now, &mut summary)?,
        Parsed::Daylio(file) => daylio::write(tx, file, now, tz, &mut summary)?,
    }
    Ok(summary)
}

fn format_of(parsed: &Parsed) -> Format {
    match parsed {
        Parsed::Daybreak(_) => Format::Daybreak,
        Parsed::Daylio(_) => Format::Daylio,
    }
}

/// What importing `bytes` would do; changes nothing.
pub fn preview(
    store: &mut Store,
    bytes: &[u8],
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ImportPreview, DataError> {
    let parsed = parse(bytes)?;
    let summary = store.rehearse(|tx| write(tx, &parsed, now, tz))?;
    Ok(ImportPreview {
        format: format_of(&parsed),
        summary,
    })
}

/// Imports `bytes` in one transaction: everything, or (on any error) nothing.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ImportSummary, DataError> {
    let parsed = parse(bytes)?;
    store.write(|tx| write(tx, &parsed, now, tz))
}
