//! Opening a SQLCipher connection with the raw data key and the pragmas from the security
//! model. Pragmas live here, outside the migrations, because they belong to the connection.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use zeroize::Zeroizing;

use super::StoreError;
use crate::secret::SecretKey;

/// Builds the value of `PRAGMA key` for a raw key: `x'<64 hex digits>'`. Anything else is
/// refused, because SQLCipher silently treats a malformed raw key as a passphrase and would
/// run its own KDF over it.
pub fn key_pragma_value(hex: &str) -> Result<Zeroizing<String>, StoreError> {
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(StoreError::MalformedKey);
    }
    let mut value = Zeroizing::new(String::with_capacity(67));
    value.push_str("x'");
    value.push_str(hex);
    value.push('\'');
    Ok(value)
}

pub(super) fn open(path: &Path, key: &SecretKey, create: bool) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        // Created here, private (0600), rather than by SQLite with the process's umask; the
        // -wal and -shm files SQLite makes beside it take the same mode. `create_new` also
        // refuses to create a database over an existing file.
        crate::private_files::create_new(path).map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(format!("could not create the database file: {}", e.kind())),
            ))
        })?;
    } else if !path.exists() {
        return Err(StoreError::Missing);
    }
    let conn = keyed(path, key, flags)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA fullfsync = ON;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;",
    )
    .map_err(not_a_database)?;
    Ok(conn)
}

/// Opens a database read-only to check it (a backup being verified or restored): keyed, and
/// nothing else, so not one byte of the file changes (not even the journal mode in its header).
pub(super) fn open_read_only(path: &Path, key: &SecretKey) -> Result<Connection, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing);
    }
    keyed(
        path,
        key,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Opens `path` and hands SQLCipher the raw key; the first read proves the key.
fn keyed(path: &Path, key: &SecretKey, flags: OpenFlags) -> Result<Connection, StoreError> {
    super::started();
    #[allow(clippy::disallowed_methods)] // after the start, as the lint asks
    let conn = Connection::open_with_flags(path, flags).map_err(not_a_database)?;
    // Wipe memory SQLCipher frees; must be set before the key is handed over.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    // The statement holding the key lives in a zeroizing buffer, and SQLite's own copy is
    // wiped when freed (memory security above).
    let value = key_pragma_value(&key.to_hex())?;
    let mut statement = Zeroizing::new(String::with_capacity(80));
    statement.push_str("PRAGMA key = \"");
    statement.push_str(&value);
    statement.push_str("\";");
    conn.execute_batch(&statement)?;
    conn.execute_batch("PRAGMA cipher_compatibility = 4;")?;
    // The first read proves the key: a wrong key or a damaged file fails here.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(not_a_database)?;
    Ok(conn)
}

fn not_a_database(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase
        }
        _ => StoreError::from(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_raw_keys_are_refused() {
        let good = "0123456789abcdef".repeat(4);
        assert!(key_pragma_value(&good).is_ok());
        for bad in [
            good[..63].to_string(),
            format!("{good}0"),
            format!("{}g", &good[..63]),
            format!("{}'", &good[..63]),
            String::new(),
            "correct horse battery staple".to_string(),
        ] {
            assert!(
                matches!(key_pragma_value(&bad), Err(StoreError::MalformedKey)),
                "a malformed raw key must be refused, not passed to SQLCipher as a passphrase"
            );
        }
    }
}
