//! Installing a new database and its header together (a re-key, a restore) so that a crash at
//! any point leaves either the old journal or the new one, never a database beside a header
//! that does not open it.
//!
//! Both files are first staged beside the journal (`journal.db.staged`, `journal.header.staged`)
//! and synced. Writing the marker `journal.swap` is the commit point: from then on the next
//! start rolls forward (moves whatever is still staged into place), before it rolls back
//! (deletes what was staged). The old database's `-wal` and `-shm` go before the new database
//! moves in, since SQLite would otherwise try to apply them to it.

use std::fs::File;
use std::io::{self, Write};

use super::{atomic, steps};
use crate::paths::{side_files, JournalPaths};
use crate::private_files;

const MARKER_CONTENTS: &[u8] = b"daybreak: a staged database and header are being installed\n";

/// Creates the staged database file (empty, private) for the caller to fill; any stale one
/// from an interrupted swap is removed first, with any log a restore was folding into it, which
/// SQLite would otherwise read as the new file's own.
pub(crate) fn start_staged_database(paths: &JournalPaths) -> io::Result<File> {
    remove_staged_database(paths)?;
    private_files::create_new(&paths.staged_database())
}

/// Removes the staged database and the files SQLite may have left beside it.
pub(crate) fn remove_staged_database(paths: &JournalPaths) -> io::Result<()> {
    let path = paths.staged_database();
    atomic::remove_if_present(&path)?;
    side_files(&path)
        .iter()
        .try_for_each(|side| atomic::remove_if_present(side))
}

/// Installs the staged database (already written by the caller) with `header`.
pub(crate) fn install(paths: &JournalPaths, header: &[u8]) -> io::Result<()> {
    private_files::sync_file(&paths.staged_database())?;
    atomic::sync_dir(paths.dir())?;
    steps::reached("swap:database-staged");
    {
        let staged = paths.staged_header();
        let mut file = private_files::create_or_truncate(&staged)?;
        file.write_all(header)?;
        file.sync_all()?;
        atomic::sync_dir(paths.dir())?;
    }
    steps::reached("swap:header-staged");
    atomic::replace_file(&paths.swap_marker(), MARKER_CONTENTS, "swap:marker")?;
    roll_forward(paths)
}

/// Finishes a swap a crash interrupted, or undoes one that never reached its commit point.
/// Called before anything opens the journal.
pub(crate) fn recover(paths: &JournalPaths) -> io::Result<()> {
    if paths.swap_marker().exists() {
        roll_forward(paths)
    } else {
        atomic::remove_if_present(&atomic::temp_path(&paths.swap_marker()))?;
        remove_staged_database(paths)?;
        atomic::remove_if_present(&paths.staged_header())
    }
}

fn roll_forward(paths: &JournalPaths) -> io::Result<()> {
    let staged_db = paths.staged_database();
    if staged_db.exists() {
        for stale in [paths.database_wal(), paths.database_shm()] {
            atomic::remove_if_present(&stale)?;
        }
        steps::reached("swap:wal-removed");
        atomic::rename(&staged_db, &paths.database())?;
    }
    steps::reached("swap:database-moved");
    let staged_header = paths.staged_header();
    if staged_header.exists() {
        atomic::rename(&staged_header, &paths.header())?;
    }
    steps::reached("swap:header-moved");
    atomic::remove_if_present(&paths.previous_header())?;
    private_files::remove_file(&paths.swap_marker()).or_else(ignore_missing)?;
    atomic::sync_dir(paths.dir())?;
    steps::reached("swap:marker-removed");
    Ok(())
}

fn ignore_missing(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(e)
    }
}
