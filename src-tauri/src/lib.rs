//! Daybreak's desktop shell: builds the Tauri app around the core's `Journal`. Commands are
//! thin; everything that matters lives in `daybreak-core`.

mod commands;
mod data_dir;
mod error;
mod idle;
mod lock_signals;
mod navigation;

#[cfg(test)]
mod bindings;

use std::sync::Arc;

use daybreak_core::{Journal, JournalPaths, KdfChoice};
use tauri::{Manager, RunEvent, Runtime};

pub use error::{AppError, ErrorCode};

/// The one window's label. Capabilities and the single-instance handler refer to it.
pub const MAIN_WINDOW: &str = "main";

/// Where exports (the relapse prevention plan's printable page) are written.
pub struct ExportDir(pub std::path::PathBuf);

/// The journal as shared app state.
pub type SharedJournal = Arc<Journal>;

/// Builds the app. Generic over the runtime so a test can build it with a mock runtime.
pub fn app_builder<R: Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        // Registered first, as the plugin asks: a second launch focuses this window instead of
        // opening the same journal twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        // The window stays on the app's own pages; any other navigation is cancelled.
        .plugin(navigation::guard())
        .setup(|app| {
            let dir = data_dir::resolve(app.handle())?;
            app.manage(ExportDir(data_dir::export_dir(app.handle())));
            app.manage(commands::backup::BackupCancel::default());
            app.manage(lock_signals::LockSignals::default());
            lock_signals::start(app.handle());
            app.manage(idle::IdleWatch::default());
            idle::start(app.handle());
            app.manage::<SharedJournal>(Arc::new(Journal::new(
                JournalPaths::new(dir),
                KdfChoice::Calibrate,
            )));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault::vault_status,
            commands::vault::create_journal,
            commands::vault::unlock,
            commands::vault::unlock_with_recovery_key,
            commands::vault::lock,
            commands::vault::change_passphrase,
            commands::vault::rekey_journal,
            commands::sobriety::today,
            commands::sobriety::list_clocks,
            commands::sobriety::create_clock,
            commands::sobriety::update_clock,
            commands::sobriety::pin_clock,
            commands::sobriety::archive_clock,
            commands::sobriety::delete_clock,
            commands::sobriety::clock_detail,
            commands::sobriety::acknowledge_milestone,
            commands::sobriety::record_slip,
            commands::sobriety::update_slip,
            commands::sobriety::delete_slip,
            commands::check_ins::morning_check_in,
            commands::check_ins::evening_check_in,
            commands::check_ins::check_ins,
            commands::moods::log_mood,
            commands::moods::update_mood,
            commands::moods::get_mood,
            commands::moods::log_craving,
            commands::moods::update_craving,
            commands::moods::get_craving,
            commands::moods::list_triggers,
            commands::moods::create_trigger,
            commands::moods::rename_trigger,
            commands::moods::archive_trigger,
            commands::moods::merge_triggers,
            commands::moods::list_emotions,
            commands::moods::add_emotion,
            commands::moods::list_coping_actions,
            commands::moods::add_coping_action,
            commands::journal_entries::create_journal_entry,
            commands::journal_entries::save_journal_entry,
            commands::journal_entries::get_journal_entry,
            commands::journal_entries::journal_tags,
            commands::journal_entries::render_markdown,
            commands::timeline::timeline,
            commands::timeline::delete_entry,
            commands::timeline::restore_entry,
            commands::timeline::search_entries,
            commands::timeline::insights,
            commands::library::library_list,
            commands::library::library_article,
            commands::library::library_search,
            commands::library::library_for_trigger,
            commands::library::library_set_bookmark,
            commands::library::library_save_progress,
            commands::library::library_save_note,
            commands::library::library_continue,
            commands::library::library_delete_imported,
            commands::library::library_import,
            commands::sos::sos_crisis_lines,
            commands::sos::sos_country_for_locale,
            commands::sos::sos_people,
            commands::sos::sos_add_person,
            commands::sos::sos_update_person,
            commands::sos::sos_remove_person,
            commands::sos::sos_reasons,
            commands::sos::sos_add_reason,
            commands::sos::sos_update_reason,
            commands::sos::sos_remove_reason,
            commands::sos::plan_get,
            commands::sos::plan_save,
            commands::sos::plan_export,
            commands::preferences::get_preferences,
            commands::preferences::set_preferences,
            commands::preferences::quick_hide,
            commands::preferences::idle_touch,
            commands::backup::backup_now,
            commands::backup::backup_cancel,
            commands::backup::backup_pick,
            commands::backup::backup_list_auto,
            commands::backup::backup_inspect,
            commands::backup::backup_restore,
            commands::backup::backup_delete_older,
            commands::data::export_json,
            commands::data::export_csv,
            commands::data::report_export,
            commands::data::import_preview,
            commands::data::import_apply,
            lock_signals::lock_signals_watch,
        ])
}

/// Runs Daybreak.
pub fn run() {
    let app = app_builder::<tauri::Wry>()
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Daybreak could not start: {e}");
            std::process::exit(1);
        });
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // Leave the database checkpointed and closed on the way out.
            if let Some(journal) = handle.try_state::<SharedJournal>() {
                let _ = journal.lock();
            }
        }
    });
}
