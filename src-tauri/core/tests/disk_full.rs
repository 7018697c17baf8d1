//! Disk full, for real: the journal lives on a small tmpfs that a filler file fills up.
//! Writes must fail with a clear "disk is full" error, nothing committed may be lost, and the
//! same session must go on working once space is back. A backup on a full or write-protected
//! stick (a tmpfs filled up, or remounted read-only) is still checked and restored from there.
//!
//! Mounting needs root (or password-less sudo), as the README's test command has; the test
//! fails with a plain message rather than skipping when it cannot mount. Linux only (tmpfs);
//! the Windows run under Wine builds it empty.
#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration as StdDuration;

use chrono::{Duration, TimeZone, Utc};
use common::{TempJournal, KDF, PASSPHRASE};
use daybreak_core::backup;
use daybreak_core::journal_entries::{self, JournalInput};
use daybreak_core::store::StoreError;
use daybreak_core::{DataError, Journal, Passphrase, Secret};

/// A tmpfs mounted for the test's lifetime.
struct Tmpfs {
    dir: PathBuf,
}

fn as_root(args: &[&str]) -> std::io::Result<std::process::Output> {
    let uid = Command::new("id").arg("-u").output()?;
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        Command::new(args[0]).args(&args[1..]).output()
    } else {
        Command::new("sudo").arg("-n").args(args).output()
    }
}

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Self {
        fs::create_dir_all(dir).unwrap();
        let out = as_root(&[
            "mount",
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size}"),
            "tmpfs",
            dir.to_str().unwrap(),
        ])
        .expect("run mount");
        assert!(
            out.status.success(),
            "the disk-full test mounts a small tmpfs and needs root or password-less sudo: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmpfs {
            dir: dir.to_path_buf(),
        }
    }
}

impl Tmpfs {
    /// Makes the file system read-only, as a write-protected stick is.
    fn write_protect(&self) {
        let out =
            as_root(&["mount", "-o", "remount,ro", self.dir.to_str().unwrap()]).expect("run mount");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = as_root(&["umount", "-l", self.dir.to_str().unwrap()]);
    }
}

/// Fills the file system with `filler` until it is full, then gives `keep` bytes back.
fn fill(filler: &Path, keep: u64) {
    let mut file = fs::File::create(filler).unwrap();
    let chunk = vec![0x5a_u8; 16 * 1024];
    let mut written: u64 = 0;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(_) => break,
        }
    }
    let _ = file.sync_all();
    file.set_len(written.saturating_sub(keep)).unwrap();
    file.sync_all().unwrap();
}

fn count(session: &daybreak_core::Session) -> i64 {
    session
        .store()
        .read(|c| c.query_row("SELECT count(*) FROM journal_entries", [], |r| r.get(0)))
        .unwrap()
}

#[test]
fn a_full_disk_refuses_writes_clearly_loses_nothing_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = Tmpfs::mount(&tmp.path().join("small-disk"), "6m");
    let j = TempJournal {
        vault: daybreak_core::Vault::new(daybreak_core::JournalPaths::new(mnt.dir.join("data"))),
        dir: tempfile::tempdir().unwrap(),
    };
    let (mut session, _) = j.create();
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let filler = mnt.dir.join("filler");
    fill(&filler, 256 * 1024);

    // Write entries (each distinct, so nothing compresses away) until the disk is full.
    let mut acknowledged = 0_i64;
    let error = loop {
        let body: String = (0..300).map(|i| format!("{acknowledged}-{i} ")).collect();
        let entry = JournalInput {
            at: now - Duration::minutes(acknowledged),
            title: format!("Entry {acknowledged}"),
            body,
            tags: vec![],
        };
        match journal_entries::create(session.store_mut(), &entry, now) {
            Ok(_) => acknowledged += 1,
            Err(e) => break e,
        }
        assert!(acknowledged < 10_000, "the small disk never filled up");
    };
    assert!(acknowledged > 0, "some entries fit before the disk filled");
    assert!(
        matches!(error, DataError::Store(StoreError::DiskFull)),
        "a full disk is reported as such, not as a generic error: {error:?}"
    );
    assert_eq!(
        count(&session),
        acknowledged,
        "every acknowledged entry is still there"
    );

    // Space comes back: the same session goes on working.
    fs::remove_file(&filler).unwrap();
    let entry = JournalInput {
        at: now,
        title: "After".into(),
        body: "There is room again.".into(),
        tags: vec![],
    };
    journal_entries::create(session.store_mut(), &entry, now)
        .expect("writes work once space is back");
    assert_eq!(count(&session), acknowledged + 1);

    // And it all survives a lock and an unlock, intact.
    session.lock().unwrap();
    let session = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(count(&session), acknowledged + 1);
    let verdict: String = session
        .store()
        .read(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(verdict, "ok");
    drop(session);
    drop(j);
}

#[test]
fn a_backup_on_a_full_stick_is_still_checked_and_restored_from_there() {
    // The check reads the backup into a copy of its own: written in the journal's folder, not
    // beside a backup that lies where nothing more can be written.
    let tmp = tempfile::tempdir().unwrap();
    let stick = Tmpfs::mount(&tmp.path().join("stick"), "4m");
    let (j, file) = backed_up_to(&stick);
    fill(&stick.dir.join("filler"), 0);
    checks_and_restores(&j, &file);
}

#[test]
fn a_backup_on_a_write_protected_stick_is_checked_and_restored_from_there() {
    let tmp = tempfile::tempdir().unwrap();
    let stick = Tmpfs::mount(&tmp.path().join("stick"), "4m");
    let (j, file) = backed_up_to(&stick);
    stick.write_protect();
    assert!(
        fs::write(stick.dir.join("probe"), b"x").is_err(),
        "the stick is read-only"
    );
    checks_and_restores(&j, &file);
}

/// A new journal and a backup of it on `stick`.
fn backed_up_to(stick: &Tmpfs) -> (TempJournal, PathBuf) {
    let j = TempJournal::new();
    let (session, _) = j.create();
    let file = stick.dir.join("daybreak-backup.dbk");
    backup::create(&session, j.paths(), &file, backup_time(), &mut |_| true).unwrap();
    (j, file)
}

fn backup_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// Checks the backup at `file` and restores `j` from it, where it lies.
fn checks_and_restores(j: &TempJournal, file: &Path) {
    let journal = Journal::with_first_wait(j.paths().clone(), KDF, StdDuration::from_secs(60));
    let passphrase = Passphrase::new(PASSPHRASE);
    journal
        .inspect_backup(file, &Secret::Passphrase(&passphrase))
        .expect("the backup can be checked where it lies");
    journal
        .restore_from(file, &Secret::Passphrase(&passphrase), backup_time())
        .expect("and restored from there");
    journal.unlock(&passphrase).unwrap();
}
