//! Keeping the journal in step with the sync folder the person chose (the README's "Sync
//! between your computers"). The core does one round (`Journal::sync_round`); this module
//! decides when: right after unlocking (before the unlock answers, for a journal joined but not
//! rebuilt yet), within seconds of a change made here, every minute while unlocked, when
//! something changes in the folder (watched with `notify`), and when the person asks ("Sync
//! now").
//!
//! One worker thread runs the timed and watched rounds, and every round, wherever it was asked
//! for, goes through [`run_round`] and its one mutex, so two never overlap. While the journal
//! is locked no round runs (the core answers `locked`) and the folder is not watched. What is
//! kept about the last round is numbers and flags only, never journal text, and it belongs to
//! the opening of the journal it was found in: after a lock, from whatever asked for it, none of
//! it is shown again.
//!
//! When a round finds that syncing stopped (it failed, or the folder holds another journal) or
//! that the passphrase was changed on another computer, the UI is told at once, wherever the
//! person is: only Settings shows why, and a person who never looks there would write on while
//! nothing leaves this computer.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use daybreak_core::sync::overview::Overview;
use daybreak_core::sync::{folder, SyncReport, SyncWarning};
use daybreak_core::{clock, Journal, JournalError};
use notify::{EventKind, RecursiveMode, Watcher};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};

use crate::{AppError, ErrorCode, SharedJournal};

/// A round every minute while unlocked, even when the watcher says nothing (a network folder,
/// a USB stick, a platform where watching failed).
const EVERY: Duration = Duration::from_secs(60);
/// How often the worker asks whether a change made here waits to go out, so it leaves within
/// seconds; changes made in the meantime go together in one round.
const CHECK: Duration = Duration::from_secs(3);
/// A sync engine writes a file in several steps: wait this long after the first change seen,
/// then run one round for all of them.
const SETTLE: Duration = Duration::from_millis(700);

/// What the last round did, as the settings page shows it: counts and flags, no journal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LastRound {
    pub at: DateTime<Utc>,
    /// Change files written for the other computers.
    pub sent_files: u32,
    /// Change files read from the other computers, and the changes in them that were new here.
    pub received_files: u32,
    pub received_changes: u32,
    /// Changes that wait for a record not here yet (from a third computer).
    pub waiting: u32,
    /// Files that could not be read yet (maybe still being copied); tried again next round.
    pub unreadable_files: u32,
    /// The folder holds another journal (or this one from before a re-key): nothing was read
    /// or written there.
    pub other_journal: bool,
    /// The folder's header was newer (the passphrase was changed on another computer) and is
    /// now this computer's: the next unlock takes the new passphrase.
    pub header_adopted: bool,
    /// Why the round failed, if it did.
    pub problem: Option<ErrorCode>,
}

/// A computer seen in the sync folder (no device id: the page numbers the others).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ComputerSeen {
    pub this_computer: bool,
    /// When its newest change file was written.
    pub last_sent: Option<DateTime<Utc>>,
    /// Its change files in the folder not read here yet (0 for this computer).
    pub files_unread: u32,
}

/// Where syncing stands on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    /// The chosen folder, or none when this computer does not sync.
    pub folder: Option<String>,
    pub last_round: Option<LastRound>,
    /// Since the journal last opened, a round took the passphrase changed on another computer.
    pub passphrase_changed_elsewhere: bool,
    /// This computer first, then the others seen in the folder.
    pub computers: Vec<ComputerSeen>,
    /// Changes made here that have not gone into the folder yet.
    pub to_send: u32,
    /// Changes from another computer that wait for a record not here yet.
    pub waiting_for_records: u32,
    /// The folder could not be listed just now (a network share gone, a drive unplugged), so
    /// no computers are listed.
    pub folder_unreadable: bool,
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What the shell tells the UI after a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SyncNotice {
    /// Changes from another computer are now in the journal: what is on screen may be out of
    /// date.
    Received,
    /// Syncing stopped on this computer: a round failed, or the folder holds another journal (a
    /// re-key elsewhere). Said once when it happens, not at every failed round after it.
    Stopped,
    /// The passphrase was changed on another computer, and the next unlock here takes it.
    PassphraseChanged,
    /// A round went through again after syncing had stopped: the notice that it stopped is
    /// out of date (nothing is shown for this).
    Resumed,
}

