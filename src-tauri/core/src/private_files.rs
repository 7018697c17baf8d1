//! Files only the person can read: the data folder is created 0700 and every file Daybreak
//! writes (header, database, backups, exports, reports, the plan page) 0600. On Windows the
//! user's own profile folders already keep other accounts out; the modes are the Unix (Linux,
//! macOS) way of saying the same. This module is the one place in the core where file handling
//! differs per OS (the modes, syncing a folder after a rename) or follows one OS's rule
//! everywhere (syncing a file someone else wrote, which Windows does only through a handle
//! opened for writing).

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
