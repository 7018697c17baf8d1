//! The core's modules import downwards only: no circle between the top-level modules
//! (`journal`, `vault`, `timeline`, ...) nor between the submodules of any module folder
//! (`sobriety/`, `sync/`, `vault/`, ...).
//!
//! Plain string processing over `src/**/*.rs`: every `crate::x` names top-level module `x`;
//! inside a module folder such as `src/sobriety/`, `super::y` and `crate::sobriety::y` name
//! submodule `y`. Comments are
//! skipped; a parent's `mod.rs` (which declares and re-exports its children) is not part of its
//! children's graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`, with its path relative to `root`, using `/`.
fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        if path.is_dir() {
            sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy();
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((relative.replace('\\', "/"), text));
        }
    }
}

/// The code of a file without its comments (line comments, doc comments and block comments).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |i| &after[i + 2..]);
        } else if let Some(after) = ["'\"'", "'\\\"'"].iter().find_map(|q| rest.strip_prefix(q)) {
            // A quote character, not the start of a string.
            out.push_str("' '");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("r#\"") {
            out.push_str("\"\"");
            rest = after.find("\"#").map_or("", |i| &after[i + 2..]);
        } else if rest.starts_with('"') {
            // Skip string literals, so a path in a message is not an import.
            let mut escaped = false;
            let end = rest[1..]
                .char_indices()
                .find(|&(_, c)| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })
                .map_or(rest.len(), |(i, _)| i + 2);
            out.push_str("\"\"");
            rest = &rest[end..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The module names that follow each `prefix` in `code`: `prefix::name` and the top-level
/// names in `prefix::{a, b::c}`.
fn names_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    let needle = format!("{prefix}::");
    for (i, _) in code.match_indices(&needle) {
        // `xcrate::` or `a::crate::` is not this prefix.
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[i + needle.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        names.insert(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// The top-level module a file belongs to (a file or folder directly under src/ is the module
/// of that name); `None` for the crate root and binaries.
fn top_module(file: &str) -> Option<String> {
    let inside = file.strip_prefix("src/")?;
    if inside == "lib.rs" || inside.starts_with("bin/") {
        return None;
    }
    let first = inside.split('/').next()?;
    Some(first.trim_end_matches(".rs").to_string())
}

fn top_level_graph(files: &[(String, String)]) -> Graph {
    let mut graph = Graph::new();
    for (file, text) in files {
        let Some(from) = top_module(file) else {
            continue;
        };
        let edges = graph.entry(from.clone()).or_default();
        edges.extend(
            names_after(&code(text), "crate")
                .into_iter()
                .filter(|to| *to != from),
        );
    }
    graph
}

/// The graph of `parent`'s submodules (a file in src/<parent>/ is the submodule of that name),
/// from `super::y` and `crate::parent::y`.
fn submodule_graph(files: &[(String, String)], parent: &str) -> Graph {
    let folder = format!("src/{parent}/");
    let mut graph = Graph::new();
    for (file, text) in files {
        let Some(name) = file
            .strip_prefix(&folder)
            .and_then(|f| f.strip_suffix(".rs"))
        else {
            continue;
        };
        if name == "mod" || name.contains('/') {
            continue;
        }
        let code = code(text);
        let mut to = names_after(&code, "super");
        to.extend(names_after(&code, &format!("crate::{parent}")));
        to.remove(name);
        graph.insert(name.to_string(), to);
    }
    // Only edges between siblings: `super::tests` and the like are not modules here.
    let siblings: BTreeSet<String> = graph.keys().cloned().collect();
    for edges in graph.values_mut() {
        edges.retain(|to| siblings.contains(to));
    }
    graph
}

/// A circle in `graph`, as the path that closes it (`a -> b -> a`), if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn core_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(root, &root.join("src"), &mut files);
    assert!(files.len() > 20, "the core's sources must be found");
    files
}

#[test]
fn no_circle_between_the_cores_top_level_modules() {
    let graph = top_level_graph(&core_sources());
    assert!(graph.contains_key("sobriety") && graph["timeline"].contains("sobriety"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the core's modules must import downwards only, but these form a circle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn no_circle_between_sobrietys_submodules() {
    let graph = submodule_graph(&core_sources(), "sobriety");
    assert!(graph["views"].contains("model"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "sobriety's submodules must import downwards only, but these form a circle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn no_circle_between_the_submodules_of_any_module_folder() {
    let files = core_sources();
    let folders: BTreeSet<String> = files
        .iter()
        .filter_map(|(file, _)| {
            let inside = file.strip_prefix("src/")?;
            let (folder, rest) = inside.split_once('/')?;
            (folder != "bin" && !rest.contains('/')).then(|| folder.to_string())
        })
        .collect();
    assert!(
        folders.contains("sync") && folders.contains("vault") && folders.len() > 10,
        "every module folder is checked: {folders:?}"
    );
    for folder in &folders {
        if let Some(cycle) = find_cycle(&submodule_graph(&files, folder)) {
            panic!(
                "{folder}'s submodules must import downwards only, but these form a circle: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_check_finds_a_circle_and_ignores_comments_and_strings() {
    let files = vec![
        (
            "src/a.rs".to_string(),
            "use crate::{b::X, c};\n// crate::d is only mentioned\nlet s = \"crate::d\";\n\
             let q = '\"'; let r = r#\"crate::d \"quoted\"\"#; /* crate::d */"
                .to_string(),
        ),
        ("src/b/mod.rs".to_string(), "use crate::c::Y;".to_string()),
        (
            "src/c.rs".to_string(),
            "fn f() { crate::a::g() }".to_string(),
        ),
        ("src/d.rs".to_string(), "use crate::a;".to_string()),
    ];
    let graph = top_level_graph(&files);
    assert_eq!(graph["a"], BTreeSet::from(["b".into(), "c".into()]));
    assert_eq!(
        find_cycle(&graph).expect("a -> b -> c -> a is a circle"),
        ["a", "b", "c", "a"]
    );
    let sub = vec![
        ("src/s/mod.rs".to_string(), "pub use x::X;".to_string()),
        ("src/s/x.rs".to_string(), "use super::y::Y;".to_string()),
        ("src/s/y.rs".to_string(), "use crate::s::x;".to_string()),
    ];
    assert_eq!(
        find_cycle(&submodule_graph(&sub, "s")).expect("x -> y -> x"),
        ["x", "y", "x"]
    );
}
