//! This computer's own settings that are read before the journal is open (the plain
//! `settings.json`), and the one call the first screen makes.

use daybreak_core::words::Language;
use daybreak_core::{device_settings, Journal, JournalError, JournalStatus};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_journal;
use crate::reminders::Reminders;
use crate::{AppError, SharedJournal};

/// What the first screen needs before it can paint: which screen (welcome, unlock or the
/// journal) and the language to speak on it. Handed to the page as the window is made
/// (`main_window.rs`), so the first screen waits on no call; the page still asks `boot` then,
/// and after a reload, and follows its answer.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Boot {
    pub journal: JournalStatus,
    /// The language chosen in Settings; `None` follows the system's.
    pub language: Option<Language>,
    /// The language the window spoke at its last start, following the system: the shell's, to
    /// draw the first screen in where it cannot tell the page's language (`first_screen.rs`).
    /// The page follows its own.
    #[serde(skip)]
    pub window_language: Option<Language>,
}

impl Boot {
    /// Reads it: the plain settings file and whether the journal's file is there, nothing more.
    pub(crate) fn read(journal: &Journal) -> Result<Self, JournalError> {
        let settings = device_settings::load(journal.data_dir());
        Ok(Boot {
            language: settings.language,
            window_language: settings.window_language,
            journal: journal.status()?,
        })
    }
}

/// `window_language` is what the page speaks when it follows the system: the first of the web
/// view's languages Daybreak has, else English. Where the system sets no locale (Windows, a
/// macOS app started from the Finder), reminders and the tray speak it too, so they say what the
/// window says. Noted before the journal's state is read, so a tray being made meanwhile finds
/// it (`tray::create`). Kept in the plain settings file when it changed, so that at the next
/// start the tray speaks it, and the first screen comes drawn in it, before the page has said.
#[tauri::command]
#[specta::specta]
pub async fn boot<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    window_language: Language,
) -> Result<Boot, AppError> {
    crate::start_trace::mark("boot asked");
    let changed = app
        .try_state::<Reminders>()
        .is_some_and(|reminders| reminders.window_speaks(window_language));
    if changed {
        crate::tray::relabel(&app);
        super::preferences::reword_title(&app);
    }
    let boot = on_journal(&journal, Boot::read).await;
    crate::start_trace::mark("boot answered");
    if boot
        .as_ref()
        .is_ok_and(|boot| boot.window_language != Some(window_language))
    {
        // Not waited for: a page started without the handed state waits on the answer. Only
        // a hint for the next start: where it cannot be written (a read-only folder), that
        // start draws its first screen in the page, as this one may have.
        let dir = journal.data_dir().to_path_buf();
        tauri::async_runtime::spawn_blocking(move || {
            let _ = device_settings::remember_window_language(&dir, window_language);
        });
    }
    boot
}

/// Chooses the language the screens speak (`None`: follow the system's), kept in the plain
/// settings file so the lock screen speaks it too. Works while locked.
#[tauri::command]
#[specta::specta]
pub async fn language_set<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, SharedJournal>,
    language: Option<Language>,
) -> Result<Option<Language>, AppError> {
    let chosen = on_journal(&journal, move |j| {
        let saved =
            device_settings::set_language(j.data_dir(), language).map_err(JournalError::from)?;
        Ok(saved.language)
    })
    .await?;
    // The tray's menu and a neutral window title speak it from now on too (reminders read it
    // at each reminder).
    crate::tray::relabel(&app);
    super::preferences::reword_title(&app);
    Ok(chosen)
}
