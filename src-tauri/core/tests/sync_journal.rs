//! Sync as the app uses it, through `Journal`: the chosen folder kept inside the encrypted
//! journal, rounds, joining through the one throttle for secret checks, a passphrase change
//! reaching the other computer, and stopping. Real encrypted journals in temp dirs; one folder
//! stands for the folder a sync engine keeps in step on both computers.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{contains, log_mood, mood_notes, snapshot, texts, KDF, PASSPHRASE};
use daybreak_core::store::settings;
use daybreak_core::sync::{folder, place};
use daybreak_core::{
    DataError, Journal, JournalError, JournalPaths, JournalState, Passphrase, Refusal, Secret,
    VaultError,
};

fn journal_in(dir: &Path) -> Journal {
    Journal::with_first_wait(JournalPaths::new(dir), KDF, Duration::from_millis(300))
}

#[test]
fn two_journals_stay_in_step_through_the_chosen_folder() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(a.sync_round().unwrap(), None, "no folder chosen: no round");
    let kept = a.choose_sync_folder(&shared).unwrap();
    assert_eq!(a.sync_folder().unwrap(), Some(kept.clone()));
    log_mood(&a, "written on A");
    let first = a
        .sync_round()
        .unwrap()
        .expect("a round with the chosen folder");
    assert!(
        first.sent_files >= 1,
        "the journal goes out on the first round"
    );

    // B joins: a wrong passphrase counts in the same throttle as unlocking.
    let b_dir = root.path().join("b");
    let b = journal_in(&b_dir);
    for _ in 0..5 {
        let wrong = Passphrase::new("not the words");
        match b.join_sync_folder(&shared, &Secret::Passphrase(&wrong)) {
            Err(e) => assert!(
                e.is_wrong_secret(),
                "a wrong passphrase must say so, got {e:?}"
            ),
            Ok(()) => panic!("a wrong passphrase must not join"),
        }
    }
    assert_eq!(
        b.status().unwrap().state,
        JournalState::None,
        "nothing is created by a wrong try"
    );
    let right = Passphrase::new(PASSPHRASE);
    assert!(
        matches!(
            b.join_sync_folder(&shared, &Secret::Passphrase(&right)),
            Err(JournalError::TooManyAttempts { .. })
        ),
        "after five wrong tries, joining waits like unlocking does"
    );
    std::thread::sleep(Duration::from_millis(350));
    b.join_sync_folder(&shared, &Secret::Passphrase(&right))
        .unwrap();
    assert_eq!(b.status().unwrap().state, JournalState::Unlocked);
    assert!(b.awaits_rebuild(), "joined, and not rebuilt yet");
    // A round that cannot read the folder rebuilds nothing: the next unlock tries first.
    let away = root.path().join("Sync, away");
    std::fs::rename(&shared, &away).unwrap();
    let away_round = b.sync_round();
    assert!(
        matches!(away_round, Err(JournalError::Data(DataError::NotFound(_)))),
        "the folder is away: {away_round:?}"
    );
    assert!(
        !shared.exists(),
        "a round does not make the folder again where it was"
    );
    assert!(b.awaits_rebuild(), "still to be rebuilt");
    assert!(mood_notes(&b).is_empty());
    std::fs::rename(&away, &shared).unwrap();
    let rebuilt = b.sync_round().unwrap().unwrap();
    assert!(
        !b.awaits_rebuild(),
        "rebuilt by the round that read the folder"
    );
    assert!(rebuilt.received.changes >= 1);
    assert_eq!(mood_notes(&b), ["written on A"], "B holds what A wrote");

    // A change on B reaches A.
    log_mood(&b, "written on B");
    b.sync_round().unwrap();
    a.sync_round().unwrap();
    assert_eq!(mood_notes(&a), ["written on A", "written on B"]);

    // The folder's path is only inside the encrypted journal, on both computers.
    let needle = shared.file_name().unwrap().to_string_lossy().into_owned();
    for (path, bytes) in snapshot(&b_dir)
        .into_iter()
        .chain(snapshot(&root.path().join("a")))
    {
        assert!(
            !contains(&bytes, needle.as_bytes())
                && !contains(&bytes, kept.to_string_lossy().as_bytes()),
            "{} must not name the sync folder in plain text",
            path.display()
        );
    }

    // Joining again where a journal exists is refused, whatever the passphrase.
    assert!(matches!(
        b.join_sync_folder(&shared, &Secret::Passphrase(&right)),
        Err(JournalError::Vault(VaultError::AlreadyExists))
    ));
}

