//! Creating, unlocking, locking and re-keying the journal.

use daybreak_core::preferences;
use daybreak_core::{clock, JournalStatus, Passphrase, RecoveryKey};

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

use super::{on_journal, on_store};
use crate::{AppError, SharedJournal};

/// What the UI gets back from creating a journal: the recovery key, to show exactly once, and
/// whether the journal is open (it is not when the system asked for a lock meanwhile: the
/// person then unlocks it after seeing the key).
#[derive(Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CreatedJournal {
    pub recovery_key: String,
    pub open: bool,
}

#[tauri::command]
#[specta::specta]
pub async fn vault_status(journal: State<'_, SharedJournal>) -> Result<JournalStatus, AppError> {
    on_journal(&journal, |j| j.status()).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_journal(
    journal: State<'_, SharedJournal>,
    passphrase: Passphrase,
) -> Result<CreatedJournal, AppError> {
    on_journal(&journal, move |j| {
        let key = j.create(&passphrase)?;
        Ok(CreatedJournal {
            recovery_key: key.display().to_string(),
            open: j.is_unlocked(),
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn unlock<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    passphrase: Passphrase,
) -> Result<(), AppError> {
    crate::start_trace::mark("unlock asked");
    let derivation = on_journal(&journal, move |j| j.unlock_timed(&passphrase)).await?;
    crate::start_trace::took("unlock: key derivation", derivation);
    crate::start_trace::mark("unlock: journal open");
    // The neutral title is a preference inside the (now open) journal.
    if let Ok(prefs) = on_store(&journal, |store, _, _| preferences::get(store)).await {
        super::preferences::set_title(&app, prefs.neutral_title);
    }
    crate::sync::rebuild_if_joined(&app).await;
    start_auto_backup(&journal);
    crate::sync::wake(&app);
    crate::start_trace::mark("unlock answered");
    Ok(())
}

/// How long after unlocking today's automatic backup may start. Its snapshot holds the journal
/// (0.2-0.4 s on a ten-year journal), so it waits until the first screen has had its calls
/// answered and is drawn, instead of making the person wait for Today...
const AUTO_BACKUP_AFTER: std::time::Duration = std::time::Duration::from_secs(3);
/// ...and then for a pause of this long in the window's use of the journal (crate::pause), so
/// it does not hold up a screen being opened...
const AUTO_BACKUP_PAUSE: std::time::Duration = std::time::Duration::from_millis(1500);
/// ...but for no longer than this: someone busy for minutes still gets today's backup.
const AUTO_BACKUP_WAITS_AT_MOST: std::time::Duration = std::time::Duration::from_secs(60);

/// Today's automatic backup, in the background a moment after the journal opens: the person
/// sees their journal at once. Locked again by then: the next unlock makes it. A failure is not
/// fatal (the next unlock tries again), and says nothing about the journal's contents.
fn start_auto_backup(journal: &SharedJournal) {
    // One waiting or running at a time: it may wait a minute, and unlocking again meanwhile
    // must not make a second one of the same day (the first still finds the journal open).
    static TURNS: crate::pause::Turns = crate::pause::Turns::new();
    let journal = SharedJournal::clone(journal);
    tauri::async_runtime::spawn_blocking(move || {
        let Some(_turn) = TURNS.take() else {
            return;
        };
        std::thread::sleep(AUTO_BACKUP_AFTER);
        crate::pause::wait_for_pause(AUTO_BACKUP_PAUSE, AUTO_BACKUP_WAITS_AT_MOST);
        let open = journal
            .status()
            .is_ok_and(|s| s.state == daybreak_core::JournalState::Unlocked);
        if !open {
            return;
        }
        if let Err(e) = journal.auto_backup(clock::now_utc(), clock::current_zone()) {
            eprintln!(
                "Daybreak: today's automatic backup could not be made ({})",
                AppError::from(e).message
            );
        }
    });
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_with_recovery_key<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    recovery_key: RecoveryKey,
    new_passphrase: Passphrase,
) -> Result<(), AppError> {
    on_journal(&journal, move |j| {
        j.unlock_with_recovery_key(&recovery_key, &new_passphrase)
    })
    .await?;
    crate::sync::rebuild_if_joined(&app).await;
    crate::sync::wake(&app);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn lock(journal: State<'_, SharedJournal>) -> Result<(), AppError> {
    on_journal(&journal, |j| j.lock()).await
}

#[tauri::command]
#[specta::specta]
pub async fn change_passphrase<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    current: Passphrase,
    new_passphrase: Passphrase,
) -> Result<(), AppError> {
    on_journal(&journal, move |j| {
        j.change_passphrase(&current, &new_passphrase)
    })
    .await?;
    // The sync folder got the new header with the change when it could be reached; a round
    // soon tries again when it could not (a drive away), not only at the next timer.
    crate::sync::wake(&app);
    Ok(())
}

/// What the UI gets back from a re-key: the new recovery key (to show once), the fresh backup
/// made under the new key (or why it could not be made), and the automatic backups from
/// before, which still open with the old passphrase until deleted.
#[derive(Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RekeyedJournal {
    pub recovery_key: String,
    pub backup_path: Option<String>,
    /// Why the fresh backup could not be made, for the UI to word.
    pub backup_problem: Option<AppError>,
    pub older_backups: Vec<String>,
}

/// Changes the passphrase and locks out every older copy (see `Journal::rekey`).
#[tauri::command]
#[specta::specta]
pub async fn rekey_journal<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    current: Passphrase,
    new_passphrase: Passphrase,
) -> Result<RekeyedJournal, AppError> {
    let rekeyed = on_journal(&journal, move |j| {
        let done = j.rekey(&current, &new_passphrase, clock::now_utc())?;
        let (backup_path, backup_problem) = match done.backup {
            Ok(summary) => (Some(summary.path), None),
            Err(e) => (None, Some(AppError::from(e))),
        };
        Ok(RekeyedJournal {
            recovery_key: done.recovery_key.display().to_string(),
            backup_path,
            backup_problem,
            older_backups: done.older_backups,
        })
    })
    .await?;
    // The sync folder still holds the journal under the old key until a round sends it again
    // under the new one (its header was replaced with the re-key when the folder was there).
    crate::sync::wake(&app);
    Ok(rekeyed)
}