/// Whether a round's outcome means nothing goes between the computers until the person acts.
fn stopped(round: &LastRound) -> bool {
    round.problem.is_some() || round.other_journal
}

/// What to tell the UI after a round, given what the rounds since the journal opened had found
/// before it: news only, so a folder that stays away is said once, not every minute.
fn notices(before: &Kept, round: &LastRound) -> Vec<SyncNotice> {
    let mut notices = Vec::new();
    let was_stopped = before.last.as_ref().is_some_and(stopped);
    if stopped(round) && !was_stopped {
        notices.push(SyncNotice::Stopped);
    }
    if !stopped(round) && was_stopped {
        notices.push(SyncNotice::Resumed);
    }
    if round.header_adopted && !before.adopted {
        notices.push(SyncNotice::PassphraseChanged);
    }
    if round.received_changes > 0 {
        notices.push(SyncNotice::Received);
    }
    notices
}

/// What a window that starts listening must still be told of what the rounds found: a round
/// may have run before it listened (the rebuild inside an unlock or a join, a round while the
/// journal's screens were loading), and each is said only once.
fn still_true(kept: &Kept) -> Vec<SyncNotice> {
    let mut notices = Vec::new();
    if kept.last.as_ref().is_some_and(stopped) {
        notices.push(SyncNotice::Stopped);
    }
    if kept.adopted {
        notices.push(SyncNotice::PassphraseChanged);
    }
    notices
}

/// The folder being watched, and the watcher (watching stops when it is dropped).
struct Watch {
    folder: PathBuf,
    _watcher: notify::RecommendedWatcher,
}

/// What the rounds since the journal last opened found.
#[derive(Debug, Default)]
struct Kept {
    /// The opening they belong to (`Journal::openings`).
    opening: u64,
    last: Option<LastRound>,
    /// A round took the passphrase changed on another computer.
    adopted: bool,
}

impl Kept {
    /// Starts afresh when `opening` is later than the one kept.
    fn belong_to(&mut self, opening: u64) {
        if opening > self.opening {
            *self = Kept {
                opening,
                ..Kept::default()
            };
        }
    }
}

/// The shell's sync state, managed by Tauri.
#[derive(Default)]
pub struct Syncing {
    round: Mutex<()>,
    kept: Mutex<Kept>,
    wake: Mutex<Option<Sender<()>>>,
    watch: Mutex<Option<Watch>>,
    notices: Mutex<Option<Channel<SyncNotice>>>,
}