#[test]
fn a_passphrase_changed_on_one_computer_is_the_one_everywhere() {
    let root = tempfile::tempdir().unwrap();
    let (shared, a) = a_syncing(root.path());
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&shared, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    b.sync_round().unwrap();

    a.change_passphrase(
        &Passphrase::new(PASSPHRASE),
        &Passphrase::new("new words here"),
    )
    .unwrap();
    assert!(!a.sync_round().unwrap().unwrap().header_adopted);
    let adopted = b.sync_round().unwrap().unwrap();
    assert!(adopted.header_adopted, "B takes the newer header");
    log_mood(&b, "still open after the header changed");
    assert_eq!(mood_notes(&b), ["still open after the header changed"]);
    b.lock().unwrap();
    assert!(
        b.unlock(&Passphrase::new(PASSPHRASE)).is_err(),
        "the old passphrase stops working on B"
    );
    b.unlock(&Passphrase::new("new words here")).unwrap();
    assert!(
        !b.sync_round().unwrap().unwrap().header_adopted,
        "adopted once, then in step"
    );
}

/// The folder's header is put there right after a change (so the old passphrase opens nothing
/// there): a newer one from another computer's own change is not taken then, which would undo
/// this change unseen, but at the round, which says so.
#[test]
fn a_change_here_is_not_undone_unseen_by_another_computers_change() {
    let root = tempfile::tempdir().unwrap();
    let (_shared, a, b) = a_and_b_joined(root.path(), "before either change");
    b.sync_round().unwrap();

    b.change_passphrase(
        &Passphrase::new(PASSPHRASE),
        &Passphrase::new("chosen on B"),
    )
    .unwrap();
    a.change_passphrase(
        &Passphrase::new(PASSPHRASE),
        &Passphrase::new("chosen on A"),
    )
    .unwrap();
    a.lock().unwrap();
    a.unlock(&Passphrase::new("chosen on A"))
        .expect("the passphrase just chosen here opens the journal here");
    assert!(
        a.sync_round().unwrap().unwrap().header_adopted,
        "the round takes B's newer header and says so (Settings tells the person)"
    );
    a.lock().unwrap();
    a.unlock(&Passphrase::new("chosen on B")).unwrap();
}

#[test]
fn the_folder_must_be_outside_the_journal_and_must_exist() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let a = journal_in(&data);
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    for bad in [
        data.clone(),
        data.join("backups"),
        root.path().to_path_buf(),
    ] {
        std::fs::create_dir_all(&bad).unwrap();
        assert!(
            matches!(
                a.choose_sync_folder(&bad),
                Err(JournalError::Data(DataError::Refused(
                    Refusal::SyncFolderInside
                )))
            ),
            "{} holds or is inside the journal's folder",
            bad.display()
        );
    }
    assert!(matches!(
        a.choose_sync_folder(&root.path().join("not there")),
        Err(JournalError::Data(DataError::NotFound(_)))
    ));
    assert_eq!(a.sync_folder().unwrap(), None, "nothing was kept");

    // Joining from a folder with no journal says so and creates nothing.
    let empty = tempfile::tempdir().unwrap();
    let b_dir = root.path().join("b");
    let b = journal_in(&b_dir);
    assert!(matches!(
        b.join_sync_folder(
            empty.path(),
            &Secret::Passphrase(&Passphrase::new(PASSPHRASE))
        ),
        Err(JournalError::Data(DataError::NotFound(_)))
    ));
    assert!(!b_dir.join("journal.header").exists());
    assert_eq!(b.status().unwrap().state, JournalState::None);
}

