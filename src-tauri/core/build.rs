//! Embeds the starter library: every `library/articles/*.md` becomes a `(file name, text)` pair
//! compiled into the binary, so articles read with no network and no files beside the app.

use std::fs;
use std::path::Path;

fn main() {
    // Read at run time, not with env!(): a build script compiled in one clone can be reused by
    // another clone sharing the target dir, and must then look in its own tree.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("library/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("library/articles must exist")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    let mut out = String::from("/// The shipped articles, by file name, in order.\npub const SHIPPED: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("shipped_articles.rs");
    fs::write(dest, out).expect("write shipped_articles.rs");
}
