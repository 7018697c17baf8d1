//! Sending: the outbox's pending records, read as they are now, sealed into change files.
//!
//! The outbox holds one row per record (`sync_records`, `pending = 1`) rather than one per
//! write: a record edited five times before the next round travels once, in its latest state,
//! with its latest stamp, which is all "the last writer wins" needs. A row is marked sent only
//! after its file is linked into place and synced, and only if it was not changed again
//! meanwhile; a crash in between sends it again next time, which applying twice allows.

use rusqlite::{Connection, OptionalExtension};

use super::folder::Folder;
use super::format::{self, Batch, Op, SyncKey};
use super::kinds;
use super::record;
use super::SyncError;
use crate::store::{settings, Store};

/// At most this many changes per file, so one file stays small enough to retry cheaply.
pub const OPS_PER_FILE: usize = 500;

/// Set by a re-key here or a new folder (`mark_all_to_send_again`, a per-computer setting): the
/// next sending carries the changes waiting here too (`sync_parked`). Those otherwise reach
/// another computer only in a snapshot or in their writer's own files, which a computer joining
/// after a re-key cannot open, and which a new folder does not hold.
pub(crate) const RESEND_WAITING: &str = "sync_resend_waiting";

/// Marks the whole journal to be sent again, with the changes waiting here (`RESEND_WAITING`):
/// for a folder whose other files cannot be read by a computer joining it (a re-key's, or a
/// new folder's).
pub(crate) fn mark_all_to_send_again(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("UPDATE sync_records SET pending = 1", [])?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [RESEND_WAITING],
    )?;
    Ok(())
}

/// Reads the pending changes, oldest first, with the waiting ones after a re-key; and whether
/// those are in.
fn pending(store: &Store) -> Result<(Vec<Op>, bool), SyncError> {
    Ok(store.read(|conn| {
        let mut ops = ops_where(conn, "pending = 1 ORDER BY hlc")?;
        let with_waiting = conn
            .query_row(
                "SELECT 1 FROM settings WHERE key = ?1",
                [RESEND_WAITING],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if with_waiting {
            ops.extend(super::parked::all(conn)?);
        }
        Ok::<_, rusqlite::Error>((ops, with_waiting))
    })?)
}

/// The change-log rows matching `filter` (an SQL condition on `sync_records`, with any
/// ordering) as changes, each with its record as it is now, or as a tombstone. The sending
/// and the snapshot share it.
pub(super) fn ops_where(conn: &Connection, filter: &str) -> rusqlite::Result<Vec<Op>> {
    let rows: Vec<(String, String, i64, String, bool)> = conn
        .prepare(&format!(
            "SELECT uuid, kind, hlc, device, tombstone FROM sync_records WHERE {filter}"
        ))?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut ops = Vec::with_capacity(rows.len());
    for (uuid, kind_name, hlc, device, tombstone) in rows {
        let record = match kinds::kind(&kind_name) {
            Some(kind) if !tombstone => record::read(conn, kind, &uuid)?,
            _ => None,
        };
        if !tombstone && record.is_none() {
            // Gone without a tombstone of its own (removed with a record it required): the
            // other computers remove it the same way.
            continue;
        }
        ops.push(Op {
            uuid,
            kind: kind_name,
            hlc,
            device,
            record,
        });
    }
    Ok(ops)
}

/// Writes every pending change into new change files of `own`. Returns how many files.
pub fn send(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
) -> Result<u32, SyncError> {
    let (mut ops, with_waiting) = pending(store)?;
    if ops.is_empty() {
        if with_waiting {
            // Nothing to carry: the mark is done with.
            store
                .write(|tx| tx.execute("DELETE FROM settings WHERE key = ?1", [RESEND_WAITING]))?;
        }
        return Ok(0);
    }
    ops.sort_by_key(|a| (kinds::order(&a.kind), a.hlc));
    let first = stored_next(store)?;
    let mut seq = next_seq(first, folder, own)?;
    let mut written = Vec::new();
    for chunk in ops.chunks(OPS_PER_FILE) {
        let batch = Batch {
            ops: chunk.to_vec(),
            covers: None,
        };
        let took = write_numbered(key, folder, own, seq, &batch)?;
        written.push(took);
        seq = took + 1;
    }
    // Every file is linked into place and synced: only now is anything marked sent, in one
    // commit (one fsync, not one per file).
    store.write(|tx| {
        let mut sent =
            tx.prepare_cached("UPDATE sync_records SET pending = 0 WHERE uuid = ?1 AND hlc = ?2")?;
        for op in &ops {
            sent.execute(rusqlite::params![op.uuid, op.hlc])?;
        }
        tx.execute("UPDATE sync_local SET next_seq = ?1", [seq as i64])?;
        note_skipped(tx, first, &written)?;
        if with_waiting {
            tx.execute("DELETE FROM settings WHERE key = ?1", [RESEND_WAITING])?;
        }
        count_sent(tx, ops.len())
    })?;
    Ok(written.len() as u32)
}

/// How many changes this computer has sent since its last snapshot (a per-computer setting).
pub(crate) const SENT_SINCE: &str = "sync_snapshot_sent_since";

/// Adds `sent` to the changes sent since the last snapshot, in the transaction that marks
/// them sent (`snapshot::after_sending` reads it; a snapshot sets it back to 0).
fn count_sent(tx: &rusqlite::Transaction<'_>, sent: usize) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value",
        rusqlite::params![SENT_SINCE, sent.to_string()],
    )?;
    Ok(())
}

