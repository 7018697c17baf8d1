//! Saving a readable file (an export, a report, a printable plan) into a folder the person can
//! find, under a dated name that never overwrites an earlier file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use crate::data_error::{DataError, FileAction, IoReason};
use crate::time::local;

/// The date a saved file's name carries: the person's own day ("2026-12-07"), not UTC's.
pub fn name_date(now: DateTime<Utc>, tz: Zone) -> String {
    local(now, tz).format("%Y-%m-%d").to_string()
}

/// Writes `bytes` to `dir/{stem}-{local date}.{ext}` (or `-2`, `-3`, ... when that name is
/// taken), flushed to disk; returns the path. `action` says what was being saved, for the
/// error a failure gives.
pub fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
    action: FileAction,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<PathBuf, DataError> {
    let io = |e: std::io::Error| DataError::file(action, dir, &e);
    std::fs::create_dir_all(dir).map_err(io)?;
    let date = name_date(now, tz);
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}-{date}.{ext}")
        } else {
            format!("{stem}-{date}-{n}.{ext}")
        };
        let path = dir.join(name);
        match crate::private_files::create_new(&path) {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|_| file.sync_all());
                if let Err(e) = written {
                    // A half-written export is worse than none.
                    drop(file);
                    let _ = std::fs::remove_file(&path);
                    return Err(io(e));
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(e)),
        }
    }
    Err(DataError::Io {
        action,
        path: dir.display().to_string(),
        reason: IoReason::TooManyFiles,
    })
}
