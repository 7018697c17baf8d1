//! Where the journal lives (and where readable exports go): the OS app-data directory from Tauri's path API, unless
//! `DAYBREAK_DATA_DIR` says otherwise (tests and portable use).

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

pub const OVERRIDE_VAR: &str = "DAYBREAK_DATA_DIR";

pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    match std::env::var_os(OVERRIDE_VAR) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

pub const EXPORT_OVERRIDE_VAR: &str = "DAYBREAK_EXPORT_DIR";

/// Where readable exports go: `DAYBREAK_EXPORT_DIR`, else the Downloads folder, else home.
pub fn export_dir<R: Runtime>(app: &AppHandle<R>) -> PathBuf {
    match std::env::var_os(EXPORT_OVERRIDE_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => app
            .path()
            .download_dir()
            .or_else(|_| app.path().home_dir())
            .unwrap_or_else(|_| PathBuf::from(".")),
    }
}
