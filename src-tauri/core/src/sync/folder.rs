//! The sync folder on disk: `<chosen folder>/daybreak-sync/`, holding `header` and one folder
//! per computer (its device id, 32 hex digits) of change files named by their sequence number
//! (12 decimal digits). A file is written under a temp name, synced and linked to its name,
//! which never replaces a file already there (where the file system has no hard links, it
//! looks and then renames), and never changed afterwards, so a sync engine (Syncthing, a cloud
//! folder) never sees two versions of one file. Anything else in the folder is someone else's:
//! a sync engine's temp files (`.syncthing.*.tmp`, `~*`), ours from an interrupted write
//! (`.<seq>.tmp`). The scanner ignores them all.
//!
//! Except a sync engine's conflict copies of change files (`Files::copies`): only two copies
//! of one journal under one device id write the same name (a data folder copied by hand before
//! journals noted their place), and when both do before either file travels, the engine keeps
//! one under the name and sets the other beside it. That copy holds changes no other file
//! does, sealed like any change file of that number, so it is read too (`apply`), and a
//! journal that finds one under its own id knows it has a twin (`rewind`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::private_files;

/// The folder inside the one the person picked.
pub const DIR_NAME: &str = "daybreak-sync";
const SEQ_DIGITS: usize = 12;

#[derive(Debug, Clone)]
pub struct Folder {
    dir: PathBuf,
}

/// Whether `name` is a device id: 32 lower-case hex digits.
pub fn is_device_id(name: &str) -> bool {
    name.len() == 32
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The sequence number a change file's name says, or `None` for anything else.
pub fn seq_of(name: &str) -> Option<u64> {
    if name.len() == SEQ_DIGITS && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok().filter(|&n| n > 0)
    } else {
        None
    }
}

/// The sequence number of the change file `name` is a sync engine's conflict copy of, or
/// `None` for anything else. Syncthing names a copy `<name>.sync-conflict-<date>-<time>-<device>`
/// (and keeps it only while its `maxConflicts` allows: 10 by default); Dropbox and Nextcloud
/// `<name> (… conflicted copy …)`.
pub fn conflict_copy_of(name: &str) -> Option<u64> {
    let (number, rest) = name.split_at_checked(SEQ_DIGITS)?;
    let copy = rest.starts_with(".sync-conflict-")
        || (rest.starts_with(" (") && rest.contains("conflicted copy"));
    seq_of(number).filter(|_| copy)
}

/// What one computer's folder holds (`Folder::files`).
#[derive(Debug, Default)]
pub struct Files {
    /// The sequence numbers of its change files, in order.
    pub numbered: Vec<u64>,
    /// A sync engine's conflict copies of them: the number each is a copy of, and its file
    /// name, by number.
    pub copies: Vec<(u64, String)>,
}

