//! A lock asked while the journal is opening (the screen locks, or the computer goes to sleep,
//! while its key is being derived) is not lost: unlocking, recovering and joining leave the
//! journal locked and say so, and a journal being created is made but left locked, its
//! recovery key still returned. Real encrypted journals in temp dirs.
//!
//! The ask comes from another thread while the key is derived. The journals here use more
//! passes than the floor, so the derivation takes far longer than the short wait before the
//! ask (a derivation that finished first would make these tests fail, never pass wrongly).

mod common;

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use common::{log_mood, mood_notes, PASSPHRASE};
use daybreak_core::vault::kdf::{KdfParams, FLOOR};
use daybreak_core::{
    Journal, JournalError, JournalPaths, JournalState, KdfChoice, Passphrase, Secret,
};

/// Twice the floor's memory and four times its passes: a derivation of most of a second here,
/// and still several times `BEFORE_THE_ASK` on a much faster machine.
const SLOW_KDF: KdfChoice = KdfChoice::Fixed(KdfParams {
    m_kib: FLOOR.m_kib * 2,
    t: FLOOR.t * 4,
    ..FLOOR
});

/// Long enough for the opening's thread to have started and read where things stood, on two
/// busy cores; far shorter than its derivation.
const BEFORE_THE_ASK: Duration = Duration::from_millis(150);

fn journal_in(dir: &Path) -> Arc<Journal> {
    Arc::new(Journal::with_first_wait(
        JournalPaths::new(dir),
        SLOW_KDF,
        Duration::from_millis(300),
    ))
}

fn passphrase() -> Passphrase {
    Passphrase::new(PASSPHRASE)
}

/// Runs `open` on another thread, asks `journal` to lock while it runs, and returns what it
/// returned.
fn ask_to_lock_during<T: Send + 'static>(
    journal: &Arc<Journal>,
    open: impl FnOnce(&Journal) -> T + Send + 'static,
) -> T {
    let started = Arc::new(Barrier::new(2));
    let opening = {
        let (journal, started) = (Arc::clone(journal), Arc::clone(&started));
        std::thread::spawn(move || {
            started.wait();
            open(&journal)
        })
    };
    started.wait();
    std::thread::sleep(BEFORE_THE_ASK);
    journal.lock_asked();
    opening.join().expect("the opening must not panic")
}

fn state(journal: &Journal) -> JournalState {
    journal.status().unwrap().state
}

#[test]
fn an_unlock_asked_to_lock_while_its_key_is_derived_leaves_the_journal_locked() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    journal.create(&passphrase()).unwrap();
    journal.lock().unwrap();

    let result = ask_to_lock_during(&journal, |j| j.unlock(&passphrase()));
    assert!(
        matches!(result, Err(JournalError::LockedWhileOpening)),
        "{result:?}"
    );
    assert_eq!(state(&journal), JournalState::Locked);
    assert!(matches!(
        journal.with_session(|_| Ok(())),
        Err(JournalError::Locked)
    ));

    // The next unlock opens it: the ask was for that moment only.
    journal.unlock(&passphrase()).unwrap();
    assert_eq!(state(&journal), JournalState::Unlocked);
}

#[test]
fn a_lock_asked_before_the_unlock_began_does_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    journal.create(&passphrase()).unwrap();
    journal.lock().unwrap();
    journal.lock_asked();
    journal.lock_asked();

    journal.unlock(&passphrase()).unwrap();
    assert_eq!(state(&journal), JournalState::Unlocked);
}

#[test]
fn a_recovery_asked_to_lock_keeps_the_new_passphrase_and_leaves_the_journal_locked() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let recovery_key = journal.create(&passphrase()).unwrap();
    journal.lock().unwrap();

    let result = ask_to_lock_during(&journal, move |j| {
        j.unlock_with_recovery_key(&recovery_key, &Passphrase::new("a new passphrase here"))
    });
    assert!(
        matches!(result, Err(JournalError::LockedWhileOpening)),
        "{result:?}"
    );
    assert_eq!(state(&journal), JournalState::Locked);

    assert!(matches!(
        journal.unlock(&passphrase()),
        Err(JournalError::Vault(
            daybreak_core::VaultError::WrongPassphrase
        ))
    ));
    journal
        .unlock(&Passphrase::new("a new passphrase here"))
        .unwrap();
    assert_eq!(state(&journal), JournalState::Unlocked);
}

#[test]
fn a_journal_asked_to_lock_while_it_is_made_is_made_locked_and_its_key_returned() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());

    let recovery_key = ask_to_lock_during(&journal, |j| j.create(&passphrase()))
        .expect("the journal is made all the same");
    assert!(!journal.is_unlocked());
    assert_eq!(state(&journal), JournalState::Locked);

    // Both ways in work: the passphrase, and the key returned.
    journal.unlock(&passphrase()).unwrap();
    journal.lock().unwrap();
    journal
        .unlock_with_recovery_key(&recovery_key, &Passphrase::new("another passphrase"))
        .unwrap();
    assert!(journal.is_unlocked());
}

