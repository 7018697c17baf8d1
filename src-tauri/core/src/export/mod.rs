//! The open export: everything in the journal as one JSON document, readable by anyone, in a
//! documented and versioned format (README.md, "The open export format"). One serde type per
//! kind (`records`) is what the file holds, what the import reads back and what the spreadsheet
//! export lays out; `read` fills them from the journal.

pub mod read;
pub mod records;

use std::path::{Path, PathBuf};

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use crate::data_error::DataError;
use crate::store::Store;
use crate::words::Language;
pub use records::ExportFile;

pub const FORMAT: &str = "daybreak-export";
/// Version 2 adds every record's uuid (and a slip's triggers, a craving's slip); version 1
/// files still import.
pub const VERSION: u32 = 2;

/// Everything in the journal, as the export's records.
pub fn export(store: &Store, now: DateTime<Utc>) -> Result<ExportFile, DataError> {
    store.read(|conn| {
        Ok(ExportFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: Some(now),
            // Said by the file written (`write_json`), in its language.
            readable_by_anyone: None,
            clocks: read::clocks(conn)?,
            check_ins: read::check_ins(conn)?,
            triggers: read::triggers(conn)?,
            moods: read::moods(conn)?,
            cravings: read::cravings(conn)?,
            journal: read::journal(conn)?,
            people: read::people(conn)?,
            reasons: read::reasons(conn)?,
            relapse_plan: Some(read::plan(conn)?),
            library: Some(read::library(conn)?),
        })
    })
}

/// Writes the export into `dir` under a dated name in `language` that overwrites nothing;
/// returns its path.
pub fn export_to(
    dir: &Path,
    store: &Store,
    now: DateTime<Utc>,
    tz: Zone,
    language: Language,
) -> Result<PathBuf, DataError> {
    write_json(dir, export(store, now)?, now, tz, language)
}

/// Saves an export read with `export` (the slow half, done after the journal is let go), under
/// a name in `language`, with the sentence saying it is not encrypted in `language` too. The
/// records are the same in every language.
pub fn write_json(
    dir: &Path,
    mut export: ExportFile,
    now: DateTime<Utc>,
    tz: Zone,
    language: Language,
) -> Result<PathBuf, DataError> {
    let words = language.words();
    export.readable_by_anyone = Some(words.saved_files.json_not_encrypted.into());
    let text = serde_json::to_string_pretty(&export).expect("JSON serializes");
    crate::export_file::write_new(
        dir,
        words.saved_files.export,
        "json",
        text.as_bytes(),
        crate::data_error::FileAction::SaveExport,
        now,
        tz,
    )
}
