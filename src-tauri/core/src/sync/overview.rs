//! What Settings → Use on two computers shows about the folder: the computers seen there and
//! when each last sent something, and what waits. Counts and times only: no journal text, and
//! no device ids (they mean nothing to a person; the page numbers the other computers).

use chrono::{DateTime, Utc};

use super::folder::Folder;
use super::{device_id, SyncError};
use crate::store::Store;

/// A computer with change files in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComputerSeen {
    pub this_computer: bool,
    /// When its newest change file was written (as the sync engine kept it), if it has one.
    pub last_sent: Option<DateTime<Utc>>,
    /// Its change files in the folder.
    pub files: u64,
    /// Of those, the ones this computer has read (its own count as read).
    pub files_read: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    /// This computer first, then the others in a fixed order.
    pub computers: Vec<ComputerSeen>,
    /// Changes made here that have not gone into the folder yet.
    pub to_send: u64,
    /// Changes from another computer that wait for a record not here yet.
    pub waiting_for_records: u64,
    /// The folder is away or could not be listed (a drive unplugged, a network share gone): no
    /// computers are listed, and what waits is counted from the journal alone.
    pub folder_unreadable: bool,
}

fn count(store: &Store, sql: &str, device: Option<&str>) -> Result<u64, SyncError> {
    Ok(store.read(|c| match device {
        Some(d) => c.query_row(sql, [d], |r| r.get::<_, i64>(0)),
        None => c.query_row(sql, [], |r| r.get::<_, i64>(0)),
    })? as u64)
}

fn last_sent(folder: &Folder, device: &str, newest: Option<u64>) -> Option<DateTime<Utc>> {
    let modified = std::fs::metadata(folder.change_file(device, newest?))
        .and_then(|m| m.modified())
        .ok()?;
    Some(DateTime::<Utc>::from(modified))
}

/// Whether a change made here has not gone into the folder yet (asked every few seconds by
/// the shell: one lookup in the outbox's index of pending changes).
pub fn anything_to_send(store: &Store) -> Result<bool, SyncError> {
    Ok(store.read(|c| {
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_records WHERE pending = 1)",
            [],
            |r| r.get(0),
        )
    })?)
}

/// The folder inside `chosen` as this journal sees it. A folder away or that cannot be listed
/// is said in the overview, not as an error: what waits here is still known, and the page that
/// shows it still offers "Sync now" and "Stop syncing". (Read as empty, a folder away would
/// list this computer as one that has sent nothing.)
pub fn read(store: &Store, chosen: &std::path::Path) -> Result<Overview, SyncError> {
    let folder = Folder::in_chosen(chosen);
    let (computers, folder_unreadable) =
        match there(store, chosen, &folder).and_then(|()| computers(store, &folder)) {
            Ok(computers) => (computers, false),
            Err(SyncError::Io(_) | SyncError::FolderAway) => (Vec::new(), true),
            Err(e) => return Err(e),
        };
    Ok(Overview {
        computers,
        to_send: count(
            store,
            "SELECT count(*) FROM sync_records WHERE pending = 1",
            None,
        )?,
        waiting_for_records: store.read(super::parked::waiting_for_records)? as u64,
        folder_unreadable,
    })
}

/// Whether the folder is there as the rounds see it (`header.rs`): the chosen folder present,
/// and, once this journal's header went in, still holding one (an empty mount point, where a
/// drive or share is not mounted, does not).
fn there(store: &Store, chosen: &std::path::Path, folder: &Folder) -> Result<(), SyncError> {
    super::chosen::present(chosen)?;
    if folder.read_header().map_err(SyncError::io)?.is_none() && super::chosen::in_use(store)? {
        return Err(SyncError::FolderAway);
    }
    Ok(())
}

/// The computers with change files in `folder`, this one first.
fn computers(store: &Store, folder: &Folder) -> Result<Vec<ComputerSeen>, SyncError> {
    let own = device_id(store)?;
    let mut devices = folder.devices().map_err(SyncError::io)?;
    if !devices.contains(&own) {
        devices.push(own.clone());
    }
    let mut computers = Vec::with_capacity(devices.len());
    for device in &devices {
        let sequence = folder.sequence(device).map_err(SyncError::io)?;
        let files = sequence.len() as u64;
        let this_computer = *device == own;
        let files_read = if this_computer {
            files
        } else {
            let through = count(
                store,
                "SELECT coalesce((SELECT through FROM sync_progress WHERE device = ?1), 0)",
                Some(device),
            )?;
            let after_gaps = count(
                store,
                "SELECT count(*) FROM sync_applied WHERE device = ?1",
                Some(device),
            )?;
            sequence.iter().filter(|&&seq| seq <= through).count() as u64 + after_gaps
        };
        computers.push(ComputerSeen {
            this_computer,
            last_sent: last_sent(folder, device, sequence.last().copied()),
            files,
            files_read,
        });
    }
    // This computer first; the others keep the folder's order.
    computers.sort_by_key(|c| !c.this_computer);
    Ok(computers)
}
