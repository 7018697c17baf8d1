//! Encrypted backups: a consistent snapshot of the live journal (SQLite `VACUUM INTO`, never a
//! raw copy of an open file) together with its header, in one file. A backup opens only with
//! the passphrase or recovery key that was valid when it was made (a re-key shuts it out of
//! today's journal, see `vault`). Every backup is verified after writing (opened,
//! `integrity_check`). Restoring reads the backup once, checks and stages it, keeps a copy of
//! the current journal (so a restore can itself be undone), then swaps it in with
//! `vault::swap`.

pub mod container;
pub mod rotation;

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::data_error::{from_millis, BackupProblem, DataError, FileAction, Task};
use crate::insights::CountItem;
use crate::paths::{side_files, JournalPaths};
use crate::private_files;
use crate::secret::{fill_random, DataKey};
use crate::store::Store;
use crate::time::local;
use crate::vault::{atomic, data_key_from_header, swap, Secret, Session, Vault, VaultError};
use container::{Opened, ReadError};

pub const EXTENSION: &str = "dbk";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    pub path: String,
    pub created_at: DateTime<Utc>,
    pub size_bytes: i64,
    /// What it contains, for people to recognise it by.
    pub counts: Vec<CountItem>,
}

/// Removes a temp file when dropped, whatever happened.
struct TempFile(PathBuf);

/// Names of the temp files a backup writes beside its destination start with a dot and end
/// with this; whatever a killed process left is removed at the next start.
const TEMP_SUFFIX: &str = ".tmp";

impl TempFile {
    fn beside(target: &Path, what: &str) -> TempFile {
        let mut tag = [0u8; 6];
        fill_random(&mut tag);
        let tag: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        let name = format!(
            ".{}.{what}-{tag}{TEMP_SUFFIX}",
            target.file_name().unwrap_or_default().to_string_lossy()
        );
        TempFile(target.with_file_name(name))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // A copy being checked can have SQLite's files beside it (`fold_kept_log`, or a check
        // that failed before it could remove them): first those, then the copy.
        remove_side_files(&self.0);
        let _ = fs::remove_file(&self.0);
    }
}

/// Removes the files SQLite may have left beside the database copy at `db`, if any.
fn remove_side_files(db: &Path) {
    for side in side_files(db) {
        let _ = fs::remove_file(side);
    }
}

fn io(action: FileAction, path: &Path, e: std::io::Error) -> DataError {
    DataError::file(action, path, &e)
}

/// Writes a backup file at `path` (private, synced) from the database file `db`, streamed: the
/// journal is never all in memory, which would leave the app's memory larger by twice the
/// journal's size after every daily backup (the allocator keeps what it was given).
fn write_backup_file(
    path: &Path,
    created_at_ms: i64,
    header: &[u8],
    db: &Path,
) -> Result<(), DataError> {
    let mut source = fs::File::open(db).map_err(|e| io(FileAction::Read, db, e))?;
    let db_len = source
        .metadata()
        .map_err(|e| io(FileAction::Read, db, e))?
        .len();
    private_files::create_or_truncate(path)
        .and_then(|file| {
            let mut out = BufWriter::new(file);
            container::write_to(&mut out, created_at_ms, header, &mut source, db_len)?;
            flushed_and_synced(out)
        })
        .map_err(|e| io(FileAction::Write, path, e))
}

