//! The journal as the app sees it: a state machine, `Locked | Unlocked(Session)`, around the
//! vault. Every data operation goes through `with_session`, which answers `Locked` when there
//! is no session, so no command can reach the data of a locked journal by accident.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, TryLockError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::backup::BackupSummary;
use crate::data_error::{DataError, Task};
use crate::paths::JournalPaths;
use crate::secret::{Passphrase, RecoveryKey};
use crate::store::StoreError;
use crate::vault::{KdfChoice, Secret, Session, Vault, VaultError};

mod syncing;

/// Where the journal stands, as the UI needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum JournalState {
    /// No journal in the data directory yet: first run.
    None,
    Locked,
    Unlocked,
}

/// The journal's state and where its files live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalStatus {
    pub state: JournalState,
    pub data_dir: String,
    pub journal_file: String,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("the journal is locked")]
    Locked,
    /// A lock was asked (`lock_asked`) while the journal was opening: it was left locked.
    /// Whatever the opening set up (a new passphrase, a joined journal) is kept.
    #[error("the journal was asked to lock while it was opening")]
    LockedWhileOpening,
    /// Too many wrong passphrases or recovery keys in a row: wait before the next try.
    #[error("too many tries; wait {wait_seconds} seconds")]
    TooManyAttempts { wait_seconds: u64 },
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Data(#[from] DataError),
}

impl JournalError {
    /// A passphrase or recovery key that did not open what it was tried on: what the throttle
    /// counts.
    pub fn is_wrong_secret(&self) -> bool {
        matches!(
            self,
            JournalError::Vault(VaultError::WrongPassphrase | VaultError::WrongRecoveryKey)
                | JournalError::Data(DataError::WrongBackupSecret { .. })
        )
    }
}

impl From<StoreError> for JournalError {
    fn from(e: StoreError) -> Self {
        JournalError::Vault(VaultError::Store(e))
    }
}

enum State {
    Locked,
    Unlocked(Session),
}

/// Whose secret a check is of (`Journal::attempt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SecretOf {
    /// This journal's passphrase or recovery key (also as the sync folder's, on joining).
    Journal,
    /// A backup's, which need not be this journal's at all.
    Backup,
}

/// Wrong passphrases (or recovery keys) in a row, and when the next try is allowed.
#[derive(Default)]
struct Attempts {
    failures: u32,
    not_before: Option<Instant>,
}

/// Tries allowed before waiting starts.
pub const FREE_ATTEMPTS: u32 = 5;
/// The longest wait between tries.
const MAX_WAIT: Duration = Duration::from_secs(300);

/// What a re-key gives back: the new recovery key (to show once), the fresh backup made
/// under the new key, and the automatic backups from before, which still open with the old
/// passphrase until they are deleted.
#[derive(Debug)]
pub struct Rekeyed {
    pub recovery_key: RecoveryKey,
    pub backup: Result<BackupSummary, JournalError>,
    pub older_backups: Vec<String>,
}

/// One journal, locked or unlocked. Safe to share between threads.
///
/// Three locks, each held briefly: `state` (the session; data commands hold it for one query),
/// `attempts` (the throttle, held through one secret check), and `long_work`, which keeps re-keys,
/// restores, sync rounds and backups' copies from overlapping. Slow work (key derivation, copying,
/// writing and verifying a backup) runs outside `state`, so locking and the window's commands never
/// wait behind it; a sync round does hold `state`, but stops between two files (or inside a
/// snapshot) once a lock is asked. A lock (asked or done; a re-key is none) bumps `lock_epoch`,
/// which a running backup checks between steps to stop cleanly, a sync round checks before each
/// file it reads and every thousand changes of a snapshot (against `opened_epoch`), and an opening
/// (unlock, recovery, creation, joining) checks after its key derivation, so a lock asked meanwhile
/// is not lost (`lock_asked`).
pub struct Journal {
    vault: Vault,
    kdf: KdfChoice,
    state: Mutex<State>,
    attempts: Mutex<Attempts>,
    long_work: Mutex<()>,
    lock_epoch: AtomicU64,
    /// `lock_epoch` when the journal was last opened: a lock asked since then means a lock is
    /// coming (every ask on an open journal is followed by one), so a round stops for it,
    /// whether the round began before the ask or after.
    opened_epoch: AtomicU64,
    /// How many openings (creating, unlocking, recovering, joining) have reached their last
    /// step, opened or refused: the shell's backstop tells an opening the person made after a
    /// lock was asked from the journal that was open when it was asked (`may_open`).
    openings: AtomicU64,
    /// The first wait after `FREE_ATTEMPTS` failures; it doubles with each further failure.
    first_wait: Duration,
    /// Where this copy lives (`sync::place::here`), worked out once: it is asked at every
    /// opening and every round, and on macOS reading the computer's id runs a program.
    place: OnceLock<Option<String>>,
}