#[test]
fn a_folder_that_is_away_is_left_alone_and_choosing_it_again_starts_afresh() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Share");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    log_mood(&a, "written on A");
    a.choose_sync_folder(&shared).unwrap();
    a.sync_round().unwrap();
    let is_away = |round: Result<_, JournalError>| {
        matches!(round, Err(JournalError::Data(DataError::NotFound(_))))
    };

    // Unmounted: the share's folder gone, or an empty mount point left in its place.
    let mounted = root.path().join("the share, unmounted");
    std::fs::rename(&shared, &mounted).unwrap();
    log_mood(&a, "written while the share was away");
    assert!(is_away(a.sync_round()), "the folder is gone");
    assert!(!shared.exists(), "and it is not made again");
    std::fs::create_dir(&shared).unwrap();
    assert!(
        is_away(a.sync_round()),
        "an empty mount point is not the folder"
    );
    assert_eq!(
        std::fs::read_dir(&shared).unwrap().count(),
        0,
        "nothing is written into the empty mount point"
    );
    assert!(
        a.has_changes_to_send(),
        "what was written meanwhile still waits"
    );

    // Mounted again: the round goes on, and what waited goes out.
    std::fs::remove_dir(&shared).unwrap();
    std::fs::rename(&mounted, &shared).unwrap();
    let back = a.sync_round().unwrap().unwrap();
    assert!(back.sent_files >= 1);
    assert!(!a.has_changes_to_send());

    // A folder chosen again, empty this time, is a new one: the journal is published there.
    let fresh = root.path().join("Fresh");
    std::fs::create_dir(&fresh).unwrap();
    a.choose_sync_folder(&fresh).unwrap();
    a.sync_round().unwrap();
    assert!(fresh.join("daybreak-sync").join("header").exists());
}

#[test]
fn stopping_keeps_the_journal_and_a_new_folder_gets_all_of_it() {
    let root = tempfile::tempdir().unwrap();
    let first = root.path().join("first");
    let second = root.path().join("second");
    std::fs::create_dir(&first).unwrap();
    std::fs::create_dir(&second).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(&first).unwrap();
    log_mood(&a, "before");
    a.sync_round().unwrap();
    a.stop_syncing().unwrap();
    assert_eq!(a.sync_folder().unwrap(), None);
    assert_eq!(a.sync_round().unwrap(), None, "no rounds after stopping");
    assert_eq!(mood_notes(&a), ["before"], "the journal stays whole");

    a.choose_sync_folder(&second).unwrap();
    a.sync_round().unwrap();
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&second, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    b.sync_round().unwrap();
    assert_eq!(
        mood_notes(&b),
        ["before"],
        "what was sent to the first folder reaches the second"
    );
}

#[test]
fn a_restored_journal_that_moves_to_a_new_folder_takes_all_of_it_there() {
    // A restored journal numbers its files from 1 again, as a computer of its own; one that
    // has sent nothing under its new identity yet still takes the whole journal to a new,
    // empty folder.
    let root = tempfile::tempdir().unwrap();
    let (first, second) = (root.path().join("first"), root.path().join("second"));
    std::fs::create_dir(&second).unwrap();
    let passphrase = Passphrase::new(PASSPHRASE);
    let (a, backup, now) = a_synced_and_backed_up(root.path(), &first, "in the backup");
    a.restore_from(&backup, &Secret::Passphrase(&passphrase), now)
        .unwrap();
    a.unlock(&passphrase).unwrap();
    let report = a.sync_round().unwrap().expect("a round");
    assert_eq!(report.sent_files, 0, "nothing new to send");

    a.stop_syncing().unwrap();
    a.choose_sync_folder(&second).unwrap();
    a.sync_round().unwrap();
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&second, &Secret::Passphrase(&passphrase))
        .unwrap();
    b.sync_round().unwrap();
    assert_eq!(mood_notes(&b), ["in the backup"]);
}

fn warned_other_journal(journal: &Journal) -> bool {
    let report = journal.sync_round().unwrap().expect("a round");
    report
        .received
        .warnings
        .contains(&daybreak_core::sync::SyncWarning::Header)
}

/// A, syncing through the folder `Sync` under `root`, after its first round.
fn a_syncing(root: &Path) -> (PathBuf, Journal) {
    let shared = root.join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(&shared).unwrap();
    a.sync_round().unwrap();
    (shared, a)
}

