//! Encrypted backups: a consistent snapshot of the live journal (SQLite `VACUUM INTO`, never a
//! raw copy of an open file) together with its header, in one file. A backup opens only with
//! the passphrase or recovery key that was valid when it was made. Every backup is verified
//! after writing (opened, `integrity_check`). Restoring first keeps a copy of the current
//! journal, so a restore can itself be undone.

pub mod container;
pub mod rotation;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::data_error::{from_millis, DataError};
use crate::insights::CountItem;
use crate::paths::JournalPaths;
use crate::secret::{fill_random, DataKey};
use crate::sobriety::count::local;
use crate::store::Store;
use crate::vault::{data_key_from_header, Secret, Session, Vault, VaultError};
use container::Container;

/// Backups Daybreak makes by itself live here, inside the data directory.
pub const AUTO_DIR: &str = "backups";
pub const EXTENSION: &str = "dbk";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    pub path: String,
    pub created_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// What it contains, for people to recognise it by.
    pub counts: Vec<CountItem>,
}

/// Removes a temp file when dropped, whatever happened.
struct TempFile(PathBuf);

impl TempFile {
    fn beside(target: &Path, what: &str) -> TempFile {
        let mut tag = [0u8; 6];
        fill_random(&mut tag);
        let tag: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        let name = format!(
            ".{}.{what}-{tag}.tmp",
            target.file_name().unwrap_or_default().to_string_lossy()
        );
        TempFile(target.with_file_name(name))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

fn io(what: &str, path: &Path, e: std::io::Error) -> DataError {
    DataError::invalid(format!("Could not {what} {}: {e}", path.display()))
}

fn not_a_backup(e: container::ContainerError) -> DataError {
    DataError::invalid(match e {
        container::ContainerError::NotABackup => "This file is not a Daybreak backup.",
        container::ContainerError::Damaged => {
            "This backup is incomplete or damaged, so it can't be used."
        }
    })
}

/// Writes a backup of the open journal to `dest` and verifies it. `keep_going` is asked
/// between steps (with a percentage); returning false cancels cleanly, leaving no file.
pub fn create(
    session: &Session,
    paths: &JournalPaths,
    dest: &Path,
    now: DateTime<Utc>,
    keep_going: &mut dyn FnMut(u8) -> bool,
) -> Result<BackupSummary, DataError> {
    let cancelled = || DataError::invalid("The backup was cancelled. Nothing was written.");
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| io("create the folder", dir, e))?;
    }
    let snapshot = TempFile::beside(dest, "snapshot");
    session.store().snapshot_to(&snapshot.0)?;
    if !keep_going(40) {
        return Err(cancelled());
    }
    let header = fs::read(paths.header()).map_err(|e| io("read", &paths.header(), e))?;
    let db = fs::read(&snapshot.0).map_err(|e| io("read", &snapshot.0, e))?;
    drop(snapshot);
    let bytes = Container {
        created_at_ms: now.timestamp_millis(),
        header,
        db,
    }
    .encode();
    if !keep_going(70) {
        return Err(cancelled());
    }
    let partial = TempFile::beside(dest, "partial");
    crate::vault::atomic::replace_file(&partial.0, &bytes, None)
        .map_err(|e| io("write", &partial.0, e))?;
    fs::rename(&partial.0, dest).map_err(|e| io("write", dest, e))?;
    keep_going(85);
    let summary = verify(dest, session.data_key()).inspect_err(|_| {
        let _ = fs::remove_file(dest);
    })?;
    keep_going(100);
    Ok(summary)
}

/// Opens a backup with the data key it should have been made with and checks it.
fn verify(path: &Path, data_key: &DataKey) -> Result<BackupSummary, DataError> {
    let bytes = fs::read(path).map_err(|e| io("read", path, e))?;
    let c = Container::decode(&bytes).map_err(not_a_backup)?;
    let header = crate::vault::header::Header::decode(&c.header)
        .map_err(|_| DataError::invalid("This backup's key file is damaged."))?;
    if !header.verify_mac(data_key) {
        return Err(DataError::invalid(
            "This backup does not belong to this journal.",
        ));
    }
    check(path, &c, data_key, bytes.len())
}

