//! SOS: crisis lines (public, available from the lock screen), my people, my reasons and the
//! relapse prevention plan (private).

use daybreak_core::device_settings;
use daybreak_core::sos::{
    crisis_lines, people, plan, reasons, CountryLines, CrisisHere, Person, PersonInput, Reason,
    RelapsePlan,
};
use daybreak_core::words::Language;
use daybreak_core::JournalError;
use tauri::State;

use super::on_store;
use crate::locale::system_locale;
use crate::{AppError, ExportDir, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn sos_crisis_lines() -> Result<Vec<CountryLines>, AppError> {
    Ok(crisis_lines::all())
}

/// What SOS shows, locked or not: the country chosen on this computer (the plain settings
/// file), else the system's locale, else none ("call your local emergency number").
/// `ui_locale` (the web view's language) is used only when the system sets no locale at all.
#[tauri::command]
#[specta::specta]
pub async fn sos_crisis_here(
    journal: Journal<'_>,
    ui_locale: String,
) -> Result<CrisisHere, AppError> {
    let dir = journal.data_dir().to_path_buf();
    let chosen = device_settings::load(&dir).country;
    Ok(crisis_lines::here(
        chosen.as_deref(),
        &system_locale().unwrap_or(ui_locale),
    ))
}

/// Chooses the country whose lines SOS shows (`None`: follow the system), saved in the plain
/// settings file so the lock screen shows them too. Works while locked: the country is not
/// private, and a person in crisis at the lock screen may need to choose it there.
#[tauri::command]
#[specta::specta]
pub async fn sos_set_country(
    journal: Journal<'_>,
    country: Option<String>,
    ui_locale: String,
) -> Result<CrisisHere, AppError> {
    let dir = journal.data_dir().to_path_buf();
    let saved =
        super::off_main_thread(move || device_settings::set_country(&dir, country.as_deref()))
            .await?
            .map_err(|e| AppError::from(JournalError::from(e)))?;
    Ok(crisis_lines::here(
        saved.country.as_deref(),
        &system_locale().unwrap_or(ui_locale),
    ))
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
    language: Language,
) -> Result<String, AppError> {
    let dir = export_dir.0.clone();
    on_store(&journal, move |store, now, tz| {
        plan::export_to(&dir, store, now, tz, language).map(|p| p.display().to_string())
    })
    .await
}
