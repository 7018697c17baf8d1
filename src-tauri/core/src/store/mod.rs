//! The store: one SQLCipher connection per unlocked session, with SQL kept behind typed
//! functions and transactions passed as closures.

pub mod capture;
mod connection;
pub mod hlc;
pub(crate) mod lists;
pub mod migrations;
pub(crate) mod part_time;
pub mod settings;
mod start;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::secret::SecretKey;
pub use connection::key_pragma_value;
pub use start::open_in_memory;
pub(crate) use start::started;

/// Errors from the store. SQLite's own messages name tables and columns, never values, so they
/// carry no journal text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database file could not be read as a Daybreak journal")]
    NotADatabase,
    #[error("the database file is missing")]
    Missing,
    #[error("the database was made by a newer version of Daybreak (schema {found})")]
    NewerSchema { found: i64 },
    #[error("the data key is not in the expected form")]
    MalformedKey,
    /// The disk (or the folder's quota) is full: the write was rolled back, nothing committed
    /// before is lost, and the same write works again once there is space.
    #[error("the disk is full")]
    DiskFull,
    /// A file beside the database could not be created or synced.
    #[error("a file beside the database could not be written ({0})")]
    Io(std::io::ErrorKind),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// A file operation around the database failed; a full disk keeps its own kind.
fn io_failure(e: std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::StorageFull {
        StoreError::DiskFull
    } else {
        StoreError::Io(e.kind())
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            StoreError::DiskFull
        } else {
            StoreError::Sqlite(e)
        }
    }
}

/// The latest change-log stamp stored, read on every open (an index keeps it quick: migration 8).
pub const LATEST_STAMP: &str = "SELECT coalesce(max(hlc), 0) FROM sync_records";

/// An open, keyed, migrated database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The change log's clock and switch, shared with the connection's functions.
    capture: Arc<capture::Capture>,
}

impl Store {
    /// Creates a new encrypted database at `path`, which must not exist yet.
    pub(crate) fn create(path: &Path, key: &SecretKey) -> Result<Self, StoreError> {
        Self::from_connection(connection::open(path, key, true)?)
    }

    /// Opens an existing encrypted database. Never creates one.
    pub(crate) fn open(path: &Path, key: &SecretKey) -> Result<Self, StoreError> {
        Self::from_connection(connection::open(path, key, false)?)
    }