fn held<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Syncing {
    /// Registers the UI's channel for notices, and tells it at once what is still true of the
    /// journal's opening (`still_true`). The channel's lock is held meanwhile, so a round's
    /// notice is either in what is told now or sent on the new channel, never on the old one.
    pub fn set_notices(&self, channel: Channel<SyncNotice>, journal: &Journal) {
        let mut notices = held(&self.notices);
        for notice in still_true(&self.kept(journal)) {
            let _ = channel.send(notice);
        }
        *notices = Some(channel);
    }

    /// Forgets the last round and stops watching (the journal locked, or syncing stopped).
    pub fn forget(&self) {
        *held(&self.kept) = Kept::default();
        *held(&self.watch) = None;
    }

    /// What the rounds found since `journal` last opened: what an earlier opening's rounds
    /// found is dropped here.
    fn kept(&self, journal: &Journal) -> MutexGuard<'_, Kept> {
        let mut kept = held(&self.kept);
        kept.belong_to(journal.openings());
        kept
    }

    /// Keeps what a round in the journal's opening `opening` found, and says what the UI
    /// should be told of it. A round of an earlier opening (it ended while the journal locked
    /// and opened again) is dropped.
    fn keep(&self, opening: u64, round: LastRound) -> Vec<SyncNotice> {
        let mut kept = held(&self.kept);
        if opening < kept.opening {
            return Vec::new();
        }
        kept.belong_to(opening);
        let notices = notices(&kept, &round);
        kept.adopted |= round.header_adopted;
        kept.last = Some(round);
        notices
    }

    /// Where syncing stands, with the folder and what it holds read from the journal.
    pub fn status(&self, journal: &Journal) -> Result<SyncStatus, JournalError> {
        let folder = journal.sync_folder()?;
        let overview = match folder {
            Some(_) => journal.sync_overview()?.unwrap_or_default(),
            None => Overview::default(),
        };
        let kept = self.kept(journal);
        Ok(SyncStatus {
            folder: folder.map(|f| f.display().to_string()),
            last_round: kept.last.clone(),
            passphrase_changed_elsewhere: kept.adopted,
            computers: overview
                .computers
                .iter()
                .map(|c| ComputerSeen {
                    this_computer: c.this_computer,
                    last_sent: c.last_sent,
                    files_unread: clamp(c.files.saturating_sub(c.files_read)),
                })
                .collect(),
            to_send: clamp(overview.to_send),
            waiting_for_records: clamp(overview.waiting_for_records),
            folder_unreadable: overview.folder_unreadable,
        })
    }

    /// Sends `notices` to the UI, if it listens.
    fn tell(&self, notices: Vec<SyncNotice>) {
        if let Some(channel) = held(&self.notices).as_ref() {
            for notice in notices {
                let _ = channel.send(notice);
            }
        }
    }

    /// Asks the worker for a round soon.
    fn wake(&self) {
        if let Some(tx) = held(&self.wake).as_ref() {
            let _ = tx.send(());
        }
    }

    /// Watches `folder`'s sync folder, unless it already is.
    fn watch(&self, folder: &Path) {
        let mut watch = held(&self.watch);
        if watch.as_ref().is_some_and(|w| w.folder == folder) {
            return;
        }
        *watch = None;
        let Some(tx) = held(&self.wake).clone() else {
            return;
        };
        let handler = move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| is_change(&e.kind)) {
                let _ = tx.send(());
            }
        };
        let dir = folder::Folder::in_chosen(folder).dir().to_path_buf();
        let watcher = notify::recommended_watcher(handler).and_then(|mut w| {
            w.watch(&dir, RecursiveMode::Recursive)?;
            Ok(w)
        });
        match watcher {
            Ok(w) => {
                *watch = Some(Watch {
                    folder: folder.to_path_buf(),
                    _watcher: w,
                })
            }
            // The minute's round still runs; the reason names no file.
            Err(e) => eprintln!("Daybreak: the sync folder is not watched ({:?})", e.kind),
        }
    }
}

/// Whether a watched event may mean new files. Reading a file (as every round does) is not a
/// change, or each round would start the next.
fn is_change(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Remove(_)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// What a round's report says, as the settings page shows it.
fn last_round(report: &SyncReport, at: DateTime<Utc>) -> LastRound {
    let warnings = &report.received.warnings;
    LastRound {
        at,
        sent_files: report.sent_files,
        received_files: report.received.files,
        received_changes: report.received.changes,
        waiting: report.received.waiting,
        unreadable_files: warnings
            .iter()
            .filter(|w| matches!(w, SyncWarning::Unreadable { .. }))
            .count() as u32,
        other_journal: warnings.contains(&SyncWarning::Header),
        header_adopted: report.header_adopted,
        problem: None,
    }
}

/// Starts the worker that runs the timed and watched rounds.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<()>();
    *held(&app.state::<Syncing>().wake) = Some(tx);
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("daybreak-sync".into())
        .spawn(move || {
            let mut last = Instant::now();
            loop {
                match rx.recv_timeout(CHECK) {
                    Err(RecvTimeoutError::Disconnected) => return,
                    Ok(()) => {
                        std::thread::sleep(SETTLE);
                        while rx.try_recv().is_ok() {}
                    }
                    Err(RecvTimeoutError::Timeout) => {
                        let due = last.elapsed() >= EVERY;
                        let to_send = || {
                            app.try_state::<SharedJournal>()
                                .is_some_and(|j| j.has_changes_to_send())
                        };
                        if !due && !to_send() {
                            continue;
                        }
                    }
                }
                let _ = run_round(&app);
                last = Instant::now();
            }
        });
    if spawned.is_err() {
        eprintln!("Daybreak: sync rounds run only when asked for (no worker thread)");
    }
}

/// Asks for a round soon (after unlocking, after choosing a folder).
pub fn wake<R: Runtime>(app: &AppHandle<R>) {
    if let Some(syncing) = app.try_state::<Syncing>() {
        syncing.wake();
    }
}