impl Journal {
    /// A locked journal in `paths`. `kdf` is how new passphrase slots get their parameters:
    /// `KdfChoice::Calibrate` in the app.
    pub fn new(paths: JournalPaths, kdf: KdfChoice) -> Self {
        Self::with_first_wait(paths, kdf, Duration::from_secs(5))
    }

    /// Like `new`, with a chosen first wait after too many wrong tries (tests use a short one).
    /// Finishes or undoes whatever a crash interrupted (see `start_up`).
    pub fn with_first_wait(paths: JournalPaths, kdf: KdfChoice, first_wait: Duration) -> Self {
        let journal = Self {
            vault: Vault::new(paths),
            kdf,
            state: Mutex::new(State::Locked),
            attempts: Mutex::new(Attempts::default()),
            long_work: Mutex::new(()),
            lock_epoch: AtomicU64::new(0),
            opened_epoch: AtomicU64::new(0),
            openings: AtomicU64::new(0),
            first_wait,
            place: OnceLock::new(),
        };
        journal.start_up();
        journal
    }

    /// What every start does before the journal is opened: make the data folder private again
    /// (the webview makes the same folder, 0755, for its own data, before a journal is in it),
    /// finish or undo a header write, a re-key or a restore a crash interrupted, and remove a
    /// killed backup's temp files. A failure here is reported again, with its reason, by the
    /// unlock that follows.
    fn start_up(&self) {
        let dir = self.vault.paths().dir();
        if dir.is_dir() {
            let _ = crate::private_files::create_dir(dir);
        }
        let _ = self.vault.recover_interrupted();
        crate::backup::remove_leftovers(self.vault.paths());
    }

    /// The data folder: for the plain settings file (`device_settings`), which is read and
    /// written whether the journal is locked or not.
    pub fn data_dir(&self) -> &std::path::Path {
        self.vault.paths().dir()
    }

    pub fn status(&self) -> Result<JournalStatus, JournalError> {
        let paths = self.vault.paths();
        let state = match *self.state() {
            State::Unlocked(_) => JournalState::Unlocked,
            State::Locked if self.vault.exists()? => JournalState::Locked,
            State::Locked => JournalState::None,
        };
        Ok(JournalStatus {
            state,
            data_dir: paths.dir().display().to_string(),
            journal_file: paths.database().display().to_string(),
        })
    }

    /// Creates the journal and leaves it unlocked, or locked if a lock was asked while it was
    /// being made (see `is_unlocked` afterwards). Either way the recovery key is returned, once,
    /// to be shown to the user: the journal exists, and that key is the only way back into it.
    pub fn create(&self, passphrase: &Passphrase) -> Result<RecoveryKey, JournalError> {
        let asked = self.lock_epoch.load(Ordering::SeqCst);
        let mut state = self.state();
        let (session, recovery_key) = self.vault.create(passphrase, self.kdf)?;
        if self.may_open(asked) {
            *state = State::Unlocked(session);
            self.settle_this_computer(&mut state);
        } else {
            // An empty journal: a failed final checkpoint loses nothing.
            let _ = session.lock();
        }
        Ok(recovery_key)
    }

    /// Unlocks with the passphrase. The key derivation runs outside the journal's mutex; a
    /// lock asked meanwhile leaves the journal locked (`JournalError::LockedWhileOpening`).
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<(), JournalError> {
        self.unlock_timed(passphrase).map(drop)
    }