/// A journal A syncing through the folder `Sync` under `root`, with `note` logged and sent, and
/// B joined from that folder: the folder, A and B.
fn a_and_b_joined(root: &Path, note: &str) -> (PathBuf, Journal, Journal) {
    let shared = root.join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(&shared).unwrap();
    log_mood(&a, note);
    a.sync_round().unwrap();
    let b = journal_in(&root.join("b"));
    b.join_sync_folder(&shared, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    (shared, a, b)
}

/// C, a computer joining from `folder` with `passphrase` under `root`, after its first round.
fn c_joins(root: &Path, folder: &Path, passphrase: &Passphrase) -> Journal {
    let c = journal_in(&root.join("c"));
    c.join_sync_folder(folder, &Secret::Passphrase(passphrase))
        .unwrap();
    c.sync_round().unwrap();
    c
}

/// A journal A under `root`, syncing through `folder` (made here) with `note` logged and sent,
/// then backed up: A, the backup's path and when it was made.
fn a_synced_and_backed_up(
    root: &Path,
    folder: &Path,
    note: &str,
) -> (Journal, PathBuf, chrono::DateTime<chrono::Utc>) {
    std::fs::create_dir(folder).unwrap();
    let a = journal_in(&root.join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(folder).unwrap();
    log_mood(&a, note);
    a.sync_round().unwrap();
    let backup = root.join("a.daybreak-backup");
    let now = daybreak_core::clock::now_utc();
    a.backup_to(&backup, now, &mut |_| true).unwrap();
    (a, backup, now)
}

/// Re-keys `journal` ("Also lock out old copies"): the new passphrase.
fn rekey(journal: &Journal) -> Passphrase {
    let renewed = Passphrase::new("a new key and words");
    journal
        .rekey(
            &Passphrase::new(PASSPHRASE),
            &renewed,
            daybreak_core::clock::now_utc(),
        )
        .unwrap();
    renewed
}

#[test]
fn after_a_rekey_the_other_computer_joins_again_and_keeps_what_it_had() {
    let root = tempfile::tempdir().unwrap();
    let (shared, a, b) = a_and_b_joined(root.path(), "A before the new key");
    b.sync_round().unwrap();
    // B writes something A has not read when A re-keys: the re-key's last round reads it.
    log_mood(&b, "B sent under the old key");
    b.sync_round().unwrap();
    // And something B has not sent yet when the key changes.
    log_mood(&b, "B not sent yet");

    let renewed = rekey(&a);
    assert_eq!(
        mood_notes(&a),
        ["A before the new key", "B sent under the old key"],
        "the re-key's last round read what B had sent"
    );
    let after = a.sync_round().unwrap().unwrap();
    assert!(
        after.received.warnings.is_empty(),
        "A's own round after the re-key is in step with the folder: {after:?}"
    );
    assert!(
        after.sent_files >= 1,
        "A sends its journal under the new key"
    );
    log_mood(&a, "A after the new key");
    a.sync_round().unwrap();

    // B's key no longer opens the folder's header: its rounds stop there.
    assert!(warned_other_journal(&b));
    // Joining again checks the secret through the throttle: the old passphrase is refused.
    let old = b.rejoin_sync_folder(&Secret::Passphrase(&Passphrase::new(PASSPHRASE)));
    assert!(
        old.as_ref().is_err_and(|e| e.is_wrong_secret()),
        "the old passphrase opens nothing: {old:?}"
    );
    b.rejoin_sync_folder(&Secret::Passphrase(&renewed)).unwrap();
    assert!(!warned_other_journal(&b), "in step again");
    assert_eq!(
        mood_notes(&b),
        [
            "A after the new key",
            "A before the new key",
            "B not sent yet",
            "B sent under the old key"
        ],
        "B kept what it had and took what A wrote after the re-key"
    );
    a.sync_round().unwrap();
    assert!(
        mood_notes(&a).contains(&"B not sent yet".to_string()),
        "what B wrote before joining again reaches A"
    );
    b.lock().unwrap();
    assert!(
        b.unlock(&Passphrase::new(PASSPHRASE)).is_err(),
        "the old passphrase no longer opens B"
    );
    b.unlock(&renewed).unwrap();
    assert!(!warned_other_journal(&b));

    // A computer joining later reads the whole journal under the new key.
    let c = c_joins(root.path(), &shared, &renewed);
    assert_eq!(mood_notes(&c), mood_notes(&a));
}

#[test]
fn after_a_rekey_a_computer_joining_gets_what_a_retired_one_wrote_last() {
    // B is lost (stolen, say): A re-keys to lock it out, and B never joins again. What B wrote
    // last, A holds; A sends it again under the new key, each record with B as its last writer.
    let root = tempfile::tempdir().unwrap();
    let (shared, a, b) = a_and_b_joined(root.path(), "A's own");
    log_mood(&b, "written on B before it was lost");
    b.sync_round().unwrap();
    a.sync_round().unwrap();
    assert_eq!(
        mood_notes(&a),
        ["A's own", "written on B before it was lost"]
    );

    let renewed = rekey(&a);
    a.sync_round().unwrap();

    let c = c_joins(root.path(), &shared, &renewed);
    assert_eq!(
        mood_notes(&c),
        mood_notes(&a),
        "the new computer has every mood A has, B's among them"
    );
}

#[test]
fn a_restored_backup_gets_back_what_it_sent_after_the_backup() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    let (a, backup, now) = a_synced_and_backed_up(root.path(), &shared, "in the backup");
    log_mood(&a, "after the backup");
    a.sync_round().unwrap();

    a.restore_from(
        &backup,
        &Secret::Passphrase(&Passphrase::new(PASSPHRASE)),
        now,
    )
    .unwrap();
    a.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(mood_notes(&a), ["in the backup"]);
    a.sync_round().unwrap();
    assert_eq!(
        mood_notes(&a),
        ["after the backup", "in the backup"],
        "what this computer sent after the backup comes back from the folder"
    );
    // A change made now goes out under a name never used before, and another computer reads it.
    log_mood(&a, "after the restore");
    a.sync_round().unwrap();
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&shared, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    b.sync_round().unwrap();
    assert_eq!(mood_notes(&b), mood_notes(&a));
}

/// What a sync engine does between two computers' copies of the folder: a file only `from`
/// has is copied to `to`; a file both have, with different bytes, is set beside the other as
/// the engine's conflict copy (as Syncthing names it).
fn engine_delivers(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let there = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&there).unwrap();
            engine_delivers(&entry.path(), &there);
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        match std::fs::read(&there) {
            Err(_) => std::fs::write(&there, bytes).unwrap(),
            Ok(theirs) if theirs != bytes => {
                let mut name = entry.file_name();
                name.push(".sync-conflict-20261205-090000-ENGINE1");
                std::fs::write(to.join(name), bytes).unwrap();
            }
            Ok(_) => {}
        }
    }
}