fn check(
    path: &Path,
    c: &Container,
    key: &DataKey,
    size: usize,
) -> Result<BackupSummary, DataError> {
    let db = TempFile::beside(path, "check");
    fs::write(&db.0, &c.db).map_err(|e| io("write", &db.0, e))?;
    let (ok, counts) = Store::check_copy(&db.0, key).map_err(|_| {
        DataError::invalid("This backup is damaged: its journal could not be opened.")
    })?;
    if !ok {
        return Err(DataError::invalid(
            "This backup is damaged: its journal failed the integrity check.",
        ));
    }
    Ok(BackupSummary {
        path: path.display().to_string(),
        created_at: from_millis(c.created_at_ms)?,
        size_bytes: size as i64,
        counts: counts
            .into_iter()
            .map(|(label, count)| CountItem { label, count })
            .collect(),
    })
}

/// What a backup contains, opened with the passphrase or recovery key it was made with.
/// Writes nothing but a temp file beside it, removed again.
pub fn inspect(path: &Path, secret: &Secret<'_>) -> Result<BackupSummary, DataError> {
    let bytes = fs::read(path).map_err(|e| io("read", path, e))?;
    let c = Container::decode(&bytes).map_err(not_a_backup)?;
    let key = key_for(&c, secret)?;
    check(path, &c, &key, bytes.len())
}

fn key_for(c: &Container, secret: &Secret<'_>) -> Result<DataKey, DataError> {
    data_key_from_header(&c.header, secret).map_err(|e| match e {
        VaultError::WrongPassphrase => DataError::invalid(
            "That passphrase didn't open this backup. Use the one that was valid when it was made.",
        ),
        VaultError::WrongRecoveryKey => {
            DataError::invalid("That recovery key didn't open this backup.")
        }
        _ => DataError::invalid("This backup's key file is damaged."),
    })
}

/// Replaces the (locked) journal with a backup. The current journal is first saved as a
/// backup itself (returned), so the restore can be undone.
pub fn restore(
    vault: &Vault,
    path: &Path,
    secret: &Secret<'_>,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, DataError> {
    inspect(path, secret)?;
    let bytes = fs::read(path).map_err(|e| io("read", path, e))?;
    let c = Container::decode(&bytes).map_err(not_a_backup)?;
    let paths = vault.paths();
    let failed =
        |e: VaultError| DataError::invalid(format!("The backup could not be restored: {e}."));
    let safety = if vault.exists().map_err(failed)? {
        let header = fs::read(paths.header()).unwrap_or_default();
        let db = fs::read(paths.database()).unwrap_or_default();
        let dir = paths.dir().join(AUTO_DIR);
        fs::create_dir_all(&dir).map_err(|e| io("create the folder", &dir, e))?;
        let dest = dir.join(format!(
            "before-restore-{}.{EXTENSION}",
            now.format("%Y%m%dT%H%M%S")
        ));
        let kept = Container {
            created_at_ms: now.timestamp_millis(),
            header,
            db,
        }
        .encode();
        crate::vault::atomic::replace_file(&dest, &kept, None)
            .map_err(|e| io("write", &dest, e))?;
        Some(dest)
    } else {
        None
    };
    vault.install(&c.db, &c.header).map_err(failed)?;
    Ok(safety)
}

/// The daily automatic backup: made on the first unlock of a day (in the user's zone), then
/// rotated to keep 7 daily and 4 weekly ones. Returns the new backup, if one was made.
pub fn auto_backup(
    session: &Session,
    paths: &JournalPaths,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<Option<BackupSummary>, DataError> {
    let dir = paths.dir().join(AUTO_DIR);
    let today = local(now, tz).date();
    let existing = auto_dates(&dir);
    if existing.contains(&today) {
        return Ok(None);
    }
    let dest = dir.join(format!("auto-{today}.{EXTENSION}"));
    let summary = create(session, paths, &dest, now, &mut |_| true)?;
    let mut dates: Vec<NaiveDate> = existing.into_iter().collect();
    dates.push(today);
    let keep = rotation::to_keep(&dates);
    for date in dates.iter().filter(|d| !keep.contains(d)) {
        let _ = fs::remove_file(dir.join(format!("auto-{date}.{EXTENSION}")));
    }
    Ok(Some(summary))
}

fn auto_dates(dir: &Path) -> BTreeSet<NaiveDate> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeSet::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            name.strip_prefix("auto-")?
                .strip_suffix(&format!(".{EXTENSION}"))?
                .parse()
                .ok()
        })
        .collect()
}

/// Backups in the automatic folder, newest first, for the restore screen.
pub fn list_auto(paths: &JournalPaths) -> Vec<String> {
    let dir = paths.dir().join(AUTO_DIR);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files.reverse();
    files
}
