//! Moods, cravings, and the lists they draw on: triggers, emotions and coping actions.

use daybreak_core::catalogue::{self, Catalogue, Label};
use daybreak_core::cravings::{self, CravingEvent, CravingInput};
use daybreak_core::moods::{self, MoodEntry, MoodInput};
use daybreak_core::triggers::{self, Trigger};
use tauri::State;

use super::on_store;
use crate::{AppError, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

#[tauri::command]
#[specta::specta]
pub async fn log_mood(journal: Journal<'_>, input: MoodInput) -> Result<MoodEntry, AppError> {
    on_store(&journal, move |store, now, _| {
        moods::create(store, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_mood(
    journal: Journal<'_>,
    id: i64,
    input: MoodInput,
) -> Result<MoodEntry, AppError> {
    on_store(&journal, move |store, now, _| {
        moods::update(store, id, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_mood(journal: Journal<'_>, id: i64) -> Result<MoodEntry, AppError> {
    on_store(&journal, move |store, _, _| moods::get(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn log_craving(
    journal: Journal<'_>,
    input: CravingInput,
) -> Result<CravingEvent, AppError> {
    on_store(&journal, move |store, now, _| {
        cravings::create(store, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_craving(
    journal: Journal<'_>,
    id: i64,
    input: CravingInput,
) -> Result<CravingEvent, AppError> {
    on_store(&journal, move |store, now, _| {
        cravings::update(store, id, &input, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_craving(journal: Journal<'_>, id: i64) -> Result<CravingEvent, AppError> {
    on_store(&journal, move |store, _, _| cravings::get(store, id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_triggers(
    journal: Journal<'_>,
    include_archived: bool,
) -> Result<Vec<Trigger>, AppError> {
    on_store(&journal, move |store, _, _| {
        triggers::list(store, include_archived)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_trigger(journal: Journal<'_>, name: String) -> Result<Trigger, AppError> {
    on_store(&journal, move |store, now, _| {
        triggers::create(store, &name, now)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_trigger(
    journal: Journal<'_>,
    id: i64,
    name: String,
) -> Result<Trigger, AppError> {
    on_store(&journal, move |store, _, _| {
        triggers::rename(store, id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn archive_trigger(
    journal: Journal<'_>,
    id: i64,
    archived: bool,
) -> Result<(), AppError> {
    on_store(&journal, move |store, _, _| {
        triggers::archive(store, id, archived)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn merge_triggers(
    journal: Journal<'_>,
    from: i64,
    into: i64,
) -> Result<Trigger, AppError> {
    on_store(&journal, move |store, _, _| {
        triggers::merge(store, from, into)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_emotions(journal: Journal<'_>) -> Result<Vec<Label>, AppError> {
    on_store(&journal, |store, _, _| {
        catalogue::list(store, Catalogue::Emotions)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_emotion(journal: Journal<'_>, name: String) -> Result<Label, AppError> {
    on_store(&journal, move |store, _, _| {
        catalogue::add(store, Catalogue::Emotions, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_coping_actions(journal: Journal<'_>) -> Result<Vec<Label>, AppError> {
    on_store(&journal, |store, _, _| {
        catalogue::list(store, Catalogue::CopingActions)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_coping_action(journal: Journal<'_>, name: String) -> Result<Label, AppError> {
    on_store(&journal, move |store, _, _| {
        catalogue::add(store, Catalogue::CopingActions, &name)
    })
    .await
}