/// Right after an unlock: a journal joined, then locked before its rebuild (a lock asked while the
/// join derived its key), is rebuilt from the folder before the unlock answers, so its screens
/// never show it empty and the lock screen shows it opening meanwhile (it said this can take a
/// minute). A failed round leaves the journal open; the worker tries again and Settings says why. A
/// lock asked meanwhile stops the round (between two files, or inside a snapshot), and the rebuild
/// stays owed to the next unlock. Any other journal has its round from the worker a moment later
/// (`wake`).
pub async fn rebuild_if_joined<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let _ = crate::commands::off_main_thread(move || {
        let joined = app
            .try_state::<SharedJournal>()
            .is_some_and(|j| j.awaits_rebuild());
        if joined {
            let _ = run_round(&app);
        }
    })
    .await;
}

/// Runs one round now, after any round under way. `Ok(None)` when this computer does not sync.
/// Blocking: call it off the main thread.
pub fn run_round<R: Runtime>(app: &AppHandle<R>) -> Result<Option<LastRound>, AppError> {
    let (Some(syncing), Some(journal)) =
        (app.try_state::<Syncing>(), app.try_state::<SharedJournal>())
    else {
        return Ok(None);
    };
    let _one_at_a_time = held(&syncing.round);
    let at = clock::now_utc();
    let round = journal.sync_round();
    // Read after the round, not before: a round waits for an unlock or a join under way, and
    // then runs in the opening it made. (A lock and a new opening cannot both fit between the
    // round's end and this: an opening derives a key first.)
    let opening = journal.openings();
    match round {
        Ok(Some(report)) => {
            let last = last_round(&report, at);
            let notices = syncing.keep(opening, last.clone());
            if let Ok(Some(folder)) = journal.sync_folder() {
                syncing.watch(&folder);
            }
            syncing.tell(notices);
            Ok(Some(last))
        }
        Ok(None) => {
            *held(&syncing.watch) = None;
            Ok(None)
        }
        Err(JournalError::Locked) => {
            syncing.forget();
            Err(JournalError::Locked.into())
        }
        Err(e) => {
            let error = AppError::from(e);
            let failed = LastRound {
                problem: Some(error.code),
                ..last_round(&SyncReport::default(), at)
            };
            let notices = syncing.keep(opening, failed);
            syncing.tell(notices);
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_journal::{locked_journal, unlock};
    use notify::event::{AccessKind, AccessMode, CreateKind};

    #[test]
    fn reading_the_folder_does_not_start_another_round() {
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Read
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
    }

    fn round(problem: Option<ErrorCode>, other_journal: bool, header_adopted: bool) -> LastRound {
        LastRound {
            problem,
            other_journal,
            header_adopted,
            ..last_round(&SyncReport::default(), clock::now_utc())
        }
    }

    #[test]
    fn syncing_stopped_is_told_once_when_it_stops_not_at_every_round_after() {
        let syncing = Syncing::default();
        let fine = || round(None, false, false);
        let away = || round(Some(ErrorCode::Io), false, false);
        assert_eq!(syncing.keep(1, fine()), []);
        assert_eq!(syncing.keep(1, away()), [SyncNotice::Stopped]);
        assert_eq!(syncing.keep(1, away()), [], "still away: said already");
        assert_eq!(
            syncing.keep(1, fine()),
            [SyncNotice::Resumed],
            "the notice that it stopped is out of date"
        );
        assert_eq!(syncing.keep(1, fine()), []);
        assert_eq!(
            syncing.keep(1, round(None, true, false)),
            [SyncNotice::Stopped],
            "another journal in the folder stops it again"
        );
        assert_eq!(
            syncing.keep(2, away()),
            [SyncNotice::Stopped],
            "a new opening of the journal is told again"
        );
    }

    #[test]
    fn a_round_of_an_earlier_opening_is_not_kept() {
        let syncing = Syncing::default();
        syncing.keep(2, round(None, false, true));
        assert_eq!(
            syncing.keep(1, round(Some(ErrorCode::Io), false, false)),
            []
        );
        let kept = held(&syncing.kept);
        assert_eq!((kept.opening, kept.adopted), (2, true));
        assert_eq!(kept.last.as_ref().and_then(|l| l.problem), None);
    }

    #[test]
    fn a_window_that_starts_listening_is_told_what_is_still_true() {
        let syncing = Syncing::default();
        assert_eq!(still_true(&held(&syncing.kept)), []);
        syncing.keep(1, round(None, false, true));
        syncing.keep(1, round(Some(ErrorCode::Io), false, false));
        assert_eq!(
            still_true(&held(&syncing.kept)),
            [SyncNotice::Stopped, SyncNotice::PassphraseChanged]
        );
        syncing.keep(1, round(None, false, false));
        assert_eq!(
            still_true(&held(&syncing.kept)),
            [SyncNotice::PassphraseChanged],
            "syncing works again"
        );
    }

    #[test]
    fn the_window_is_told_on_listening_that_syncing_stopped_before_it_listened() {
        // The rebuild inside an unlock runs before the journal's screens listen.
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        let syncing = Syncing::default();
        syncing.keep(journal.openings(), round(Some(ErrorCode::Io), false, false));

        let heard = std::sync::Arc::new(Mutex::new(Vec::new()));
        let ear = std::sync::Arc::clone(&heard);
        let channel = Channel::new(move |body| {
            if let tauri::ipc::InvokeResponseBody::Json(json) = body {
                held(&ear).push(json);
            }
            Ok(())
        });
        syncing.set_notices(channel, &journal);
        assert_eq!(*held(&heard), [r#""stopped""#]);
    }

    #[test]
    fn a_passphrase_changed_elsewhere_is_told_once_and_arrivals_every_time() {
        let syncing = Syncing::default();
        assert_eq!(
            syncing.keep(1, round(None, false, true)),
            [SyncNotice::PassphraseChanged]
        );
        let mut arrived = round(None, false, true);
        arrived.received_changes = 3;
        assert_eq!(syncing.keep(1, arrived.clone()), [SyncNotice::Received]);
        assert_eq!(syncing.keep(1, arrived), [SyncNotice::Received]);
    }

    #[test]
    fn what_the_rounds_found_is_not_shown_after_the_journal_locks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        let syncing = Syncing::default();
        syncing.keep(journal.openings(), round(Some(ErrorCode::Io), false, true));
        let status = syncing.status(&journal).expect("status");
        assert!(status.passphrase_changed_elsewhere);
        assert!(status.last_round.is_some());

        // Locked from anywhere (here the core itself, as the shell's backstop does), then
        // opened again: nothing of the earlier opening's rounds.
        journal.lock().expect("lock");
        unlock(&journal);
        let status = syncing.status(&journal).expect("status");
        assert!(!status.passphrase_changed_elsewhere);
        assert_eq!(status.last_round, None);
    }

    #[test]
    fn the_status_of_a_folder_that_cannot_be_listed_keeps_the_folder_and_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        let chosen = dir.path().join("Sync");
        std::fs::create_dir(&chosen).expect("folder");
        journal.choose_sync_folder(&chosen).expect("choose");
        journal.sync_round().expect("round");
        // A file where the folder was stands in for a share gone (root, who runs CI, is not
        // kept out of a folder without permissions).
        let inside = folder::Folder::in_chosen(&chosen).dir().to_path_buf();
        std::fs::remove_dir_all(&inside).expect("remove");
        std::fs::write(&inside, b"not a folder").expect("file");

        let status = Syncing::default().status(&journal).expect("status");
        assert!(status.folder_unreadable);
        assert_eq!(status.folder, Some(chosen.display().to_string()));
        assert_eq!(status.computers, []);
    }

    #[test]
    fn the_last_round_counts_warnings_without_naming_files() {
        let mut report = SyncReport {
            sent_files: 2,
            header_adopted: true,
            ..SyncReport::default()
        };
        report.received.files = 3;
        report.received.changes = 7;
        report.received.warnings = vec![
            SyncWarning::Unreadable {
                device: "ab".repeat(16),
                seq: 4,
            },
            SyncWarning::Unreadable {
                device: "cd".repeat(16),
                seq: 1,
            },
        ];
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let last = last_round(&report, at);
        assert_eq!(last.unreadable_files, 2);
        assert!(!last.other_journal);
        assert!(last.header_adopted);
        assert_eq!(
            (last.sent_files, last.received_files, last.received_changes),
            (2, 3, 7)
        );
        let json = serde_json::to_string(&last).unwrap();
        assert!(
            !json.contains(&"ab".repeat(16)),
            "no device id goes to the UI: {json}"
        );
    }
}
