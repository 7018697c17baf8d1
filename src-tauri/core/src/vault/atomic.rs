//! Writing small files so that a crash leaves either the old or the new version, never half.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::steps;
use crate::private_files;

/// The temp name `replace_file` writes beside `path` before renaming it into place. A file
/// by this name left by a killed process is removed at the next start.
pub fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` atomically: write a private (0600) temp file beside it, fsync
/// it, rename it over the target, fsync the directory. `step` names the points in between for
/// the crash tests (`<step>:temp-written`, `<step>:renamed`).
pub fn replace_file(path: &Path, bytes: &[u8], step: &str) -> io::Result<()> {
    let tmp = temp_path(path);
    {
        let mut file = private_files::create_or_truncate(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    steps::reached(&format!("{step}:temp-written"));
    private_files::rename(&tmp, path)?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))?;
    steps::reached(&format!("{step}:renamed"));
    Ok(())
}

/// Removes a file if it is there, and makes the removal durable.
pub fn remove_if_present(path: &Path) -> io::Result<()> {
    match private_files::remove_file(path) {
        Ok(()) => sync_dir(path.parent().unwrap_or(Path::new("."))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Renames and makes the rename durable.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    private_files::rename(from, to)?;
    sync_dir(to.parent().unwrap_or(Path::new(".")))
}

/// Makes a rename or removal itself durable (per OS, in `private_files`).
pub use crate::private_files::sync_dir;

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replaces_contents_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("h");
        replace_file(&target, b"one", "test").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"one");
        replace_file(&target, b"two", "test").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert!(
            !temp_path(&target).exists(),
            "no temp file may be left behind"
        );
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no copy of the old contents is kept");
    }
}
