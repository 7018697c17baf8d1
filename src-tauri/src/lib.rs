//! Daybreak's desktop shell: builds the Tauri app around the core's `Journal`. Commands are
//! thin; everything that matters lives in `daybreak-core`.

mod commands;
mod data_dir;
mod error;
mod first_screen;
mod idle;
mod locale;
mod lock_signals;
mod main_window;
mod navigation;
mod notifications;
mod pause;
mod reminders;
mod start_trace;
mod sync;
#[cfg(all(test, target_os = "linux"))]
mod test_bus;
#[cfg(test)]
mod test_journal;
mod tray;
mod web_engine;

pub mod bindings;

use std::sync::Arc;

use daybreak_core::{Journal, JournalPaths, KdfChoice};
use tauri::{Manager, RunEvent};

use commands::device::Boot;

pub use error::{AppError, ErrorCode};

/// The one window's label. Capabilities and the single-instance handler refer to it.
pub const MAIN_WINDOW: &str = "main";

/// Where exports (the relapse prevention plan's printable page) are written.
pub struct ExportDir(pub std::path::PathBuf);

/// The journal as shared app state.
pub type SharedJournal = Arc<Journal>;

/// Builds the app.
pub fn app_builder() -> tauri::Builder<tauri::Wry> {
    let builder = tauri::Builder::<tauri::Wry>::new()
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
        // Start with the computer (off until turned on in Settings), hidden in the tray.
        .plugin(tray::autostart_plugin())
        // The window stays on the app's own pages; any other navigation is cancelled.
        .plugin(navigation::guard())
        .setup(move |app| {
            start_trace::mark("setup begins");
            let dir = data_dir::resolve(app.handle())?;
            let journal = Arc::new(Journal::new(
                JournalPaths::new(dir.clone()),
                KdfChoice::Calibrate,
            ));
            app.manage::<SharedJournal>(Arc::clone(&journal));
            // First, so WebKit's web process starts while the rest is set up (the page itself
            // is served only once setup returns); it is handed the first screen's state (when
            // unreadable, it asks).
            main_window::create(
                app.handle(),
                Boot::read(&journal).ok().as_ref(),
                tray::starts_hidden(std::env::args()),
            )?;
            start_trace::mark("window made");
            app.manage(ExportDir(data_dir::export_dir(app.handle())));
            app.manage(commands::backup::BackupCancel::default());
            app.manage(commands::preferences::NeutralTitle::default());
            app.manage(lock_signals::LockSignals::default());
            lock_signals::start(app.handle());
            app.manage(idle::IdleWatch::default());
            idle::start(app.handle());
            app.manage(reminders::Reminders::new(dir));
            reminders::start(app.handle());
            app.manage(sync::Syncing::default());
            sync::start(app.handle());
            start_trace::mark("state and watcher threads");
            Ok(())
        })
        .on_page_load(|webview, payload| match payload.event() {
            tauri::webview::PageLoadEvent::Started => start_trace::mark("page load started"),
            tauri::webview::PageLoadEvent::Finished => {
                start_trace::mark("page load finished");
                // Not before the first screen: see `tray::create_soon`.
                tray::create_soon(webview.app_handle());
            }
        })
        // Closing the window with a reminder on keeps Daybreak in the tray, locked.
        .on_window_event(tray::on_window_event)
        // Every command the UI may call, from the one list in bindings.rs.
        .invoke_handler(bindings::invoke_handler());
    reminders::with_notification_plugin(builder)
}

/// Runs Daybreak.
pub fn run() {
    web_engine::prepare();
    start_trace::begin();
    let app = app_builder()
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Daybreak could not start: {e}");
            std::process::exit(1);
        });
    start_trace::mark("app built");
    app.run(|handle, event| {
        if let RunEvent::Ready = event {
            start_trace::mark("event loop ready");
        }
        if let RunEvent::Exit = event {
            // Leave the database checkpointed and closed on the way out.
            if let Some(journal) = handle.try_state::<SharedJournal>() {
                let _ = journal.lock();
            }
        }
    });
}
