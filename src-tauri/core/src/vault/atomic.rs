//! Writing small files so that a crash leaves either the old or the new version, never half.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes` atomically: write a temp file beside it, fsync it, rename it
/// over the target, fsync the directory. When `previous` is given and `path` exists, the old
/// contents are first kept there, the same careful way.
pub fn replace_file(path: &Path, bytes: &[u8], previous: Option<&Path>) -> io::Result<()> {
    if let Some(previous) = previous {
        match fs::read(path) {
            Ok(old) => write_then_rename(previous, &old)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    write_then_rename(path, bytes)
}

fn write_then_rename(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

/// Makes the rename itself durable. Directories cannot be opened for syncing on Windows, where
/// the rename (MoveFileEx) is already write-through enough for our purpose.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_keeps_the_previous_copy() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("h");
        let prev = dir.path().join("h.prev");
        replace_file(&target, b"one", Some(&prev)).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"one");
        assert!(!prev.exists(), "nothing to keep the first time");
        replace_file(&target, b"two", Some(&prev)).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(
            fs::read(&prev).unwrap(),
            b"one",
            "the previous header must be kept"
        );
        assert!(
            !dir.path().join("h.tmp").exists(),
            "no temp file may be left behind"
        );
    }
}
