//! Sync between a person's computers through a folder a sync engine keeps in step (Syncthing,
//! a cloud drive's folder, a USB stick carried between them). No server, no account, and
//! nothing readable in the folder: every file is sealed under a key derived from the journal's
//! data key.
//!
//! - **Identity**: every record has a UUID (migration 0006), random or derived from a natural
//!   key where two computers must agree without talking (`store/capture.rs`).
//! - **Change log**: SQLite triggers mark every changed record in `sync_records` (the outbox
//!   and the per-record clock) in the same transaction as the change, stamped by a hybrid
//!   logical clock (`store/hlc.rs`). They live in the store because the store's own writes
//!   call them, and `sync` builds on the store, not the other way round.
//! - **Sending** (`send.rs`): pending records, read as they are now, sealed into immutable,
//!   padded change files `daybreak-sync/<device>/<seq>` (`format.rs`, `folder.rs`).
//! - **Receiving** (`apply.rs`): other computers' files, last writer wins per record,
//!   tombstones are versions too, idempotent, in any order; a file that does not open is
//!   skipped with a warning and tried again; per-device progress is kept in the database.
//!   Changes that cannot go in yet wait (`parked.rs`). A sync engine's conflict copy of a
//!   change file (two copies under one id wrote one number) is read once too (`folder.rs`).
//! - **Header** (`header.rs`): the journal's header (the wrapped data key) with a generation,
//!   so a passphrase change on one computer reaches the others, and a new computer can join.
//! - **The chosen folder** (`chosen.rs`): kept inside the encrypted journal, per computer. A
//!   round with a folder that is away (gone, or without the header it had: an empty mount
//!   point) reads and writes nothing there (`SyncError::FolderAway`).
//! - **Joining** (`join.rs`): a new computer opens the folder's header with the passphrase or
//!   the recovery key and starts an empty journal, marked to be rebuilt until a round has read
//!   what the folder holds (the app does that round inside an unlock, if it is still owed).
//! - **A re-key** (`rekeyed.rs`): the computer that re-keys puts the new key's header in the
//!   folder and sends everything again; the others join again under it.
//! - **A journal behind its own files** (`rewind.rs`, a restored backup): it becomes a new
//!   computer and reads its old files back. So does a data folder copied by hand onto another
//!   computer or into another folder (`place.rs`).
//! - **What Settings shows** (`overview.rs`): the computers seen, what waits.
//!
//! The journal's side (`journal/syncing.rs`: a round, choosing and stopping, joining through
//! the throttle) is what the app calls; when rounds run (on unlock, every minute, when the
//! folder changes, on "Sync now") is the shell's (`src-tauri/src/sync.rs`). The README's "Sync
//! between your computers" says what is and is not there.

pub mod apply;
pub mod chosen;
pub mod folder;
pub mod format;
pub mod generation;
pub mod header;
pub mod join;
pub mod kinds;
pub mod overview;
pub mod parked;
mod parts;
pub mod place;
pub mod record;
pub mod rekeyed;
pub mod rewind;
pub mod send;
pub mod snapshot;

use std::path::Path;

use crate::store::{Store, StoreError};
use crate::vault::Session;
pub use apply::Received;
pub use folder::Folder;
pub use format::SyncKey;

/// Something in the folder that could not be used this round; nothing in it is journal text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncWarning {
    /// Change file `seq` of `device` did not open or apply (maybe still being written); it is
    /// tried again next round.
    Unreadable { device: String, seq: u64 },
    /// The folder's header could not be read or is not this journal's.
    Header,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the sync folder could not be read or written ({0:?})")]
    Io(std::io::ErrorKind),
    #[error("the chosen folder is not there")]
    FolderAway,
    #[error("a lock was asked: the round stopped before reading everything")]
    Stopped,
    #[error("a change does not fit this journal")]
    Record,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    pub(crate) fn io(e: std::io::Error) -> Self {
        Self::Io(e.kind())
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(StoreError::from(e))
    }
}

impl From<record::RecordError> for SyncError {
    fn from(e: record::RecordError) -> Self {
        match e {
            record::RecordError::Malformed => Self::Record,
            record::RecordError::Sqlite(e) => Self::from(e),
        }
    }
}

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub sent_files: u32,
    pub received: Received,
    /// The folder's header was newer (a passphrase changed elsewhere) and replaced ours.
    pub header_adopted: bool,
}

/// This computer's device id.
pub fn device_id(store: &Store) -> Result<String, SyncError> {
    Ok(store.read(|c| c.query_row("SELECT device_id FROM sync_local", [], |r| r.get(0)))?)
}

/// One round with the folder inside `chosen`: the header, then this computer's changes out,
/// then the others' in. When the folder's header is not this journal's (another journal, or
/// this one before a re-key), the round stops there with `SyncWarning::Header`.
pub fn sync(
    session: &mut Session,
    header_file: &Path,
    chosen: &Path,
) -> Result<SyncReport, SyncError> {
    sync_until(session, header_file, chosen, &|| true)
}

/// Puts this journal's header in the folder inside `chosen` at once, without the rest of a
/// round (see `header::publish`): after a passphrase change or a re-key, so that the folder's
/// copy of the old header (and with it the old passphrase) does not wait there for the next
/// round, which may come only after the next unlock.
pub fn publish_header(
    session: &mut Session,
    header_file: &Path,
    chosen: &Path,
) -> Result<(), SyncError> {
    chosen::present(chosen)?;
    let data_key = session.data_key_copy();
    header::publish(
        session.store_mut(),
        &data_key,
        header_file,
        &Folder::in_chosen(chosen),
    )
}

/// `sync`, reading the others' files only while `keep_going` says so (`apply::receive_until`):
/// a round catching up on much (a computer joining, or away a long time) stops between two
/// files, or inside a snapshot (which is then left whole, not applied), when a lock is asked,
/// so the lock does not wait for the whole round. Sending is not cut short (its files are
/// noted as sent together, once all are written). A round that read the folder through clears
/// the join's mark (`join::rebuilt`).
pub fn sync_until(
    session: &mut Session,
    header_file: &Path,
    chosen: &Path,
    keep_going: &dyn Fn() -> bool,
) -> Result<SyncReport, SyncError> {
    // The chosen folder away: nothing is read, and nothing is written where it was, which
    // would make it again.
    chosen::present(chosen)?;
    let folder = Folder::in_chosen(chosen);
    let data_key = session.data_key_copy();
    let key = SyncKey::derive(&data_key);
    let Some(header_adopted) =
        header::exchange(session.store_mut(), &data_key, header_file, &folder)?
    else {
        // Another journal's folder, or ours from before a re-key: nothing is read or written.
        let mut report = SyncReport::default();
        report.received.warnings.push(SyncWarning::Header);
        return Ok(report);
    };
    let store = session.store_mut();
    chosen::mark_in_use(store)?;
    let own = device_id(store)?;
    let own = if rewind::catch_up(store, &key, &folder, &own)? {
        device_id(store)?
    } else {
        own
    };
    let sent_files = send::send(store, &key, &folder, &own)?;
    if sent_files > 0 {
        snapshot::after_sending(store, &key, &folder, &own)?;
    }
    let received = apply::receive_until(store, &key, &folder, &own, keep_going)?;
    join::rebuilt(store)?;
    Ok(SyncReport {
        sent_files,
        received,
        header_adopted,
    })
}
