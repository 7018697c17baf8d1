// The app's own commands, in one list: build.rs turns each into an `allow-<name>`
// permission, and the config lint checks that the capability grants exactly these.
// A new #[tauri::command] is added here and to the invoke handler in src/lib.rs.

pub const COMMANDS: &[&str] = &[
    "vault_status",
    "create_journal",
    "unlock",
    "unlock_with_recovery_key",
    "lock",
    "change_passphrase",
    "today",
    "list_clocks",
    "create_clock",
    "update_clock",
    "pin_clock",
    "archive_clock",
    "delete_clock",
    "clock_detail",
    "acknowledge_milestone",
    "record_slip",
    "update_slip",
    "delete_slip",
    "morning_check_in",
    "evening_check_in",
    "check_ins",
];