    /// `unlock`, saying how long its key derivation took. The shell's start trace prints it,
    /// so the perf harness can tell the derivation of this very unlock from the rest, not one
    /// timed in another process.
    pub fn unlock_timed(&self, passphrase: &Passphrase) -> Result<Duration, JournalError> {
        let asked = self.lock_epoch.load(Ordering::SeqCst);
        // An open journal is checked all the same: it can be a lock waiting behind a re-key or
        // a restore while the window already shows the lock screen, and that screen must never
        // open it for a wrong passphrase. (Nothing is left to recover in a journal open now.)
        if !self.is_unlocked() {
            self.vault.recover_interrupted()?;
        }
        let deriving = Instant::now();
        let data_key = self.attempt(SecretOf::Journal, || {
            Ok(self.vault.data_key_from_passphrase(passphrase)?)
        })?;
        let derivation = deriving.elapsed();
        // Locked meanwhile (that waiting lock), it is opened as from the lock screen.
        let mut state = self.state();
        if let State::Locked = *state {
            // Checked once the database is open, just before it is left open: opening it
            // takes time too (migrations, the first read).
            let session = self.vault.open_with_data_key(&data_key)?;
            if !self.may_open(asked) {
                drop(state);
                let _ = end_session(session);
                return Err(JournalError::LockedWhileOpening);
            }
            *state = State::Unlocked(session);
            self.settle_this_computer(&mut state);
        }
        Ok(derivation)
    }

    /// The system asks for a lock (the screen locked, the computer about to sleep) or the
    /// shell locks by itself. An open journal is locked by `lock`, which follows; this is for
    /// the journal still opening: an unlock, recovery or join whose key is being derived right
    /// now does not open it, and a journal being created is left locked. Without it such an
    /// ask would be lost, as there is nothing open to lock yet. On an open journal it stops a
    /// running backup and a sync round's reading, as the lock that follows would.
    pub fn lock_asked(&self) {
        self.lock_epoch.fetch_add(1, Ordering::SeqCst);
    }

