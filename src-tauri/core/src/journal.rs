//! The journal as the app sees it: a state machine, `Locked | Unlocked(Session)`, around the
//! vault. Every data operation goes through `with_session`, which answers `Locked` when there
//! is no session, so no command can reach the data of a locked journal by accident.

use std::sync::{Mutex, MutexGuard};

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

/// One journal, locked or unlocked. Safe to share between threads.
pub struct Journal {
    vault: Vault,
    kdf: KdfChoice,
    state: Mutex<State>,
}

impl Journal {
    /// A locked journal in `paths`. `kdf` is how new passphrase slots get their parameters:
    /// `KdfChoice::Calibrate` in the app.
    pub fn new(paths: JournalPaths, kdf: KdfChoice) -> Self {
        Self {
            vault: Vault::new(paths),
            kdf,
            state: Mutex::new(State::Locked),
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
            *state = State::Unlocked(self.vault.unlock(passphrase)?);
        }
        Ok(())
    }

    pub fn unlock_with_recovery_key(
        &self,
        recovery_key: &RecoveryKey,
        new_passphrase: &Passphrase,
    ) -> Result<(), JournalError> {
        let mut state = self.state();
        let session =
            self.vault
                .unlock_with_recovery_key(recovery_key, new_passphrase, self.kdf)?;
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
