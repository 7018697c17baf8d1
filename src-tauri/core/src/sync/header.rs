//! The sync folder's header: the journal's own header (the data key, wrapped under the
//! passphrase and the recovery key) with a generation counter, so that a passphrase changed
//! on one computer reaches the others, and a new computer can join with the passphrase alone.
//!
//! ```text
//! magic "DBSYNCHD" (8) | generation u64 LE | journal header | mac [32]
//! ```
//!
//! The MAC is keyed BLAKE2b under a subkey of the data key (not the header MAC's subkey), so
//! only someone holding the data key can write a header another computer adopts; the journal
//! header inside carries its own MAC too, checked again before it replaces ours.

use blake2::digest::{consts::U32, FixedOutput, Mac, Update};

use super::folder::Folder;
use super::generation::{seen, set_seen};
use super::SyncError;
use crate::secret::SecretKey;
use crate::store::Store;
use crate::vault::header::Header;

const MAGIC: &[u8; 8] = b"DBSYNCHD";
const MAC_LEN: usize = 32;

fn mac_state(data_key: &SecretKey) -> blake2::Blake2bMac<U32> {
    let mut derive = blake2::Blake2bMac::<U32>::new_with_salt_and_personal(
        data_key.as_bytes(),
        &[],
        b"daybreak-synchdr",
    )
    .expect("a 32-byte key and a short persona are valid for BLAKE2b");
    Update::update(&mut derive, b"sync header mac key");
    let key = zeroize::Zeroizing::new(<[u8; 32]>::from(derive.finalize_fixed()));
    blake2::Blake2bMac::<U32>::new_with_salt_and_personal(&key[..], &[], b"dbsync-header")
        .expect("valid BLAKE2b parameters")
}

/// Seals the journal header `header` as generation `generation`.
pub fn encode(data_key: &SecretKey, generation: u64, header: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + 8 + header.len() + MAC_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&generation.to_le_bytes());
    out.extend_from_slice(header);
    let mut mac = mac_state(data_key);
    Update::update(&mut mac, &out);
    out.extend_from_slice(&mac.finalize_fixed());
    out
}

/// The generation and the journal header inside a sync header, without checking the MAC
/// (a joining computer has no data key yet: it unwraps the header first, then `verify`).
pub fn split(bytes: &[u8]) -> Option<(u64, &[u8])> {
    if bytes.len() < 16 + MAC_LEN || &bytes[..8] != MAGIC {
        return None;
    }
    let generation = u64::from_le_bytes(bytes[8..16].try_into().ok()?);
    Some((generation, &bytes[16..bytes.len() - MAC_LEN]))
}

/// Whether the sync header's MAC verifies under `data_key`.
pub fn verify(data_key: &SecretKey, bytes: &[u8]) -> bool {
    if bytes.len() < 16 + MAC_LEN {
        return false;
    }
    let (body, tag) = bytes.split_at(bytes.len() - MAC_LEN);
    let mut mac = mac_state(data_key);
    Update::update(&mut mac, body);
    mac.verify_slice(tag).is_ok()
}

/// Brings the folder's header and this journal's (`header_file`) in step: publishes ours when
/// the folder has none or ours changed since we last saw the folder's; takes the folder's when
/// it is a newer generation that verifies under our data key; replaces the folder's with ours
/// when this computer re-keyed the journal since (`rekeyed`). `Some(true)` when ours was
/// replaced; `None` when the folder's header is not this journal's (then nothing is touched).
pub fn exchange(
    store: &mut Store,
    data_key: &SecretKey,
    header_file: &std::path::Path,
    folder: &Folder,
) -> Result<Option<bool>, SyncError> {
    bring_in_step(store, data_key, header_file, folder, Take::Newer)
}

/// `exchange`, but never taking the folder's header: for right after a passphrase change or a
/// re-key here. A newer header from another computer (its own passphrase change) is left for
/// the round, which takes it and says so (`SyncReport::header_adopted`, which Settings shows),
/// instead of undoing this computer's change unseen.
pub fn publish(
    store: &mut Store,
    data_key: &SecretKey,
    header_file: &std::path::Path,
    folder: &Folder,
) -> Result<(), SyncError> {
    bring_in_step(store, data_key, header_file, folder, Take::Never).map(drop)
}

/// Whether bringing the headers in step may replace ours with the folder's newer one.
#[derive(PartialEq)]
enum Take {
    Newer,
    Never,
}

fn bring_in_step(
    store: &mut Store,
    data_key: &SecretKey,
    header_file: &std::path::Path,
    folder: &Folder,
    take: Take,
) -> Result<Option<bool>, SyncError> {
    let local = std::fs::read(header_file).map_err(SyncError::io)?;
    let seen = seen(store)?;
    let Some(bytes) = folder.read_header().map_err(SyncError::io)? else {
        // The folder held this journal's header before and has lost it: most likely an empty
        // mount point where a share or drive is not mounted. Nothing is written there (it
        // would reach no other computer, and what went in would count as sent); choosing the
        // folder again starts afresh.
        if super::chosen::in_use(store)? {
            return Err(SyncError::FolderAway);
        }
        let generation = seen + 1;
        folder
            .write_header(&encode(data_key, generation, &local))
            .map_err(SyncError::io)?;
        set_seen(store, generation)?;
        return Ok(Some(false));
    };
    let Some((generation, theirs)) = split(&bytes) else {
        return Ok(None);
    };
    if !verify(data_key, &bytes) {
        if !super::rekeyed::renewed_here(store)? {
            return Ok(None);
        }
        // Ours, from before this computer re-keyed the journal: the new key's header takes
        // its place, a generation past anything seen (see `rekeyed`).
        let next = generation.max(seen) + 1;
        folder
            .write_header(&encode(data_key, next, &local))
            .map_err(SyncError::io)?;
        set_seen(store, next)?;
        super::rekeyed::settled(store)?;
        return Ok(Some(false));
    }
    if super::rekeyed::renewed_here(store)? {
        super::rekeyed::settled(store)?;
    }
    if theirs == local.as_slice() {
        if generation != seen {
            set_seen(store, generation)?;
        }
        return Ok(Some(false));
    }
    if generation > seen {
        if take == Take::Never {
            return Ok(Some(false));
        }
        let adopted = Header::decode(theirs)
            .ok()
            .filter(|h| h.verify_mac(data_key))
            .is_some();
        if !adopted {
            return Ok(None);
        }
        crate::vault::atomic::replace_file(header_file, theirs, "sync-header")
            .map_err(SyncError::io)?;
        set_seen(store, generation)?;
        return Ok(Some(true));
    }
    // Ours changed here since we last saw the folder's (a passphrase change): publish it.
    let next = generation.max(seen) + 1;
    folder
        .write_header(&encode(data_key, next, &local))
        .map_err(SyncError::io)?;
    set_seen(store, next)?;
    Ok(Some(false))
}
