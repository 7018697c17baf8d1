//! Where a journal's files live inside its data directory.

use std::path::{Path, PathBuf};

/// The files that make up one journal. The data directory itself comes from the caller
/// (Tauri's path API in the app, `DAYBREAK_DATA_DIR` in tests and portable use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalPaths {
    dir: PathBuf,
}

impl JournalPaths {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The SQLCipher database holding every entry.
    pub fn database(&self) -> PathBuf {
        self.dir.join("journal.db")
    }

    /// The small header that holds the wrapped data key and the KDF parameters.
    pub fn header(&self) -> PathBuf {
        self.dir.join("journal.header")
    }

    /// The header as it was before the last change, kept as a safety copy.
    pub fn previous_header(&self) -> PathBuf {
        self.dir.join("journal.header.prev")
    }
}
