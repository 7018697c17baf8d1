// How build.rs finds the app's commands: it reads them from the one list, the
// `collect_commands![...]` in src/bindings.rs (build.rs runs before that code is compiled, so
// it cannot call it), and declares one `allow-<name>` permission for each. A test in
// src/bindings.rs checks that this reading matches the compiled list.

/// The command names in `collect_commands![...]` in `source`, in order: the last segment of
/// each path, without generics (`commands::vault::unlock::<Wry>` is `unlock`).
#[allow(dead_code)]
fn command_names_in(source: &str) -> Vec<String> {
    let start = source
        .find("collect_commands![")
        .expect("src/bindings.rs has a collect_commands![...] list")
        + "collect_commands![".len();
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
