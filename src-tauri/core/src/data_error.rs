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
    /// A file could not be read or written. `action` says what, with the file's path (the
    /// person's own), and `reason` why; neither ever holds journal text.
    #[error("could not {action}: {reason}")]
    Io { action: String, reason: String },
    /// No space left while writing a file (a backup, an export, a report).
    #[error("the disk is full")]
    DiskFull,
    /// A backup that is not whole, not a Daybreak backup, or not this journal's.
    #[error("{}", .0.sentence())]
    DamagedBackup(BackupProblem),
    /// The passphrase (or recovery key) given does not open this backup.
    #[error("that {} didn't open this backup", if *recovery_key { "recovery key" } else { "passphrase" })]
    WrongBackupSecret { recovery_key: bool },
    /// Stopped before the end (by the person, or because the journal locked); nothing was left
    /// behind.
    #[error("{0} was cancelled")]
    Cancelled(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong with a backup file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupProblem {
    NotABackup,
    /// Cut short or changed: its checksum does not match.
    Incomplete,
    /// Its key file does not decode.
    KeyFile,
    /// Its journal does not open or fails the integrity check.
    Journal,
    /// It opens, but was made from another journal.
    OtherJournal,
}

impl BackupProblem {
    pub fn sentence(self) -> &'static str {
        match self {
            BackupProblem::NotABackup => "this file is not a Daybreak backup",
            BackupProblem::Incomplete => "this backup is incomplete or damaged",
            BackupProblem::KeyFile => "this backup's key file is damaged",
            BackupProblem::Journal => "this backup's journal is damaged",
            BackupProblem::OtherJournal => "this backup does not belong to this journal",
        }
    }
}

impl DataError {
    pub fn invalid(message: impl Into<String>) -> Self {
        DataError::Invalid(message.into())
    }

    /// A failed file operation: `action` is what was being done, e.g. "write the backup to
    /// /home/a/b.dbk". A full disk becomes `DiskFull`, whatever the action.
    pub fn io(action: impl Into<String>, e: &std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::StorageFull {
            DataError::DiskFull
        } else {
            DataError::Io {
                action: action.into(),
                reason: io_reason(e),
            }
        }
    }
}

/// The operating system's reason in plain words, without the raw error text (which can be
/// long or technical).
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "it isn't there".into(),
        PermissionDenied => "Daybreak isn't allowed to use it".into(),
        AlreadyExists => "a file with that name is already there".into(),
        ReadOnlyFilesystem => "that place is read-only".into(),
        kind => kind.to_string(),
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
