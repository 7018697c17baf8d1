//! Sobriety clocks, slips, milestones and the Today screen.

use daybreak_core::sobriety::{
    clocks, slips, today, ClockDetail, ClockInput, ClockView, SlipInput, SlipRecorded, TodayView,
};
use tauri::State;

use super::on_store;
use crate::{AppError, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn today(journal: Journal<'_>) -> Result<TodayView, AppError> {
    on_store(&journal, |store, now, tz| today::today(store, now, tz)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_clocks(
    journal: Journal<'_>,
    include_archived: bool,
) -> Result<Vec<ClockView>, AppError> {
    on_store(&journal, move |store, now, tz| {
        clocks::list(store, include_archived, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_clock(journal: Journal<'_>, input: ClockInput) -> Result<ClockView, AppError> {
    on_store(&journal, move |store, now, tz| {
        clocks::create(store, &input, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_clock(
    journal: Journal<'_>,
    id: i64,
    input: ClockInput,
) -> Result<ClockView, AppError> {
    on_store(&journal, move |store, now, tz| {
        clocks::update(store, id, &input, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn pin_clock(journal: Journal<'_>, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| clocks::pin(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn archive_clock(journal: Journal<'_>, id: i64, archived: bool) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| {
        clocks::archive(store, id, archived)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_clock(journal: Journal<'_>, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| clocks::delete(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn clock_detail(journal: Journal<'_>, id: i64) -> Result<ClockDetail, AppError> {
    on_store(&journal, move |store, now, tz| {
        clocks::detail(store, id, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn acknowledge_milestone(
    journal: Journal<'_>,
    clock_id: i64,
    key: String,
) -> Result<(), AppError> {
    on_store(&journal, move |store, now, tz| {
        clocks::acknowledge_milestone(store, clock_id, &key, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn record_slip(
    journal: Journal<'_>,
    clock_id: i64,
    input: SlipInput,
) -> Result<SlipRecorded, AppError> {
    on_store(&journal, move |store, now, tz| {
        slips::record(store, clock_id, &input, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_slip(
    journal: Journal<'_>,
    id: i64,
    input: SlipInput,
) -> Result<ClockDetail, AppError> {
    on_store(&journal, move |store, now, tz| {
        slips::update(store, id, &input, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_slip(journal: Journal<'_>, id: i64) -> Result<ClockDetail, AppError> {
    on_store(&journal, move |store, now, tz| {
        slips::delete(store, id, now, tz)
    })
    .await
}
