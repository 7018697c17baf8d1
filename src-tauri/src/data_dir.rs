//! Where the journal lives: the OS app-data directory from Tauri's path API, unless
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
