//! The journal state machine: status, locked access, and lock/unlock transitions.

mod common;

use common::{KDF, PASSPHRASE};
use std::time::{Duration, Instant};

use daybreak_core::{Journal, JournalError, JournalPaths, JournalState, Passphrase};

#[test]
fn status_follows_the_journal_through_its_life() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(JournalPaths::new(dir.path().join("d")), KDF);
    assert_eq!(
        journal.status().unwrap().state,
        JournalState::None,
        "first run: no journal"
    );

    let key = journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(key.display().len(), 39);
    assert_eq!(journal.status().unwrap().state, JournalState::Unlocked);
    assert!(journal.with_session(|_| Ok(())).is_ok());

    journal.lock().unwrap();
    let status = journal.status().unwrap();
    assert_eq!(status.state, JournalState::Locked);
    assert!(status.journal_file.ends_with("journal.db"));
    assert!(
        matches!(journal.with_session(|_| Ok(())), Err(JournalError::Locked)),
        "data access while locked must answer Locked"
    );
    assert!(matches!(
        journal.change_passphrase(&Passphrase::new(PASSPHRASE), &Passphrase::new("new words!")),
        Err(JournalError::Locked)
    ));

    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    assert_eq!(journal.status().unwrap().state, JournalState::Unlocked);
    journal
        .change_passphrase(&Passphrase::new(PASSPHRASE), &Passphrase::new("new words!"))
        .unwrap();
    journal.lock().unwrap();
    journal.lock().expect("locking twice is harmless");
    assert!(journal.unlock(&Passphrase::new(PASSPHRASE)).is_err());
    journal.unlock(&Passphrase::new("new words!")).unwrap();
}

#[test]
fn unlocking_says_how_long_its_own_key_derivation_took() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(JournalPaths::new(dir.path().join("d")), KDF);
    journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    journal.lock().unwrap();
    assert!(journal.unlock_timed(&Passphrase::new("not it")).is_err());

    let began = Instant::now();
    let derivation = journal.unlock_timed(&Passphrase::new(PASSPHRASE)).unwrap();
    let whole = began.elapsed();
    assert!(journal.is_unlocked());
    // On a new, empty journal the derivation (Argon2id, 64 MiB) is most of unlocking; opening
    // the database is milliseconds. A timer around anything else would not be.
    assert!(
        derivation < whole && derivation * 2 > whole,
        "the derivation ({derivation:?}) is most of the unlock ({whole:?})"
    );
}

/// A lock can wait behind a re-key or a restore while the window already shows the lock screen:
/// what is typed there must be checked even though the journal is still open.
#[test]
fn unlocking_a_journal_still_open_checks_the_passphrase_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(JournalPaths::new(dir.path().join("d")), KDF);
    journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    match journal.unlock(&Passphrase::new("not it")) {
        Err(e) => assert!(e.is_wrong_secret(), "a wrong passphrase says so, got {e:?}"),
        Ok(()) => panic!("a wrong passphrase must not be taken, open journal or not"),
    }
    assert!(
        journal.is_unlocked(),
        "a wrong try does not lock what is open"
    );
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    assert!(journal.is_unlocked());
}

#[test]
fn after_five_wrong_tries_each_try_waits_longer_whatever_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::with_first_wait(
        JournalPaths::new(dir.path()),
        KDF,
        Duration::from_millis(300),
    );
    journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    journal.lock().unwrap();
    for _ in 0..5 {
        assert!(matches!(
            journal.unlock(&Passphrase::new("wrong words")),
            Err(JournalError::Vault(_))
        ));
    }
    match journal.unlock(&Passphrase::new(PASSPHRASE)) {
        Err(JournalError::TooManyAttempts { wait_seconds }) => assert!(wait_seconds >= 1),
        other => panic!("even the right passphrase must wait after 5 wrong ones, got {other:?}"),
    }
    std::thread::sleep(Duration::from_millis(350));
    assert!(journal.unlock(&Passphrase::new("still wrong")).is_err());
    assert!(
        matches!(
            journal.unlock(&Passphrase::new(PASSPHRASE)),
            Err(JournalError::TooManyAttempts { .. })
        ),
        "the wait doubles after another wrong try"
    );
    std::thread::sleep(Duration::from_millis(650));
    journal
        .unlock(&Passphrase::new(PASSPHRASE))
        .expect("after waiting, the right passphrase opens it");
    journal.lock().unwrap();
    assert!(journal.unlock(&Passphrase::new("wrong again")).is_err());
    journal
        .unlock(&Passphrase::new(PASSPHRASE))
        .expect("a success resets the count");
}

#[test]
fn deleted_entries_can_be_undone_until_the_journal_locks() {
    use daybreak_core::timeline::{self, EntryKind};
    use daybreak_core::{journal_entries, DataError};
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::new(JournalPaths::new(dir.path()), KDF);
    journal.create(&Passphrase::new(PASSPHRASE)).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-05-01T12:00:00Z")
        .unwrap()
        .to_utc();
    let input = journal_entries::JournalInput {
        at: now,
        title: "Gone".into(),
        body: "Written, then deleted".into(),
        tags: vec![],
    };
    let (kept, deleted) = journal
        .with_session(|s| {
            let st = s.store_mut();
            let kept = journal_entries::create(st, &input, now)?.id;
            let deleted = journal_entries::create(st, &input, now)?.id;
            timeline::delete(st, EntryKind::Journal, kept, now)?;
            timeline::restore(st, EntryKind::Journal, kept)?;
            timeline::delete(st, EntryKind::Journal, deleted, now)?;
            Ok((kept, deleted))
        })
        .unwrap();
    journal.lock().unwrap();
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    journal
        .with_session(|s| {
            let st = s.store_mut();
            assert!(
                matches!(
                    timeline::restore(st, EntryKind::Journal, deleted),
                    Err(DataError::NotFound(_))
                ),
                "an entry deleted before the lock is gone for good after it"
            );
            timeline::restore(st, EntryKind::Journal, kept)
                .expect("an entry brought back before the lock is still there");
            Ok(())
        })
        .unwrap();
}
