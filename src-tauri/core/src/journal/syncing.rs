//! The journal's side of sync: which folder this computer uses, one round with it, and
//! joining a journal another computer keeps in a sync folder. Rounds, re-keys, restores,
//! joins and passphrase changes take `long_work` in turn, so a round never reads or replaces
//! the header while another of them is changing it.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::{Journal, JournalError, SecretOf, State};
use crate::data_error::{DataError, FileAction, Refusal};
use crate::paths::JournalPaths;
use crate::store::Store;
use crate::sync::join::{self, JoinError};
use crate::sync::overview::{self, Overview};
use crate::sync::{self, chosen, header, place, rekeyed, rewind, SyncError, SyncReport};
use crate::vault::{NewKey, Secret, VaultError};

impl From<SyncError> for JournalError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Io(kind) => {
                DataError::io("use the sync folder", &std::io::Error::from(kind)).into()
            }
            // Code `not_found`: Settings asks to check the folder's path.
            SyncError::FolderAway => DataError::NotFound("sync folder").into(),
            // Stopped for a lock asked: the journal is about to lock.
            SyncError::Stopped => JournalError::Locked,
            SyncError::Record => DataError::Refused(Refusal::SyncChangeMisfit).into(),
            SyncError::Store(e) => e.into(),
        }
    }
}

impl From<JoinError> for JournalError {
    fn from(e: JoinError) -> Self {
        match e {
            JoinError::AlreadyExists => VaultError::AlreadyExists.into(),
            // Code `not_found`: the folder holds no journal to join (or not a whole one).
            JoinError::NoJournal => DataError::NotFound("Daybreak journal in that folder").into(),
            JoinError::Vault(e) => e.into(),
            JoinError::Sync(e) => e.into(),
        }
    }
}

impl Journal {
    /// The folder this computer syncs through, or `None`. Only while unlocked.
    pub fn sync_folder(&self) -> Result<Option<PathBuf>, JournalError> {
        self.with_session(|session| Ok(chosen::get(session.store())?))
    }

    /// Starts syncing through `chosen` (checked: see `chosen::check`); returns the folder as
    /// kept. The next round publishes the journal there.
    pub fn choose_sync_folder(&self, chosen: &Path) -> Result<PathBuf, JournalError> {
        let folder = chosen::check(chosen, self.vault.paths().dir())?;
        self.with_session(|session| {
            chosen::prepare(session.store_mut(), &folder)?;
            chosen::set(session.store_mut(), Some(&folder))?;
            Ok(())
        })?;
        Ok(folder)
    }

    /// Stops syncing on this computer; the journal stays whole, the folder is left as it is.
    /// A rebuild still owed from joining is forgotten: choosing a folder again runs its round
    /// at once.
    pub fn stop_syncing(&self) -> Result<(), JournalError> {
        self.with_session(|session| {
            chosen::set(session.store_mut(), None)?;
            Ok(join::rebuilt(session.store_mut())?)
        })
    }

    /// One round with the chosen folder (see `sync::sync`); `None` when this computer does not
    /// sync. Holds the journal for the round (about 10 ms when there is little to do). A lock
    /// asked since the journal opened, before the round or during it, stops its reading of the
    /// others' files between two (`Locked`), so the lock that follows, waiting for the
    /// journal, comes within one file.
    pub fn sync_round(&self) -> Result<Option<SyncReport>, JournalError> {
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        let header = self.vault.paths().header();
        let no_lock_asked = || !self.lock_asked_since_opening();
        self.with_session(|session| {
            let Some(folder) = chosen::get(session.store())? else {
                return Ok(None);
            };
            // A copy of the journal made by hand is some computer's journal too.
            let moved = place::settle(session.store_mut(), self.place())?;
            let restored = self.vault.paths().restored_marker();
            if restored.exists() {
                // A restored journal is some computer's journal as it was, which may go on
                // elsewhere under the same identity: it becomes a computer of its own first
                // (once: a backup restored onto another computer just did, for its place).
                if !moved {
                    rewind::become_new_computer(session.store_mut())?;
                }
                // Before anything is sent: left there, the note would make each round a new
                // computer again, after sending under the last one.
                crate::vault::atomic::remove_if_present(&restored)
                    .map_err(|e| DataError::file(FileAction::Delete, &restored, &e))?;
            }
            Ok(Some(sync::sync_until(
                session,
                &header,
                &folder,
                &no_lock_asked,
            )?))
        })
    }

    /// Puts this journal's header in the chosen folder now, without the rest of a round (see
    /// `sync::publish_header`). The caller holds `long_work`.
    pub(super) fn publish_header_to_sync_folder(&self) -> Result<(), JournalError> {
        let header = self.vault.paths().header();
        self.with_session(|session| {
            if let Some(folder) = chosen::get(session.store())? {
                sync::publish_header(session, &header, &folder)?;
            }
            Ok(())
        })
    }