#[test]
fn a_backup_restored_on_a_second_computer_is_a_computer_of_its_own() {
    // A second computer set up from the first one's backup, not by joining, with the folder
    // the sync engine keeps on it. The first has sent nothing since the backup, so the folder
    // is not ahead of the copy: under one identity, both would number their next files alike,
    // and of each pair the engine keeps one and sets the other aside.
    let root = tempfile::tempdir().unwrap();
    let (on_a, on_c) = (root.path().join("Sync on A"), root.path().join("Sync on C"));
    std::fs::create_dir(&on_c).unwrap();
    let passphrase = Passphrase::new(PASSPHRASE);
    let (a, _, _) = a_synced_and_backed_up(root.path(), &on_a, "before the backup");
    // Made by a Daybreak from before journals noted their place (`sync::place`), so only the
    // note of the restore can give the copy its own identity.
    a.with_session(|s| Ok(settings::remove(s.store_mut(), place::KEY)?))
        .unwrap();
    let backup = root.path().join("made before places.daybreak-backup");
    let now = daybreak_core::clock::now_utc();
    a.backup_to(&backup, now, &mut |_| true).unwrap();
    engine_delivers(&on_a, &on_c);

    let c = journal_in(&root.path().join("c"));
    c.restore_from(&backup, &Secret::Passphrase(&passphrase), now)
        .unwrap();
    c.unlock(&passphrase).unwrap();
    c.choose_sync_folder(&on_c).unwrap();
    both_write_then_meet((&a, &on_a), (&c, &on_c), "before the backup");
    assert!(
        !root.path().join("c").join("journal.restored").exists(),
        "the note of the restore goes once the restored journal has its own identity"
    );
}

#[test]
fn a_journal_folder_copied_onto_a_second_computer_is_a_computer_of_its_own() {
    // A second computer set up by copying the first one's data folder, not by joining, with
    // the folder the sync engine keeps on it. Under one identity, both would number their next
    // files alike, and of each pair the engine keeps one and sets the other aside.
    let root = tempfile::tempdir().unwrap();
    let (on_a, on_c) = (root.path().join("Sync on A"), root.path().join("Sync on C"));
    let (a_dir, c_dir) = (root.path().join("a"), root.path().join("c"));
    for dir in [&on_a, &on_c, &c_dir] {
        std::fs::create_dir(dir).unwrap();
    }
    let a = journal_in(&a_dir);
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(&on_a).unwrap();
    log_mood(&a, "before the copy");
    a.sync_round().unwrap();
    let c = copied_by_hand(&a, &c_dir, &Passphrase::new(PASSPHRASE));
    engine_delivers(&on_a, &on_c);
    c.choose_sync_folder(&on_c).unwrap();
    both_write_then_meet((&a, &on_a), (&c, &on_c), "before the copy");
    // The copy, not the journal it was copied from, took a new identity: each lists the other
    // and itself, and A's files under its one identity are all C has of A.
    for journal in [&a, &c] {
        let computers = journal.sync_overview().unwrap().unwrap().computers;
        assert_eq!(computers.len(), 2, "{computers:?}");
    }
}

