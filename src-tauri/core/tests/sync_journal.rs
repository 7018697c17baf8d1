//! Sync as the app uses it, through `Journal`: the chosen folder kept inside the encrypted
//! journal, rounds, joining through the one throttle for secret checks, a passphrase change
//! reaching the other computer, and stopping. Real encrypted journals in temp dirs; one folder
//! stands for the folder a sync engine keeps in step on both computers.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{contains, snapshot, KDF, PASSPHRASE};
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::{
    DataError, Journal, JournalError, JournalPaths, JournalState, Passphrase, Refusal, Secret,
    VaultError,
};

fn journal_in(dir: &Path) -> Journal {
    Journal::with_first_wait(JournalPaths::new(dir), KDF, Duration::from_millis(300))
}

fn log_mood(journal: &Journal, note: &str) {
    journal
        .with_session(|s| {
            moods::create(
                s.store_mut(),
                &MoodInput {
                    at: daybreak_core::clock::now_utc(),
                    mood: 4,
                    emotions: vec![],
                    craving: None,
                    halt: Halt::default(),
                    sleep_hours: None,
                    note: Some(note.into()),
                },
                daybreak_core::clock::now_utc(),
            )?;
            Ok(())
        })
        .unwrap();
}

fn mood_notes(journal: &Journal) -> Vec<String> {
    journal
        .with_session(|s| {
            Ok(s.store()
                .read(|c| {
                    c.prepare("SELECT note FROM moods ORDER BY note")?
                        .query_map([], |r| r.get(0))?
                        .collect::<rusqlite::Result<Vec<String>>>()
                })
                .map_err(DataError::from)?)
        })
        .unwrap()
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
    let rebuilt = b.sync_round().unwrap().unwrap();
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
    let shared = root.path().join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&Passphrase::new(PASSPHRASE)).unwrap();
    a.choose_sync_folder(&shared).unwrap();
    a.sync_round().unwrap();
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
