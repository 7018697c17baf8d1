//! The security rules for the Tauri configuration, checked on every test run: a strict CSP,
//! no remote URLs, no devtools in release, one window with the WebView's autofill off, no
//! form field in the UI that autofill may remember, and capabilities that grant exactly
//! Daybreak's own commands.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

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
    // Made by the shell in setup (src-tauri/src/main_window.rs), which hands its page the first
    // screen's state; made from the config as well, there would be two.
    assert_eq!(
        windows[0]["create"], false,
        "the window is made in setup, not at start"
    );
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
    // The app's commands, from the one list in src/bindings.rs.
    let mut allowed: Vec<String> = daybreak_lib::bindings::command_names()
        .iter()
        .map(|c| daybreak_lib::bindings::permission(c))
        .collect();
    allowed.sort();
    assert_eq!(
        granted, allowed,
        "capabilities must be exactly the allowed list"
    );
}

#[test]
fn webview_autofill_is_off() {
    // WebView2 (Windows) offers and stores "suggestions" for form fields, and may do so even
    // where a field says autocomplete="off"; WebKitGTK and WKWebView ignore the setting.
    let window = &config()["app"]["windows"][0];
    assert_eq!(
        window["generalAutofillEnabled"], false,
        "the window must turn the WebView's general autofill off (it is on unless set)"
    );
}

/// Input types that take no typed text, so there is nothing for autofill to remember.
const NO_TEXT_INPUT_TYPES: [&str; 14] = [
    "checkbox",
    "radio",
    "range",
    "date",
    "time",
    "datetime-local",
    "month",
    "week",
    "file",
    "hidden",
    "color",
    "submit",
    "reset",
    "button",
];

/// The `<input ...>` or `<textarea ...>` start tags in a Svelte file, each up to its closing
/// `>`. A `>` inside a `{...}` expression (`onkeydown={(e) => ...}`) or a quoted value does
/// not end the tag.
fn form_fields(source: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut from = 0;
    while let Some(found) = source[from..].find('<') {
        let start = from + found;
        from = start + 1;
        let rest = &source[start + 1..];
        let Some(name_len) = ["input", "textarea"].iter().find_map(|name| {
            let after = rest.strip_prefix(name)?;
            after
                .starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .then_some(name.len())
        }) else {
            continue;
        };
        let (mut depth, mut quote) = (0usize, None::<char>);
        let mut end = None;
        for (i, c) in rest[name_len..].char_indices() {
            match (c, quote) {
                (q, Some(open)) if q == open => quote = None,
                (_, Some(_)) => {}
                ('{', None) => depth += 1,
                ('}', None) => depth = depth.saturating_sub(1),
                ('"' | '\'', None) if depth == 0 => quote = Some(c),
                ('>', None) if depth == 0 => {
                    end = Some(start + 1 + name_len + i + 1);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("an unclosed form field tag: {}", &source[start..]));
        fields.push(&source[start..end]);
        from = end;
    }
    fields
}

/// The value of a plain `name="value"` attribute in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let at = tag
        .find(&needle)
        .or_else(|| tag.find(&needle.replacen(' ', "\n", 1)))?;
    let value = &tag[at + needle.len()..];
    value.find('"').map(|end| &value[..end])
}

fn svelte_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            svelte_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "svelte") {
            out.push(path);
        }
    }
}

/// Every field a person types into (journal text, notes, names, searches, passphrases) says
/// `autocomplete="off"`, so no WebView stores what was typed there to offer it again. That
/// includes the passphrase fields: in a WebView, "current-password" or "new-password" only
/// invites the WebView's own password store to save the journal's passphrase (somewhere a
/// housemate using the same account could get it back from); password managers outside the
/// WebView work by typing or pasting and do not need the hint. One rule, no exceptions.
#[test]
fn every_text_field_in_the_ui_turns_autocomplete_off() {
    let mut files = Vec::new();
    svelte_files(&manifest_dir().join("../ui/src"), &mut files);
    let mut checked = Vec::new();
    let mut missing = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        for tag in form_fields(&source) {
            let kind = attribute(tag, "type").unwrap_or("text");
            if tag.starts_with("<input") && NO_TEXT_INPUT_TYPES.contains(&kind) {
                continue;
            }
            checked.push(attribute(tag, "data-testid").unwrap_or("?").to_string());
            if attribute(tag, "autocomplete") != Some("off") {
                let name = file.strip_prefix(manifest_dir().join("..")).unwrap_or(file);
                missing.push(format!("{}: {}", name.display(), tag.replace('\n', " ")));
            }
        }
    }
    // The scan itself must work: fields known to take journal text were seen.
    for known in [
        "journal-body",
        "mood-note",
        "slip-note",
        "person-name",
        "library-search",
    ] {
        assert!(
            checked.iter().any(|id| id == known),
            "the scan must find the {known} field; found {checked:?}"
        );
    }
    assert!(
        missing.is_empty(),
        "every field that takes text needs autocomplete=\"off\":\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_form_field_scan_reads_svelte_expressions() {
    let source = r#"<p>a > b</p><input type="checkbox" bind:checked={x} />
        <input
          id="{uid}-q"
          onkeydown={(e) => e.key === '>' && go()}
          data-testid="q"
          autocomplete="off"
        /><inputs-like></inputs-like><textarea data-testid="t">x > y</textarea>"#;
    let fields = form_fields(source);
    assert_eq!(fields.len(), 3, "{fields:?}");
    assert_eq!(attribute(fields[0], "type"), Some("checkbox"));
    assert_eq!(attribute(fields[1], "autocomplete"), Some("off"));
    assert_eq!(attribute(fields[1], "data-testid"), Some("q"));
    assert_eq!(fields[2], r#"<textarea data-testid="t">"#);
}
