//! Reading other computers' change files and applying them.
//!
//! Per record, the last writer wins by the hybrid logical clock (ties broken by device id;
//! a check-in and an article's state keep the later of each of their parts, `parts.rs`),
//! and a tombstone is a version like any other: it wins over older edits, and an edit made
//! later than the delete (elsewhere, before the delete arrived there) wins over it. Applying
//! a file twice changes nothing, and the order files arrive in does not matter: every computer
//! that has seen the same changes holds the same records.
//!
//! A file that does not open (still being written by a sync engine, cut short, damaged) is
//! skipped with a warning and tried again next round; the files after it are applied anyway,
//! and `sync_progress`/`sync_applied` remember exactly which were.

use rusqlite::{OptionalExtension, Transaction};

use super::folder::Folder;
use super::format::{self, Batch, Op, SyncKey};
use super::kinds;
use super::parked;
use super::parts;
use super::record::{self, Age, RecordError, Written};
use super::{SyncError, SyncWarning};
use crate::store::Store;

/// What one round of receiving did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Received {
    pub files: u32,
    pub changes: u32,
    pub warnings: Vec<SyncWarning>,
    /// Changes still waiting for a record they name.
    pub waiting: u32,
}

impl Received {
    /// Notes a warning once: a number can fail twice in a round (its file, then a conflict
    /// copy of it, or several copies waiting for one kept file), and Settings counts them.
    fn warn(&mut self, warning: SyncWarning) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}

/// The stamp of the version held here (record, tombstone or waiting change) for `uuid`.
fn held(tx: &Transaction<'_>, uuid: &str) -> rusqlite::Result<Option<(i64, String)>> {
    let record = record::version_held(tx, uuid)?;
    let waiting: Option<(i64, String)> = tx
        .prepare_cached("SELECT hlc, device FROM sync_parked WHERE uuid = ?1")?
        .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(record.max(waiting))
}

fn set_version(tx: &Transaction<'_>, op: &Op, tombstone: bool) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)
         ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, hlc = excluded.hlc,
             device = excluded.device, tombstone = excluded.tombstone, pending = 0",
    )?
    .execute(rusqlite::params![
        op.uuid, op.kind, op.hlc, op.device, tombstone
    ])?;
    tx.prepare_cached("DELETE FROM sync_parked WHERE uuid = ?1")?
        .execute([&op.uuid])?;
    Ok(())
}

/// Applies one change if it is newer than what is here. Returns whether it changed anything
/// (applied or set aside to wait).
pub(crate) fn apply_op(tx: &Transaction<'_>, op: &Op) -> Result<bool, RecordError> {
    if let Some((hlc, device)) = held(tx, &op.uuid)? {
        if (op.hlc, op.device.as_str()) <= (hlc, device.as_str()) {
            // Older: it loses, but for a part of a record it wrote later (`parts.rs`).
            return apply_older(tx, op);
        }
    }
    let Some(kind) = kinds::kind(&op.kind) else {
        // A kind from a newer Daybreak on another computer: nothing here can hold it yet. It
        // waits with the others, so this Daybreak applies it once updated (its file counts
        // as read), and goes on in this computer's snapshots.
        parked::park(tx, op)?;
        return Ok(true);
    };
    let Some(fields) = &op.record else {
        record::remove(tx, kind, &op.uuid)?;
        set_version(tx, op, true)?;
        return Ok(true);
    };
    // `write` resolves every reference before it changes anything, so a change that has to
    // wait leaves no trace but its place in `sync_parked`.
    match record::write(tx, kind, &op.uuid, fields, (op.hlc, &op.device), Age::Newer) {
        Ok(Written::Applied | Written::Gone | Written::NothingLater) => set_version(tx, op, false)?,
        Ok(Written::Waiting) => parked::park(tx, op)?,
        Err(e) => return Err(e),
    }
    Ok(true)
}

/// A change older than the version held here, of a kind with parts: it still brings each part it
/// wrote later than the row here did. Whether the row changed. Any other older change changes
/// nothing.
fn apply_older(tx: &Transaction<'_>, op: &Op) -> Result<bool, RecordError> {
    let Some(kind) = kinds::kind(&op.kind).filter(|kind| parts::has_parts(kind)) else {
        return Ok(false);
    };
    // Not for an older delete, nor a record deleted here since.
    let Some(fields) = &op.record else {
        return Ok(false);
    };
    if !record::is_here(tx, kind, &op.uuid)? {
        return Ok(false);
    }
    // Older than `held`, which counts a change waiting in `sync_parked` as well as the record's
    // version: the kinds with parts name no other record, so none of theirs ever waits there.
    let written = record::write(tx, kind, &op.uuid, fields, (op.hlc, &op.device), Age::Older)?;
    Ok(written == Written::Applied)
}

