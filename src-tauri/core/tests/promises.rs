//! The vault's promises, each checked on real encrypted journals: a passphrase change shuts
//! the old passphrase out of every file in the folder, a re-key shuts out every older copy,
//! a restore keeps what the journal held and installs exactly what it checked, one throttle
//! counts every secret check, a lock never waits behind a backup (and stops it), files are
//! private, and a crafted header cannot make unlocking hang.

mod common;

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use common::{log_mood, mood_notes, snapshot, TempJournal, KDF, PASSPHRASE};
use daybreak_core::backup::{self, container::Container};
use daybreak_core::journal::FREE_ATTEMPTS;
use daybreak_core::store::settings;
use daybreak_core::sync::header as sync_header;
use daybreak_core::vault::header::Header;
use daybreak_core::vault::CorruptPart;
use daybreak_core::zone::Zone;
use daybreak_core::{
    DataError, Journal, JournalError, JournalPaths, Passphrase, Secret, Session, Vault, VaultError,
};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
}

fn journal(j: &TempJournal) -> Journal {
    Journal::with_first_wait(j.paths().clone(), KDF, Duration::from_secs(60))
}

/// A backup of `j`'s open journal as it is now, in `j`'s temp dir: its path.
fn backed_up(j: &TempJournal, s: &Session) -> std::path::PathBuf {
    let file = j.dir.path().join("from.dbk");
    backup::create(s, j.paths(), &file, now(), &mut |_| true).unwrap();
    file
}

/// A new journal, locked, behind a `Journal` (and its throttle), with a backup of it: the temp
/// journal (keep it alive), the journal, the backup's path.
fn locked_with_a_backup() -> (TempJournal, Journal, std::path::PathBuf) {
    let j = TempJournal::new();
    let (s, _) = j.create();
    let file = backed_up(&j, &s);
    drop(s);
    let journal = journal(&j);
    (j, journal, file)
}

/// Does `passphrase` open the header (bare, inside a backup, or a sync folder's) held in
/// `bytes`?
fn opens(bytes: &[u8], passphrase: &str) -> bool {
    let header = if Header::decode(bytes).is_ok() {
        bytes.to_vec()
    } else if let Ok(c) = Container::decode(bytes) {
        c.header
    } else if let Some((_, header)) = sync_header::split(bytes) {
        header.to_vec()
    } else {
        return false;
    };
    let scratch = tempfile::tempdir().unwrap();
    let probe = Vault::new(JournalPaths::new(scratch.path()));
    fs::write(probe.paths().header(), header).unwrap();
    probe
        .data_key_from_passphrase(&Passphrase::new(passphrase))
        .is_ok()
}

fn files_opening_with(dir: &Path, passphrase: &str) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .filter(|(_, bytes)| opens(bytes, passphrase))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

/// An open journal syncing through a folder that holds its header: the temp journal (keep it
/// alive), the journal, the folder the person chose.
fn syncing() -> (TempJournal, Journal, std::path::PathBuf) {
    let j = TempJournal::new();
    let (s, _) = j.create();
    drop(s);
    let journal = journal(&j);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let chosen = j.dir.path().join("Sync");
    fs::create_dir(&chosen).unwrap();
    let chosen = journal.choose_sync_folder(&chosen).unwrap();
    journal.sync_round().unwrap();
    assert_eq!(
        files_opening_with(&chosen, PASSPHRASE).len(),
        1,
        "the folder holds the header"
    );
    (j, journal, chosen)
}

/// After a change to "the new passphrase": the old one opens no file in `dir` (`place`), and
/// the new one opens its one header.
fn only_the_new_passphrase_opens(dir: &Path, place: &str) {
    assert_eq!(
        files_opening_with(dir, PASSPHRASE),
        Vec::<String>::new(),
        "after a change, the old passphrase must open no file in {place}"
    );
    assert_eq!(
        files_opening_with(dir, "the new passphrase").len(),
        1,
        "{place}"
    );
}

