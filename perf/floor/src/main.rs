//! The floor: the least a Tauri 2 + SQLCipher app can be. `scripts/perf.sh` starts it and
//! Daybreak alternately and reports Daybreak's start-up, memory and size as ratios of this.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Opens an in-memory SQLCipher database with a key and reads its cipher version, so the
/// floor links and initialises the same crypto the journal does.
#[tauri::command]
fn open_database() -> Result<String, String> {
    let db = rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?;
    db.pragma_update(None, "key", "floor")
        .map_err(|e| e.to_string())?;
    db.query_row("PRAGMA cipher_version", [], |row| row.get(0))
        .map_err(|e| e.to_string())
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![open_database])
        .run(tauri::generate_context!())
        .expect("the floor window opens");
}