/// Writes out what `out` still buffers, then waits until the file is on the disk.
fn flushed_and_synced(out: BufWriter<fs::File>) -> std::io::Result<()> {
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Opens the backup file at `path` for `read_backup_file`: first, so that a missing backup is
/// said to be missing, before any file is made to read it into.
fn open_backup_file(path: &Path) -> Result<fs::File, DataError> {
    fs::File::open(path).map_err(|e| io(FileAction::Read, path, e))
}

/// Reads the backup file `file` (opened from `path`), streaming its database into `db_out`
/// (the file at `db_path`, synced), and returns what else it holds and the backup's size in
/// bytes.
fn read_backup_file(
    path: &Path,
    file: fs::File,
    db_out: fs::File,
    db_path: &Path,
) -> Result<(Opened, i64), DataError> {
    let size = file
        .metadata()
        .map_err(|e| io(FileAction::Read, path, e))?
        .len();
    let mut out = BufWriter::new(db_out);
    let opened =
        container::read_from(&mut BufReader::new(file), &mut out).map_err(|e| match e {
            ReadError::Container(c) => damaged(c),
            ReadError::Read(e) => io(FileAction::Read, path, e),
            ReadError::Write(e) => io(FileAction::Write, db_path, e),
        })?;
    flushed_and_synced(out).map_err(|e| io(FileAction::Write, db_path, e))?;
    Ok((opened, i64::try_from(size).unwrap_or(i64::MAX)))
}

fn damaged(e: container::ContainerError) -> DataError {
    DataError::DamagedBackup(match e {
        container::ContainerError::NotABackup => BackupProblem::NotABackup,
        container::ContainerError::Damaged => BackupProblem::Incomplete,
    })
}

/// A consistent copy of the open journal (`SnapshotSource::take`), written out by `write`
/// with the journal free, so a long backup never keeps the journal from locking. Holds a copy
/// of the data key (zeroized on drop) to verify the result.
pub struct Snapshot {
    db: TempFile,
    header: Vec<u8>,
    key: DataKey,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Snapshot(<redacted>)")
    }
}

/// What a backup's snapshot is taken from, gathered with the journal held: where its database
/// and its backups folder are, its header as it is now and the data key. The copy itself
/// (`take`) needs only these, so it runs with the journal free.
pub struct SnapshotSource {
    database: PathBuf,
    backups: PathBuf,
    header: Vec<u8>,
    key: DataKey,
}

impl std::fmt::Debug for SnapshotSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SnapshotSource(<redacted>)")
    }
}

/// Gathers what a snapshot of the open journal is taken from (see `SnapshotSource`).
pub fn snapshot_source(
    session: &Session,
    paths: &JournalPaths,
) -> Result<SnapshotSource, DataError> {
    let header = fs::read(paths.header()).map_err(|e| io(FileAction::Read, &paths.header(), e))?;
    Ok(SnapshotSource {
        database: paths.database(),
        backups: paths.backups(),
        header,
        key: session.data_key_copy(),
    })
}

impl SnapshotSource {
    /// Takes the snapshot a backup to `dest` is made from: SQLite's `VACUUM INTO` (never a raw
    /// copy of an open file) through a connection of its own. Nothing may re-key or replace
    /// the database meanwhile (the journal's `long_work`).
    pub fn take(self, dest: &Path) -> Result<Snapshot, DataError> {
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            if dir == self.backups {
                private_files::create_dir(dir)
            } else {
                fs::create_dir_all(dir)
            }
            .map_err(|e| io(FileAction::CreateFolder, dir, e))?;
        }
        remove_leftovers_beside(dest);
        let db = TempFile::beside(dest, "snapshot");
        Store::snapshot(&self.database, &self.key, &db.0)?;
        Ok(Snapshot {
            db,
            header: self.header,
            key: self.key,
        })
    }
}

/// Takes the snapshot a backup to `dest` is made from, in one go.
pub fn snapshot(
    session: &Session,
    paths: &JournalPaths,
    dest: &Path,
) -> Result<Snapshot, DataError> {
    snapshot_source(session, paths)?.take(dest)
}