/// Applies a batch: what others point at first (kinds in order), then by clock.
pub(crate) fn apply_batch(tx: &Transaction<'_>, ops: &mut [Op]) -> Result<u32, RecordError> {
    Ok(apply_batch_until(tx, ops, &|| true)?.expect("told to go on, it never stops"))
}

/// How many changes are applied between two asks whether to go on: about a tenth of a second
/// of work (the ten-year journal's snapshot, 21,918 changes, is joined from in 2.9 s).
const CHANGES_PER_ASK: usize = 1_000;

/// `apply_batch`, asking `keep_going` before each kind and every `CHANGES_PER_ASK` changes
/// of one: `None` when it says no, with part of the batch applied, for the caller to roll
/// back. Applying one kind's changes in parts is the same as in one: the parts are in clock
/// order, and a record changed twice goes in and is changed again either way (`apply_kind`).
fn apply_batch_until(
    tx: &Transaction<'_>,
    ops: &mut [Op],
    keep_going: &dyn Fn() -> bool,
) -> Result<Option<u32>, RecordError> {
    ops.sort_by(|a, b| {
        (kinds::order(&a.kind), a.hlc, &a.device).cmp(&(kinds::order(&b.kind), b.hlc, &b.device))
    });
    let mut changed = 0;
    for same_kind in ops.chunk_by(|a, b| a.kind == b.kind) {
        for part in same_kind.chunks(CHANGES_PER_ASK) {
            if !keep_going() {
                return Ok(None);
            }
            changed += apply_kind(tx, part)?;
        }
    }
    Ok(Some(changed))
}

/// Applies the changes of one kind. Records new here (no row, no version held) whose
/// references all resolve go in together (`record::insert_new` says why); the rest (edits,
/// tombstones, changes that wait or whose required record is gone, the kinds with a house
/// rule) one by one. Nothing of one kind points at another record of the same kind, so
/// putting the new ones in after the others changes nothing.
fn apply_kind(tx: &Transaction<'_>, ops: &[Op]) -> Result<u32, RecordError> {
    let Some(kind) = ops.first().and_then(|op| kinds::kind(&op.kind)) else {
        // A kind from a newer Daybreak: each change waits (`apply_op`).
        let mut set_aside = 0;
        for op in ops {
            set_aside += u32::from(apply_op(tx, op)?);
        }
        return Ok(set_aside);
    };
    let together = record::insertable_together(kind);
    let mut new: Vec<(&Op, record::Row)> = Vec::new();
    let mut changed = 0;
    for op in ops {
        // The same record twice in one batch (sorted by clock): the earlier change goes in
        // first, as it would alone, and the later one then applies over it. Dropping the
        // earlier one instead lost the record where the later change has to wait (a snapshot
        // holds a record and a newer change of it waiting for a record it names).
        if let Some(at) = new.iter().position(|(queued, _)| queued.uuid == op.uuid) {
            let (queued, row) = new.remove(at);
            record::insert_new(tx, kind, std::slice::from_ref(&row))?;
            set_version(tx, queued, false)?;
            changed += 1;
        }
        if let (true, Some(fields)) = (together, &op.record) {
            if held(tx, &op.uuid)?.is_none() && !record::is_here(tx, kind, &op.uuid)? {
                if let record::Prepared::Ready(row) = record::prepare(tx, kind, &op.uuid, fields)? {
                    new.push((op, row));
                    continue;
                }
            }
        }
        if apply_op(tx, op)? {
            changed += 1;
        }
    }
    let (ops_in, rows): (Vec<&Op>, Vec<record::Row>) = new.into_iter().unzip();
    record::insert_new(tx, kind, &rows)?;
    for op in &ops_in {
        set_version(tx, op, false)?;
    }
    Ok(changed + ops_in.len() as u32)
}

/// Tries the waiting changes again until none moves.
fn retry_waiting(tx: &Transaction<'_>) -> Result<u32, RecordError> {
    loop {
        let mut ops = parked::all(tx)?;
        if ops.is_empty() {
            return Ok(0);
        }
        tx.execute("DELETE FROM sync_parked", [])?;
        apply_batch(tx, &mut ops)?;
        let still: u32 = tx.query_row("SELECT count(*) FROM sync_parked", [], |r| r.get(0))?;
        if still as usize == ops.len() {
            return Ok(parked::waiting_for_records(tx)?);
        }
    }
}

