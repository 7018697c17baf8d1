//! Any file given to the article importer (plain text, Markdown or HTML, told apart by name
//! and content) either becomes an article or is refused; it never panics or hangs. The first
//! byte picks the file name, the rest is the file.
#![no_main]

use daybreak_core::library::import;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = [
    "article.txt",
    "article.md",
    "article.html",
    "Saved page.HTM",
    "notes",
    "READ ME.markdown",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if let Ok(article) = import::import(name, bytes) {
        assert!(!article.title.trim().is_empty(), "an article has a title");
    }
});
