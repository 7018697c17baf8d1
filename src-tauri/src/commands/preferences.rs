//! Preferences (auto-lock, neutral window title) and quick hide.

use std::sync::atomic::{AtomicBool, Ordering};

use daybreak_core::preferences::{self, Preferences};
use daybreak_core::words::Language;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_store;
use crate::idle::IdleWatch;
use crate::{lock_signals, AppError, SharedJournal, MAIN_WINDOW};

const TITLE: &str = "Daybreak";

/// Whether the window wears the neutral title now, as `set_title` last set it, so a change of
/// language can say it again in the new one while the journal holding the preference is locked.
#[derive(Default)]
pub struct NeutralTitle(AtomicBool);

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

/// Applies the window title preference: "Daybreak", or when neutral a plain word in the
/// language the shell speaks ("Notes", "Notas"), as Settings promises it.
pub fn set_title<R: Runtime>(app: &AppHandle<R>, neutral: bool) {
    if let Some(flag) = app.try_state::<NeutralTitle>() {
        flag.0.store(neutral, Ordering::Relaxed);
    }
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.set_title(title(neutral, crate::locale::shell_language(app)));
    }
}

fn title(neutral: bool, language: Language) -> &'static str {
    if neutral {
        language.words().neutral_title
    } else {
        TITLE
    }
}

/// After the language changed: a neutral title is said again in the new one.
pub fn reword_title<R: Runtime>(app: &AppHandle<R>) {
    if app
        .try_state::<NeutralTitle>()
        .is_some_and(|flag| flag.0.load(Ordering::Relaxed))
    {
        set_title(app, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings promises the neutral title by name, in each language; the window must show
    /// that very word, not the English one on a Spanish desktop.
    #[test]
    fn the_neutral_title_is_the_word_settings_promises_in_each_language() {
        for language in Language::ALL {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../ui/messages/{}.json", language.tag()));
            let messages: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let promise = messages["settings_privacy_settings_use_a_neutral_window"]
                .as_str()
                .unwrap();
            let shown = title(true, language);
            assert!(
                promise.contains(shown) && shown != TITLE,
                "{language:?}: Settings says {promise:?}, the window shows {shown:?}"
            );
            assert_eq!(title(false, language), TITLE);
        }
    }
}