#[test]
fn after_a_passphrase_change_the_old_one_opens_no_file_in_the_folder_or_the_sync_folder() {
    let (j, journal, chosen) = syncing();
    journal
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("the new passphrase"),
        )
        .unwrap();
    // Locked before any round: the next may come only at the next unlock.
    journal.lock().unwrap();
    only_the_new_passphrase_opens(j.paths().dir(), "the journal's folder");
    only_the_new_passphrase_opens(&chosen, "the sync folder");
}

#[test]
fn after_a_rekey_the_old_passphrase_opens_nothing_in_the_sync_folder() {
    let (_j, journal, chosen) = syncing();
    journal
        .rekey(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("the new passphrase"),
            now(),
        )
        .unwrap();
    journal.lock().unwrap();
    only_the_new_passphrase_opens(&chosen, "the sync folder, after a re-key");
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_made_private_again_at_each_start() {
    // The webview keeps its own data in the same folder and makes it 0755 when it is first.
    use std::os::unix::fs::PermissionsExt;
    let j = TempJournal::new();
    drop(j.create());
    let dir = j.paths().dir();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    drop(journal(&j));
    assert_eq!(
        fs::metadata(dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn a_header_copy_left_by_an_older_daybreak_is_removed_at_the_next_start() {
    let j = TempJournal::new();
    j.create().0.lock().unwrap();
    fs::copy(j.paths().header(), j.paths().previous_header()).unwrap();
    drop(journal(&j));
    assert!(
        !j.paths().previous_header().exists(),
        "journal.header.prev still opens with an old passphrase: it must go"
    );
}

#[test]
fn a_header_asking_for_more_than_the_ceiling_fails_closed_without_deriving() {
    let j = TempJournal::new();
    j.create().0.lock().unwrap();
    let mut bytes = fs::read(j.paths().header()).unwrap();
    // The passphrase slot's m_kib follows the preamble (11 bytes), kind and KDF id.
    let m_at = 11 + 2;
    let crafted: u32 = 1024 * 1024 + 1024;
    bytes[m_at..m_at + 4].copy_from_slice(&crafted.to_le_bytes());
    fs::write(j.paths().header(), &bytes).unwrap();
    let before = snapshot(j.paths().dir());
    assert!(
        matches!(
            j.vault.unlock(&Passphrase::new(PASSPHRASE)),
            Err(VaultError::Corrupt(CorruptPart::Header))
        ),
        "a header asking for more than 1 GiB is refused as damaged before any derivation"
    );
    assert_eq!(
        snapshot(j.paths().dir()),
        before,
        "nothing is created or changed"
    );
}

#[test]
fn a_rekey_shuts_out_every_older_copy_and_keeps_every_entry() {
    let j = TempJournal::new();
    let (mut s, old_recovery) = j.create();
    settings::set(s.store_mut(), "note", "kept through the re-key").unwrap();
    s.lock().unwrap();
    let journal = journal(&j);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let old_backup = journal.auto_backup(now(), Zone::UTC).unwrap().unwrap();
    let stolen_db = fs::read(j.paths().database()).unwrap();

    let new = Passphrase::new("a passphrase nobody else knows");
    let rekeyed = journal
        .rekey(&Passphrase::new(PASSPHRASE), &new, now())
        .unwrap();
    let fresh = rekeyed.backup.expect("a fresh backup under the new key");
    assert!(
        backup::inspect(
            Path::new(&fresh.path),
            &Secret::Passphrase(&new),
            j.paths().dir()
        )
        .is_ok(),
        "the fresh backup opens with the new passphrase"
    );
    assert_eq!(
        rekeyed.older_backups,
        vec![old_backup.path.clone()],
        "the backups from before are listed for deleting"
    );
    // Still open, with everything in it, under the new key.
    let note = journal
        .with_session(|s| Ok(settings::get(s.store(), "note")?))
        .unwrap();
    assert_eq!(note.as_deref(), Some("kept through the re-key"));
    journal.lock().unwrap();

    assert_eq!(
        files_opening_with(j.paths().dir(), PASSPHRASE),
        vec![old_backup.path.clone()],
        "only the older backup opens with the old passphrase"
    );
    // The data key inside the older backup opens neither today's journal nor a new backup.
    let scratch = tempfile::tempdir().unwrap();
    let probe = Vault::new(JournalPaths::new(scratch.path()));
    let c = Container::decode(&fs::read(&old_backup.path).unwrap()).unwrap();
    fs::write(probe.paths().header(), &c.header).unwrap();
    let old_key = probe
        .data_key_from_passphrase(&Passphrase::new(PASSPHRASE))
        .unwrap();
    assert!(
        j.vault.open_with_data_key(&old_key).is_err(),
        "after a re-key, the old data key must not open the journal"
    );
    assert_ne!(
        fs::read(j.paths().database()).unwrap(),
        stolen_db,
        "the database was re-encrypted"
    );
    // The old recovery key is shut out too; the new one opens.
    assert!(matches!(
        journal.unlock_with_recovery_key(&old_recovery, &Passphrase::new("whatever it is")),
        Err(JournalError::Vault(VaultError::WrongRecoveryKey))
    ));
    journal
        .unlock_with_recovery_key(&rekeyed.recovery_key, &Passphrase::new("after recovery"))
        .expect("the new recovery key opens the journal");
    let note = journal
        .with_session(|s| Ok(settings::get(s.store(), "note")?))
        .unwrap();
    assert_eq!(note.as_deref(), Some("kept through the re-key"));
    let deleted = journal
        .delete_automatic_backups_except(Path::new(&fresh.path))
        .unwrap();
    assert_eq!(deleted, 1);
    journal.lock().unwrap();
    assert!(files_opening_with(j.paths().dir(), PASSPHRASE).is_empty());
}

#[test]
fn a_rekey_keeps_search_and_the_schema() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    daybreak_core::journal_entries::create(
        s.store_mut(),
        &daybreak_core::journal_entries::JournalInput {
            at: now(),
            title: "Walk".into(),
            body: "a long walk by the river".into(),
            tags: vec![],
        },
        now(),
    )
    .unwrap();
    let schema = |s: &daybreak_core::Session| -> Vec<String> {
        s.store()
            .read(|c| {
                let mut st =
                    c.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")?;
                let rows = st.query_map([], |r| r.get(0))?;
                rows.collect::<Result<Vec<String>, _>>()
            })
            .unwrap()
    };
    let before = schema(&s);
    s.lock().unwrap();
    let journal = journal(&j);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    journal
        .rekey(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("another passphrase"),
            now(),
        )
        .unwrap();
    journal
        .with_session(|s| {
            assert_eq!(schema(s), before, "the re-keyed copy has the same schema");
            let hits = daybreak_core::search::search(s.store(), "river", 10)?;
            assert_eq!(hits.len(), 1, "full-text search still finds the entry");
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_restore_installs_what_it_checked_and_keeps_the_open_journal_with_its_wal() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    settings::set(s.store_mut(), "which", "backup").unwrap();
    let file = backed_up(&j, &s);
    s.lock().unwrap();
    let journal = journal(&j);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    // Written after the last checkpoint: only in the WAL when the restore starts.
    journal
        .with_session(|s| Ok(settings::set(s.store_mut(), "which", "latest")?))
        .unwrap();
    assert!(fs::metadata(j.paths().database_wal()).unwrap().len() > 0);
    let secret = Passphrase::new(PASSPHRASE);
    let kept = journal
        .restore_from(&file, &Secret::Passphrase(&secret), now())
        .unwrap()
        .expect("the journal as it was is kept");
    let s = j.vault.unlock(&secret).unwrap();
    assert_eq!(
        settings::get(s.store(), "which").unwrap().as_deref(),
        Some("backup")
    );
    s.lock().unwrap();
    let check = tempfile::tempdir().unwrap();
    let restored_copy = Vault::new(JournalPaths::new(check.path()));
    let c = Container::decode(&fs::read(&kept).unwrap()).unwrap();
    fs::write(restored_copy.paths().header(), &c.header).unwrap();
    fs::write(restored_copy.paths().database(), &c.db).unwrap();
    let s = restored_copy.unlock(&secret).unwrap();
    assert_eq!(
        settings::get(s.store(), "which").unwrap().as_deref(),
        Some("latest"),
        "the copy kept before restoring holds what was only in the WAL"
    );
}

#[test]
fn a_locked_journal_with_changes_left_in_its_log_is_restored_and_the_log_kept() {
    // After a crash the log (WAL) can hold changes the file does not, and a journal whose file
    // is damaged never opens to fold them in: the restore from the lock screen keeps the log's
    // bytes beside the journal kept, and goes on.
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let file = backed_up(&j, &s);
    settings::set(s.store_mut(), "which", "only in the log").unwrap();
    let log = fs::read(j.paths().database_wal()).unwrap();
    assert!(!log.is_empty(), "the change is in the log");
    s.lock().unwrap();
    // As a crash would leave it: the log still there beside the locked journal.
    fs::write(j.paths().database_wal(), &log).unwrap();

    let secret = Passphrase::new(PASSPHRASE);
    let kept = journal(&j)
        .restore_from(&file, &Secret::Passphrase(&secret), now())
        .expect("the restore goes on")
        .expect("the journal as it was is kept");
    assert_eq!(
        fs::read(backup::log_beside(&kept)).unwrap(),
        log,
        "the log's bytes are kept beside it"
    );
    let s = j.vault.unlock(&secret).unwrap();
    assert_eq!(
        settings::get(s.store(), "which").unwrap(),
        None,
        "the backup is installed"
    );
    // Deleting the old backups (after a re-key) takes the kept log with its journal.
    backup::delete_automatic_except(j.paths(), &file).unwrap();
    assert!(!kept.exists() && !backup::log_beside(&kept).exists());
}

#[test]
fn restoring_the_journal_kept_with_its_log_brings_back_what_was_only_in_the_log() {
    // Undoing a restore made from the lock screen after a crash: the journal kept then, its log
    // beside it (above), is checked and restored, and what only the log held is in both.
    let j = TempJournal::new();
    let (s, _) = j.create();
    let file = backed_up(&j, &s);
    drop(s);
    let journal = journal(&j);
    let secret = Passphrase::new(PASSPHRASE);
    journal.unlock(&secret).unwrap();
    let file_before = fs::read(j.paths().database()).unwrap();
    log_mood(&journal, "only in the log");
    let log = fs::read(j.paths().database_wal()).unwrap();
    journal.lock().unwrap();
    // As a crash would leave it: the file without the mood (locking folded it in), the log
    // with it.
    fs::write(j.paths().database(), &file_before).unwrap();
    fs::write(j.paths().database_wal(), &log).unwrap();
    let kept = journal
        .restore_from(&file, &Secret::Passphrase(&secret), now())
        .unwrap()
        .expect("the journal as it was is kept");
    assert!(backup::log_beside(&kept).exists());

    let summary = journal
        .inspect_backup(&kept, &Secret::Passphrase(&secret))
        .unwrap();
    let moods = summary.counts.iter().find(|c| c.label == "moods");
    assert_eq!(
        moods.map(|c| c.count),
        Some(1),
        "the check counts the log's mood"
    );
    // Within the same second: the journal kept now gets a name of its own, so the first's log
    // is never taken for its.
    let kept_again = journal
        .restore_from(&kept, &Secret::Passphrase(&secret), now())
        .unwrap()
        .expect("the restored journal is kept in turn");
    assert_ne!(kept_again, kept);
    assert!(!backup::log_beside(&kept_again).exists());
    let listed = backup::list_auto(j.paths());
    assert_eq!(
        listed[..2],
        [kept_again.display().to_string(), kept.display().to_string()],
        "newest first"
    );
    journal.unlock(&secret).unwrap();
    assert_eq!(mood_notes(&journal), ["only in the log"]);
    journal.lock().unwrap();
    // The log stays with the journal kept (undoing again still finds it); nothing of it was
    // left beside the copies made to check and restore it.
    assert_eq!(fs::read(backup::log_beside(&kept)).unwrap(), log);
    let strays: Vec<String> = [j.paths().dir().to_path_buf(), j.paths().backups()]
        .iter()
        .flat_map(|dir| fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()))
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with(".tmp"))
        .filter(|name| !name.starts_with("before-restore-"))
        .collect();
    assert!(strays.is_empty(), "left beside the copies: {strays:?}");
}

#[test]
fn a_new_computer_with_no_journal_and_no_folder_yet_checks_and_restores_a_backup() {
    // The welcome screen offers a restore: Daybreak's folder is not made until something is
    // written there, and checking a backup writes its copy in it.
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    settings::set(s.store_mut(), "which", "in the backup").unwrap();
    let file = backed_up(&j, &s);
    s.lock().unwrap();

    let fresh = j.dir.path().join("new computer").join("daybreak");
    let new = Journal::with_first_wait(JournalPaths::new(&fresh), KDF, Duration::from_secs(60));
    let secret = Passphrase::new(PASSPHRASE);
    new.inspect_backup(&file, &Secret::Passphrase(&secret))
        .expect("the backup is checked");
    assert_eq!(
        new.restore_from(&file, &Secret::Passphrase(&secret), now())
            .expect("and restored"),
        None,
        "there was no journal to keep"
    );
    new.unlock(&secret).unwrap();
    new.with_session(|s| {
        assert_eq!(
            settings::get(s.store(), "which").unwrap().as_deref(),
            Some("in the backup")
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_backup_is_read_once_what_was_checked_is_what_is_installed() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    settings::set(s.store_mut(), "which", "checked").unwrap();
    let file = backed_up(&j, &s);
    s.lock().unwrap();
    let secret = Passphrase::new(PASSPHRASE);
    let staged = backup::stage_restore(&j.vault, &file, &Secret::Passphrase(&secret)).unwrap();
    // Someone (a sync tool, another program) replaces the file after the check.
    fs::write(&file, b"replaced after the check").unwrap();
    backup::install_restore(&j.vault, staged).unwrap();
    let s = j.vault.unlock(&secret).unwrap();
    assert_eq!(
        settings::get(s.store(), "which").unwrap().as_deref(),
        Some("checked")
    );
}

#[test]
fn a_journal_file_that_cannot_be_read_fails_the_restore_instead_of_keeping_an_empty_copy() {
    let j = TempJournal::new();
    let (s, _) = j.create();
    let file = backed_up(&j, &s);
    s.lock().unwrap();
    // A database that cannot be read (a directory where the file should be; permissions
    // would not stop root).
    let db = j.paths().database();
    fs::rename(&db, j.dir.path().join("moved.db")).unwrap();
    fs::create_dir(&db).unwrap();
    let secret = Passphrase::new(PASSPHRASE);
    let result = journal(&j).restore_from(&file, &Secret::Passphrase(&secret), now());
    assert!(
        matches!(result, Err(JournalError::Data(DataError::Io { .. }))),
        "a read error must fail the restore: {result:?}"
    );
    assert!(
        backup::list_auto(j.paths()).is_empty(),
        "no empty 'before restore' copy may be written"
    );
    assert!(db.is_dir(), "and nothing was installed");
}

#[test]
fn one_throttle_counts_every_secret_check() {
    let (_j, journal, file) = locked_with_a_backup();
    let wrong = Passphrase::new("not the passphrase");
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    // Wrong tries spread over every kind of check.
    assert!(journal
        .change_passphrase(&wrong, &Passphrase::new("new enough one"))
        .is_err());
    assert!(journal
        .rekey(&wrong, &Passphrase::new("new enough one"), now())
        .is_err());
    assert!(journal
        .inspect_backup(&file, &Secret::Passphrase(&wrong))
        .is_err());
    assert!(journal
        .restore_from(&file, &Secret::Passphrase(&wrong), now())
        .is_err());
    journal.lock().unwrap();
    assert!(journal.unlock(&wrong).is_err());
    // The sixth wrong try in a row, whatever it is, must wait; so must the right one.
    assert!(matches!(
        journal.inspect_backup(&file, &Secret::Passphrase(&wrong)),
        Err(JournalError::TooManyAttempts { .. })
    ));
    assert!(matches!(
        journal.unlock(&Passphrase::new(PASSPHRASE)),
        Err(JournalError::TooManyAttempts { .. })
    ));
}

#[test]
fn a_backup_opened_does_not_clear_the_wrong_tries_at_the_journal() {
    // Anyone can bring a backup they can open (one of their own): opening it must not buy more
    // guesses at this journal's passphrase.
    let (_j, journal, file) = locked_with_a_backup();
    let wrong = Passphrase::new("not the passphrase");
    for _ in 0..FREE_ATTEMPTS - 1 {
        assert!(journal.unlock(&wrong).is_err());
    }
    journal
        .inspect_backup(&file, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .expect("the backup opens with its own passphrase");
    assert!(
        journal.unlock(&wrong).is_err(),
        "the fifth wrong try in a row"
    );
    assert!(matches!(
        journal.unlock(&Passphrase::new(PASSPHRASE)),
        Err(JournalError::TooManyAttempts { .. })
    ));
}

#[test]
fn a_lock_does_not_wait_for_a_running_backup_and_stops_it_cleanly() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    for i in 0..50 {
        settings::set(s.store_mut(), &format!("k{i}"), &"x".repeat(500)).unwrap();
    }
    drop(s);
    let journal = std::sync::Arc::new(journal(&j));
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let dest = j.dir.path().join("during-lock.dbk");
    let (parked_tx, parked_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let backup = {
        let journal = std::sync::Arc::clone(&journal);
        let dest = dest.clone();
        std::thread::spawn(move || {
            journal.backup_to(&dest, now(), &mut |p| {
                if p == 40 {
                    parked_tx.send(()).unwrap();
                    let _ = go_rx.recv_timeout(Duration::from_secs(30));
                }
                true
            })
        })
    };
    parked_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the backup took its snapshot");
    let (locked_tx, locked_rx) = mpsc::channel();
    {
        let journal = std::sync::Arc::clone(&journal);
        std::thread::spawn(move || locked_tx.send(journal.lock().is_ok()).unwrap());
    }
    let locked = locked_rx.recv_timeout(Duration::from_secs(10));
    go_tx.send(()).unwrap();
    assert_eq!(
        locked,
        Ok(true),
        "locking must not wait for the backup that is running"
    );
    let result = backup.join().unwrap();
    assert!(
        matches!(result, Err(JournalError::Data(DataError::Cancelled(_)))),
        "the lock cancels the backup: {result:?}"
    );
    assert!(!dest.exists(), "a cancelled backup leaves no file");
}

/// A new journal, unlocked, to share between threads as the app does.
fn unlocked_to_share(j: &TempJournal) -> std::sync::Arc<Journal> {
    let (s, _) = j.create();
    drop(s);
    let journal = std::sync::Arc::new(journal(j));
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    journal
}

/// Adds a journal entry through the shared journal from another thread, as a window's command
/// would; `None` if it did not get the journal within 30 s.
fn entry_written_meanwhile(journal: &std::sync::Arc<Journal>) -> Option<bool> {
    let (done_tx, done_rx) = mpsc::channel();
    let journal = std::sync::Arc::clone(journal);
    std::thread::spawn(move || {
        let written = journal.with_session(|s| {
            let entry = daybreak_core::journal_entries::JournalInput {
                at: now(),
                title: "Written while the backup ran".into(),
                body: "Still here.".into(),
                tags: vec![],
            };
            Ok(daybreak_core::journal_entries::create(
                s.store_mut(),
                &entry,
                now(),
            )?)
        });
        let _ = done_tx.send(written.is_ok());
    });
    done_rx.recv_timeout(Duration::from_secs(30)).ok()
}

fn entries_in(summary: &backup::BackupSummary) -> i64 {
    summary
        .counts
        .iter()
        .find(|c| c.label == "journal entries")
        .map_or(0, |c| c.count)
}

#[test]
fn a_backup_holds_the_journal_only_to_gather_what_it_copies_and_copies_it_after() {
    let j = TempJournal::new();
    let journal = unlocked_to_share(&j);
    let dest = j.dir.path().join("while-used.dbk");
    // The first step the backup reports: the journal must be free by then, and what the window
    // writes at that moment must be in the copy, which is read afterwards through a connection
    // of its own (before, the copy was made with the journal held, before the first step).
    let mut first_step = None;
    let mut written = None;
    let summary = journal
        .backup_to(&dest, now(), &mut |p| {
            if first_step.is_none() {
                first_step = Some(p);
                written = entry_written_meanwhile(&journal);
            }
            true
        })
        .unwrap();
    assert_eq!(
        written,
        Some(true),
        "the journal was free at the first step"
    );
    assert!(
        first_step < Some(40),
        "the first step comes before the copy: {first_step:?}"
    );
    assert_eq!(
        entries_in(&summary),
        1,
        "the copy was read after the first step"
    );
    let again = backup::inspect(
        &dest,
        &Secret::Passphrase(&Passphrase::new(PASSPHRASE)),
        j.paths().dir(),
    )
    .unwrap();
    assert_eq!(entries_in(&again), 1, "and the file says the same");
}

#[test]
fn a_lock_before_the_copy_stops_the_backup_and_leaves_nothing() {
    let j = TempJournal::new();
    let journal = unlocked_to_share(&j);
    let dest = j.dir.path().join("locked-first.dbk");
    let result = journal.backup_to(&dest, now(), &mut |_| {
        journal.lock().unwrap();
        true
    });
    assert!(
        matches!(result, Err(JournalError::Data(DataError::Cancelled(_)))),
        "the lock cancels the backup: {result:?}"
    );
    let left: Vec<_> = fs::read_dir(j.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        !left
            .iter()
            .any(|n| n.to_string_lossy().contains("locked-first")),
        "a cancelled backup leaves no file, not even a temp one: {left:?}"
    );
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_0700_and_every_file_written_is_0600() {
    use daybreak_core::words::Language;
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let j = TempJournal::new();
    let (s, _) = j.create();
    drop(s);
    let journal = journal(&j);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    journal.auto_backup(now(), Zone::UTC).unwrap();
    let manual = j.dir.path().join("elsewhere/manual.dbk");
    journal.backup_to(&manual, now(), &mut |_| true).unwrap();
    let exports = j.dir.path().join("exports");
    let tz = Zone::UTC;
    let written: Vec<std::path::PathBuf> = journal
        .with_session(|s| {
            let store = s.store_mut();
            Ok(vec![
                daybreak_core::export::export_to(&exports, store, now(), tz, Language::En)?,
                daybreak_core::export_csv::export_to(
                    &exports,
                    store,
                    now(),
                    tz,
                    &daybreak_core::export_csv::Style::new(Language::En, None),
                )?,
                daybreak_core::sos::plan::export_to(&exports, store, now(), tz, Language::En)?,
            ])
        })
        .unwrap();
    journal
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("changed it now"),
        )
        .unwrap();
    // A restore writes the journal kept before it and the note that it was restored.
    journal
        .restore_from(
            &manual,
            &Secret::Passphrase(&Passphrase::new(PASSPHRASE)),
            now(),
        )
        .unwrap();
    assert!(j.paths().restored_marker().exists());
    assert_eq!(mode(j.paths().dir()), 0o700, "the data folder is private");
    assert_eq!(
        mode(&j.paths().backups()),
        0o700,
        "the backups folder is private"
    );
    let mut files: Vec<std::path::PathBuf> = snapshot(j.paths().dir()).into_keys().collect();
    files.push(manual);
    files.extend(written);
    assert!(files.len() >= 7, "{files:?}");
    for file in files {
        assert_eq!(
            mode(&file),
            0o600,
            "{} must be readable by its owner only",
            file.display()
        );
    }
}