/// Writes a snapshot to `dest` and verifies it. `keep_going` is asked between steps (with a
/// percentage); returning false cancels cleanly, leaving no file.
pub fn write(
    snapshot: Snapshot,
    dest: &Path,
    now: DateTime<Utc>,
    keep_going: &mut dyn FnMut(u8) -> bool,
) -> Result<BackupSummary, DataError> {
    if !keep_going(40) {
        return Err(DataError::Cancelled(Task::Backup));
    }
    let partial = TempFile::beside(dest, "partial");
    write_backup_file(
        &partial.0,
        now.timestamp_millis(),
        &snapshot.header,
        &snapshot.db.0,
    )?;
    drop(snapshot.db);
    if !keep_going(85) {
        return Err(DataError::Cancelled(Task::Backup));
    }
    // Checked before it takes `dest`'s name: a backup that fails its check never replaces the
    // file chosen (last week's backup, say), which stays as it was.
    crate::vault::steps::reached("backup:checking");
    let summary = verify(&partial.0, &snapshot.key)?;
    crate::vault::steps::reached("backup:checked");
    // A failed rename leaves whatever was at `dest` as it was; a rename that could not be made
    // durable leaves no backup to count on (nor today's automatic one), so it is removed.
    private_files::rename(&partial.0, dest).map_err(|e| io(FileAction::WriteBackup, dest, e))?;
    atomic::sync_dir(dest.parent().unwrap_or(Path::new("."))).map_err(|e| {
        let _ = fs::remove_file(dest);
        io(FileAction::WriteBackup, dest, e)
    })?;
    keep_going(100);
    Ok(BackupSummary {
        path: dest.display().to_string(),
        ..summary
    })
}

/// Writes a backup of the open journal to `dest` and verifies it, in one go (the journal is
/// held throughout; the app holds it only to gather the `SnapshotSource`).
pub fn create(
    session: &Session,
    paths: &JournalPaths,
    dest: &Path,
    now: DateTime<Utc>,
    keep_going: &mut dyn FnMut(u8) -> bool,
) -> Result<BackupSummary, DataError> {
    write(snapshot(session, paths, dest)?, dest, now, keep_going)
}

/// Opens a backup with the data key it should have been made with and checks it.
fn verify(path: &Path, data_key: &DataKey) -> Result<BackupSummary, DataError> {
    let (db, (opened, size)) = read_to_check_file(path, path.parent().unwrap_or(Path::new(".")))?;
    let header = crate::vault::header::Header::decode(&opened.header)
        .map_err(|_| DataError::DamagedBackup(BackupProblem::KeyFile))?;
    if !header.verify_mac(data_key) {
        return Err(DataError::DamagedBackup(BackupProblem::OtherJournal));
    }
    check(path, &db.0, opened.created_at_ms, data_key, size)
}

/// Reads the backup at `path`, its database into a private temp file in the folder `scratch`
/// (removed when the returned `TempFile` is dropped).
fn read_to_check_file(path: &Path, scratch: &Path) -> Result<(TempFile, (Opened, i64)), DataError> {
    let backup = open_backup_file(path)?;
    let db = TempFile::beside(&scratch.join(path.file_name().unwrap_or_default()), "check");
    let file =
        private_files::create_or_truncate(&db.0).map_err(|e| io(FileAction::Write, &db.0, e))?;
    let read = read_backup_file(path, backup, file, &db.0)?;
    Ok((db, read))
}

/// Opens the database written out at `db` (read-only: not a byte of it changes) and checks it.
fn check(
    path: &Path,
    db: &Path,
    created_at_ms: i64,
    key: &DataKey,
    size: i64,
) -> Result<BackupSummary, DataError> {
    let (ok, counts) =
        Store::check_copy(db, key).map_err(|_| DataError::DamagedBackup(BackupProblem::Journal))?;
    if !ok {
        return Err(DataError::DamagedBackup(BackupProblem::Journal));
    }
    Ok(BackupSummary {
        path: path.display().to_string(),
        created_at: from_millis(created_at_ms)?,
        size_bytes: size,
        counts: counts
            .into_iter()
            .map(|(label, count)| CountItem { label, count })
            .collect(),
    })
}