fn applied(store: &Store, device: &str) -> rusqlite::Result<(u64, Vec<u64>)> {
    store.read(|conn| {
        let through: i64 = conn
            .query_row(
                "SELECT through FROM sync_progress WHERE device = ?1",
                [device],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let extra = conn
            .prepare("SELECT seq FROM sync_applied WHERE device = ?1")?
            .query_map([device], |r| r.get::<_, i64>(0))?
            .map(|seq| seq.map(|s| s as u64))
            .collect::<Result<Vec<u64>, _>>()?;
        let through = through as u64;
        Ok((through, extra))
    })
}

fn mark_applied(tx: &Transaction<'_>, device: &str, seq: u64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO sync_applied (device, seq) VALUES (?1, ?2)",
        rusqlite::params![device, seq as i64],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO sync_progress (device, through) VALUES (?1, 0)",
        [device],
    )?;
    // Move `through` over the files now applied without a gap, and forget them one by one.
    loop {
        let next: i64 = tx.query_row(
            "SELECT through + 1 FROM sync_progress WHERE device = ?1",
            [device],
            |r| r.get(0),
        )?;
        let removed = tx.execute(
            "DELETE FROM sync_applied WHERE device = ?1 AND seq = ?2",
            rusqlite::params![device, next],
        )?;
        if removed == 0 {
            return Ok(());
        }
        tx.execute(
            "UPDATE sync_progress SET through = ?2 WHERE device = ?1",
            rusqlite::params![device, next],
        )?;
    }
}

/// The names of `device`'s conflict copies applied here.
fn applied_copies(store: &Store, device: &str) -> rusqlite::Result<Vec<String>> {
    store.read(|conn| {
        conn.prepare("SELECT name FROM sync_applied_copies WHERE device = ?1")?
            .query_map([device], |r| r.get(0))?
            .collect()
    })
}

/// Applies every change in `batch`, one file's (or a conflict copy's, with the file kept
/// under its number), with `mark` noting it read in the same transaction. Returns whether it
/// did: one that does not apply is tried again next round.
fn apply_file(
    store: &mut Store,
    mut batch: Batch,
    received: &mut Received,
    mark: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<()>,
) -> Result<bool, SyncError> {
    // Every change in the file is applied, whoever wrote it: a device sends again the records
    // others wrote last when it sends its whole journal (to a new folder, after a re-key, under
    // a fresh id after a send cut short), each with its writer's id, and the writer may never
    // send again. The last writer wins by each change's own clock and id, so a change lands
    // the same from any file.
    for op in &batch.ops {
        store.capture().observe(op.hlc);
    }
    let changed = store.write_uncaptured(|tx| {
        let changed = apply_batch(tx, &mut batch.ops)?;
        mark(tx)?;
        Ok::<_, SyncError>(changed)
    });
    match changed {
        Ok(changed) => {
            received.files += 1;
            received.changes += changed;
            Ok(true)
        }
        Err(SyncError::Record) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether no file of any other computer has been applied here yet (a computer joining).
fn applied_nothing(store: &Store) -> rusqlite::Result<bool> {
    store.read(|conn| {
        conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM sync_progress WHERE through > 0)
                AND NOT EXISTS (SELECT 1 FROM sync_applied)",
            [],
            |r| r.get(0),
        )
    })
}