#[test]
fn a_join_asked_to_lock_is_joined_locked_and_fills_in_at_the_next_unlock() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    std::fs::create_dir(&shared).unwrap();
    let a = journal_in(&root.path().join("a"));
    a.create(&passphrase()).unwrap();
    log_mood(&a, "written on the first computer");
    assert!(
        !a.awaits_rebuild(),
        "a journal that does not sync has no round to wait for"
    );
    a.choose_sync_folder(&shared).unwrap();
    a.sync_round().unwrap();
    assert!(!a.awaits_rebuild(), "a journal not joined owes no rebuild");

    let b = journal_in(&root.path().join("b"));
    let result = ask_to_lock_during(&b, move |b| {
        b.join_sync_folder(&shared, &Secret::Passphrase(&passphrase()))
    });
    assert!(
        matches!(result, Err(JournalError::LockedWhileOpening)),
        "{result:?}"
    );
    assert_eq!(state(&b), JournalState::Locked, "joined, and locked");

    assert!(!b.awaits_rebuild(), "nothing is known while locked");
    b.unlock(&passphrase()).unwrap();
    // The shell sees this and rebuilds the journal before its screens show it empty.
    assert!(b.awaits_rebuild(), "joined, and not rebuilt yet");
    assert!(mood_notes(&b).is_empty());
    // A lock asked since the unlock (the screen locking as the rebuild begins) stops the
    // round before its first file, and the rebuild stays owed.
    b.lock_asked();
    assert!(
        matches!(b.sync_round(), Err(JournalError::Locked)),
        "a round stops for a lock on its way"
    );
    assert!(mood_notes(&b).is_empty());
    b.lock().unwrap();
    b.unlock(&passphrase()).unwrap();
    assert!(b.awaits_rebuild(), "still owed");
    b.sync_round().unwrap();
    let notes = mood_notes(&b);
    assert_eq!(notes, ["written on the first computer"]);
    assert!(
        !b.awaits_rebuild(),
        "rebuilt: later rounds are the worker's"
    );
}

#[test]
fn openings_are_counted_at_their_last_step_for_the_shells_backstop() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    journal.create(&passphrase()).unwrap();
    assert_eq!(journal.openings(), 1, "creating opens the journal");
    journal.lock().unwrap();

    // Counted, though refused: it reached its last step, after the ask.
    let refused = ask_to_lock_during(&journal, |j| j.unlock(&passphrase()));
    assert!(matches!(refused, Err(JournalError::LockedWhileOpening)));
    assert_eq!(journal.openings(), 2);
    assert_eq!(state(&journal), JournalState::Locked);

    journal.unlock(&passphrase()).unwrap();
    assert_eq!(journal.openings(), 3);
    journal.unlock(&passphrase()).unwrap();
    assert_eq!(
        journal.openings(),
        3,
        "unlocking an open journal opens nothing"
    );
}

#[test]
fn whether_the_journal_is_open_is_answered_without_waiting_for_what_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    journal.create(&passphrase()).unwrap();
    assert_eq!(journal.is_unlocked_now(), Some(true));

    // Something holds the journal (a long sync round, say): the answer does not wait for it.
    let (held, is_held) = std::sync::mpsc::channel();
    let (release, released) = std::sync::mpsc::channel::<()>();
    let holder = {
        let journal = Arc::clone(&journal);
        std::thread::spawn(move || {
            journal.with_session(|_| {
                held.send(()).unwrap();
                released.recv().unwrap();
                Ok(())
            })
        })
    };
    is_held.recv().unwrap();
    assert_eq!(
        journal.is_unlocked_now(),
        None,
        "held: not known, and not waited for"
    );
    release.send(()).unwrap();
    holder.join().unwrap().unwrap();

    journal.lock().unwrap();
    assert_eq!(journal.is_unlocked_now(), Some(false));
}

#[test]
fn a_lock_asked_of_the_journal_seen_open_refuses_no_opening_begun_since() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    journal.create(&passphrase()).unwrap();
    let seen_open = journal.lock_epoch();
    assert!(journal.lock_asked_if(seen_open), "says it was asked");
    assert_eq!(
        journal.lock_epoch(),
        seen_open + 1,
        "asked of the opening seen"
    );

    // Locked, and opened again since: an ask for the opening seen before does nothing, so an
    // unlock under way is not refused.
    let stale = journal.lock_epoch();
    journal.lock().unwrap();
    let before_unlock = journal.lock_epoch();
    assert!(!journal.lock_asked_if(stale), "says a lock came since");
    assert_eq!(
        journal.lock_epoch(),
        before_unlock,
        "not asked of a later opening"
    );
    journal.unlock(&passphrase()).unwrap();
    assert!(journal.is_unlocked());
}
