//! The timeline, search across entries, deleting with undo, and insights.

use chrono::NaiveDate;
use daybreak_core::insights::{self, Insights};
use daybreak_core::search::{self, SearchHit};
use daybreak_core::timeline::{self, EntryKind, TimelineFilter, TimelinePage};
use tauri::State;

use super::on_store;
use crate::{AppError, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn timeline(
    journal: Journal<'_>,
    filter: TimelineFilter,
    cursor: Option<String>,
    limit: u32,
) -> Result<TimelinePage, AppError> {
    on_store(&journal, move |store, now, tz| {
        timeline::page(store, &filter, cursor.as_deref(), limit as usize, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_entry(journal: Journal<'_>, kind: EntryKind, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, now, _| {
        timeline::delete(store, kind, id, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_entry(journal: Journal<'_>, kind: EntryKind, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| {
        timeline::restore(store, kind, id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn search_entries(
    journal: Journal<'_>,
    query: String,
    limit: u32,
) -> Result<Vec<SearchHit>, AppError> {
    on_store(&journal, move |store, _, _| {
        search::search(store, &query, limit.min(200) as usize)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn insights(
    journal: Journal<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Insights, AppError> {
    on_store(&journal, move |store, _, tz| {
        insights::compute(store, from, to, tz)
    })
    .await
}
