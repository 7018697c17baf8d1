//! The tray icon: Daybreak's own neutral icon, the tooltip "Daybreak", and a menu with Open,
//! Log a mood, SOS, Lock and Quit. It is there whenever Daybreak runs, so a window closed into
//! the tray (reminders on) or hidden at start-up (started with the computer) can be reached.
//!
//! Closing the window while a reminder is on keeps Daybreak running in the tray, unless the
//! person said no when asked (the setting lives with the reminders): the window hides and the
//! journal locks, the UI first (saving what is being typed), the shell a second later if it
//! has not.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::locale::shell_language;
use crate::lock_signals::{self, LockSignal};
use crate::reminders::{self, Reminders, Screen};
use crate::{AppError, MAIN_WINDOW};

/// The argument autostart launches Daybreak with: start hidden in the tray (and locked, as
/// every start is).
pub const HIDDEN_ARG: &str = "--hidden";

/// Words the tray's menu in the language chosen now (after Settings → Language changes).
pub fn relabel<R: Runtime>(app: &AppHandle<R>) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        if let Ok(menu) = menu(app, shell_language(app)) {
            let _ = tray.set_menu(Some(menu));
        }
    }
}

const TRAY_ID: &str = "daybreak";

/// Open, Log a mood, SOS, Lock and Quit, in `language` (the tray's).
fn menu<R: Runtime>(
    app: &AppHandle<R>,
    language: daybreak_core::words::Language,
) -> tauri::Result<Menu<R>> {
    let words = &language.words().tray;
    let items = [
        MenuItem::with_id(app, "open", words.open, true, None::<&str>)?,
        MenuItem::with_id(app, "mood", words.log_mood, true, None::<&str>)?,
        MenuItem::with_id(app, "sos", words.sos, true, None::<&str>)?,
        MenuItem::with_id(app, "lock", words.lock, true, None::<&str>)?,
        MenuItem::with_id(app, "quit", words.quit, true, None::<&str>)?,
    ];
    let refs: Vec<&dyn tauri::menu::IsMenuItem<R>> = items
        .iter()
        .map(|i| i as &dyn tauri::menu::IsMenuItem<R>)
        .collect();
    Menu::with_items(app, &refs)
}

/// Creates the tray icon on the main thread, a second after the page loaded, the first time
/// only (a reload finds it there). Creating it costs the main thread 20-120 ms (measured with
/// `DAYBREAK_TRACE_START`), and the main thread also answers the first screen's calls, so it
/// waits until that screen is drawn. Without the tray's library Tauri panics: Daybreak runs on
/// without a tray.
pub fn create_soon<R: Runtime>(app: &AppHandle<R>) {
    static CREATED: std::sync::Once = std::sync::Once::new();
    if CREATED.is_completed() {
        return;
    }
    let handle = app.clone();
    let _ = std::thread::Builder::new()
        .name("daybreak-tray".into())
        .spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let app = handle.clone();
            let _ = handle.run_on_main_thread(move || create_now(&app, &CREATED));
        });
}

fn create_now<R: Runtime>(handle: &AppHandle<R>, created: &'static std::sync::Once) {
    created.call_once(|| {
        let tray = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| create(handle)));
        if !matches!(tray, Ok(Ok(()))) {
            eprintln!("Daybreak: no tray icon on this desktop");
        }
        crate::start_trace::mark("tray");
    });
}

/// Creates the tray icon. Without a tray to show it in (a desktop with no status area) this
/// fails quietly: closing the window then still keeps Daybreak running, and launching it again
/// brings the window back (the single-instance handover).
fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let spoken = shell_language(app);
    let menu = menu(app, spoken)?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Daybreak")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => reminders::open(app, Screen::Today),
            "mood" => reminders::open(app, Screen::Mood),
            "sos" => reminders::open(app, Screen::Sos),
            "lock" => lock(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                show_window(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    // The window may have said what it speaks while the tray was being made, when there was
    // no tray yet to relabel (commands/device.rs, `boot`).
    if shell_language(app) != spoken {
        relabel(app);
    }
    Ok(())
}

/// Locks as a screen lock does: the UI saves what is being typed and locks; the shell locks a
/// second later if it has not.
fn lock<R: Runtime>(app: &AppHandle<R>) {
    lock_signals::notify(app, LockSignal::ScreenLocked);
}

fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Started with the computer: the window is made hidden, and Daybreak waits in the tray.
pub fn starts_hidden(args: impl IntoIterator<Item = String>) -> bool {
    args.into_iter().any(|a| a == HIDDEN_ARG)
}

/// Closing the window: into the tray, locked, when a reminder is on (and the person did not
/// say no); otherwise the window closes and Daybreak quits as before.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if window.label() != MAIN_WINDOW {
        return;
    }
    let app = window.app_handle();
    let keep = app
        .try_state::<Reminders>()
        .is_some_and(|r| r.keep_in_tray());
    if keep {
        api.prevent_close();
        let _ = window.hide();
        lock(app);
    }
}

/// The autostart plugin, set to launch Daybreak hidden. The window never calls the plugin
/// itself (no plugin permission is granted): it goes through the two commands below.
pub fn autostart_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec![HIDDEN_ARG]),
    )
}

/// Whether Daybreak starts with the computer (off until the person turns it on).
#[tauri::command]
#[specta::specta]
pub async fn start_with_computer_get(app: AppHandle) -> Result<bool, AppError> {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch()
        .is_enabled()
        .map_err(|_| AppError::internal("could not read the start-up setting"))
}

/// Turns starting with the computer on or off; answers the setting as it now is.
#[tauri::command]
#[specta::specta]
pub async fn start_with_computer_set(app: AppHandle, on: bool) -> Result<bool, AppError> {
    use tauri_plugin_autostart::ManagerExt;
    let autolaunch = app.autolaunch();
    if autolaunch.is_enabled().ok() == Some(on) {
        return Ok(on);
    }
    let changed = if on {
        autolaunch.enable()
    } else {
        autolaunch.disable()
    };
    changed.map_err(|_| AppError::internal("could not change the start-up setting"))?;
    autolaunch
        .is_enabled()
        .map_err(|_| AppError::internal("could not read the start-up setting"))
}