    /// Joins the journal another computer keeps in the sync folder inside `chosen`: the
    /// passphrase or recovery key is checked through the throttle, then this computer gets the
    /// journal's header and an empty database, remembers the folder, and is left unlocked.
    /// The first round (run by the caller, see `sync_round`) rebuilds the journal.
    pub fn join_sync_folder(&self, chosen: &Path, secret: &Secret<'_>) -> Result<(), JournalError> {
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        if self.is_unlocked() || self.vault.exists()? {
            return Err(VaultError::AlreadyExists.into());
        }
        let asked = self.lock_epoch.load(Ordering::SeqCst);
        let folder = chosen::check(chosen, self.vault.paths().dir())?;
        let (data_key, header) = self.attempt(SecretOf::Journal, || {
            Ok(join::open_folder_header(&folder, secret)?)
        })?;
        let mut session = join::start_journal(&self.vault, &data_key, &header)?;
        chosen::set(session.store_mut(), Some(&folder))?;
        let mut state = self.state();
        if !self.may_open(asked) {
            // Joined all the same: the next unlock opens it, and its first round rebuilds it.
            // The session is gone whether or not its final checkpoint works, as in `lock`.
            drop(state);
            let _ = super::end_session(session);
            return Err(JournalError::LockedWhileOpening);
        }
        *state = State::Unlocked(session);
        self.settle_this_computer(&mut state);
        Ok(())
    }

    /// Whether this computer syncs and has changes that have not gone into the folder yet (the
    /// shell then runs a round within seconds instead of at the minute's). `false` while locked.
    pub fn has_changes_to_send(&self) -> bool {
        self.syncing_and(overview::anything_to_send)
    }

    /// Whether this journal was joined from its sync folder and no round has rebuilt it here
    /// yet (`join::awaits_rebuild`): a join left locked before its round, or one whose round
    /// failed. The shell runs that round before the unlock answers. `false` while locked.
    pub fn awaits_rebuild(&self) -> bool {
        self.syncing_and(join::awaits_rebuild)
    }

    /// `ask` of the open journal's store when this computer syncs; `false` when it does not,
    /// while locked, and when the store cannot be read.
    fn syncing_and(&self, ask: fn(&Store) -> Result<bool, SyncError>) -> bool {
        self.with_session(|session| {
            if chosen::get(session.store())?.is_none() {
                return Ok(false);
            }
            Ok(ask(session.store())?)
        })
        .unwrap_or(false)
    }

    /// What the chosen folder holds as this journal sees it (the computers seen there, what
    /// waits); `None` when this computer does not sync. Reads the folder's listing only.
    pub fn sync_overview(&self) -> Result<Option<Overview>, JournalError> {
        self.with_session(|session| {
            let Some(folder) = chosen::get(session.store())? else {
                return Ok(None);
            };
            Ok(Some(overview::read(session.store(), &folder)?))
        })
    }

    /// Joins the chosen folder's journal again after it was re-keyed on another computer (the
    /// rounds here stopped at its header): the folder's header is opened with `secret` through
    /// the throttle, what is left under the old key is read, and this journal is re-keyed to the
    /// folder's key, keeping everything in it, which then goes out again (see `sync::rekeyed`).
    /// From then on this computer opens with the secret that opens the folder's header. Nothing
    /// changes when the folder's journal already has this journal's key.
    pub fn rejoin_sync_folder(&self, secret: &Secret<'_>) -> Result<(), JournalError> {
        let _one_at_a_time = self.long_work.lock().unwrap_or_else(|p| p.into_inner());
        let folder = self
            .sync_folder()?
            .ok_or(DataError::NotFound("sync folder"))?;
        let (data_key, journal_header) = self.attempt(SecretOf::Journal, || {
            Ok(join::open_folder_header(&folder, secret)?)
        })?;
        let generation = sync::Folder::in_chosen(&folder)
            .read_header()
            .map_err(SyncError::io)?
            .as_deref()
            .and_then(header::split)
            .map(|(generation, _)| generation)
            .ok_or(JoinError::NoJournal)?;
        let mut state = self.state();
        let State::Unlocked(session) = &mut *state else {
            return Err(JournalError::Locked);
        };
        if session.data_key_copy().as_bytes() == data_key.as_bytes() {
            return Ok(());
        }
        rekeyed::before_rejoin(session, &folder, generation)?;
        let key = NewKey::adopted(data_key, journal_header);
        self.vault.stage_rekey(session, &key)?;
        let State::Unlocked(session) = std::mem::replace(&mut *state, State::Locked) else {
            unreachable!("checked above, under the same lock");
        };
        *state = State::Unlocked(self.install_rekey(session, &key)?);
        Ok(())
    }
}

/// Notes, for `sync_round`, that the journal is being replaced by a restored backup
/// (`JournalPaths::restored_marker`), before it is: a journal restored without the note could go
/// on under another computer's identity, while a note left beside a restore that failed only
/// gives this journal a new one.
pub(super) fn mark_restored(paths: &JournalPaths) -> Result<(), DataError> {
    let marker = paths.restored_marker();
    crate::vault::atomic::replace_file(&marker, MARKER_TEXT, "restore:marker")
        .map_err(|e| DataError::file(FileAction::Write, &marker, &e))
}

/// What the restored marker says to anyone who opens it.
const MARKER_TEXT: &[u8] =
    b"daybreak: restored from a backup; the next sync round gives this journal its own identity\n";
