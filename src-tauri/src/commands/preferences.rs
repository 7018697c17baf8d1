//! Preferences (auto-lock, neutral window title) and quick hide.

use daybreak_core::preferences::{self, Preferences, NEUTRAL_TITLE};
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_store;
use crate::idle::IdleWatch;
use crate::{lock_signals, AppError, SharedJournal, MAIN_WINDOW};

const TITLE: &str = "Daybreak";

#[tauri::command]
#[specta::specta]
pub async fn get_preferences(journal: State<'_, SharedJournal>) -> Result<Preferences, AppError> {
    on_store(&journal, |store, _, _| preferences::get(store)).await
}

#[tauri::command]
#[specta::specta]
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
    if let Some(idle) = app.try_state::<IdleWatch>() {
        idle.set_minutes(saved.auto_lock_minutes);
    }
    Ok(saved)
}

/// The person did something in the window (the UI reports it at most every few seconds): the
/// shell's own idle deadline starts again.
#[tauri::command]
#[specta::specta]
pub async fn idle_touch(idle: State<'_, IdleWatch>) -> Result<(), AppError> {
    idle.touch();
    Ok(())
}

/// For when someone walks in: minimizes the window first, at once; the UI then saves what is
/// being typed and locks. If it has not locked within the grace (hung, or stuck saving), the
/// journal is locked from here and the UI told. Nothing here waits on the journal.
#[tauri::command]
#[specta::specta]
pub async fn quick_hide<R: Runtime>(app: AppHandle<R>) -> Result<(), AppError> {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.minimize();
    }
    lock_signals::keep_from_opening(&app);
    lock_signals::lock_after_grace(&app);
    Ok(())
}

/// Applies the window title preference ("Notes" when neutral).
pub fn set_title<R: Runtime>(app: &AppHandle<R>, neutral: bool) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.set_title(if neutral { NEUTRAL_TITLE } else { TITLE });
    }
}
