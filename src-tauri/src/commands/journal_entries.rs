//! Journal entries (autosaved as people type) and their Markdown preview.

use daybreak_core::journal_entries::{self, JournalEntry, JournalInput};
use daybreak_core::markdown;
use tauri::State;

use super::on_store;
use crate::{AppError, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn create_journal_entry(
    journal: Journal<'_>,
    input: JournalInput,
) -> Result<JournalEntry, AppError> {
    on_store(&journal, move |store, now, _| {
        journal_entries::create(store, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_journal_entry(
    journal: Journal<'_>,
    id: i64,
    input: JournalInput,
) -> Result<JournalEntry, AppError> {
    on_store(&journal, move |store, now, _| {
        journal_entries::update(store, id, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_journal_entry(journal: Journal<'_>, id: i64) -> Result<JournalEntry, AppError> {
    on_store(&journal, move |store, _, _| journal_entries::get(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn journal_tags(journal: Journal<'_>) -> Result<Vec<String>, AppError> {
    on_store(&journal, |store, _, _| journal_entries::tags(store)).await
}

/// Renders Markdown for the editor's preview. Needs the journal unlocked like everything
/// else that handles journal text.
#[tauri::command]
#[specta::specta]
pub async fn render_markdown(journal: Journal<'_>, body: String) -> Result<String, AppError> {
    on_store(&journal, move |_, _, _| Ok(markdown::to_safe_html(&body))).await
}
