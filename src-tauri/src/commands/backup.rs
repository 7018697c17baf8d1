//! Backups: to a file chosen in the system save dialog (with progress and cancel), and
//! restoring from one (after seeing what it holds). The dialogs are opened from Rust, so the
//! window needs no dialog permission of its own.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use daybreak_core::backup::{self, BackupSummary};
use daybreak_core::export_file;
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{clock, DataError, JournalError, Passphrase, RecoveryKey, Refusal, Secret};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::on_journal;
use crate::{AppError, SharedJournal};

/// Set by `backup_cancel`; the running backup stops at its next step and leaves no file.
#[derive(Default)]
pub struct BackupCancel(pub Arc<AtomicBool>);

/// The name the save dialog offers: "daybreak-backup-2026-12-07.dbk", in `language`, dated
/// with the person's own day (as the exports are), not UTC's.
fn offered_name(language: Language, now: DateTime<Utc>, tz: Zone) -> String {
    format!(
        "{}-{}.{}",
        language.words().saved_files.backup,
        export_file::name_date(now, tz),
        backup::EXTENSION
    )
}

/// Asks where to save, then writes and verifies the backup, reporting progress (0 to 100).
/// `None` when the person closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn backup_now<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    cancel: State<'_, BackupCancel>,
    progress: Channel<u8>,
) -> Result<Option<BackupSummary>, AppError> {
    let Some(dest) = app
        .dialog()
        .file()
        .set_file_name(offered_name(
            crate::locale::shell_language(&app),
            clock::now_utc(),
            clock::current_zone(),
        ))
        .add_filter(backup_file_kind(&app), &[backup::EXTENSION])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let stop = Arc::clone(&cancel.0);
    stop.store(false, Ordering::SeqCst);
    let summary = on_journal(&journal, move |j| {
        j.backup_to(&dest, clock::now_utc(), &mut |p| {
            let _ = progress.send(p);
            !stop.load(Ordering::SeqCst)
        })
    })
    .await?;
    Ok(Some(summary))
}

/// Asks the running backup to stop.
#[tauri::command]
#[specta::specta]
pub async fn backup_cancel(cancel: State<'_, BackupCancel>) -> Result<(), AppError> {
    cancel.0.store(true, Ordering::SeqCst);
    Ok(())
}

/// What the file dialogs call a backup, in the language the shell speaks.
fn backup_file_kind<R: Runtime>(app: &AppHandle<R>) -> &'static str {
    crate::locale::shell_language(app).words().backup_file_kind
}

/// Asks which backup to restore from. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn backup_pick<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, AppError> {
    Ok(app
        .dialog()
        .file()
        .add_filter(backup_file_kind(&app), &[backup::EXTENSION])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn backup_list_auto(journal: State<'_, SharedJournal>) -> Result<Vec<String>, AppError> {
    Ok(journal.automatic_backups())
}

/// What a backup holds, opened with the passphrase or the recovery key valid when it was made
/// (through the journal's one throttle for secret checks).
#[tauri::command]
#[specta::specta]
pub async fn backup_inspect(
    journal: State<'_, SharedJournal>,
    path: String,
    passphrase: Option<Passphrase>,
    recovery_key: Option<RecoveryKey>,
) -> Result<BackupSummary, AppError> {
    let path = PathBuf::from(path);
    on_journal(&journal, move |j| {
        let secret = secret_of(passphrase.as_ref(), recovery_key.as_ref())?;
        j.inspect_backup(&path, &secret)
    })
    .await
}

/// Locks the journal and replaces it with the backup; returns where the journal as it was
/// has been kept.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore(
    journal: State<'_, SharedJournal>,
    path: String,
    passphrase: Option<Passphrase>,
    recovery_key: Option<RecoveryKey>,
) -> Result<Option<String>, AppError> {
    let path = PathBuf::from(path);
    on_journal(&journal, move |j| {
        let secret = secret_of(passphrase.as_ref(), recovery_key.as_ref())?;
        Ok(j.restore_from(&path, &secret, clock::now_utc())?
            .map(|p| p.display().to_string()))
    })
    .await
}

pub(crate) fn secret_of<'a>(
    passphrase: Option<&'a Passphrase>,
    recovery_key: Option<&'a RecoveryKey>,
) -> Result<Secret<'a>, JournalError> {
    match (passphrase, recovery_key) {
        (Some(p), _) => Ok(Secret::Passphrase(p)),
        (None, Some(k)) => Ok(Secret::RecoveryKey(k)),
        (None, None) => Err(DataError::Refused(Refusal::BadRequest).into()),
    }
}

/// Deletes every automatic backup except `keep` (the one made after a re-key); returns how
/// many went.
#[tauri::command]
#[specta::specta]
pub async fn backup_delete_older(
    journal: State<'_, SharedJournal>,
    keep: String,
) -> Result<u32, AppError> {
    on_journal(&journal, move |j| {
        Ok(j.delete_automatic_backups_except(std::path::Path::new(&keep))? as u32)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The offered name is in the shell's language and dated with the person's day: late on
    /// 1 July in UTC is already 2 July in Madrid.
    #[test]
    fn the_offered_name_is_in_the_language_and_the_local_day() {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 23, 30, 0).unwrap();
        let madrid = Zone::named("Europe/Madrid").unwrap();
        assert_eq!(
            offered_name(Language::Es, now, madrid),
            "copia-de-seguridad-daybreak-2026-07-02.dbk"
        );
        assert_eq!(
            offered_name(Language::En, now, Zone::UTC),
            "daybreak-backup-2026-07-01.dbk"
        );
    }
}