impl Folder {
    /// The sync folder inside `chosen`, the folder the person picked.
    pub fn in_chosen(chosen: &Path) -> Self {
        Self {
            dir: chosen.join(DIR_NAME),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn header(&self) -> PathBuf {
        self.dir.join("header")
    }

    pub fn change_file(&self, device: &str, seq: u64) -> PathBuf {
        self.dir.join(device).join(format!("{seq:0SEQ_DIGITS$}"))
    }

    /// The computers with a folder here.
    pub fn devices(&self) -> io::Result<Vec<String>> {
        let mut devices = Vec::new();
        match fs::read_dir(&self.dir) {
            Ok(entries) => {
                for entry in entries {
                    let entry = entry?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if is_device_id(&name) && entry.file_type()?.is_dir() {
                        devices.push(name);
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        devices.sort();
        Ok(devices)
    }

    /// The sequence numbers of `device`'s change files, in order.
    pub fn sequence(&self, device: &str) -> io::Result<Vec<u64>> {
        Ok(self.files(device)?.numbered)
    }

    /// `device`'s change files and a sync engine's conflict copies of them, read from the
    /// folder at once.
    pub fn files(&self, device: &str) -> io::Result<Files> {
        let mut files = Files::default();
        match fs::read_dir(self.dir.join(device)) {
            Ok(entries) => {
                for entry in entries {
                    let entry = entry?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if let Some(seq) = seq_of(&name) {
                        if entry.file_type()?.is_file() {
                            files.numbered.push(seq);
                        }
                    } else if let Some(seq) = conflict_copy_of(&name) {
                        if entry.file_type()?.is_file() {
                            files.copies.push((seq, name));
                        }
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        files.numbered.sort_unstable();
        files.copies.sort_unstable();
        Ok(files)
    }

    /// The file `name` in `device`'s folder.
    pub fn file_of(&self, device: &str, name: &str) -> PathBuf {
        self.dir.join(device).join(name)
    }

    /// Writes change file `seq` of `device`: temp file, fsync, hard link to its name, fsync the
    /// folder. A file already there by that name is never replaced: `AlreadyExists` comes back.
    pub fn write_change(&self, device: &str, seq: u64, bytes: &[u8]) -> io::Result<()> {
        let dir = self.dir.join(device);
        if !dir.is_dir() {
            private_files::create_dir(&dir)?;
            private_files::sync_dir(&self.dir)?;
        }
        let target = self.change_file(device, seq);
        let temp = dir.join(format!(".{seq:0SEQ_DIGITS$}.tmp"));
        // A temp name left by a write killed after its link is a second name of a change file
        // in place: opened as it is, it would truncate that file. Dropped first, it goes alone.
        crate::vault::atomic::remove_if_present(&temp)?;
        {
            let mut file = private_files::create_or_truncate(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
        crate::vault::steps::reached("sync-change:temp-written");
        // Put in place without replacing anything, in one step: another copy's file of this
        // number may arrive through the sync engine at any moment, and one replaced after it
        // came would travel as an edit of it, the other copy's changes in it gone everywhere.
        // A hard link is refused when the name is taken; the temp name is dropped after.
        match fs::hard_link(&temp, &target) {
            Ok(()) => {
                crate::vault::steps::reached("sync-change:linked");
                // The file is in place; a temp name that will not go now (held open elsewhere,
                // on Windows) is dropped before the next write of that number.
                let _ = fs::remove_file(&temp);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let _ = fs::remove_file(&temp);
                return Err(e);
            }
            Err(_) => {
                // No hard links here, most likely: FAT and exFAT sticks, some network folders
                // and cloud drives' file drivers, each answering with a code of its own, which
                // no list here could hold. Look, then rename, which leaves a moment between the
                // two: there, a write that works matters more than that moment.
                if target.exists() {
                    let _ = fs::remove_file(&temp);
                    return Err(io::ErrorKind::AlreadyExists.into());
                }
                // Once, without waiting out a program that holds the name: on Windows a file
                // that has just come in can be held by the engine writing it, and a rename
                // tried again once it lets go would replace that file. The next round looks
                // again.
                fs::rename(&temp, &target)?;
            }
        }
        private_files::sync_dir(&dir)?;
        crate::vault::steps::reached("sync-change:in-place");
        Ok(())
    }

    /// Writes `bytes` as the folder's header (atomically, like the journal's own header).
    pub fn write_header(&self, bytes: &[u8]) -> io::Result<()> {
        if !self.dir.is_dir() {
            private_files::create_dir(&self.dir)?;
        }
        let target = self.header();
        let temp = self.dir.join(".header.tmp");
        {
            let mut file = private_files::create_or_truncate(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
        // Once, without waiting out a program that holds it (private_files::rename would): a
        // sync round holds the journal while it writes here, and a lock waits for the round.
        fs::rename(&temp, &target)?;
        private_files::sync_dir(&self.dir)
    }

    /// The header's bytes, or `None` when there is none yet.
    pub fn read_header(&self) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.header()) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_names_count() {
        assert_eq!(seq_of("000000000007"), Some(7));
        for stray in [
            "000000000007.sync-conflict-20261202-101010-ABCDEFG",
            "000000000007 (Sam's conflicted copy 2026-12-02)",
            ".syncthing.000000000007.tmp",
            "~000000000007",
            ".000000000007.tmp",
            "7",
            "000000000000",
            "00000000000x",
            "desktop.ini",
        ] {
            assert_eq!(seq_of(stray), None, "{stray} must be ignored");
        }
        for (copy, seq) in [
            ("000000000007.sync-conflict-20261202-101010-ABCDEFG", 7),
            ("000000000012 (Sam's conflicted copy 2026-12-02)", 12),
            ("000000000003 (conflicted copy 2026-12-02 101010)", 3),
        ] {
            assert_eq!(
                conflict_copy_of(copy),
                Some(seq),
                "{copy} is a conflict copy"
            );
        }
        for other in [
            "000000000007",
            "000000000000.sync-conflict-20261202-101010-ABCDEFG",
            "00000000007.sync-conflict-20261202-101010-ABCDEFG",
            ".syncthing.000000000007.sync-conflict-20261202-101010-ABCDEFG.tmp",
            "000000000007 (copy)",
            "header.sync-conflict-20261202-101010-ABCDEFG",
            "ééééééééééééé.sync-conflict-",
        ] {
            assert_eq!(conflict_copy_of(other), None, "{other} is no conflict copy");
        }
        assert!(is_device_id(&"0a".repeat(16)));
        assert!(!is_device_id(&"0A".repeat(16)));
        assert!(!is_device_id("header"));
    }

    #[test]
    fn a_temp_name_left_by_a_killed_write_does_not_reach_the_file_in_place() {
        // Killed between the link and dropping the temp name: the temp name is a second name
        // of the change file. Another write of that number (a copy under this id, writing
        // into the same folder) must not go through it.
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::in_chosen(dir.path());
        let device = "ab".repeat(16);
        folder.write_change(&device, 1, b"one").unwrap();
        let temp = folder.file_of(&device, ".000000000001.tmp");
        fs::hard_link(folder.change_file(&device, 1), &temp).unwrap();
        let again = folder.write_change(&device, 1, b"two").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(folder.change_file(&device, 1)).unwrap(), b"one");
        assert!(!temp.exists());
    }

    #[test]
    fn a_change_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::in_chosen(dir.path());
        let device = "ab".repeat(16);
        folder.write_change(&device, 1, b"one").unwrap();
        let again = folder.write_change(&device, 1, b"two").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(folder.change_file(&device, 1)).unwrap(), b"one");
        assert_eq!(folder.sequence(&device).unwrap(), [1]);
        assert_eq!(folder.devices().unwrap(), vec![device.clone()]);
        let names: Vec<_> = fs::read_dir(dir.path().join(DIR_NAME).join(&device))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp file is left behind");
    }
}
