// How build.rs finds the app's commands: it reads them from the one list, `all_commands` in
// src/bindings.rs (build.rs runs before that code is compiled, so it cannot call it), and
// declares one `allow-<name>` permission for each. The app reads its names the same way, and a
// test in src/bindings.rs checks them against the list tauri-specta compiles.

/// Where the list in `all_commands` begins: the macro it is handed to, then the paths. It must
/// occur nowhere else in src/bindings.rs, and the list holds no `]` (not even in a comment).
const LIST_START: &str = "$($to)::+![";

/// The command names in `all_commands` in `source`, in order: the last segment of each path,
/// without generics (`commands::vault::unlock::<Wry>` is `unlock`).
fn command_names_in(source: &str) -> Vec<String> {
    let start = source
        .find(LIST_START)
        .expect("src/bindings.rs has the all_commands list")
        + LIST_START.len();
    let end = start + source[start..].find(']').expect("the list ends with ]");
    source[start..end]
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .flat_map(|line| line.split(','))
        .map(|path| path.split("::<").next().unwrap_or_default().trim())
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_string())
        .collect()
}
