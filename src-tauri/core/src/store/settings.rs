//! Journal settings: small values stored encrypted inside the journal itself.

use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreError};

/// Stores `value` under `key`, replacing what was there.
pub fn set(store: &mut Store, key: &str, value: &str) -> Result<(), StoreError> {
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )?;
        Ok(())
    })
}

/// Removes what is stored under `key`, if anything.
pub fn remove(store: &mut Store, key: &str) -> Result<(), StoreError> {
    store.write(|tx| {
        tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    })
}

/// The value stored under `key`, if any.
pub fn get(store: &Store, key: &str) -> Result<Option<String>, StoreError> {
    store.read(|conn: &Connection| {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    })
}
