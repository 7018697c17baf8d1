//! The journal as the app sees it: a state machine, `Locked | Unlocked(Session)`, around the
//! vault. Every data operation goes through `with_session`, which answers `Locked` when there
//! is no session, so no command can reach the data of a locked journal by accident.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use crate::paths::JournalPaths;
use crate::secret::{Passphrase, RecoveryKey};
use crate::store::StoreError;
use crate::vault::{KdfChoice, Session, Vault, VaultError};

/// Where the journal stands, as the UI needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum JournalState {
    /// No journal in the data directory yet: first run.
    None,
    Locked,
    Unlocked,
}

/// The journal's state and where its files live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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
    /// Too many wrong passphrases or recovery keys in a row: wait before the next try.
    #[error("too many tries; wait {wait_seconds} seconds")]
    TooManyAttempts { wait_seconds: u64 },
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Data(#[from] crate::data_error::DataError),
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

/// One journal, locked or unlocked. Safe to share between threads.
pub struct Journal {
    vault: Vault,
    kdf: KdfChoice,
    state: Mutex<State>,
    attempts: Mutex<Attempts>,
    /// The first wait after `FREE_ATTEMPTS` failures; it doubles with each further failure.
    first_wait: Duration,
}

impl Journal {
    /// A locked journal in `paths`. `kdf` is how new passphrase slots get their parameters:
    /// `KdfChoice::Calibrate` in the app.
    pub fn new(paths: JournalPaths, kdf: KdfChoice) -> Self {
        Self::with_first_wait(paths, kdf, Duration::from_secs(5))
    }

    /// Like `new`, with a chosen first wait after too many wrong tries (tests use a short one).
    pub fn with_first_wait(paths: JournalPaths, kdf: KdfChoice, first_wait: Duration) -> Self {
        Self {
            vault: Vault::new(paths),
            kdf,
            state: Mutex::new(State::Locked),
            attempts: Mutex::new(Attempts::default()),
            first_wait,
        }
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

    /// Creates the journal and leaves it unlocked. The recovery key is returned once, to be
    /// shown to the user.
    pub fn create(&self, passphrase: &Passphrase) -> Result<RecoveryKey, JournalError> {
        let mut state = self.state();
        let (session, recovery_key) = self.vault.create(passphrase, self.kdf)?;
        *state = State::Unlocked(session);
        Ok(recovery_key)
    }

    pub fn unlock(&self, passphrase: &Passphrase) -> Result<(), JournalError> {
        let mut state = self.state();
        if let State::Locked = *state {
            let session = self.attempt(|| self.vault.unlock(passphrase))?;
            *state = State::Unlocked(session);
        }
        Ok(())
    }

    /// Runs one unlock attempt under the wrong-tries rule: after `FREE_ATTEMPTS` wrong ones in
    /// a row, each further try must wait (5 s, doubling, at most 5 minutes), whatever is typed.
    fn attempt<T>(
        &self,
        unlock: impl FnOnce() -> Result<T, VaultError>,
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
        match unlock() {
            Ok(value) => {
                *attempts = Attempts::default();
                Ok(value)
            }
            Err(e @ (VaultError::WrongPassphrase | VaultError::WrongRecoveryKey)) => {
                attempts.failures += 1;
                if attempts.failures >= FREE_ATTEMPTS {
                    let doublings = (attempts.failures - FREE_ATTEMPTS).min(16);
                    let wait = (self.first_wait * 2u32.pow(doublings)).min(MAX_WAIT);
                    attempts.not_before = Some(Instant::now() + wait);
                }
                Err(e.into())
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn unlock_with_recovery_key(
        &self,
        recovery_key: &RecoveryKey,
        new_passphrase: &Passphrase,
    ) -> Result<(), JournalError> {
        let mut state = self.state();
        let session = self.attempt(|| {
            self.vault
                .unlock_with_recovery_key(recovery_key, new_passphrase, self.kdf)
        })?;
        if let State::Unlocked(old) = std::mem::replace(&mut *state, State::Unlocked(session)) {
            old.lock()?;
        }
        Ok(())
    }

    /// Locks the journal. The session is gone afterwards even if the final checkpoint failed.
    pub fn lock(&self) -> Result<(), JournalError> {
        let mut state = self.state();
        match std::mem::replace(&mut *state, State::Locked) {
            State::Unlocked(session) => Ok(session.lock()?),
            State::Locked => Ok(()),
        }
    }

    /// Changes the passphrase of the unlocked journal.
    pub fn change_passphrase(
        &self,
        current: &Passphrase,
        new_passphrase: &Passphrase,
    ) -> Result<(), JournalError> {
        self.with_session(|_| {
            Ok(self
                .vault
                .change_passphrase(current, new_passphrase, self.kdf)?)
        })
    }

    /// Writes a backup of the open journal to `dest` (see `backup::create`).
    pub fn backup_to(
        &self,
        dest: &std::path::Path,
        now: chrono::DateTime<chrono::Utc>,
        keep_going: &mut dyn FnMut(u8) -> bool,
    ) -> Result<crate::backup::BackupSummary, JournalError> {
        self.with_session(|session| {
            Ok(crate::backup::create(
                session,
                self.vault.paths(),
                dest,
                now,
                keep_going,
            )?)
        })
    }

    /// Locks the journal (if open) and replaces it with a backup; the current journal is kept
    /// as a backup first and its path returned.
    pub fn restore_from(
        &self,
        path: &std::path::Path,
        secret: &crate::vault::Secret<'_>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<std::path::PathBuf>, JournalError> {
        crate::backup::inspect(path, secret)?;
        self.lock()?;
        let _guard = self.state();
        Ok(crate::backup::restore(&self.vault, path, secret, now)?)
    }

    /// The automatic backups, newest first.
    pub fn automatic_backups(&self) -> Vec<String> {
        crate::backup::list_auto(self.vault.paths())
    }

    /// Makes today's automatic backup if there is none yet (see `backup::auto_backup`).
    pub fn auto_backup(
        &self,
        now: chrono::DateTime<chrono::Utc>,
        tz: chrono_tz::Tz,
    ) -> Result<Option<crate::backup::BackupSummary>, JournalError> {
        self.with_session(|session| {
            Ok(crate::backup::auto_backup(
                session,
                self.vault.paths(),
                now,
                tz,
            )?)
        })
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
