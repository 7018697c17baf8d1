//! Snapshots: the whole journal as one file, so a computer joining late reads it and the
//! change files after it instead of every change since the start.
//!
//! A snapshot is a change file like any other (`format.rs`): the next number in its writer's
//! folder, sealed under the same key and associated data, padded, written under a temp name
//! and linked into place, never changed; its name says nothing a change file's does not.
//! Inside, it holds every record with its clock (tombstones too, and changes still waiting for
//! a record), and `covers`: for each computer, the last of its files whose changes the snapshot holds
//! (every file up to it; for the writer, the snapshot itself).
//!
//! Because it is a change file, a computer already in step reads it once like any other (its
//! writer's own changes in it are already applied, so nothing changes). Only a computer that
//! has applied nothing yet looks for the newest snapshot (`newest`): it applies it whole,
//! takes `covers` as its progress, and reads only the files after. A snapshot that does not
//! open (half-written, damaged) is passed over for an older one, or for the log. Old change
//! files stay: no computer deletes another's files, and a computer in step never needs them.
//!
//! **When one is written** (`after_sending`): at the end of a round that sent changes, once
//! this computer has sent, since its last snapshot, at least as many changes as half the
//! records a snapshot would hold, and at least one full change file's worth. So the log a
//! joining computer reads after the newest snapshot is never much longer than the snapshot
//! itself, and snapshots come rarely: a big journal sent for the first time gets one at once
//! (the ten-year journal's 21,918 changes), a journal written to a few times a day every few
//! years. Only changes this computer sent count, so two computers do not both snapshot the
//! same changes.

use std::collections::BTreeMap;
use std::path::Path;

use super::folder::Folder;
use super::format::{self, Batch, Op, SyncKey};
use super::{send, SyncError};

use crate::store::Store;
use crate::vault::Session;

/// Writes a snapshot when the rule above says so, given the changes sent since the last one
/// (counted by `send`). Returns its number.
pub(crate) fn after_sending(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
) -> Result<Option<u64>, SyncError> {
    let sent_since: u64 = store
        .read(|c| {
            c.query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1), 0)",
                [send::SENT_SINCE],
                |r| r.get::<_, i64>(0),
            )
        })?
        .max(0) as u64;
    let records: i64 = store.read(|c| {
        c.query_row("SELECT count(*) FROM sync_records WHERE hlc > 0", [], |r| {
            r.get(0)
        })
    })?;
    if sent_since < (records.max(0) as u64 / 2).max(send::OPS_PER_FILE as u64) {
        return Ok(None);
    }
    write(store, key, folder, own)
}

/// Writes a snapshot of the whole journal now, whatever the rule says (tests, and a person's
/// journal that has not reached the rule's size never needs one). Returns its number.
pub fn write_now(session: &mut Session, chosen: &Path) -> Result<u64, SyncError> {
    let key = SyncKey::derive(&session.data_key_copy());
    let store = session.store_mut();
    let own = super::device_id(store)?;
    write(store, &key, &Folder::in_chosen(chosen), &own)?
        .ok_or_else(|| SyncError::io(std::io::ErrorKind::AlreadyExists.into()))
}

/// Writes the snapshot as this journal's next file; `None` when another copy under this id
/// has a file at or past that number (`send::SKIPPED_FROM`). Its `covers` would then claim
/// the other's file, which a computer joining from it would never read; the next round's
/// catch-up parts the two, and a later round writes the snapshot.
fn write(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
) -> Result<Option<u64>, SyncError> {
    let seq = send::stored_next(store)?;
    if send::twin_noted(store)? || send::next_seq(seq, folder, own)? != seq {
        return Ok(None);
    }
    let (ops, mut covers) = whole(store)?;
    covers.insert(own.to_string(), seq);
    let batch = Batch {
        ops,
        covers: Some(covers),
    };
    if !send::write_at(key, folder, own, seq, &batch)? {
        return Ok(None);
    }
    store.write(|tx| {
        tx.execute("UPDATE sync_local SET next_seq = ?1", [seq as i64 + 1])?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, '0')
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [send::SENT_SINCE],
        )?;
        Ok::<_, rusqlite::Error>(())
    })?;
    Ok(Some(seq))
}

/// Every record here as a change (tombstones too), the changes still waiting, and how far
/// each other computer's files are applied.
fn whole(store: &Store) -> Result<(Vec<Op>, BTreeMap<String, u64>), SyncError> {
    let found = store.read(|conn| {
        // Stamped 0: built-ins as shipped, the same everywhere.
        let mut ops = send::ops_where(conn, "hlc > 0")?;
        ops.extend(super::parked::all(conn)?);
        let covers = conn
            .prepare("SELECT device, through FROM sync_progress WHERE through > 0")?
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<Result<BTreeMap<_, _>, _>>()?;
        Ok::<_, rusqlite::Error>((ops, covers))
    })?;
    Ok(found)
}

/// The newest snapshot in the folder that opens, by another computer than `own`: for each
/// computer, its files are read from the last one back until a snapshot opens; of those, the
/// one covering the most files wins.
pub(crate) fn newest(key: &SyncKey, folder: &Folder, own: &str) -> Option<Batch> {
    let mut best: Option<(u64, Batch)> = None;
    for device in folder.devices().ok()? {
        if device == own {
            continue;
        }
        let Ok(seqs) = folder.sequence(&device) else {
            continue;
        };
        for seq in seqs.into_iter().rev() {
            let file = folder.change_file(&device, seq);
            let Some(batch) = format::read_sealed(key, &file, &device, seq) else {
                continue;
            };
            let Some(covers) = &batch.covers else {
                continue;
            };
            let reach: u64 = covers.values().sum();
            if best.as_ref().is_none_or(|(most, _)| reach > *most) {
                best = Some((reach, batch));
            }
            break;
        }
    }
    best.map(|(_, batch)| batch)
}
