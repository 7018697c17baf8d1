//! Which folder this computer syncs through: the one the person chose, kept inside the
//! encrypted journal (in the plain settings file it would tell anyone looking that Daybreak
//! syncs, and where). Settings are not synced, so each computer keeps its own.

use std::path::{Path, PathBuf};

use super::folder::Folder;
use super::SyncError;
use crate::data_error::{DataError, Refusal};
use crate::store::{settings, Store, StoreError};

const KEY: &str = "sync_chosen_folder";
/// Set once this journal's header has been in the chosen folder (cleared when another folder
/// is chosen): from then on a folder without it is one that is away, not a new one.
const IN_USE: &str = "sync_chosen_folder_in_use";

/// The chosen folder, or `None` when this computer does not sync.
pub fn get(store: &Store) -> Result<Option<PathBuf>, StoreError> {
    Ok(settings::get(store, KEY)?
        .filter(|p| !p.is_empty())
        .map(PathBuf::from))
}

/// Remembers `chosen` (or forgets it: `None`, stop syncing; the journal stays whole).
pub fn set(store: &mut Store, chosen: Option<&Path>) -> Result<(), StoreError> {
    settings::remove(store, IN_USE)?;
    match chosen {
        Some(path) => settings::set(store, KEY, &path.to_string_lossy()),
        None => settings::remove(store, KEY),
    }
}

/// Whether this journal's header has been in the chosen folder (`IN_USE`).
pub(crate) fn in_use(store: &Store) -> Result<bool, StoreError> {
    Ok(settings::get(store, IN_USE)?.is_some())
}

/// Notes that this journal's header is in the chosen folder (written once).
pub(crate) fn mark_in_use(store: &mut Store) -> Result<(), StoreError> {
    if in_use(store)? {
        return Ok(());
    }
    settings::set(store, IN_USE, "1")
}

/// Whether the chosen folder is there to sync through: `FolderAway` when it is not (a stick
/// not plugged in, a network or cloud folder not mounted, the folder deleted); a folder that
/// cannot be looked at for another reason (no permission) is an I/O error of that kind.
pub fn present(chosen: &Path) -> Result<(), SyncError> {
    match std::fs::metadata(chosen) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(SyncError::io(e)),
        _ => Err(SyncError::FolderAway),
    }
}

/// The folder as it will be kept: an existing folder, its path made absolute and plain, that
/// neither lies inside the journal's own folder nor holds it (a sync engine must never see the
/// live database, and Daybreak must not sync into itself).
pub fn check(chosen: &Path, journal_dir: &Path) -> Result<PathBuf, DataError> {
    let folder = std::fs::canonicalize(chosen)
        .ok()
        .filter(|p| p.is_dir())
        .ok_or(DataError::NotFound("folder"))?;
    let journal = std::fs::canonicalize(journal_dir).unwrap_or_else(|_| journal_dir.into());
    if folder.starts_with(&journal) || journal.starts_with(&folder) {
        return Err(DataError::Refused(Refusal::SyncFolderInside));
    }
    Ok(folder)
}

/// When this journal has been in a sync folder before and `chosen` has no sync folder yet,
/// marks every record to be sent again (and the changes waiting here), so the new folder gets
/// the whole journal and not only what changes from now on. In a folder before: a record is
/// already there (sent from here, or received: `pending = 0`), a change waits here, or this
/// computer has sent files. Not by the file numbers alone: a restored journal numbers its
/// files from 1 again (`rewind::become_new_computer`).
pub fn prepare(store: &mut Store, chosen: &Path) -> Result<(), DataError> {
    let fresh = Folder::in_chosen(chosen)
        .read_header()
        .map_err(|e| DataError::io("read the sync folder", &e))?
        .is_none();
    let sent_before: bool = store.read(|c| {
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_records WHERE pending = 0)
                 OR EXISTS (SELECT 1 FROM sync_parked)
                 OR (SELECT next_seq > 1 FROM sync_local)",
            [],
            |r| r.get(0),
        )
    })?;
    if fresh && sent_before {
        store.write(super::send::mark_all_to_send_again)?;
    }
    Ok(())
}