/// Applies a snapshot whole (every computer's changes in it) and takes what it covers as
/// this computer's progress, so only the files after it are read. One that does not apply is
/// left: its file is then read like any change file, and the log does the rest. Told to stop
/// on the way (a lock asked during the seconds a big one takes), it leaves nothing of it.
fn apply_snapshot(
    store: &mut Store,
    mut snapshot: Batch,
    own: &str,
    received: &mut Received,
    keep_going: &dyn Fn() -> bool,
) -> Result<(), SyncError> {
    let covers = snapshot.covers.take().unwrap_or_default();
    for op in &snapshot.ops {
        store.capture().observe(op.hlc);
    }
    let changed = store.write_uncaptured(|tx| {
        let changed =
            apply_batch_until(tx, &mut snapshot.ops, keep_going)?.ok_or(SyncError::Stopped)?;
        for (device, through) in covers.iter().filter(|(device, _)| *device != own) {
            tx.execute(
                "INSERT INTO sync_progress (device, through) VALUES (?1, ?2)
                 ON CONFLICT (device) DO UPDATE SET through = max(through, excluded.through)",
                rusqlite::params![device, *through as i64],
            )?;
            tx.execute(
                "DELETE FROM sync_applied WHERE device = ?1 AND seq <= ?2",
                rusqlite::params![device, *through as i64],
            )?;
        }
        Ok::<_, SyncError>(changed)
    });
    match changed {
        Ok(changed) => {
            received.files += 1;
            received.changes += changed;
            Ok(())
        }
        Err(SyncError::Record) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Reads and applies every change file from other computers not applied yet.
pub fn receive(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
) -> Result<Received, SyncError> {
    receive_until(store, key, folder, own, &|| true)
}

/// `receive`, asking `keep_going` before each file (and, in a snapshot, every
/// `CHANGES_PER_ASK` changes): when it says no (a lock was asked), stops there with
/// `SyncError::Stopped`. Each file applied so far is committed and noted with it, so the next
/// round goes on from the file this one did not read; a snapshot cut short leaves nothing.
pub fn receive_until(
    store: &mut Store,
    key: &SyncKey,
    folder: &Folder,
    own: &str,
    keep_going: &dyn Fn() -> bool,
) -> Result<Received, SyncError> {
    let stop_unless_going = || {
        if keep_going() {
            Ok(())
        } else {
            Err(SyncError::Stopped)
        }
    };
    let mut received = Received::default();
    if applied_nothing(store)? {
        stop_unless_going()?;
        if let Some(snapshot) = super::snapshot::newest(key, folder, own) {
            apply_snapshot(store, snapshot, own, &mut received, keep_going)?;
        }
    }
    for device in folder.devices().map_err(SyncError::io)? {
        if device == own {
            continue;
        }
        let files = folder.files(&device).map_err(SyncError::io)?;
        let (through, extra) = applied(store, &device)?;
        let unreadable = |seq| SyncWarning::Unreadable {
            device: device.clone(),
            seq,
        };
        let read = |seq| seq <= through || extra.contains(&seq);
        for seq in files.numbered {
            if read(seq) {
                continue;
            }
            stop_unless_going()?;
            let file = folder.change_file(&device, seq);
            let mark = |tx: &Transaction<'_>| mark_applied(tx, &device, seq);
            let applied = match format::read_sealed(key, &file, &device, seq) {
                Some(batch) => apply_file(store, batch, &mut received, mark)?,
                None => false,
            };
            if !applied {
                received.warn(unreadable(seq));
            }
        }
        // A conflict copy is read once, whatever `through` says: it holds changes no numbered
        // file does, and may arrive long after the file of its number was read (or a snapshot
        // said it was). What is read is asked again: the loop above may have read that number.
        if files.copies.is_empty() {
            continue;
        }
        let (through, extra) = applied(store, &device)?;
        let read = |seq| seq <= through || extra.contains(&seq);
        let copies_read = applied_copies(store, &device)?;
        for (seq, name) in files.copies {
            if copies_read.contains(&name) {
                continue;
            }
            stop_unless_going()?;
            let copy = folder.file_of(&device, &name);
            let Some(mut batch) = format::read_sealed(key, &copy, &device, seq) else {
                // Not warned about once its number is read: a copy sealed before a re-key
                // never opens again. It is tried again each round all the same.
                if !read(seq) {
                    received.warn(unreadable(seq));
                }
                continue;
            };
            if read(seq) {
                // The number was read, but maybe not from the file the engine kept under it:
                // this computer may have read the losing file before the engine set it aside,
                // or (a copy that took a new id for another reason, moved or restored, while it
                // shared this one) counted the kept file as its own. So the kept file goes in
                // with the copy. The engine sets the loser aside a moment before it puts the
                // kept one in place: until that is there and whole, the copy waits, counted as
                // a file not readable yet, so a kept file that never opens is not waited on
                // unseen.
                let kept = folder.change_file(&device, seq);
                let Some(kept) = format::read_sealed(key, &kept, &device, seq) else {
                    received.warn(unreadable(seq));
                    continue;
                };
                batch.ops.extend(kept.ops);
            }
            let mark = |tx: &Transaction<'_>| {
                tx.execute(
                    "INSERT OR IGNORE INTO sync_applied_copies (device, name) VALUES (?1, ?2)",
                    [&device, &name],
                )
                .map(drop)
            };
            if !apply_file(store, batch, &mut received, mark)? {
                received.warn(unreadable(seq));
            }
        }
    }
    received.waiting = store.write_uncaptured(|tx| Ok::<_, SyncError>(retry_waiting(tx)?))?;
    Ok(received)
}
