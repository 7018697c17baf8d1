//! The one IPC contract. Every command the UI may call is listed once, in `all_commands`; from
//! that list come the invoke handler ([`invoke_handler`]), the permission per command that
//! `build.rs` declares, the capability file that grants them (`capabilities/main.json`), and the
//! TypeScript the UI calls (`ui/src/lib/ipc/generated.ts`: one typed function per command, with
//! its argument names and types, its result and error types, and every type they use).
//!
//! Adding a command: write it with `#[tauri::command]` and `#[specta::specta]`, add it to the
//! list below, then run `UPDATE_BINDINGS=1 cargo test -p daybreak --lib bindings` to regenerate
//! the TypeScript and the capability file. Without `UPDATE_BINDINGS` the same tests fail when
//! either committed file is stale.

use tauri::ipc::Invoke;
use tauri::Wry;

use crate::{commands, lock_signals, reminders, tray};

include!("../command_names.rs");

/// The generated file, relative to this crate.
/// It sits in `ui/src/lib/ipc/`, the one UI folder that may talk to Tauri; `ui/src/lib/bindings/`
/// re-exports its types for the rest of the UI.
pub const BINDINGS_PATH: &str = "../ui/src/lib/ipc/generated.ts";

/// The capability file of the one window, relative to this crate.
pub const CAPABILITY_PATH: &str = "capabilities/main.json";

#[cfg(test)]
const HEADER: &str = "\
// GENERATED from Rust (src-tauri/src/bindings.rs, tauri-specta). Do not edit by hand.
// Run `UPDATE_BINDINGS=1 cargo test -p daybreak --lib bindings` to refresh it.
import { toIpcError } from './IpcError';";

/// Every generated command resolves to its result or throws an `IpcError` (see
/// ui/src/lib/ipc/IpcError.ts): the UI branches on `code`. `E`, the command's declared error
/// type, must be `AppError`, so a command returning any other error does not compile in the UI.
/// A command that returns nothing (`null` on the wire) is typed `Promise<void>`.
#[cfg(test)]
const TYPED_ERROR: &str = "\
async function typedError<T, E extends AppError>(
    result: Promise<T>,
): Promise<[T] extends [null] ? void : T> {
    try {
        return (await result) as [T] extends [null] ? void : T;
    } catch (e) {
        throw toIpcError(e);
    }
}";

/// Every command the UI may call, handed to the macro `$to`: Tauri's `generate_handler` for the
/// running app, tauri-specta's `collect_commands` for the TypeScript. Commands generic over the
/// runtime are named with `::<Wry>`, the one runtime the app runs on.
macro_rules! all_commands {
    ($($to:ident)::+) => {
        $($to)::+![
            commands::vault::vault_status,
            commands::vault::create_journal,
            commands::vault::unlock::<Wry>,
            commands::vault::unlock_with_recovery_key::<Wry>,
            commands::vault::lock,
            commands::vault::change_passphrase::<Wry>,
            commands::vault::rekey_journal::<Wry>,
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
            commands::library::library_sources,
            commands::library::library_set_bookmark,
            commands::library::library_save_progress,
            commands::library::library_save_note,
            commands::library::library_continue,
            commands::library::library_delete_imported,
            commands::library::library_import,
            commands::device::boot::<Wry>,
            commands::device::language_set::<Wry>,
            commands::sos::sos_crisis_lines,
            commands::sos::sos_crisis_here,
            commands::sos::sos_set_country,
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
            commands::preferences::set_preferences::<Wry>,
            commands::preferences::quick_hide::<Wry>,
            commands::preferences::idle_touch,
            commands::backup::backup_now::<Wry>,
            commands::backup::backup_cancel,
            commands::backup::backup_pick::<Wry>,
            commands::backup::backup_list_auto,
            commands::backup::backup_inspect,
            commands::backup::backup_restore,
            commands::backup::backup_delete_older,
            commands::data::export_json,
            commands::data::export_csv,
            commands::data::report_export,
            commands::data::import_preview,
            commands::data::import_apply,
            commands::sync::sync_status::<Wry>,
            commands::sync::sync_pick_folder::<Wry>,
            commands::sync::sync_choose_folder::<Wry>,
            commands::sync::sync_now::<Wry>,
            commands::sync::sync_stop,
            commands::sync::sync_join::<Wry>,
            commands::sync::sync_rejoin::<Wry>,
            commands::sync::sync_watch,
            lock_signals::lock_signals_watch,
            reminders::reminders_get,
            reminders::reminders_set,
            reminders::screens_watch,
            tray::start_with_computer_get,
            tray::start_with_computer_set,
        ]
    };
}

/// Tauri's `generate_handler` for a list of commands, each named without its `::<Wry>`: Tauri
/// finds a command's runtime itself and does not take it written out (tauri-specta's
/// `collect_commands` drops it the same way).
macro_rules! tauri_handler {
    ($($first:ident $(:: $($rest:ident)? $(<$($generic:path),*>)?)*),* $(,)?) => {
        tauri::generate_handler![$($first $($(::$rest)?)*),*]
    };
}