/// The number after the last file this journal noted it wrote.
pub(crate) fn stored_next(store: &Store) -> Result<u64, SyncError> {
    Ok(store.read(|c| {
        c.query_row("SELECT next_seq FROM sync_local", [], |r| {
            r.get::<_, i64>(0)
        })
        .optional()
        .map(|n| n.unwrap_or(1) as u64)
    })?)
}

/// The number this computer's next file takes: after what it wrote (`stored_next`) and what
/// is on disk.
pub(crate) fn next_seq(stored_next: u64, folder: &Folder, own: &str) -> Result<u64, SyncError> {
    let on_disk = folder.sequence(own).map_err(SyncError::io)?;
    Ok(stored_next.max(on_disk.last().map_or(1, |last| last + 1)))
}

/// The lowest number under this computer's id that another copy of the journal wrote: two
/// copies under one id (made by hand before copies noted their place, or where no machine id
/// can be read), one file of the other's arriving between this round's catch-up check and its
/// write, or both writing one number, of which the sync engine kept one and set the other
/// aside as a conflict copy (`rewind::catch_up` notes it). A per-computer setting: the next
/// catch-up makes this journal a computer of its own, which must still read that file though
/// it is below its next number (`rewind`).
pub(crate) const SKIPPED_FROM: &str = "sync_skipped_from";

/// Whether a number lost to another copy is noted (`SKIPPED_FROM`).
pub(crate) fn twin_noted(store: &Store) -> Result<bool, SyncError> {
    Ok(settings::get(store, SKIPPED_FROM)?.is_some())
}

/// Notes, in the transaction that records the files written from number `first` on, the
/// first number among them another copy had taken.
pub(crate) fn note_skipped(
    tx: &rusqlite::Transaction<'_>,
    first: u64,
    written: &[u64],
) -> rusqlite::Result<()> {
    let mut expected = first;
    for &took in written {
        if took != expected {
            return note_lost(tx, expected);
        }
        expected = took + 1;
    }
    Ok(())
}

/// Notes that another copy under this id wrote number `seq` (`SKIPPED_FROM` keeps the lowest).
pub(crate) fn note_lost(tx: &rusqlite::Transaction<'_>, seq: u64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE
         SET value = min(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        rusqlite::params![SKIPPED_FROM, seq.to_string()],
    )?;
    Ok(())
}

/// Seals `batch` and writes it as file `seq` of `own`, or the next free number; returns the
/// number it took.
pub(crate) fn write_numbered(
    key: &SyncKey,
    folder: &Folder,
    own: &str,
    mut seq: u64,
    batch: &Batch,
) -> Result<u64, SyncError> {
    // Another copy of this journal under this id used the number: take the next.
    while !write_at(key, folder, own, seq, batch)? {
        seq += 1;
    }
    Ok(seq)
}

/// Seals `batch` and writes it as file `seq` of `own`; `false` when another copy of this
/// journal has a file of that number already.
pub(crate) fn write_at(
    key: &SyncKey,
    folder: &Folder,
    own: &str,
    seq: u64,
    batch: &Batch,
) -> Result<bool, SyncError> {
    match folder.write_change(own, seq, &format::seal(key, own, seq, batch)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(SyncError::io(e)),
    }
}