/// What a backup contains, opened with the passphrase or recovery key it was made with.
/// Writes nothing but a temp file in `scratch`, removed again: a folder of the app's own (the
/// journal's data folder), since the backup may lie where nothing can be written (a
/// write-protected or full stick) and must still be checked and restored from there. The app
/// calls it through the journal, whose throttle every secret check goes through.
pub fn inspect(
    path: &Path,
    secret: &Secret<'_>,
    scratch: &Path,
) -> Result<BackupSummary, DataError> {
    // On a new computer Daybreak's folder is not there until something is written in it. Only
    // here, where `scratch` is that folder: a backup's own folder (`verify`) keeps its
    // permissions (a person's Documents, a stick that refuses a mode).
    private_files::create_dir(scratch).map_err(|e| io(FileAction::CreateFolder, scratch, e))?;
    let (db, (opened, size)) = read_to_check_file(path, scratch)?;
    let key = key_for(&opened.header, secret)?;
    fold_kept_log(path, &db.0, &key)?;
    check(path, &db.0, opened.created_at_ms, &key, size)
}

fn key_for(header: &[u8], secret: &Secret<'_>) -> Result<DataKey, DataError> {
    data_key_from_header(header, secret).map_err(|e| match e {
        VaultError::WrongPassphrase => DataError::WrongBackupSecret {
            recovery_key: false,
        },
        VaultError::WrongRecoveryKey => DataError::WrongBackupSecret { recovery_key: true },
        _ => DataError::DamagedBackup(BackupProblem::KeyFile),
    })
}

/// A backup read once, opened with its secret and checked, its database staged beside the
/// journal (`journal.db.staged`) ready to be swapped in: the bytes checked are the bytes
/// installed.
#[derive(Debug)]
pub struct StagedRestore {
    header: Vec<u8>,
    pub summary: BackupSummary,
}

/// Reads the backup at `path` once and stages it (see `StagedRestore`). The journal is not
/// touched; a failure removes what was staged.
pub fn stage_restore(
    vault: &Vault,
    path: &Path,
    secret: &Secret<'_>,
) -> Result<StagedRestore, DataError> {
    let backup = open_backup_file(path)?;
    let paths = vault.paths();
    private_files::create_dir(paths.dir())
        .map_err(|e| io(FileAction::CreateFolder, paths.dir(), e))?;
    let staged = paths.staged_database();
    let checked = swap::start_staged_database(paths)
        .map_err(|e| io(FileAction::Write, &staged, e))
        .and_then(|file| read_backup_file(path, backup, file, &staged))
        .and_then(|(opened, size)| {
            let key = key_for(&opened.header, secret)?;
            fold_kept_log(path, &staged, &key)?;
            let summary = check(path, &staged, opened.created_at_ms, &key, size)?;
            Ok((opened.header, summary))
        });
    match checked {
        Ok((header, summary)) => Ok(StagedRestore { header, summary }),
        Err(e) => {
            let _ = swap::remove_staged_database(paths);
            Err(e)
        }
    }
}

/// A journal kept before a restore can have its log kept beside it (`keep_locked_journal`):
/// changes a crash left there, which only the journal's key could fold in. Once the key is at
/// hand, the log is folded into `db`, the database just read out of the backup at `backup`, so
/// that checking the kept journal counts them and restoring it brings them back. The log is
/// copied beside `db` (SQLite reads it as `db`'s own), and nothing of it is left there after.
fn fold_kept_log(backup: &Path, db: &Path, key: &DataKey) -> Result<(), DataError> {
    let kept_log = log_beside(backup);
    if !kept_log.exists() {
        return Ok(());
    }
    let [db_log, _] = side_files(db);
    let folded = keep_file(&kept_log, &db_log).and_then(|()| {
        Store::fold_log(db, key).map_err(|_| DataError::DamagedBackup(BackupProblem::Journal))
    });
    remove_side_files(db);
    folded
}

