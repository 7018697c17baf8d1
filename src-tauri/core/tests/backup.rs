//! Backups on real encrypted journals: a backup opens with the passphrase and the recovery key
//! valid when it was made, contents are equal after restoring, the current journal is kept
//! before a restore, damaged or cancelled backups are never taken for good ones, and the
//! automatic daily backups rotate.

mod common;

use std::fs;

use chrono::{Duration, TimeZone, Utc};
use common::{contains, snapshot, TempJournal, KDF, PASSPHRASE};
use daybreak_core::backup::{self, container::Container};
use daybreak_core::store::settings;
use daybreak_core::zone::Zone;
use daybreak_core::{BackupProblem, DataError, Journal, Passphrase, Secret};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn damaged<T: std::fmt::Debug>(r: Result<T, DataError>) -> BackupProblem {
    match r {
        Err(DataError::DamagedBackup(problem)) => problem,
        other => panic!("expected a damaged backup, got {other:?}"),
    }
}

fn journal(j: &TempJournal) -> Journal {
    Journal::new(j.paths().clone(), KDF)
}

#[test]
fn a_backup_restores_with_the_old_passphrase_or_recovery_key_and_contents_are_equal() {
    let canary = "CANARYbackupotter";
    let j = TempJournal::new();
    let (mut s, recovery) = j.create();
    settings::set(s.store_mut(), "note", &format!("{canary} before backup")).unwrap();
    let dest = j.dir.path().join("elsewhere").join("my.dbk");
    let mut steps = Vec::new();
    let made = backup::create(&s, j.paths(), &dest, now(), &mut |p| {
        steps.push(p);
        true
    })
    .unwrap();
    assert_eq!(steps.last(), Some(&100), "progress reaches 100");
    assert!(
        made.counts.iter().any(|c| c.label == "clocks"),
        "the summary counts what is inside"
    );
    let bytes = fs::read(&dest).unwrap();
    assert!(
        !contains(&bytes, canary.as_bytes()),
        "the backup file is encrypted"
    );

    // Change things after the backup, including the passphrase.
    settings::set(s.store_mut(), "note", "after the backup").unwrap();
    s.lock().unwrap();
    j.vault
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("a newer passphrase"),
            KDF,
        )
        .unwrap();

    let newer = Passphrase::new("a newer passphrase");
    assert!(matches!(
        backup::inspect(&dest, &Secret::Passphrase(&newer), j.paths().dir()),
        Err(DataError::WrongBackupSecret {
            recovery_key: false
        })
    ));
    let old = Passphrase::new(PASSPHRASE);
    let seen = backup::inspect(&dest, &Secret::Passphrase(&old), j.paths().dir()).unwrap();
    assert_eq!(seen.created_at, now());
    assert!(
        backup::inspect(&dest, &Secret::RecoveryKey(&recovery), j.paths().dir()).is_ok(),
        "the recovery key opens it too"
    );

    let safety = journal(&j)
        .restore_from(&dest, &Secret::RecoveryKey(&recovery), now())
        .unwrap();
    let safety = safety.expect("the current journal is kept before restoring");
    assert!(
        backup::inspect(&safety, &Secret::Passphrase(&newer), j.paths().dir()).is_ok(),
        "and the copy opens with today's passphrase"
    );
    let s = j
        .vault
        .unlock(&old)
        .expect("after restoring, the backup's passphrase opens the journal");
    assert_eq!(
        settings::get(s.store(), "note").unwrap().unwrap(),
        format!("{canary} before backup")
    );
}

#[test]
fn damaged_truncated_and_cancelled_backups_are_never_taken_for_good_ones() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    settings::set(s.store_mut(), "k", "v").unwrap();
    let dest = j.dir.path().join("b.dbk");
    backup::create(&s, j.paths(), &dest, now(), &mut |_| true).unwrap();
    let good = fs::read(&dest).unwrap();
    let old = Passphrase::new(PASSPHRASE);

    for cut in [good.len() / 2, good.len() - 1, 20] {
        fs::write(&dest, &good[..cut]).unwrap();
        assert_eq!(
            damaged(backup::inspect(
                &dest,
                &Secret::Passphrase(&old),
                j.paths().dir()
            )),
            BackupProblem::Incomplete,
            "cut at {cut}"
        );
    }
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    fs::write(&dest, &flipped).unwrap();
    assert_eq!(
        damaged(backup::inspect(
            &dest,
            &Secret::Passphrase(&old),
            j.paths().dir()
        )),
        BackupProblem::Incomplete
    );
    fs::write(&dest, b"not a backup at all").unwrap();
    assert_eq!(
        damaged(backup::inspect(
            &dest,
            &Secret::Passphrase(&old),
            j.paths().dir()
        )),
        BackupProblem::NotABackup
    );
    // A wrongly keyed database inside a well-formed container fails the check.
    let mut c = Container::decode(&good).unwrap();
    c.db[5000] ^= 0xff;
    fs::write(&dest, c.encode()).unwrap();
    assert_eq!(
        damaged(backup::inspect(
            &dest,
            &Secret::Passphrase(&old),
            j.paths().dir()
        )),
        BackupProblem::Journal
    );

    let cancelled = j.dir.path().join("cancelled.dbk");
    let r = backup::create(&s, j.paths(), &cancelled, now(), &mut |p| p < 40);
    assert!(matches!(r, Err(DataError::Cancelled(_))), "{r:?}");
    assert!(!cancelled.exists(), "a cancelled backup leaves no file");
    let leftovers: Vec<_> = fs::read_dir(j.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temp files are left behind: {leftovers:?}"
    );
    // A journal restored from a damaged file is never installed.
    s.lock().unwrap();
    let before = snapshot(j.paths().dir());
    assert!(journal(&j)
        .restore_from(&dest, &Secret::Passphrase(&old), now())
        .is_err());
    assert_eq!(
        snapshot(j.paths().dir()),
        before,
        "a refused restore changes nothing"
    );
}

