//! Using one journal on two computers: choosing the sync folder, a round now, stopping,
//! joining from the welcome screen, and joining again after a re-key elsewhere. The rounds and
//! when they run are `crate::sync`'s.

use std::path::PathBuf;

use daybreak_core::{Passphrase, RecoveryKey};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::backup::secret_of;
use super::{off_main_thread, on_journal};
use crate::sync::{self as rounds, SyncNotice, SyncStatus, Syncing};
use crate::{AppError, SharedJournal};

/// Runs blocking sync work (a round waits for any round under way) off the main thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    off_main_thread(work).await?
}

/// Where syncing stands now (it lists the folder, so off the main thread).
async fn status_now<R: Runtime>(app: AppHandle<R>) -> Result<SyncStatus, AppError> {
    blocking(move || {
        let journal = app.state::<SharedJournal>();
        Ok(app.state::<Syncing>().status(&journal)?)
    })
    .await
}

/// A round, then where syncing stands. A failed round is in the status (and the next round
/// goes on from where this one stopped), so only `round_must_pass` makes it an error. (A round
/// stopped for a lock is not kept: the journal is locking, and the status says `locked`.)
async fn round_then_status<R: Runtime>(
    app: AppHandle<R>,
    round_must_pass: bool,
) -> Result<SyncStatus, AppError> {
    let round_app = app.clone();
    let round = blocking(move || rounds::run_round(&round_app)).await;
    if round_must_pass {
        round?;
    }
    status_now(app).await
}

/// Where syncing stands: the folder, the computers seen there, what waits, the last round, a
/// passphrase changed elsewhere. Only while unlocked.
#[tauri::command]
#[specta::specta]
pub async fn sync_status<R: Runtime>(app: AppHandle<R>) -> Result<SyncStatus, AppError> {
    status_now(app).await
}

/// Asks which folder to sync through (the system's folder dialog); `None` when it was closed.
#[tauri::command]
#[specta::specta]
pub async fn sync_pick_folder<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, AppError> {
    Ok(app
        .dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// Starts syncing through `folder` and runs the first round at once.
#[tauri::command]
#[specta::specta]
pub async fn sync_choose_folder<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    folder: String,
) -> Result<SyncStatus, AppError> {
    let chosen = PathBuf::from(folder);
    on_journal(&journal, move |j| j.choose_sync_folder(&chosen)).await?;
    round_then_status(app, false).await
}

/// A round now ("Sync now").
#[tauri::command]
#[specta::specta]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>) -> Result<SyncStatus, AppError> {
    round_then_status(app, true).await
}

/// Stops syncing on this computer. The journal stays whole; the folder is left as it is.
#[tauri::command]
#[specta::specta]
pub async fn sync_stop(
    journal: State<'_, SharedJournal>,
    syncing: State<'_, Syncing>,
) -> Result<(), AppError> {
    on_journal(&journal, |j| j.stop_syncing()).await?;
    syncing.forget();
    Ok(())
}

/// First run on a second computer: opens the journal kept in the sync folder inside `folder`
/// with the passphrase or the recovery key (through the one throttle for secret checks),
/// rebuilds it here, and leaves it unlocked.
#[tauri::command]
#[specta::specta]
pub async fn sync_join<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    folder: String,
    passphrase: Option<Passphrase>,
    recovery_key: Option<RecoveryKey>,
) -> Result<SyncStatus, AppError> {
    let chosen = PathBuf::from(folder);
    on_journal(&journal, move |j| {
        let secret = secret_of(passphrase.as_ref(), recovery_key.as_ref())?;
        j.join_sync_folder(&chosen, &secret)
    })
    .await?;
    // The rebuild: the UI shows it as busy until this returns.
    round_then_status(app, false).await
}

/// Joins the chosen folder's journal again after it was re-keyed on another computer, with its
/// passphrase or recovery key (through the one throttle): this journal keeps everything in it
/// and takes the folder's key; from then on it opens with that passphrase.
#[tauri::command]
#[specta::specta]
pub async fn sync_rejoin<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    syncing: State<'_, Syncing>,
    passphrase: Option<Passphrase>,
    recovery_key: Option<RecoveryKey>,
) -> Result<SyncStatus, AppError> {
    on_journal(&journal, move |j| {
        let secret = secret_of(passphrase.as_ref(), recovery_key.as_ref())?;
        j.rejoin_sync_folder(&secret)
    })
    .await?;
    // The last round's "another journal" is over.
    syncing.forget();
    round_then_status(app, false).await
}

/// Registers the UI's channel for what the rounds tell it (changes arrived, syncing stopped or
/// resumed, the passphrase changed elsewhere), and tells it at once what is still true of the
/// journal's opening.
#[tauri::command]
#[specta::specta]
pub async fn sync_watch(
    journal: State<'_, SharedJournal>,
    syncing: State<'_, Syncing>,
    on_notice: Channel<SyncNotice>,
) -> Result<(), AppError> {
    syncing.set_notices(on_notice, &journal);
    Ok(())
}
