//! Preferences (auto-lock, neutral window title) and quick hide.

use daybreak_core::preferences::{self, Preferences, NEUTRAL_TITLE};
use tauri::{AppHandle, Manager, Runtime, State};

use super::{on_journal, on_store};
use crate::{AppError, SharedJournal, MAIN_WINDOW};

const TITLE: &str = "Daybreak";

#[tauri::command]
pub async fn get_preferences(journal: State<'_, SharedJournal>) -> Result<Preferences, AppError> {
    on_store(&journal, |store, _, _| preferences::get(store)).await
}

#[tauri::command]
pub async fn set_preferences<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    preferences: Preferences,
) -> Result<Preferences, AppError> {
    let saved = on_store(&journal, move |store, _, _| {
        preferences::set(store, &preferences)
    })
    .await?;
    set_title(&app, saved.neutral_title);
    Ok(saved)
}

/// Locks at once and minimizes the window: for when someone walks in.
#[tauri::command]
pub async fn quick_hide<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
) -> Result<(), AppError> {
    on_journal(&journal, |j| j.lock()).await?;
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.minimize();
    }
    Ok(())
}

/// Applies the window title preference ("Notes" when neutral).
pub fn set_title<R: Runtime>(app: &AppHandle<R>, neutral: bool) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.set_title(if neutral { NEUTRAL_TITLE } else { TITLE });
    }
}
