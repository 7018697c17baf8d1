//! Daily check-ins: the morning intention, the evening review and the calendar.

use chrono::NaiveDate;
use daybreak_core::sobriety::{check_ins, CheckIn, EveningCheckIn};
use tauri::State;

use super::on_store;
use crate::{AppError, SharedJournal};

#[tauri::command]
#[specta::specta]
pub async fn morning_check_in(
    journal: State<'_, SharedJournal>,
    intention: Option<String>,
) -> Result<CheckIn, AppError> {
    on_store(&journal, move |store, now, tz| {
        check_ins::morning(store, intention.as_deref(), now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn evening_check_in(
    journal: State<'_, SharedJournal>,
    input: EveningCheckIn,
) -> Result<CheckIn, AppError> {
    on_store(&journal, move |store, now, tz| {
        check_ins::evening(store, &input, now, tz)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn check_ins(
    journal: State<'_, SharedJournal>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CheckIn>, AppError> {
    on_store(&journal, move |store, _, _| {
        check_ins::between(store, from, to)
    })
    .await
}