/// `from`'s data folder copied by hand into `to` (every file, while `from` is locked; it is
/// unlocked again after), and the copy unlocked. Both sides tell their places apart by the
/// folder's path; on two computers the machine id would too (`sync::place`).
fn copied_by_hand(from: &Journal, to: &Path, passphrase: &Passphrase) -> Journal {
    from.lock().unwrap();
    engine_delivers(from.data_dir(), to);
    from.unlock(passphrase).unwrap();
    let copy = journal_in(to);
    copy.unlock(passphrase).unwrap();
    copy
}

#[test]
fn a_copy_does_not_read_back_the_files_it_wrote_itself() {
    // Not even those sealed before a re-key, which no longer open: read again, each would be
    // a warning in every round.
    let root = tempfile::tempdir().unwrap();
    let (on_a, c_dir) = (root.path().join("Sync"), root.path().join("c"));
    let (a, _, _) = a_synced_and_backed_up(root.path(), &on_a, "under the first key");
    let renewed = rekey(&a);
    log_mood(&a, "under the new key");
    a.sync_round().unwrap();
    std::fs::create_dir(&c_dir).unwrap();
    let c = copied_by_hand(&a, &c_dir, &renewed);

    let round = c.sync_round().unwrap().unwrap();
    assert!(round.received.warnings.is_empty(), "{round:?}");
    assert_eq!(
        round.received.files, 0,
        "every file in the folder was written by C's journal"
    );
    assert_eq!(mood_notes(&c), ["under the first key", "under the new key"]);
}

/// A and C, each with its side of the folder, write before either hears from the other, then
/// the engine delivers both ways: each must end with `before` and both new moods, where under
/// one identity each keeps its own and the engine sets the other's aside as a conflict copy.
fn both_write_then_meet((a, on_a): (&Journal, &Path), (c, on_c): (&Journal, &Path), before: &str) {
    log_mood(a, "written on A");
    a.sync_round().unwrap();
    log_mood(c, "written on C");
    c.sync_round().unwrap();
    engine_delivers(on_a, on_c);
    engine_delivers(on_c, on_a);
    a.sync_round().unwrap();
    c.sync_round().unwrap();
    let all = [before, "written on A", "written on C"];
    assert_eq!(mood_notes(a), all);
    assert_eq!(mood_notes(c), all);
}

#[test]
fn the_overview_counts_the_computers_and_what_waits() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(a.sync_overview().unwrap(), None, "not syncing");
    a.choose_sync_folder(&shared).unwrap();
    log_mood(&a, "one");
    assert!(a.has_changes_to_send());
    let before = a.sync_overview().unwrap().unwrap();
    assert!(before.to_send >= 1, "the mood waits to go out: {before:?}");
    assert_eq!(before.computers.len(), 1);
    assert!(before.computers[0].this_computer);
    assert_eq!(before.computers[0].last_sent, None);
    a.sync_round().unwrap();
    assert!(!a.has_changes_to_send(), "sent");
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&shared, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    b.sync_round().unwrap();
    log_mood(&a, "two");
    a.sync_round().unwrap();

    let seen = b.sync_overview().unwrap().unwrap();
    assert_eq!(seen.to_send, 0);
    assert_eq!(seen.waiting_for_records, 0);
    assert_eq!(seen.computers.len(), 2, "{seen:?}");
    assert!(seen.computers[0].this_computer && !seen.computers[1].this_computer);
    let other = &seen.computers[1];
    assert!(other.last_sent.is_some());
    assert_eq!(other.files, 2, "A's two files are in the folder");
    assert_eq!(other.files_read, 1, "B has read the first only");
    b.sync_round().unwrap();
    assert_eq!(
        b.sync_overview().unwrap().unwrap().computers[1].files_read,
        2
    );
}