/// Where the journal as it was before a restore is kept, so the restore can be undone: a name
/// no file or kept log has yet, even for two restores within a second, since a kept journal's
/// log is found beside it by name (`log_beside`) and must never be taken for another's. Such a
/// second one is named a second later, so the names still sort by time (`list_auto`).
fn before_restore_path(paths: &JournalPaths, now: DateTime<Utc>) -> PathBuf {
    (0..)
        .map(|later| now + chrono::Duration::seconds(later))
        .map(|at| {
            paths.backups().join(format!(
                "before-restore-{}.{EXTENSION}",
                at.format("%Y%m%dT%H%M%S")
            ))
        })
        .find(|path| !path.exists() && !log_beside(path).exists())
        .expect("a free name among endlessly many")
}

/// Keeps the open journal as a backup before a restore, from a consistent snapshot (its WAL
/// included, since `VACUUM INTO` reads through it).
pub fn keep_open_journal(
    session: &Session,
    paths: &JournalPaths,
    now: DateTime<Utc>,
) -> Result<PathBuf, DataError> {
    let dest = before_restore_path(paths, now);
    write(snapshot(session, paths, &dest)?, &dest, now, &mut |_| true)?;
    Ok(dest)
}

/// Keeps the locked journal as a backup before a restore: its header and database files as
/// they are. A read error fails the restore rather than keeping an empty copy. Changes still in
/// its log (`journal.db-wal`, after a crash) cannot be folded into the copy without the
/// journal's key, and the journal may not open at all (the lock screen offers a restore when
/// its file is damaged), so the log's bytes are kept beside the copy (`….dbk-wal`): nothing
/// the journal held is deleted.
pub fn keep_locked_journal(paths: &JournalPaths, now: DateTime<Utc>) -> Result<PathBuf, DataError> {
    let header = fs::read(paths.header()).map_err(|e| io(FileAction::Read, &paths.header(), e))?;
    let dest = before_restore_path(paths, now);
    private_files::create_dir(&paths.backups())
        .map_err(|e| io(FileAction::CreateFolder, &paths.backups(), e))?;
    let partial = TempFile::beside(&dest, "partial");
    write_backup_file(
        &partial.0,
        now.timestamp_millis(),
        &header,
        &paths.database(),
    )?;
    atomic::rename(&partial.0, &dest).map_err(|e| io(FileAction::Write, &dest, e))?;
    // After the copy, so a log is never left without its journal (deleting the backup later
    // deletes the log with it); a failure here still stops the restore.
    let wal = paths.database_wal();
    if fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false) {
        keep_file(&wal, &log_beside(&dest))?;
    }
    Ok(dest)
}

/// Where the log of a journal kept as the backup `kept` goes: beside it, named after it.
pub fn log_beside(kept: &Path) -> PathBuf {
    let [log, _] = side_files(kept);
    log
}

/// Copies `from` to `to`, private and synced, under its name only once whole.
fn keep_file(from: &Path, to: &Path) -> Result<(), DataError> {
    let partial = TempFile::beside(to, "partial");
    let mut source = fs::File::open(from).map_err(|e| io(FileAction::Read, from, e))?;
    let mut copy =
        private_files::create_new(&partial.0).map_err(|e| io(FileAction::Write, to, e))?;
    std::io::copy(&mut source, &mut copy).map_err(|e| io(FileAction::Write, to, e))?;
    copy.sync_all().map_err(|e| io(FileAction::Write, to, e))?;
    atomic::rename(&partial.0, to).map_err(|e| io(FileAction::Write, to, e))
}

/// Swaps the staged backup in. The journal must be locked (its connection closed).
pub fn install_restore(vault: &Vault, staged: StagedRestore) -> Result<BackupSummary, DataError> {
    let paths = vault.paths();
    swap::install(paths, &staged.header)
        .map_err(|e| io(FileAction::RestoreJournal, paths.dir(), e))?;
    Ok(staged.summary)
}

