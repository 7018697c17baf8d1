//! Embeds the starter library: every `library/articles/*.md` (English) becomes a `(file name,
//! text)` pair compiled into the binary, and every `library/articles/<language>/*.md` a
//! `(language, file name, text)` triple, so articles read with no network and no files beside
//! the app.
//!
//! Also words the built-in names (emotions, triggers, coping actions) as the screens do: for
//! each catalogue in `ui/messages/` but English's, a table from each `builtin_*` message's
//! English words to that language's (`Words::builtin_names`), so the report, the plan and the
//! findings cannot drift from the screens.

use std::fs;
use std::path::Path;

/// The Markdown files directly in `dir`, sorted by name.
fn articles(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("library/articles must exist")
        .map(|e| e.expect("dir entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

fn main() {
    // Read at run time, not with env!(): a build script compiled in one clone can be reused by
    // another clone sharing the target dir, and must then look in its own tree.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("library/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = String::from(
        "/// The shipped articles, by file name, in order.\npub const SHIPPED: &[(&str, &str)] = &[\n",
    );
    for name in articles(&dir) {
        let path = dir.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out_dir).join("shipped_articles.rs"), out)
        .expect("write shipped_articles.rs");
    // The other languages in a file of their own, so that an older build script run from
    // another clone sharing the target dir (which writes only the file above) leaves it be.
    let mut out = String::from(
        "/// Shipped articles in other languages: (language code, file name, text).\n\
         pub const TRANSLATED: &[(&str, &str, &str)] = &[\n",
    );
    let mut languages: Vec<String> = fs::read_dir(&dir)
        .expect("library/articles must exist")
        .map(|e| e.expect("dir entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    for language in languages {
        let sub = dir.join(&language);
        println!("cargo:rerun-if-changed={}", sub.display());
        for name in articles(&sub) {
            let path = sub.join(&name);
            println!("cargo:rerun-if-changed={}", path.display());
            out.push_str(&format!(
                "    ({language:?}, {name:?}, include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("translated_articles.rs"), out)
        .expect("write translated_articles.rs");
    let messages = Path::new(&manifest).join("../../ui/messages");
    fs::write(
        Path::new(&out_dir).join("builtin_names.rs"),
        builtin_names(&messages),
    )
    .expect("write builtin_names.rs");
}

/// A catalogue's `builtin_*` messages, by key.
fn builtin_messages(path: &Path) -> std::collections::BTreeMap<String, String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("ui/messages/*.json must exist");
    let all: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("a catalogue is a JSON object");
    all.into_iter()
        .filter(|(key, _)| key.starts_with("builtin_"))
        .map(|(key, value)| {
            let words = value.as_str().expect("a builtin_* message is plain text");
            (key, words.to_string())
        })
        .collect()
}

/// `pub const ES: &[(&str, &str)]`, and so on for each catalogue but English's: (English words,
/// that language's), for every `builtin_*` key the catalogue has. A key it lacks is left out,
/// so the name stays in English, as the screens fall back to it. A catalogue the core's
/// `Language` does not list yet (the screens may speak a language first) makes a table nothing
/// uses, which is allowed.
fn builtin_names(messages: &Path) -> String {
    println!("cargo:rerun-if-changed={}", messages.display());
    let english = builtin_messages(&messages.join("en.json"));
    let mut tags: Vec<String> = fs::read_dir(messages)
        .expect("ui/messages must exist")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
        .filter(|tag| tag != "en")
        .collect();
    tags.sort();
    let mut out = String::new();
    for tag in tags {
        let here = builtin_messages(&messages.join(format!("{tag}.json")));
        // "pt-BR" names the table PT_BR.
        let name: String = tag
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        out.push_str(&format!(
            "/// The built-in names in `{tag}.json`: (English, {tag}).\n\
             #[allow(dead_code)]\n\
             pub const {name}: &[(&str, &str)] = &[\n"
        ));
        for (key, words) in &english {
            if let Some(translated) = here.get(key) {
                out.push_str(&format!("    ({words:?}, {translated:?}),\n"));
            }
        }
        out.push_str("];\n");
    }
    out
}