#[test]
fn a_folder_that_cannot_be_listed_leaves_what_waits_here_known() {
    let root = tempfile::tempdir().unwrap();
    let (shared, a) = a_syncing(root.path());
    log_mood(&a, "written while the folder is away");
    // Where the folder was, something that cannot be listed (a file stands in for a network
    // share gone: a folder without permission does not stop root, who runs CI).
    let inside = shared.join(folder::DIR_NAME);
    std::fs::remove_dir_all(&inside).unwrap();
    std::fs::write(&inside, b"not a folder").unwrap();

    let seen = a.sync_overview().unwrap().unwrap();
    assert!(seen.folder_unreadable, "{seen:?}");
    assert!(seen.computers.is_empty(), "{seen:?}");
    assert!(
        seen.to_send >= 1,
        "the mood still waits to go out: {seen:?}"
    );

    // The whole folder away (a drive unplugged): not read as an empty folder, where this
    // computer would seem to have sent nothing.
    std::fs::rename(&shared, root.path().join("Sync unplugged")).unwrap();
    let seen = a.sync_overview().unwrap().unwrap();
    assert!(seen.folder_unreadable, "{seen:?}");
    assert!(seen.computers.is_empty(), "{seen:?}");

    // Only an empty mount point left where a share is not mounted: away too.
    std::fs::create_dir(&shared).unwrap();
    let seen = a.sync_overview().unwrap().unwrap();
    assert!(seen.folder_unreadable, "{seen:?}");
    assert!(seen.computers.is_empty(), "{seen:?}");
}

fn make_trigger(journal: &Journal, name: &str) -> i64 {
    journal
        .with_session(|s| {
            Ok(daybreak_core::triggers::create(
                s.store_mut(),
                name,
                daybreak_core::clock::now_utc(),
            )?
            .id)
        })
        .unwrap()
}

fn plan_trigger_names(journal: &Journal) -> Vec<String> {
    journal
        .with_session(|s| {
            let plan = daybreak_core::sos::plan::get(s.store())?;
            let all = daybreak_core::triggers::list(s.store(), true)?;
            Ok(plan
                .high_risk_triggers
                .iter()
                .filter_map(|id| all.iter().find(|t| t.id == *id).map(|t| t.name.clone()))
                .collect())
        })
        .unwrap()
}

#[test]
fn the_plan_names_the_same_high_risk_triggers_on_both_computers() {
    let root = tempfile::tempdir().unwrap();
    let (shared, a) = a_syncing(root.path());
    let b = journal_in(&root.path().join("b"));
    b.join_sync_folder(&shared, &Secret::Passphrase(&Passphrase::new(PASSPHRASE)))
        .unwrap();
    b.sync_round().unwrap();
    // Each computer makes a trigger of its own first, so the same row id names a different
    // trigger on each.
    make_trigger(&b, "made on B");
    let buses = make_trigger(&a, "crowded buses");
    a.with_session(|s| {
        let plan = daybreak_core::sos::RelapsePlan {
            high_risk_triggers: vec![buses],
            ..Default::default()
        };
        daybreak_core::sos::plan::save(s.store_mut(), &plan, daybreak_core::clock::now_utc())?;
        Ok(())
    })
    .unwrap();
    assert_eq!(plan_trigger_names(&a), ["crowded buses"]);
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    a.sync_round().unwrap();
    assert_eq!(
        plan_trigger_names(&b),
        ["crowded buses"],
        "B's plan names A's trigger, not B's trigger with the same row id"
    );
    assert_eq!(plan_trigger_names(&a), ["crowded buses"]);
}

fn imported_titles(journal: &Journal) -> Vec<String> {
    texts(
        journal,
        "SELECT title FROM imported_articles ORDER BY title",
    )
}

fn bookmarked(journal: &Journal, slug: &str) -> bool {
    texts(
        journal,
        "SELECT slug FROM article_state WHERE bookmarked = 1",
    )
    .contains(&slug.into())
}

/// Imports the same small article into `journal` (bookmarked or not): its slug.
fn import_saved(journal: &Journal, bookmark: bool) -> String {
    journal
        .with_session(|s| {
            let now = daybreak_core::clock::now_utc();
            let md = b"# Saved for later\n\nA page worth keeping, about walking in the evening.\n";
            let article = daybreak_core::library::import(s.store_mut(), "saved.md", md, now)?;
            if bookmark {
                daybreak_core::library::set_bookmark(s.store_mut(), &article.slug, true, now)?;
            }
            Ok(article.slug)
        })
        .unwrap()
}