#[test]
fn a_check_or_restore_killed_while_folding_a_kept_log_leaves_nothing_at_the_next_start() {
    // Checking or restoring a journal kept with its log copies the log beside the copy being
    // read (`fold_kept_log`), where SQLite also makes its index. Killed there, the next start
    // removes them with the copy; the journal's own log is left alone.
    let j = TempJournal::new();
    let (s, _) = j.create();
    s.lock().unwrap();
    let dir = j.paths().dir();
    let killed = [
        ".before-restore-20261127T100000.dbk.check-0123456789ab.tmp",
        ".before-restore-20261127T100000.dbk.check-0123456789ab.tmp-wal",
        ".before-restore-20261127T100000.dbk.check-0123456789ab.tmp-shm",
        "journal.db.staged",
        "journal.db.staged-wal",
        "journal.db.staged-shm",
    ];
    for name in killed {
        fs::write(dir.join(name), b"left by a killed check").unwrap();
    }
    fs::write(j.paths().database_wal(), b"the journal's own log").unwrap();

    drop(journal(&j));
    let left: Vec<&str> = killed
        .into_iter()
        .filter(|name| dir.join(name).exists())
        .collect();
    assert!(left.is_empty(), "left after the next start: {left:?}");
    assert_eq!(
        fs::read(j.paths().database_wal()).unwrap(),
        b"the journal's own log"
    );
}

#[test]
fn automatic_backups_run_once_a_day_and_rotate() {
    let j = TempJournal::new();
    let (s, _) = j.create();
    let tz = Zone::UTC;
    let first = backup::auto_backup(&s, j.paths(), now(), tz).unwrap();
    assert!(first.is_some(), "the first unlock of the day makes one");
    assert!(
        backup::auto_backup(&s, j.paths(), now() + Duration::hours(3), tz)
            .unwrap()
            .is_none(),
        "only one a day"
    );
    for day in 1..30 {
        backup::auto_backup(&s, j.paths(), now() + Duration::days(day), tz).unwrap();
    }
    let files = backup::list_auto(j.paths());
    assert_eq!(
        files.len(),
        7 + 4,
        "7 daily and 4 weekly are kept: {files:#?}"
    );
    assert!(
        files[0].ends_with("auto-2026-12-26.dbk"),
        "newest first: {}",
        files[0]
    );
}

#[test]
fn a_backup_to_a_chosen_file_removes_what_a_killed_one_left_beside_it() {
    // The data folder is swept at each start; a folder the person chose is not, and the
    // leftover holds the whole journal under the passphrase of its day.
    let j = TempJournal::new();
    let (s, _) = j.create();
    let stick = j.dir.path().join("Stick");
    fs::create_dir(&stick).unwrap();
    // As `TempFile::beside` names them: the snapshot and the partial file beside the backup,
    // and the copy that checks the partial file beside that, with SQLite's log.
    let killed = [
        ".mine.dbk.snapshot-0123456789ab.tmp",
        ".mine.dbk.partial-0123456789ab.tmp",
        "..mine.dbk.partial-0123456789ab.tmp.check-ba9876543210.tmp",
        "..mine.dbk.partial-0123456789ab.tmp.check-ba9876543210.tmp-wal",
    ];
    let not_ours = [
        ".theirs.dbk.partial-0123456789ab.tmp",
        ".mine.dbk.notes.tmp",
        "mine.txt",
    ];
    for name in killed.iter().chain(&not_ours) {
        fs::write(stick.join(name), b"left there").unwrap();
    }
    backup::create(&s, j.paths(), &stick.join("mine.dbk"), now(), &mut |_| true).unwrap();
    let left: Vec<&str> = killed
        .into_iter()
        .filter(|name| stick.join(name).exists())
        .collect();
    assert!(left.is_empty(), "left beside the new backup: {left:?}");
    for name in not_ours {
        assert!(
            stick.join(name).exists(),
            "{name} is not a leftover of this backup"
        );
    }
}

#[cfg(unix)]
#[test]
fn backing_up_into_a_folder_leaves_the_folder_as_it_was() {
    // Checking a new backup reads it into a copy beside it; that folder is the person's own
    // (Documents, a stick that refuses a mode change), not Daybreak's private one.
    use std::os::unix::fs::PermissionsExt;
    let j = TempJournal::new();
    let (s, _) = j.create();
    let documents = j.dir.path().join("Documents");
    fs::create_dir(&documents).unwrap();
    fs::set_permissions(&documents, fs::Permissions::from_mode(0o755)).unwrap();
    backup::create(
        &s,
        j.paths(),
        &documents.join("mine.dbk"),
        now(),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(
        fs::metadata(&documents).unwrap().permissions().mode() & 0o777,
        0o755
    );
}
