//! The offline library. Shipped articles can be listed, read and searched while the journal
//! is locked (the SOS panel links to them from the lock screen); reading state, bookmarks,
//! notes and imported articles need it unlocked.

use daybreak_core::library::{self, Article, ArticleSummary, LibraryHit, Source};
use daybreak_core::store::Store;
use daybreak_core::words::Language;
use daybreak_core::DataError;
use tauri::State;

use super::{on_journal, on_store, RawFile};
use crate::{AppError, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

/// Runs library work with the store when the journal is open, without it when locked.
async fn on_library<T: Send + 'static>(
    journal: &SharedJournal,
    work: impl FnOnce(Option<&Store>) -> Result<T, DataError> + Send + 'static,
) -> Result<T, AppError> {
    on_journal(journal, move |j| {
        j.with_optional_session(|session| Ok(work(session.map(|s| s.store()))?))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_list(
    journal: Journal<'_>,
    language: Language,
) -> Result<Vec<ArticleSummary>, AppError> {
    on_library(&journal, move |store| library::list(store, language)).await
}

#[tauri::command]
#[specta::specta]
pub async fn library_article(
    journal: Journal<'_>,
    slug: String,
    language: Language,
) -> Result<Article, AppError> {
    on_library(&journal, move |store| library::get(store, &slug, language)).await
}

/// Where the shipped articles' facts come from, for Settings → About: one call instead of
/// reading (and rendering) every article.
#[tauri::command]
#[specta::specta]
pub async fn library_sources(language: Language) -> Result<Vec<Source>, AppError> {
    Ok(library::sources(language))
}

#[tauri::command]
#[specta::specta]
pub async fn library_search(
    journal: Journal<'_>,
    query: String,
    limit: u32,
    language: Language,
) -> Result<Vec<LibraryHit>, AppError> {
    on_library(&journal, move |store| {
        library::search(store, &query, limit.min(100) as usize, language)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_for_trigger(
    key: String,
    language: Language,
) -> Result<Vec<ArticleSummary>, AppError> {
    Ok(library::for_trigger(&key, language))
}

#[tauri::command]
#[specta::specta]
pub async fn library_set_bookmark(
    journal: Journal<'_>,
    slug: String,
    bookmarked: bool,
) -> Result<(), AppError> {
    on_store(&journal, move |store, now, _| {
        library::set_bookmark(store, &slug, bookmarked, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_save_progress(
    journal: Journal<'_>,
    slug: String,
    progress: f64,
) -> Result<(), AppError> {
    on_store(&journal, move |store, now, _| {
        library::save_progress(store, &slug, progress, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_save_note(
    journal: Journal<'_>,
    slug: String,
    note: Option<String>,
) -> Result<(), AppError> {
    on_store(&journal, move |store, now, _| {
        library::save_note(store, &slug, note.as_deref(), now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_continue(
    journal: Journal<'_>,
    language: Language,
) -> Result<Option<ArticleSummary>, AppError> {
    on_store(&journal, move |store, _, _| {
        library::continue_reading(store, language)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn library_delete_imported(journal: Journal<'_>, slug: String) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| {
        library::delete_imported(store, &slug)
    })
    .await
}

/// Imports a file chosen in the system file dialog. The UI sends the file's bytes as the raw
/// request body (no JSON round trip for megabytes) and its name, percent-encoded, in the
/// `x-file-name` header.
#[tauri::command]
#[specta::specta]
pub async fn library_import(
    journal: Journal<'_>,
    file: RawFile<'_>,
) -> Result<ArticleSummary, AppError> {
    let (name, bytes) = file.read("imported.txt")?;
    on_store(&journal, move |store, now, _| {
        library::import(store, &name, &bytes, now)
    })
    .await
}