    /// Opens (or creates) an UNENCRYPTED database, only so benchmarks can measure what
    /// encryption costs. Compiled only with the `plaintext-bench` feature; the app never has it.
    #[cfg(feature = "plaintext-bench")]
    pub fn open_plaintext_for_benchmarks(path: &Path) -> Result<Self, StoreError> {
        started();
        #[allow(clippy::disallowed_methods)] // after the start, as the lint asks
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        )?;
        Self::from_connection(conn)
    }

    /// Opens a database only to check it (a backup): no migration, nothing written. Returns
    /// `PRAGMA integrity_check`'s verdict and a few counts for people to recognise it by.
    pub(crate) fn check_copy(
        path: &Path,
        key: &SecretKey,
    ) -> Result<(bool, Vec<(String, i64)>), StoreError> {
        let checked = Self::read_check(path, key);
        // Reading a copy in WAL mode (a journal kept as it was) makes SQLite create its log
        // and index beside it, and a read-only connection leaves them, whatever the check
        // found: the log is empty, since nothing was written, and both go, so no copy leaves
        // files behind.
        let [log, index] = crate::paths::side_files(path);
        if fs::metadata(&log).is_ok_and(|m| m.len() == 0) {
            let _ = fs::remove_file(log);
        }
        let _ = fs::remove_file(index);
        checked
    }

    /// `check_copy`'s reading, through a read-only connection closed on the way out.
    fn read_check(path: &Path, key: &SecretKey) -> Result<(bool, Vec<(String, i64)>), StoreError> {
        let conn = connection::open_read_only(path, key)?;
        let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let mut counts = Vec::new();
        for (label, table) in [
            ("clocks", "clocks"),
            ("slips", "slips"),
            ("check-ins", "check_ins"),
            ("moods", "moods"),
            ("cravings", "cravings"),
            ("journal entries", "journal_entries"),
        ] {
            let exists: bool = conn.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if exists {
                let n: i64 =
                    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                counts.push((label.to_string(), n));
            }
        }
        Ok((verdict == "ok", counts))
    }

    /// Folds the write-ahead log beside the database copy at `path` (its `-wal`) into the
    /// copy, so that the file alone holds every change. SQLite reads the log when the copy is
    /// opened and, once the checkpoint has moved it in, removes it when the copy is closed.
    pub(crate) fn fold_log(path: &Path, key: &SecretKey) -> Result<(), StoreError> {
        let conn = connection::open(path, key, false)?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        conn.close().map_err(|(_, e)| StoreError::from(e))?;
        if busy != 0 {
            return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("the log could not be folded into the copy".into()),
            )));
        }
        Ok(())
    }

    /// A consistent encrypted snapshot (same key) of the live database at `db`, via
    /// `VACUUM INTO`, read through a read-only connection of its own: the journal's connection,
    /// and so the journal, stays free for the window while it is copied (0.2-0.4 s on ten
    /// years; WAL lets the two read and write side by side). `path` must not exist or be
    /// empty; it is created private (0600) first.
    pub(crate) fn snapshot(db: &Path, key: &SecretKey, path: &Path) -> Result<(), StoreError> {
        let reader = connection::open_read_only(db, key)?;
        if !path.exists() {
            crate::private_files::create_new(path).map_err(io_failure)?;
        }
        reader.execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        Ok(())
    }

    /// Copies the whole database into `path` (an existing empty file) encrypted under another
    /// key, with `sqlcipher_export`: the re-key's new file. The schema version goes along.
    pub(crate) fn export_encrypted(&self, path: &Path, key: &SecretKey) -> Result<(), StoreError> {
        let value = connection::key_pragma_value(&key.to_hex())?;
        self.conn.execute(
            "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
            rusqlite::params![path.to_string_lossy(), value.as_str()],
        )?;
        let copied = (|| {
            self.conn
                .execute_batch("PRAGMA rekeyed.cipher_compatibility = 4;")?;
            self.conn
                .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
            let version: i64 = self
                .conn
                .query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
            self.conn
                .execute_batch(&format!("PRAGMA rekeyed.user_version = {version};"))?;
            Ok::<_, rusqlite::Error>(())
        })();
        let detached = self.conn.execute_batch("DETACH DATABASE rekeyed;");
        copied?;
        detached?;
        crate::private_files::sync_file(path).map_err(io_failure)?;
        Ok(())
    }

    fn from_connection(mut conn: Connection) -> Result<Self, StoreError> {
        // Registered before migrating: migration 0006 stamps the records already there.
        let capture = capture::install(&conn)?;
        // Sync reads and writes every kind through its own few statements; the default cache
        // of 16 would prepare them again and again.
        conn.set_prepared_statement_cache_capacity(128);
        migrations::migrate(&mut conn)?;
        // The clock carries on from the latest stamp stored, whatever the wall clock says.
        let latest: i64 = conn.query_row(LATEST_STAMP, [], |r| r.get(0))?;
        capture.observe(latest);
        Ok(Self { conn, capture })
    }

    /// The change log's clock (tests give it a scripted wall clock).
    pub fn capture(&self) -> &capture::Capture {
        &self.capture
    }

    /// Like `write`, with the change log's capture off: for applying changes that came from
    /// another computer, which must not be sent out again as changes made here.
    pub(crate) fn write_uncaptured<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        struct On<'a>(&'a capture::Capture);
        impl Drop for On<'_> {
            fn drop(&mut self) {
                self.0.set_on(true);
            }
        }
        let capture = Arc::clone(&self.capture);
        capture.set_on(false);
        let _on_again = On(&capture);
        self.write(f)
    }

    /// Runs `f` in one write transaction (taken immediately, so it cannot fail halfway on a
    /// lock) and commits when it returns `Ok`. Commits are durable (`synchronous = FULL`).
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in a write transaction and always rolls it back: a rehearsal, so a preview
    /// shows exactly what the real write would do without changing anything.
    pub fn rehearse<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx);
        tx.rollback()?;
        value
    }

    /// Runs read-only work against the connection.
    pub fn read<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E> {
        f(&self.conn)
    }

    /// Folds the WAL back into the database, truncates it, and closes the connection.
    pub(crate) fn close(self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.close().map_err(|(_, e)| StoreError::from(e))
    }
}
