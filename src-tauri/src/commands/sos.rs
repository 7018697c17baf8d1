//! SOS: crisis lines (public, available from the lock screen), my people, my reasons and the
//! relapse prevention plan (private).

use daybreak_core::sos::{
    crisis_lines, people, plan, reasons, CountryLines, Person, PersonInput, Reason, RelapsePlan,
};
use tauri::State;

use super::on_store;
use crate::{AppError, ExportDir, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn sos_crisis_lines() -> Result<Vec<CountryLines>, AppError> {
    Ok(crisis_lines::all())
}

/// The country whose lines to show first, from the UI's locale ("en-GB" -> "GB").
#[tauri::command]
#[specta::specta]
pub async fn sos_country_for_locale(locale: String) -> Result<String, AppError> {
    Ok(crisis_lines::country_for_locale(&locale).to_string())
}

#[tauri::command]
#[specta::specta]
pub async fn sos_people(journal: Journal<'_>) -> Result<Vec<Person>, AppError> {
    on_store(&journal, |store, _, _| people::list(store)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_add_person(journal: Journal<'_>, input: PersonInput) -> Result<Person, AppError> {
    on_store(&journal, move |store, _, _| people::add(store, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_update_person(
    journal: Journal<'_>,
    id: i64,
    input: PersonInput,
) -> Result<Person, AppError> {
    on_store(&journal, move |store, _, _| {
        people::update(store, id, &input)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_remove_person(journal: Journal<'_>, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| people::remove(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_reasons(journal: Journal<'_>) -> Result<Vec<Reason>, AppError> {
    on_store(&journal, |store, _, _| reasons::list(store)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_add_reason(journal: Journal<'_>, text: String) -> Result<Reason, AppError> {
    on_store(&journal, move |store, _, _| reasons::add(store, &text)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_update_reason(
    journal: Journal<'_>,
    id: i64,
    text: String,
) -> Result<Reason, AppError> {
    on_store(&journal, move |store, _, _| {
        reasons::update(store, id, &text)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn sos_remove_reason(journal: Journal<'_>, id: i64) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| reasons::remove(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn plan_get(journal: Journal<'_>) -> Result<RelapsePlan, AppError> {
    on_store(&journal, |store, _, _| plan::get(store)).await
}

#[tauri::command]
#[specta::specta]
pub async fn plan_save(journal: Journal<'_>, plan: RelapsePlan) -> Result<RelapsePlan, AppError> {
    on_store(&journal, move |store, now, _| plan::save(store, &plan, now)).await
}

/// Saves the plan as a printable HTML page in the export folder (Downloads by default) and
/// returns where it went.
#[tauri::command]
#[specta::specta]
pub async fn plan_export(
    journal: Journal<'_>,
    export_dir: State<'_, ExportDir>,
) -> Result<String, AppError> {
    let dir = export_dir.0.clone();
    on_store(&journal, move |store, now, tz| {
        plan::export_to(&dir, store, now, tz).map(|p| p.display().to_string())
    })
    .await
}
