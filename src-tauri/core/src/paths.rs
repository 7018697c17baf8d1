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

    /// Where Daybreak before version 0.2 kept a copy of the previous header. Such a copy still
    /// opens with the old passphrase, so it is removed whenever the header is written.
    pub fn previous_header(&self) -> PathBuf {
        self.dir.join("journal.header.prev")
    }

    /// SQLite's write-ahead log and its index, beside the database.
    pub fn database_wal(&self) -> PathBuf {
        let [wal, _] = side_files(&self.database());
        wal
    }

    pub fn database_shm(&self) -> PathBuf {
        let [_, shm] = side_files(&self.database());
        shm
    }

    /// A database and header waiting to replace the journal's (see `vault::swap`).
    pub fn staged_database(&self) -> PathBuf {
        self.dir.join("journal.db.staged")
    }

    pub fn staged_header(&self) -> PathBuf {
        self.dir.join("journal.header.staged")
    }

    /// Present while a staged database and header are being moved into place.
    pub fn swap_marker(&self) -> PathBuf {
        self.dir.join("journal.swap")
    }

    /// Present from a restore until the restored journal's first sync round, which gives it a
    /// sync identity of its own first (`sync::rewind::become_new_computer`). Holds nothing of
    /// the journal.
    pub fn restored_marker(&self) -> PathBuf {
        self.dir.join("journal.restored")
    }

    /// The automatic backups' folder.
    pub fn backups(&self) -> PathBuf {
        self.dir.join("backups")
    }
}

/// The files SQLite keeps beside the database at `db`: its write-ahead log (`-wal`) and the
/// log's index (`-shm`). SQLite finds them by these names, so a log copied to the first one is
/// read as the database's own.
pub fn side_files(db: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}
