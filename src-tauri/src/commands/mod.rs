//! Tauri commands, one file per area. Each takes state and arguments, calls one core function
//! and converts the error: no SQL, crypto or rules here.

pub mod vault;

use crate::{AppError, SharedJournal};
use daybreak_core::{Journal, JournalError};

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
