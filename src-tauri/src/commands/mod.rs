//! Tauri commands, one file per area. Each takes state and arguments, calls one core function
//! and converts the error: no SQL, crypto or rules here.

pub mod backup;
pub mod check_ins;
pub mod journal_entries;
pub mod library;
pub mod moods;
pub mod preferences;
pub mod sobriety;
pub mod sos;
pub mod timeline;
pub mod vault;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use daybreak_core::store::Store;
use daybreak_core::{clock, DataError, Journal, JournalError};

use crate::{AppError, SharedJournal};

/// Runs journal work off the main thread (key derivation takes about a second, and the main
/// thread draws the window).
pub(crate) async fn on_journal<T: Send + 'static>(
    journal: &SharedJournal,
    work: impl FnOnce(&Journal) -> Result<T, JournalError> + Send + 'static,
) -> Result<T, AppError> {
    let journal = SharedJournal::clone(journal);
    tauri::async_runtime::spawn_blocking(move || work(&journal))
        .await
        .map_err(|_| AppError::internal("a background task stopped"))?
        .map_err(AppError::from)
}

/// Runs data work on the unlocked journal's store, with the time and zone read once here (the
/// core takes them as arguments). Answers `locked` when the journal is locked.
pub(crate) async fn on_store<T: Send + 'static>(
    journal: &SharedJournal,
    work: impl FnOnce(&mut Store, DateTime<Utc>, Tz) -> Result<T, DataError> + Send + 'static,
) -> Result<T, AppError> {
    on_journal(journal, move |j| {
        j.with_session(|session| {
            Ok(work(
                session.store_mut(),
                clock::now_utc(),
                clock::current_zone(),
            )?)
        })
    })
    .await
}
