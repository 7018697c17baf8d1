//! A journal behind its own change files. Each computer numbers its change files; the next
//! number is kept in the journal. When the folder already holds a file of ours at or past that
//! number, this copy of the journal is older than what it sent: a backup restored, or a crash
//! between a file put in place and the journal noting it. Those later files hold changes this
//! copy no longer has, and a computer never reads its own files back. A number of ours another
//! copy took while this one was writing (`send::SKIPPED_FROM`), or a sync engine's conflict
//! copy of a file of ours (both copies wrote that number), says the same: two copies write
//! under one id.
//!
//! So such a copy becomes a new computer: it takes a new device id and numbers from 1, and
//! reads its old id's files like another computer's, from the first it did not write. Its
//! changes come back (last writer wins), and no file name is ever written twice.

use super::folder::Folder;
use super::format::{self, SyncKey};
use super::send::{self, SKIPPED_FROM};
use super::SyncError;
use crate::store::Store;

/// Whether the folder holds a change file of ours this journal does not know it wrote (its
/// newest is `newest`), or another copy took one of its numbers.
fn behind(store: &Store, newest: Option<u64>) -> Result<bool, SyncError> {
    if send::twin_noted(store)? {
        return Ok(true);
    }
    let next = send::stored_next(store)?;
    Ok(newest.is_some_and(|seq| seq >= next))
}

/// When this journal is behind its own files, or shares its id with another copy, gives it a
/// new device id, with the old id's files still to be read. Returns whether it did.
pub fn catch_up(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
) -> Result<bool, SyncError> {
    let files = folder.files(own).map_err(SyncError::io)?;
    if let Some(&(lowest, _)) = files.copies.first() {
        // Which of the two files of a number is ours the engine does not say (it keeps the
        // later one under the name), so the new computer reads both, from the lowest such
        // number. And what this journal holds of the copies' records goes out again under the
        // new id: not every engine passes a copy on (Nextcloud's client keeps it on the
        // computer whose file lost), so ours may be the only one.
        let mut records = Vec::new();
        for (seq, name) in &files.copies {
            if let Some(batch) = format::read_sealed(key, &folder.file_of(own, name), own, *seq) {
                records.extend(batch.ops.into_iter().map(|op| op.uuid));
            }
        }
        store.write(|tx| {
            let mut again = tx.prepare("UPDATE sync_records SET pending = 1 WHERE uuid = ?1")?;
            for uuid in &records {
                again.execute([uuid])?;
            }
            send::note_lost(tx, lowest)
        })?;
    }
    if !behind(store, files.numbered.last().copied())? {
        return Ok(false);
    }
    become_new_computer(store)?;
    Ok(true)
}

/// Gives this journal a new device id, numbering its files from 1, with the old id's files it
/// did not write still to be read. For a copy behind its own files (`catch_up`), for a data
/// folder copied by hand (`place::settle`), and for every restored backup before it first
/// sends (`Journal::sync_round`): a backup restored on a second computer while the first goes
/// on is not behind yet (the first has sent nothing new, or it has not arrived), and the two
/// would number their next files alike, of which a sync engine keeps one under each name (the
/// other, at best, as a conflict copy; `apply` reads those, but not every engine keeps one, or
/// passes it on).
pub fn become_new_computer(store: &mut Store) -> Result<(), SyncError> {
    let own = super::device_id(store)?;
    store.write_uncaptured(|tx| {
        // The old id's files are read from the first this copy did not write: it holds what
        // the ones before carry, and reading them again would only cost time (and, for files
        // sealed before a re-key, warnings every round, as they no longer open). That is its
        // next number, or an earlier one another copy under this id took (`SKIPPED_FROM`).
        tx.execute("DELETE FROM sync_applied WHERE device = ?1", [&own])?;
        tx.execute(
            "INSERT INTO sync_progress (device, through)
                 SELECT ?1, min(next_seq, coalesce(
                     (SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?2), next_seq)) - 1
                 FROM sync_local WHERE true
             ON CONFLICT (device) DO UPDATE SET through = excluded.through",
            rusqlite::params![&own, SKIPPED_FROM],
        )?;
        tx.execute("DELETE FROM settings WHERE key = ?1", [SKIPPED_FROM])?;
        tx.execute(
            "UPDATE sync_local SET device_id = replace(sync_uuid(), '-', ''), next_seq = 1",
            [],
        )?;
        Ok::<_, rusqlite::Error>(())
    })?;
    Ok(())
}
