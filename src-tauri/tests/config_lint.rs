//! The security rules for the Tauri configuration, checked on every test run: a strict CSP,
//! no remote URLs, no devtools in release, one window, and capabilities that grant exactly
//! Daybreak's own commands.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

include!("../command_names.rs");

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

fn config() -> Value {
    json(&manifest_dir().join("tauri.conf.json"))
}

/// Every string anywhere inside a JSON value.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out)
        }),
        _ => {}
    }
}

/// Loopback addresses the app or its dev server legitimately name.
fn is_local(url: &str) -> bool {
    ["http://localhost:", "http://ipc.localhost", "ipc:"]
        .iter()
        .any(|p| url.starts_with(p))
}

#[test]
fn csp_is_strict() {
    let csp = &config()["app"]["security"]["csp"];
    assert!(csp.is_object(), "a CSP must be set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "no inline or remote scripts");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, sources) in csp.as_object().unwrap() {
        let sources = sources.as_str().expect("CSP directives are strings");
        for source in sources.split_whitespace() {
            assert!(
                !source.contains("unsafe-") && source != "*" && !source.starts_with("https:"),
                "{directive} allows {source}"
            );
            if source.contains("://") {
                assert!(
                    is_local(source),
                    "{directive} allows a remote source {source}"
                );
            }
        }
    }
}

#[test]
fn no_remote_urls_in_the_config() {
    let mut all = Vec::new();
    strings(&config(), &mut all);
    for s in all {
        for word in s.split_whitespace() {
            if word.contains("://") {
                assert!(is_local(word), "remote URL in tauri.conf.json: {word}");
            }
        }
    }
}

#[test]
fn one_window_and_no_global_tauri() {
    let app = &config()["app"];
    assert_eq!(app["withGlobalTauri"], false);
    let windows = app["windows"].as_array().expect("windows");
    assert_eq!(windows.len(), 1, "exactly one window");
    assert_eq!(windows[0]["label"], daybreak_lib::MAIN_WINDOW);
}

#[test]
fn no_devtools_feature_and_a_recent_tauri() {
    let manifest = fs::read_to_string(manifest_dir().join("Cargo.toml")).unwrap();
    assert!(
        !manifest.contains("devtools"),
        "the devtools feature must stay off"
    );
    let lock = fs::read_to_string(manifest_dir().join("../Cargo.lock")).unwrap();
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"tauri\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .expect("tauri in Cargo.lock");
    let parts: Vec<u32> = version.split('.').map(|n| n.parse().unwrap_or(0)).collect();
    assert!(
        parts >= vec![2, 11, 1],
        "Tauri 2.11.1 or later is required, found {version}"
    );
}

#[test]
fn capabilities_grant_exactly_our_commands() {
    let dir = manifest_dir().join("capabilities");
    let files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        files.len(),
        1,
        "one capability file, for the one window: {files:?}"
    );
    let cap = json(&files[0]);
    assert_eq!(
        cap["windows"],
        serde_json::json!([daybreak_lib::MAIN_WINDOW])
    );
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_string())
        .collect();
    granted.sort();
    let mut allowed: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    allowed.sort();
    assert_eq!(
        granted, allowed,
        "capabilities must be exactly the allowed list"
    );
}
