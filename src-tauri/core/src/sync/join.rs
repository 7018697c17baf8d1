//! Joining: a computer with no journal yet, pointed at a sync folder another computer fills,
//! opens the folder's header with the passphrase (or the recovery key), keeps that header as
//! its own, creates an empty database under the same data key, and rebuilds the journal from
//! every change file in the folder.

use std::path::Path;

use super::folder::Folder;
use super::{header, SyncError, SyncReport};
use crate::secret::DataKey;
use crate::store::{settings, Store};
use crate::vault::{Secret, Session, Vault, VaultError};

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("there is already a journal on this computer")]
    AlreadyExists,
    #[error("the folder holds no Daybreak journal to join")]
    NoJournal,
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

/// Joins the journal synced through the folder inside `chosen`, opening it with `secret`.
/// Returns the open session and what the first round brought in.
pub fn join(
    vault: &Vault,
    chosen: &Path,
    secret: &Secret<'_>,
) -> Result<(Session, SyncReport), JoinError> {
    if vault.exists()? {
        return Err(JoinError::AlreadyExists);
    }
    let (data_key, journal_header) = open_folder_header(chosen, secret)?;
    let mut session = start_journal(vault, &data_key, &journal_header)?;
    let report = super::sync(&mut session, &vault.paths().header(), chosen)?;
    Ok((session, report))
}

/// The first half of joining, and the only one that checks the secret (the app runs it
/// through its throttle): the data key and the journal header from the folder inside
/// `chosen`. Reads one small file and writes nothing.
pub fn open_folder_header(
    chosen: &Path,
    secret: &Secret<'_>,
) -> Result<(DataKey, Vec<u8>), JoinError> {
    let folder = Folder::in_chosen(chosen);
    let bytes = folder
        .read_header()
        .map_err(SyncError::io)?
        .ok_or(JoinError::NoJournal)?;
    let (_, journal_header) = header::split(&bytes).ok_or(JoinError::NoJournal)?;
    // The costly step (Argon2id); a wrong secret stops here and nothing is written.
    let data_key = crate::vault::data_key_from_header(journal_header, secret)?;
    if !header::verify(&data_key, &bytes) {
        return Err(JoinError::NoJournal);
    }
    Ok((data_key, journal_header.to_vec()))
}

/// The second half: keeps `journal_header` as this computer's header and creates an empty
/// database under `data_key`, opened. The first round then rebuilds the journal.
pub fn start_journal(
    vault: &Vault,
    data_key: &DataKey,
    journal_header: &[u8],
) -> Result<Session, JoinError> {
    if vault.exists()? {
        return Err(JoinError::AlreadyExists);
    }
    let paths = vault.paths();
    crate::private_files::create_dir(paths.dir()).map_err(SyncError::io)?;
    // The header first, as creating a journal does: a crash before the database exists leaves
    // a journal that says it is missing its database, never a database nobody can open.
    crate::vault::atomic::replace_file(&paths.header(), journal_header, "join-header")
        .map_err(SyncError::io)?;
    Store::create(&paths.database(), data_key)
        .and_then(Store::close)
        .map_err(SyncError::from)?;
    let mut session = vault.open_with_data_key(data_key)?;
    settings::set(session.store_mut(), REBUILD_PENDING, "1").map_err(SyncError::from)?;
    Ok(session)
}

/// The setting that says this computer joined the folder's journal and no round has rebuilt it
/// here yet: the join's own round did not run (a lock asked while the key was derived left the
/// journal locked) or did not finish (the folder out of reach). Inside the encrypted journal;
/// settings do not sync.
const REBUILD_PENDING: &str = "sync_join_rebuild_pending";

/// Whether this journal was joined and not rebuilt yet (`REBUILD_PENDING`).
pub fn awaits_rebuild(store: &Store) -> Result<bool, SyncError> {
    Ok(settings::get(store, REBUILD_PENDING)?.is_some())
}

/// A round read the folder through: whatever a join left to rebuild is rebuilt. (Read first,
/// so the rounds of every minute do not each write.)
pub(crate) fn rebuilt(store: &mut Store) -> Result<(), SyncError> {
    if !awaits_rebuild(store)? {
        return Ok(());
    }
    Ok(settings::remove(store, REBUILD_PENDING)?)
}
