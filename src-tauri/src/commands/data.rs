//! Owning the data: the open exports (JSON, spreadsheets), the counsellor report, and imports
//! (Daybreak's own export, Daylio) with a preview first. Readable files go to the export
//! folder (Downloads by default); each says it is not encrypted.

use daybreak_core::import::{self, ImportPreview, ImportSummary};
use daybreak_core::report::{self, ReportFiles, ReportOptions};
use daybreak_core::words::Language;
use daybreak_core::{export, export_csv};
use tauri::State;

use super::{collect_then_write, on_store, RawFile};
use crate::{AppError, ExportDir, SharedJournal};

type Journal<'a> = State<'a, SharedJournal>;

/// Writes everything as one readable JSON file (the open export), named in `language`; returns
/// where it went.
#[tauri::command]
#[specta::specta]
pub async fn export_json(
    journal: Journal<'_>,
    export_dir: State<'_, ExportDir>,
    language: Language,
) -> Result<String, AppError> {
    let dir = export_dir.0.clone();
    collect_then_write(
        &journal,
        |store, now, _| export::export(store, now),
        move |all, now, tz| {
            export::write_json(&dir, all, now, tz, language).map(|p| p.display().to_string())
        },
    )
    .await
}

/// Writes one CSV per kind into a zip, in `language`; returns where it went. Its numbers are
/// written as the person's spreadsheet programs read them (`locale::numbers_locale`, with
/// `ui_locale` the window's `navigator.language`).
#[tauri::command]
#[specta::specta]
pub async fn export_csv(
    journal: Journal<'_>,
    export_dir: State<'_, ExportDir>,
    language: Language,
    ui_locale: String,
) -> Result<String, AppError> {
    let dir = export_dir.0.clone();
    let numbers = crate::locale::numbers_locale(&ui_locale);
    let style = export_csv::Style::new(language, Some(&numbers));
    collect_then_write(
        &journal,
        |store, now, _| export::export(store, now),
        move |all, now, tz| {
            export_csv::write_zip(&dir, &all, now, tz, &style).map(|p| p.display().to_string())
        },
    )
    .await
}

/// Writes the counsellor report for a date range as HTML and PDF.
#[tauri::command]
#[specta::specta]
pub async fn report_export(
    journal: Journal<'_>,
    export_dir: State<'_, ExportDir>,
    options: ReportOptions,
) -> Result<ReportFiles, AppError> {
    let dir = export_dir.0.clone();
    collect_then_write(
        &journal,
        move |store, now, tz| report::build(store, &options, now, tz),
        move |built, now, tz| report::write_files(&dir, &built, now, tz),
    )
    .await
}

/// What importing the file (sent as the raw body) would add; changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    journal: Journal<'_>,
    file: RawFile<'_>,
) -> Result<ImportPreview, AppError> {
    let (_, bytes) = file.read("import")?;
    on_store(&journal, move |store, now, tz| {
        import::preview(store, &bytes, now, tz)
    })
    .await
}

/// Imports the file (sent as the raw body): everything, or on any error nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_apply(
    journal: Journal<'_>,
    file: RawFile<'_>,
) -> Result<ImportSummary, AppError> {
    let (_, bytes) = file.read("import")?;
    on_store(&journal, move |store, now, tz| {
        import::import(store, &bytes, now, tz)
    })
    .await
}
