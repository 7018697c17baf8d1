//! A re-key and sync. A re-key ("Also lock out old copies") gives the journal a new data key,
//! and with it a new sync key: the folder's header and every change file sealed before it no
//! longer open under the new key. So:
//!
//! - **On the computer that re-keys**: a last round under the old key first (what the others
//!   sent is read, what is here goes out), then the journal remembers that its key was renewed
//!   here and marks every record to go out again. The next round replaces the folder's header
//!   with ours (`header::exchange` asks `renewed_here`) and sends the whole journal under the
//!   new key, for the other computers once they join again and for any computer joining later.
//! - **On the others**: the folder's header no longer opens with their key, so their rounds
//!   stop there (Settings asks them to join again). Joining again (`Journal::rejoin_sync_folder`)
//!   opens the folder's header with the passphrase or recovery key, reads what is left under the
//!   old key, re-keys the journal here to the folder's key (nothing here is lost), and sends
//!   everything again under it.

use std::path::Path;

use super::folder::Folder;
use super::{apply, device_id, generation, SyncError, SyncKey};
use crate::store::{settings, Store};
use crate::vault::Session;

/// The setting that says this computer re-keyed the journal and has not yet put its header in
/// the folder. Inside the encrypted journal, like every sync setting; settings do not sync.
const RENEWED_HERE: &str = "sync_key_renewed_here";

/// Whether this computer re-keyed the journal since its last round with the folder.
pub fn renewed_here(store: &Store) -> Result<bool, SyncError> {
    Ok(settings::get(store, RENEWED_HERE)?.is_some())
}

/// The folder's header is ours again (published after the re-key, or it already was).
pub(crate) fn settled(store: &mut Store) -> Result<(), SyncError> {
    Ok(settings::remove(store, RENEWED_HERE)?)
}

fn send_everything_again(store: &mut Store) -> Result<(), SyncError> {
    store.write(super::send::mark_all_to_send_again)?;
    Ok(())
}

/// Before this computer re-keys the journal: a last round under the old key (its failure, a
/// folder out of reach, does not stop the re-key), then the marks the re-keyed copy carries:
/// renewed here, everything to send again. Call before the copy is made.
pub fn before_rekey(session: &mut Session, header_file: &Path, chosen: &Path) {
    let _ = super::sync(session, header_file, chosen);
    let store = session.store_mut();
    let _ = settings::set(store, RENEWED_HERE, "1")
        .map_err(SyncError::from)
        .and_then(|()| send_everything_again(store));
}

/// A re-key that did not happen after `before_rekey`: the journal keeps its key, so the
/// folder's header is still ours and must not be replaced.
pub fn rekey_abandoned(store: &mut Store) {
    let _ = settled(store);
}

/// Before this computer joins the folder's journal again under the folder's key (the journal
/// was re-keyed on another computer): reads what the others sent under the old key and this
/// computer has not read yet (it cannot once re-keyed), and marks every record to go out again
/// and the folder's header generation `generation` as seen. Call before the copy is made.
pub fn before_rejoin(
    session: &mut Session,
    chosen: &Path,
    generation: u64,
) -> Result<(), SyncError> {
    let folder = Folder::in_chosen(chosen);
    let old_key = SyncKey::derive(&session.data_key_copy());
    let store = session.store_mut();
    let own = device_id(store)?;
    // Files sealed under the new key do not open yet: they are read after the re-key.
    apply::receive(store, &old_key, &folder, &own)?;
    generation::set_seen(store, generation)?;
    send_everything_again(store)
}