    /// `lock_asked`, only if no lock was asked or done since `epoch` (`lock_epoch`): for a
    /// lock asked of the journal seen open at `epoch`, so it never refuses an opening begun
    /// since. True when it was asked: false says a lock came since `epoch`.
    pub fn lock_asked_if(&self, epoch: u64) -> bool {
        self.lock_epoch
            .compare_exchange(epoch, epoch + 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// How many locks have been asked or done so far: the shell's backstop reads it when a lock
    /// is asked and again a second later, and stands down if the window has locked meanwhile.
    pub fn lock_epoch(&self) -> u64 {
        self.lock_epoch.load(Ordering::SeqCst)
    }

    /// How many openings have reached their last step so far (`may_open`). With
    /// `lock_epoch`, the shell's backstop locks only the journal that was open when a lock was
    /// asked: an opening that reaches its last step after the ask and is not refused began
    /// after it, so it is the person's.
    pub fn openings(&self) -> u64 {
        self.openings.load(Ordering::SeqCst)
    }

    /// An opening's last step, with the state held, just before it leaves the journal open:
    /// counts it, then says whether it may open (no lock asked since `epoch`). Counted first:
    /// an ask bumps the epoch and then the backstop reads this count, so if this check came
    /// before the ask, the backstop's reading already includes this opening and it still
    /// locks the journal a second later.
    fn may_open(&self, epoch: u64) -> bool {
        self.openings.fetch_add(1, Ordering::SeqCst);
        let may = self.lock_epoch.load(Ordering::SeqCst) == epoch;
        if may {
            self.opened_epoch.store(epoch, Ordering::SeqCst);
        }
        may
    }

    /// Whether a lock was asked (or done) since the journal was last opened (`opened_epoch`).
    fn lock_asked_since_opening(&self) -> bool {
        self.lock_epoch.load(Ordering::SeqCst) != self.opened_epoch.load(Ordering::SeqCst)
    }

    /// On opening, what belongs to this computer rather than to the journal: settings that now
    /// live in the plain settings file (the crisis lines' country) move there from the journal,
    /// and a journal copied here by hand becomes a computer of its own (`sync::place`). Best
    /// effort: a failure here never fails the opening, the next one tries again, and a sync
    /// round settles the place again before it sends.
    fn settle_this_computer(&self, state: &mut State) {
        if let State::Unlocked(session) = state {
            let dir = self.vault.paths().dir();
            let _ =
                crate::device_settings::adopt_country_from_preferences(dir, session.store_mut());
            let _ = crate::sync::place::settle(session.store_mut(), self.place());
        }
    }

    /// Where this copy of the journal lives (`sync::place::here`).
    fn place(&self) -> Option<String> {
        let dir = self.vault.paths().dir();
        self.place
            .get_or_init(|| crate::sync::place::here(dir))
            .clone()
    }

    /// Whether the journal is open now.
    pub fn is_unlocked(&self) -> bool {
        matches!(*self.state(), State::Unlocked(_))
    }

    /// Whether the journal is open, without waiting: `None` while something holds it (a query,
    /// an opening, a sync round). For the shell's idle deadline, which must keep time through
    /// a long round instead of waiting for its end.
    pub fn is_unlocked_now(&self) -> Option<bool> {
        match self.state.try_lock() {
            Ok(state) => Some(matches!(*state, State::Unlocked(_))),
            Err(TryLockError::Poisoned(poisoned)) => {
                Some(matches!(*poisoned.into_inner(), State::Unlocked(_)))
            }
            Err(TryLockError::WouldBlock) => None,
        }
    }

    /// Runs one check of a passphrase or recovery key (unlock, recovery, passphrase change,
    /// re-key, backup inspect and restore) under the one wrong-tries rule: after
    /// `FREE_ATTEMPTS` wrong ones in a row, each further try must wait (5 s, doubling, at most
    /// 5 minutes), whatever is typed and wherever. Only the journal's own secret, right, clears
    /// the count: a backup anyone can bring and open (one of their own) buys no more guesses.
    fn attempt<T>(
        &self,
        of: SecretOf,
        check: impl FnOnce() -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        let mut attempts = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(wait) = attempts
            .not_before
            .and_then(|t| t.checked_duration_since(Instant::now()))
        {
            return Err(JournalError::TooManyAttempts {
                wait_seconds: wait.as_secs() + 1,
            });
        }
        match check() {
            Ok(value) => {
                if of == SecretOf::Journal {
                    *attempts = Attempts::default();
                }
                Ok(value)
            }
            Err(e) if e.is_wrong_secret() => {
                attempts.failures += 1;
                if attempts.failures >= FREE_ATTEMPTS {
                    let doublings = (attempts.failures - FREE_ATTEMPTS).min(16);
                    let wait = (self.first_wait * 2u32.pow(doublings)).min(MAX_WAIT);
                    attempts.not_before = Some(Instant::now() + wait);
                }
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    pub fn unlock_with_recovery_key(
        &self,
        recovery_key: &RecoveryKey,
        new_passphrase: &Passphrase,
    ) -> Result<(), JournalError> {
        let asked = self.lock_epoch.load(Ordering::SeqCst);
        self.vault.recover_interrupted()?;
        let session = self.attempt(SecretOf::Journal, || {
            Ok(self
                .vault
                .unlock_with_recovery_key(recovery_key, new_passphrase, self.kdf)?)
        })?;
        let mut state = self.state();
        if !self.may_open(asked) {
            // The new passphrase is set (its header is written); only opening is refused. The
            // session is gone whether or not its final checkpoint works, as in `lock`.
            drop(state);
            let _ = end_session(session);
            return Err(JournalError::LockedWhileOpening);
        }
        let old = std::mem::replace(&mut *state, State::Unlocked(session));
        self.settle_this_computer(&mut state);
        drop(state);
        if let State::Unlocked(old) = old {
            end_session(old)?;
        }
        Ok(())
    }

    /// Locks the journal. The session is gone afterwards even if the final checkpoint failed
    /// (the error is still returned, for the lock screen to mention), and a running backup
    /// stops at its next step, a sync round before its next file.
    pub fn lock(&self) -> Result<(), JournalError> {
        self.lock_epoch.fetch_add(1, Ordering::SeqCst);
        let old = std::mem::replace(&mut *self.state(), State::Locked);
        match old {
            State::Unlocked(session) => end_session(session),
            State::Locked => Ok(()),
        }
    }

    /// Changes the passphrase of the unlocked journal. Only the header changes; from the
    /// moment this returns, nothing in the journal's folder opens with the old passphrase, nor
    /// in the sync folder when it can be reached (backups made before still do: see `rekey`).
    pub fn change_passphrase(
        &self,
        current: &Passphrase,
        new_passphrase: &Passphrase,
    ) -> Result<(), JournalError> {
        // Not while a sync round reads or replaces the header (see `syncing`).
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        if !self.is_unlocked() {
            return Err(JournalError::Locked);
        }
        self.attempt(SecretOf::Journal, || {
            Ok(self
                .vault
                .change_passphrase(current, new_passphrase, self.kdf)?)
        })?;
        // The change is made whatever becomes of this: a folder away (a drive not plugged in)
        // gets the new header at the first round that reaches it, as it gets everything else.
        let _ = self.publish_header_to_sync_folder();
        Ok(())
    }

    /// Changes the passphrase and shuts out every older copy: a new data key and recovery key,
    /// the database re-encrypted into a new file and swapped in (see `Vault::rekey`), the sync
    /// folder's header replaced when it can be reached, then a fresh verified backup under the
    /// new key. Older backups still open with the passphrase valid when they were made; they
    /// are listed for the person to delete.
    pub fn rekey(
        &self,
        current: &Passphrase,
        new_passphrase: &Passphrase,
        now: DateTime<Utc>,
    ) -> Result<Rekeyed, JournalError> {
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        if !self.is_unlocked() {
            return Err(JournalError::Locked);
        }
        self.attempt(SecretOf::Journal, || {
            Ok(self.vault.data_key_from_passphrase(current)?)
        })?;
        let sealed = self.vault.seal_rekey(new_passphrase, self.kdf)?;
        {
            let mut state = self.state();
            let State::Unlocked(session) = &mut *state else {
                return Err(JournalError::Locked);
            };
            let syncing = crate::sync::chosen::get(session.store())?;
            if let Some(folder) = &syncing {
                crate::sync::rekeyed::before_rekey(session, &self.vault.paths().header(), folder);
            }
            if let Err(e) = self.vault.stage_rekey(session, &sealed.key) {
                if syncing.is_some() {
                    crate::sync::rekeyed::rekey_abandoned(session.store_mut());
                }
                return Err(e.into());
            }
            let State::Unlocked(session) = std::mem::replace(&mut *state, State::Locked) else {
                unreachable!("checked above, under the same lock");
            };
            *state = State::Unlocked(self.install_rekey(session, &sealed.key)?);
        }
        // The folder's header opened with the old passphrase to the old key, and with it every
        // change file sealed before: replaced now, not at the next round (the whole journal goes
        // out again under the new key at that round, see `sync::rekeyed`).
        let _ = self.publish_header_to_sync_folder();
        let paths = self.vault.paths();
        let dest = paths.backups().join(format!(
            "after-new-key-{}.{}",
            now.format("%Y%m%dT%H%M%S"),
            crate::backup::EXTENSION
        ));
        let backup = self.backup_alone(&dest, now, &mut |_| true);
        let older_backups = crate::backup::list_auto(paths)
            .into_iter()
            .filter(|p| std::path::Path::new(p) != dest)
            .collect();
        Ok(Rekeyed {
            recovery_key: sealed.recovery_key,
            backup,
            older_backups,
        })
    }

    /// Swaps in the database re-keyed under `key` (see `Vault::install_rekey`). Not a lock: the
    /// journal stays open, so the shell's backstop for a lock asked meanwhile still locks it
    /// (and no backup is running to stop: re-keys and backups both take `long_work`). Left
    /// locked should the swap fail, which counts as a lock.
    fn install_rekey(
        &self,
        session: Session,
        key: &crate::vault::NewKey,
    ) -> Result<Session, JournalError> {
        self.vault.install_rekey(session, key).map_err(|e| {
            self.lock_epoch.fetch_add(1, Ordering::SeqCst);
            e.into()
        })
    }

    /// Deletes every automatic backup except `keep` (after a re-key). Returns how many.
    pub fn delete_automatic_backups_except(
        &self,
        keep: &std::path::Path,
    ) -> Result<usize, JournalError> {
        Ok(crate::backup::delete_automatic_except(
            self.vault.paths(),
            keep,
        )?)
    }

    /// Writes a backup of the open journal to `dest` (see `backup::SnapshotSource` and
    /// `backup::write`). The journal is held only to gather what the snapshot is taken from;
    /// the copy is read through a connection of its own, so the window's commands are not held
    /// up behind it. A lock meanwhile cancels the rest cleanly, leaving no file.
    pub fn backup_to(
        &self,
        dest: &std::path::Path,
        now: DateTime<Utc>,
        keep_going: &mut dyn FnMut(u8) -> bool,
    ) -> Result<BackupSummary, JournalError> {
        // No re-key, restore, rejoin or sync round replaces the database while it is copied.
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        self.backup_alone(dest, now, keep_going)
    }

    /// `backup_to`, for a caller already holding `long_work`.
    fn backup_alone(
        &self,
        dest: &std::path::Path,
        now: DateTime<Utc>,
        keep_going: &mut dyn FnMut(u8) -> bool,
    ) -> Result<BackupSummary, JournalError> {
        let epoch = self.lock_epoch.load(Ordering::SeqCst);
        let source = self.with_session(|session| {
            Ok(crate::backup::snapshot_source(session, self.vault.paths())?)
        })?;
        let still_open = || self.lock_epoch.load(Ordering::SeqCst) == epoch;
        // Asked before the copy, and the lock looked at after, so a lock from the step itself
        // stops the copy too.
        if !keep_going(10) || !still_open() {
            return Err(DataError::Cancelled(Task::Backup).into());
        }
        Ok(crate::backup::write(
            source.take(dest)?,
            dest,
            now,
            &mut |p| still_open() && keep_going(p),
        )?)
    }

    /// What a backup holds, opened with the passphrase or recovery key it was made with
    /// (through the throttle).
    pub fn inspect_backup(
        &self,
        path: &std::path::Path,
        secret: &Secret<'_>,
    ) -> Result<BackupSummary, JournalError> {
        self.attempt(SecretOf::Backup, || {
            Ok(crate::backup::inspect(
                path,
                secret,
                self.vault.paths().dir(),
            )?)
        })
    }

    /// Replaces the journal with a backup. The backup is read once, opened with its secret
    /// (through the throttle) and checked while the journal stays usable; then the journal is
    /// kept as a backup itself (from a consistent snapshot when open), locked, and the checked
    /// copy swapped in. Returns where the journal as it was has been kept.
    pub fn restore_from(
        &self,
        path: &std::path::Path,
        secret: &Secret<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<std::path::PathBuf>, JournalError> {
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        let staged = self.attempt(SecretOf::Backup, || {
            Ok(crate::backup::stage_restore(&self.vault, path, secret)?)
        })?;
        let paths = self.vault.paths();
        let mut state = self.state();
        let kept = match &*state {
            State::Unlocked(session) => {
                crate::backup::keep_open_journal(session, paths, now).map(Some)
            }
            State::Locked if self.vault.exists()? => {
                crate::backup::keep_locked_journal(paths, now).map(Some)
            }
            State::Locked => Ok(None),
        };
        let kept = match kept.and_then(|kept| syncing::mark_restored(paths).map(|()| kept)) {
            Ok(kept) => kept,
            Err(e) => {
                let _ = crate::vault::swap::remove_staged_database(paths);
                return Err(e.into());
            }
        };
        self.lock_epoch.fetch_add(1, Ordering::SeqCst);
        if let State::Unlocked(session) = std::mem::replace(&mut *state, State::Locked) {
            // The journal was kept from a snapshot; a failed final checkpoint loses nothing.
            let _ = session.lock();
        }
        crate::backup::install_restore(&self.vault, staged)?;
        Ok(kept)
    }

    /// The automatic backups, newest first.
    pub fn automatic_backups(&self) -> Vec<String> {
        crate::backup::list_auto(self.vault.paths())
    }

    /// Makes today's automatic backup if there is none yet, then rotates them (7 daily, 4
    /// weekly). Like `backup_to`, only the snapshot holds the journal.
    pub fn auto_backup(
        &self,
        now: DateTime<Utc>,
        tz: crate::zone::Zone,
    ) -> Result<Option<BackupSummary>, JournalError> {
        let paths = self.vault.paths();
        let Some(dest) = crate::backup::auto_backup_due(paths, now, tz) else {
            return Ok(None);
        };
        let summary = self.backup_to(&dest, now, &mut |_| true)?;
        crate::backup::rotate(paths);
        Ok(Some(summary))
    }

    /// Runs `f` with the open session, or answers `Locked`.
    pub fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        match &mut *self.state() {
            State::Unlocked(session) => f(session),
            State::Locked => Err(JournalError::Locked),
        }
    }

    /// Runs `f` with the session when unlocked, or with `None` when locked: for what is
    /// partly public (the shipped library) and partly private (reading state).
    pub fn with_optional_session<T>(
        &self,
        f: impl FnOnce(Option<&mut Session>) -> Result<T, JournalError>,
    ) -> Result<T, JournalError> {
        match &mut *self.state() {
            State::Unlocked(session) => f(Some(session)),
            State::Locked => f(None),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves the state as it was; carry on with it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Ends the person's session: entries deleted in it (kept until now so they could be undone)
/// go for good, then the database is closed. A failed purge must not keep the journal open:
/// those entries are purged at the next lock. A re-key or a restore closes the session
/// without this, since the file it closes is replaced.
fn end_session(mut session: Session) -> Result<(), JournalError> {
    let _ = crate::timeline::purge_deleted(session.store_mut());
    Ok(session.lock()?)
}
