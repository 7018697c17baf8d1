//! The error every data operation (clocks, slips, check-ins, ...) returns: input a person can
//! correct, something that no longer exists, or the store failing. Messages are written for
//! people and never quote what they wrote.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// Input that breaks a rule; the message says what to change.
    #[error("{0}")]
    Invalid(String),
    /// What was asked for is not there (deleted meanwhile, or a stale id).
    #[error("that {0} no longer exists")]
    NotFound(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DataError {
    pub fn invalid(message: impl Into<String>) -> Self {
        DataError::Invalid(message.into())
    }
}

impl From<rusqlite::Error> for DataError {
    fn from(e: rusqlite::Error) -> Self {
        DataError::Store(StoreError::from(e))
    }
}

/// An update or delete that matched no row: the entry is gone (deleted meanwhile, or a stale
/// id), which people are told as "that ... no longer exists".
pub(crate) fn found(changed: usize, what: &'static str) -> Result<(), DataError> {
    if changed == 0 {
        Err(DataError::NotFound(what))
    } else {
        Ok(())
    }
}

/// Milliseconds since the epoch, as instants are stored.
pub(crate) fn to_millis(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}

/// The stored form back to an instant. Out-of-range values cannot come from `to_millis`; they
/// would mean a damaged row, which is reported as a store error rather than a panic.
pub(crate) fn from_millis(ms: i64) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_millis(ms)
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(0, ms))
}
