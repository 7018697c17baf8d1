//! The change log's machinery inside SQLite: application-defined functions that the triggers
//! of migration 0006 call, so that every write to a record table appends to the outbox
//! (`sync_records`) in the same transaction, whichever write path made it.
//!
//! Why triggers, not an explicit append in each domain's write: a dozen modules write records
//! (moods, cravings, the timeline's purge, merges of triggers, imports, ...), and an append
//! forgotten in one of them would be a change that never reaches the other computers, found
//! only by a person missing an entry. A trigger cannot be forgotten, commits or rolls back with
//! the write, and costs one small row insert (the benchmark "record" measures it).
//!
//! - `sync_uuid()`: a random UUID (version 4) for a new record.
//! - `sync_name_uuid(kind, key)`: a UUID derived from a natural key (a day, a built-in
//!   trigger's key, an emotion's name), so two computers name the same thing alike.
//! - `sync_hlc()`: the next hybrid-logical-clock stamp (`hlc.rs`), from the wall clock.
//! - `sync_capture()`: 1 normally, 0 while changes from another computer are being applied.
//! - `sync_set_capture(on)`: turns capture on or off and returns what it was, for a write that
//!   the change log already holds (a new record's list, `lists.rs`).

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use blake2::digest::{consts::U16, FixedOutput, Update};
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use super::hlc::Hlc;

/// Where the clock's milliseconds come from: the wall clock in the app, a script in tests.
pub type WallClock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// State shared between a connection's functions and its `Store`.
pub struct Capture {
    hlc: Mutex<Hlc>,
    on: AtomicBool,
    wall: Mutex<WallClock>,
}

impl fmt::Debug for Capture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Capture")
            .field("on", &self.on.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl Capture {
    fn new() -> Self {
        Self {
            hlc: Mutex::new(Hlc::default()),
            on: AtomicBool::new(true),
            wall: Mutex::new(Arc::new(|| crate::clock::now_utc().timestamp_millis())),
        }
    }

    fn hlc(&self) -> std::sync::MutexGuard<'_, Hlc> {
        self.hlc.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next stamp for a change made here.
    pub fn tick(&self) -> i64 {
        let wall = self.wall.lock().unwrap_or_else(|e| e.into_inner()).clone();
        self.hlc().tick(wall())
    }

    /// Moves the clock past a stamp seen in a change from elsewhere (or stored earlier).
    pub fn observe(&self, stamp: i64) {
        self.hlc().observe(stamp);
    }

    pub fn set_wall_clock(&self, wall: WallClock) {
        *self.wall.lock().unwrap_or_else(|e| e.into_inner()) = wall;
    }

    pub(crate) fn set_on(&self, on: bool) {
        self.on.store(on, Ordering::SeqCst);
    }
}

/// Registers the functions on `conn`; returns the state they share.
pub(super) fn install(conn: &Connection) -> rusqlite::Result<Arc<Capture>> {
    let capture = Arc::new(Capture::new());
    conn.create_scalar_function("sync_uuid", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok(random_uuid())
    })?;
    conn.create_scalar_function(
        "sync_name_uuid",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let kind: String = ctx.get(0)?;
            let key: String = ctx.get(1)?;
            Ok(name_uuid(&kind, &key))
        },
    )?;
    let hlc = Arc::clone(&capture);
    conn.create_scalar_function("sync_hlc", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(hlc.tick())
    })?;
    let on = Arc::clone(&capture);
    conn.create_scalar_function("sync_capture", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(on.on.load(Ordering::SeqCst))
    })?;
    let set = Arc::clone(&capture);
    conn.create_scalar_function(
        "sync_set_capture",
        1,
        FunctionFlags::SQLITE_UTF8,
        move |ctx| Ok(set.on.swap(ctx.get::<bool>(0)?, Ordering::SeqCst)),
    )?;
    Ok(capture)
}

/// A random version-4 UUID, lower-case with dashes.
pub fn random_uuid() -> String {
    let mut bytes = [0u8; 16];
    crate::secret::fill_random(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format_uuid(&bytes)
}

/// A UUID derived from a kind and a natural key (BLAKE2b, version 8 "custom" bits set), the
/// same on every computer.
pub fn name_uuid(kind: &str, key: &str) -> String {
    let mut hash = blake2::Blake2b::<U16>::default();
    Update::update(&mut hash, b"daybreak record id\0");
    Update::update(&mut hash, kind.as_bytes());
    Update::update(&mut hash, b"\0");
    Update::update(&mut hash, key.as_bytes());
    let mut bytes: [u8; 16] = hash.finalize_fixed().into();
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format_uuid(&bytes)
}

fn format_uuid(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_usual_shape_and_name_uuids_are_stable() {
        let a = random_uuid();
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4", "version 4");
        assert_ne!(a, random_uuid());
        assert_eq!(
            name_uuid("check_in", "2026-01-02"),
            name_uuid("check_in", "2026-01-02")
        );
        assert_ne!(
            name_uuid("check_in", "2026-01-02"),
            name_uuid("emotion", "2026-01-02")
        );
        assert_eq!(&name_uuid("emotion", "sad")[14..15], "8", "version 8");
    }
}