/// The handler for every command in `all_commands`. The app uses Tauri's own handler, not
/// tauri-specta's builder: the builder also carries the code that describes every type to
/// TypeScript (0.6 MiB or more), which only the tests of the bindings need (issue 12).
pub fn invoke_handler() -> impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static {
    all_commands!(tauri_handler)
}

/// The names of the commands in `all_commands`, as the UI invokes them, read from this file's
/// text as `build.rs` reads them (a test checks this against tauri-specta's own list).
pub fn command_names() -> Vec<String> {
    command_names_in(include_str!("bindings.rs"))
}

/// The capability's permission for a command, as `build.rs` declares it.
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The commands, the events the app emits and the types they use, for the TypeScript.
///
/// There are no events: the shell sends to the UI only over channels a command receives (the
/// lock signals, a backup's progress), which the generated functions type as `Channel<T>`.
#[cfg(test)]
fn builder() -> tauri_specta::Builder<Wry> {
    tauri_specta::Builder::<Wry>::new()
        .commands(all_commands!(tauri_specta::collect_commands))
        .events(tauri_specta::collect_events![])
        .error_handling(tauri_specta::ErrorHandlingMode::Result)
        .typed_error_impl(TYPED_ERROR)
        // Ids, counts, cents and seconds are i64 in Rust; they travel as JSON numbers and arrive
        // in JavaScript as numbers whatever TypeScript says, and all stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // Likewise floats are `number`, not `number | null`: serde_json would send NaN or an
        // infinity as null, and the core sends only finite numbers (averages, scores, progress).
        .semantic_types(
            specta_typescript::semantic::Configuration::empty().enable_lossless_floats(),
        )
        // One TypeScript type per Rust type, as the UI has always used them, rather than a
        // `_Serialize` and a `_Deserialize` variant where serde's two directions differ.
        .disable_serde_phases()
}

/// Writes the TypeScript for `builder` to `path`.
#[cfg(test)]
fn export(path: &std::path::Path) -> Result<(), String> {
    builder()
        .export(
            specta_typescript::Typescript::default().header(HEADER),
            path,
        )
        .map_err(|e| e.to_string())
}

/// The names of the commands in `builder`, read through its own export hook, the one place
/// tauri-specta makes the list public.
#[cfg(test)]
fn registered_names() -> Vec<String> {
    struct Names<'a>(&'a mut Vec<String>);

    impl tauri_specta::LanguageExt for Names<'_> {
        type Error = std::io::Error;

        fn export(
            self,
            cfg: &tauri_specta::BuilderConfiguration,
            _: &std::path::Path,
        ) -> Result<(), Self::Error> {
            self.0
                .extend(cfg.commands.iter().map(|f| f.name().to_string()));
            Ok(())
        }
    }

    let mut names = Vec::new();
    builder()
        .export(Names(&mut names), "")
        .expect("listing commands writes nothing");
    names
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn crate_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn updating() -> bool {
        std::env::var_os("UPDATE_BINDINGS").is_some()
    }

    #[test]
    fn bindings_are_fresh() {
        let committed_path = crate_dir().join(BINDINGS_PATH);
        let fresh_path = PathBuf::from(env!("OUT_DIR")).join("bindings.ts");
        export(&fresh_path).expect("export the bindings");
        let fresh = std::fs::read_to_string(&fresh_path).expect("read the fresh bindings");
        if updating() {
            std::fs::write(&committed_path, &fresh).expect("write the bindings");
            return;
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/ipc/generated.ts is stale; run `UPDATE_BINDINGS=1 cargo test -p daybreak --lib bindings`"
        );
    }

    #[test]
    fn capability_grants_exactly_the_commands() {
        let path = crate_dir().join(CAPABILITY_PATH);
        let text = std::fs::read_to_string(&path).expect("read the capability");
        let capability: serde_json::Value =
            serde_json::from_str(&text).expect("parse the capability");
        let wanted: Vec<serde_json::Value> = command_names()
            .iter()
            .map(|c| permission(c).into())
            .collect();
        if updating() {
            // Only the list is rewritten; the rest of the file stays as written.
            let start = text.find("\"permissions\": [").expect("a permissions list");
            let end = start + text[start..].find(']').expect("the list ends") + 1;
            let list = serde_json::to_string_pretty(&wanted).expect("serialize");
            let list = list.replace("\n", "\n  ");
            let out = format!("{}\"permissions\": {list}{}", &text[..start], &text[end..]);
            std::fs::write(&path, out).expect("write the capability");
            return;
        }
        assert!(
            capability["permissions"] == serde_json::Value::from(wanted),
            "capabilities/main.json must grant exactly the commands in all_commands; run `UPDATE_BINDINGS=1 cargo test -p daybreak --lib bindings`"
        );
    }

    /// build.rs cannot expand `all_commands` (it runs before this crate is compiled), so it
    /// reads the list from this file's text, as `command_names` does. Both must find the
    /// commands tauri-specta registers, in the same order.
    #[test]
    fn build_script_reads_the_same_commands() {
        assert_eq!(command_names(), registered_names());
    }
}
