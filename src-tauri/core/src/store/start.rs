//! SQLite and SQLCipher started once, before any connection is made.
//!
//! SQLCipher starts inside the process's first `sqlite3_initialize` (its `SQLITE_EXTRA_INIT`),
//! and registers `sqlcipher_export`, which re-keying needs, only at the very end of it, after
//! SQLite already counts as started (SQLCipher 4.20's `sqlcipher_extra_init`). A connection
//! another thread opens in that moment lacks the function for its whole life: CI saw a re-key
//! fail with "no such function: sqlcipher_export" once in some seventy runs, and 64 threads
//! opening at once in a fresh process hit it in about one process in thirty
//! (`tests/sqlite_first_open.rs`). In the app, the journal opened while the library's search
//! index is being built is such a pair. Starting once, with every other caller waiting until
//! it is done, closes the gap. `clippy.toml` refuses rusqlite's own `open` functions anywhere
//! else, so no connection, tests' included, skips the start.

use std::sync::Once;

use rusqlite::Connection;

/// Starts SQLite and SQLCipher for the process the first time; later calls return at once,
/// and calls made meanwhile wait until the start, extensions included, is complete.
pub(crate) fn started() {
    static START: Once = Once::new();
    // Opening a connection runs the whole start on this thread (`sqlite3_initialize`, then
    // SQLCipher's own, extensions included) before it returns; the connection is not needed.
    #[allow(clippy::disallowed_methods)] // the one first opening, the start itself
    START.call_once(|| drop(Connection::open_in_memory()));
}

/// A database in memory (the library's search index), opened once SQLCipher has started.
pub fn open_in_memory() -> rusqlite::Result<Connection> {
    started();
    #[allow(clippy::disallowed_methods)] // after the start, as the lint asks
    Connection::open_in_memory()
}