/// Removes what a backup killed halfway left behind: temp files in the data folder and the
/// automatic backups' folder.
pub fn remove_leftovers(paths: &JournalPaths) {
    for dir in [paths.dir().to_path_buf(), paths.backups()] {
        remove_temp_files(&dir, &["."]);
    }
}

/// Removes the temp files (`TempFile::beside`) in `dir` whose names begin with one of
/// `prefixes`.
fn remove_temp_files(dir: &Path, prefixes: &[&str]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        let ours = [".snapshot-", ".partial-", ".check-"]
            .iter()
            .any(|kind| name.contains(kind));
        let prefixed = prefixes.iter().any(|prefix| name.starts_with(prefix));
        if prefixed && name.ends_with(TEMP_SUFFIX) && ours {
            let _ = fs::remove_file(entry.path());
            // A copy being checked when the process was killed can have SQLite's files
            // beside it, from a kept log being folded in (`fold_kept_log`).
            remove_side_files(&entry.path());
        }
    }
}

/// Removes what an earlier backup to `dest` left beside it when it was killed halfway. A
/// folder the person chose (a stick, Documents) is not swept at start, as the data folder is,
/// and such a file is hidden there, holds the journal whole, and still opens with the
/// passphrase of its day after a change.
fn remove_leftovers_beside(dest: &Path) {
    if let (Some(dir), Some(name)) = (dest.parent(), dest.file_name()) {
        let name = name.to_string_lossy();
        // The snapshot, the partial file, and the copy that checks the partial file, made
        // beside it (`verify`): `.{name}.partial-….tmp`, then `..{name}.partial-….tmp.check-…`.
        remove_temp_files(dir, &[&format!(".{name}."), &format!("..{name}.")]);
    }
}

/// Deletes every automatic backup except `keep`: after a re-key, the older ones still open
/// with the passphrase that was valid when they were made. Returns how many were deleted.
pub fn delete_automatic_except(paths: &JournalPaths, keep: &Path) -> Result<usize, DataError> {
    let mut deleted = 0;
    for path in list_auto(paths).into_iter().map(PathBuf::from) {
        if path != keep {
            private_files::remove_file(&path).map_err(|e| io(FileAction::Delete, &path, e))?;
            // A journal's log kept beside it (`keep_locked_journal`) goes with it.
            let log = log_beside(&path);
            match private_files::remove_file(&log) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io(FileAction::Delete, &log, e));
                }
                _ => {}
            }
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// Where today's automatic backup goes, or `None` when there already is one today (in the
/// user's zone). Automatic backups are made on the first unlock of a day.
pub fn auto_backup_due(paths: &JournalPaths, now: DateTime<Utc>, tz: Zone) -> Option<PathBuf> {
    let today = local(now, tz).date();
    if auto_dates(&paths.backups()).contains(&today) {
        return None;
    }
    Some(paths.backups().join(format!("auto-{today}.{EXTENSION}")))
}

/// Keeps 7 daily and 4 weekly automatic backups and deletes the rest.
pub fn rotate(paths: &JournalPaths) {
    let dir = paths.backups();
    let dates: Vec<NaiveDate> = auto_dates(&dir).into_iter().collect();
    let keep = rotation::to_keep(&dates);
    for date in dates.iter().filter(|d| !keep.contains(d)) {
        let _ = fs::remove_file(dir.join(format!("auto-{date}.{EXTENSION}")));
    }
}

/// The daily automatic backup in one go (the journal held throughout): made when due, then
/// rotated. Returns the new backup, if one was made.
pub fn auto_backup(
    session: &Session,
    paths: &JournalPaths,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<Option<BackupSummary>, DataError> {
    let Some(dest) = auto_backup_due(paths, now, tz) else {
        return Ok(None);
    };
    let summary = create(session, paths, &dest, now, &mut |_| true)?;
    rotate(paths);
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
    let dir = paths.backups();
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
