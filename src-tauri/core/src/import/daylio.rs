//! Daylio's CSV export ("Export entries (CSV)"). Being written; the interface is fixed.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::ImportSummary;
use crate::data_error::DataError;

/// A Daylio export, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct DaylioFile {}

/// Whether the bytes start like a Daylio CSV export (its header row).
pub fn looks_like(_bytes: &[u8]) -> bool {
    false
}

pub fn parse(_bytes: &[u8]) -> Result<DaylioFile, DataError> {
    Err(DataError::invalid("Daylio import is not ready yet."))
}

pub fn write(
    _tx: &rusqlite::Transaction<'_>,
    _file: &DaylioFile,
    _now: DateTime<Utc>,
    _tz: Tz,
    _summary: &mut ImportSummary,
) -> Result<(), DataError> {
    Ok(())
}