#[test]
fn an_article_imported_again_after_it_was_deleted_reaches_the_other_computer() {
    // An imported article's identity follows from its title, so importing it again after
    // deleting it makes the same record: it and its reading state must travel again, not stay
    // deleted everywhere else.
    let root = tempfile::tempdir().unwrap();
    let (_shared, a, b) = a_and_b_joined(root.path(), "A's own");
    b.sync_round().unwrap();
    let import = |bookmark| import_saved(&a, bookmark);
    let slug = import(true);
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    assert_eq!(imported_titles(&b), ["Saved for later"]);
    assert!(bookmarked(&b, &slug));

    a.with_session(|s| {
        Ok(daybreak_core::library::delete_imported(
            s.store_mut(),
            &slug,
        )?)
    })
    .unwrap();
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    assert!(imported_titles(&b).is_empty(), "the delete reached B");
    assert!(!bookmarked(&b, &slug));

    assert_eq!(import(true), slug, "the same title makes the same article");
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    assert_eq!(
        imported_titles(&b),
        ["Saved for later"],
        "imported again, it reaches B again"
    );
    assert!(bookmarked(&b, &slug), "and its bookmark with it");
}

#[test]
fn an_article_left_deleted_elsewhere_by_an_older_daybreak_goes_out_again_once_updated() {
    // What the change log's triggers before migration 9 left behind: an article here whose
    // change-log row says deleted, so it was never sent. Updating repairs it.
    let root = tempfile::tempdir().unwrap();
    let (_shared, a, b) = a_and_b_joined(root.path(), "A's own");
    b.sync_round().unwrap();
    import_saved(&a, true);
    a.with_session(|s| {
        Ok(s.store_mut()
            .write(|tx| {
                tx.execute(
                    "UPDATE sync_records SET tombstone = 1, pending = 0
                     WHERE kind IN ('imported_article', 'article_state')",
                    [],
                )?;
                tx.execute_batch(
                    "DROP TABLE sync_applied_copies;
                     ALTER TABLE article_state DROP COLUMN note_at;
                     ALTER TABLE article_state DROP COLUMN bookmarked_at;",
                )?;
                tx.pragma_update(None, "user_version", 8)
            })
            .map_err(DataError::from)?)
    })
    .unwrap();
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    assert!(
        imported_titles(&b).is_empty(),
        "as it was: nothing goes out"
    );

    a.lock().unwrap();
    a.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    a.sync_round().unwrap();
    b.sync_round().unwrap();
    assert_eq!(imported_titles(&b), ["Saved for later"]);
}

/// A and B joined through `Sync` under `root`, B standing for a newer Daybreak: it sends a
/// change of a kind A does not know, which waits on A. The folder, A, and what waits on A.
fn a_holding_a_newer_daybreaks_change(root: &Path) -> (PathBuf, Journal, Vec<String>) {
    let (shared, a, b) = a_and_b_joined(root, "A's own");
    b.sync_round().unwrap();
    b.with_session(|s| {
        Ok(s.store_mut()
            .write(|tx| {
                tx.execute(
                    "INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
                     VALUES ('0b1e5a5e-0000-4000-8000-000000000002', 'gratitude', sync_hlc(),
                             (SELECT device_id FROM sync_local), 1, 1)",
                    [],
                )
            })
            .map_err(DataError::from)?)
    })
    .unwrap();
    b.sync_round().unwrap();
    a.sync_round().unwrap();
    let waiting = waiting(&a);
    assert_eq!(waiting.len(), 1, "the change waits on A");
    (shared, a, waiting)
}

fn waiting(journal: &Journal) -> Vec<String> {
    texts(journal, "SELECT uuid FROM sync_parked")
}

#[test]
fn after_a_rekey_a_computer_joining_gets_the_changes_still_waiting() {
    // A re-keys; B's files no longer open for a computer joining later, and a journal this
    // small has no snapshot: A's own files must carry the waiting change.
    let root = tempfile::tempdir().unwrap();
    let (shared, a, on_a) = a_holding_a_newer_daybreaks_change(root.path());
    let renewed = rekey(&a);
    a.sync_round().unwrap();
    let c = c_joins(root.path(), &shared, &renewed);
    assert_eq!(waiting(&c), on_a, "C holds it too, for its own update");
}

#[test]
fn a_new_folder_gets_the_changes_still_waiting() {
    // B's files are not in the new folder: A's must carry the waiting change there.
    let root = tempfile::tempdir().unwrap();
    let (_shared, a, on_a) = a_holding_a_newer_daybreaks_change(root.path());
    let second = root.path().join("second");
    std::fs::create_dir(&second).unwrap();
    a.stop_syncing().unwrap();
    a.choose_sync_folder(&second).unwrap();
    a.sync_round().unwrap();
    let c = c_joins(root.path(), &second, &Passphrase::new(PASSPHRASE));
    assert_eq!(waiting(&c), on_a);
}
