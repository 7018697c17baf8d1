//! Files only the person can read: the data folder is created 0700 and every file Daybreak
//! writes (header, database, backups, exports, reports, the plan page) 0600. On Windows the
//! user's own profile folders already keep other accounts out; the modes are the Unix (Linux,
//! macOS) way of saying the same. This module is the one place in the core where file handling
//! differs per OS (the modes, syncing a folder after a rename, waiting out another program that
//! holds a file being renamed or removed on Windows) or follows one OS's rule everywhere
//! (syncing a file someone else wrote, which Windows does only through a handle opened for
//! writing).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` (and missing parents) and makes `dir` itself private (0700).
pub fn create_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// Creates a new file that must not exist yet, readable by its owner only.
pub fn create_new(path: &Path) -> io::Result<File> {
    options().create_new(true).open(path)
}

/// Creates or truncates a file, readable by its owner only (an existing file is restricted too).
pub fn create_or_truncate(path: &Path) -> io::Result<File> {
    let file = options().create(true).truncate(true).open(path)?;
    set_mode(path, 0o600)?;
    Ok(file)
}

/// Restricts a file someone else created (SQLite's `VACUUM INTO`, a zip writer) to its owner.
pub fn restrict(path: &Path) -> io::Result<()> {
    set_mode(path, 0o600)
}

/// Waits until a file someone else wrote (SQLite, into a database it has closed) is on the disk.
/// Opened for writing (nothing is written): Windows flushes only through such a handle
/// (`FlushFileBuffers` on a read-only one fails with access denied).
pub fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Renames `from` to `to`, replacing `to`; on Windows, waits out another program that holds
/// either for a moment (`while_not_held`).
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    while_not_held(|| fs::rename(from, to))
}

/// Removes a file; on Windows, waits out another program that holds it for a moment.
pub fn remove_file(path: &Path) -> io::Result<()> {
    while_not_held(|| fs::remove_file(path))
}

/// Runs `step` (a rename or removal) until no other program stands in its way. On Windows a
/// file another program has open without sharing its deletion (a virus scanner looking at a
/// file just written, the search indexer, a sync engine hashing a backup) cannot be renamed
/// or deleted until that program lets go, usually within a few hundred milliseconds: the step
/// fails with a sharing violation, or access denied when the file is the rename's target.
/// Tried again with growing pauses until two seconds have passed since the first try (each
/// try's own time counts: on a network folder a failing one can be slow), and the last error
/// kept when it still fails (a file held for good, or truly not ours to change). Unix lets a
/// held file be renamed and removed, so there it runs once.
fn while_not_held(mut step: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    #[cfg(windows)]
    {
        use std::time::{Duration, Instant};
        const ACCESS_DENIED: i32 = 5;
        const SHARING_VIOLATION: i32 = 32;
        const LOCK_VIOLATION: i32 = 33;
        let give_up_at = Instant::now() + Duration::from_secs(2);
        let mut pause = Duration::from_millis(10);
        loop {
            match step() {
                Err(e)
                    if matches!(
                        e.raw_os_error(),
                        Some(ACCESS_DENIED | SHARING_VIOLATION | LOCK_VIOLATION)
                    ) && Instant::now() + pause < give_up_at =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(250));
                }
                done => return done,
            }
        }
    }
    #[cfg(not(windows))]
    step()
}

/// Makes a rename or removal in `dir` durable. Directories cannot be opened for syncing on
/// Windows, where the rename (MoveFileEx) is already write-through enough for our purpose.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_are_0700_and_files_0600_whatever_the_umask_allows() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700, "the data folder must be private");
        let new = dir.join("new");
        create_new(&new).unwrap();
        assert_eq!(mode(&new), 0o600);
        assert!(create_new(&new).is_err(), "create_new never overwrites");
        let open = dir.join("open");
        fs::write(&open, b"x").unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o644)).unwrap();
        create_or_truncate(&open).unwrap();
        assert_eq!(mode(&open), 0o600, "an existing file is restricted too");
    }
}

#[cfg(all(test, windows))]
mod windows_tests {
    use super::*;
    use std::os::windows::fs::OpenOptionsExt;
    use std::thread;
    use std::time::{Duration, Instant};

    /// Opens `path` the way most Windows programs open a file they read (C's `fopen`, .NET's
    /// `File.OpenRead`): sharing reading and writing but not deletion, so that nobody can rename
    /// or delete it until the handle is closed.
    fn hold(path: &Path) -> File {
        const FILE_SHARE_READ: u32 = 1;
        const FILE_SHARE_WRITE: u32 = 2;
        OpenOptions::new()
            .read(true)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE)
            .open(path)
            .unwrap()
    }

    fn let_go_after(file: File, after: Duration) -> thread::JoinHandle<()> {
        thread::spawn(move || {
            thread::sleep(after);
            drop(file);
        })
    }

    #[test]
    fn a_rename_waits_for_a_program_holding_the_file_for_a_moment() {
        let dir = tempfile::tempdir().unwrap();
        let (new, old) = (dir.path().join("new"), dir.path().join("old"));
        fs::write(&new, b"new").unwrap();
        fs::write(&old, b"old").unwrap();
        for held in [&new, &old] {
            let released = let_go_after(hold(held), Duration::from_millis(300));
            rename(&new, &old).unwrap();
            released.join().unwrap();
            assert_eq!(fs::read(&old).unwrap(), b"new");
            assert!(!new.exists());
            fs::write(&new, b"new").unwrap();
        }
    }

    #[test]
    fn a_removal_waits_for_a_program_holding_the_file_for_a_moment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file");
        fs::write(&path, b"x").unwrap();
        let released = let_go_after(hold(&path), Duration::from_millis(300));
        remove_file(&path).unwrap();
        released.join().unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_file_held_for_good_fails_in_time_and_stays_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let (new, old) = (dir.path().join("new"), dir.path().join("old"));
        fs::write(&new, b"new").unwrap();
        fs::write(&old, b"old").unwrap();
        let _held = hold(&old);
        let started = Instant::now();
        let error = rename(&new, &old).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(10), "it gives up");
        assert!(
            matches!(error.raw_os_error(), Some(5 | 32)),
            "the error says why: {error:?}"
        );
        assert!(remove_file(&old).is_err());
        drop(_held);
        assert_eq!(fs::read(&old).unwrap(), b"old");
        assert_eq!(fs::read(&new).unwrap(), b"new");
    }
}
