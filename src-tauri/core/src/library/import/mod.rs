//! Importing an article a person saved elsewhere (plain text, Markdown or HTML) so it reads
//! offline. The importer finds the title, headings, paragraphs, lists and quotes; HTML is
//! sanitized first; site chrome ("Subscribe to our weekly email", "Recent Articles", "Follow us
//! on Twitter") is dropped. Bad files are refused with a clear message and import nothing.

mod chrome;
mod html;
mod text;

use crate::data_error::DataError;

/// Larger files are refused before any parsing.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
const MIN_TEXT_CHARS: usize = 20;

/// An import ready to store: a title and a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub title: String,
    pub markdown: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
}

fn format_of(file_name: &str, text: &str) -> Format {
    let lower = file_name.to_lowercase();
    let head = text
        .trim_start()
        .get(..512)
        .unwrap_or(text.trim_start())
        .to_lowercase();
    if lower.ends_with(".html")
        || lower.ends_with(".htm")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html")
    {
        Format::Html
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Reads a file's bytes into an article, or says plainly why it can't.
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Imported, DataError> {
    if bytes.len() > MAX_BYTES {
        return Err(DataError::invalid(
            "This file is too big to import (the limit is 5 MB).",
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DataError::invalid("This file is empty."));
    }
    if looks_binary(bytes) {
        return Err(DataError::invalid(
            "This doesn't look like a text, Markdown or HTML file, so it can't be imported.",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        DataError::invalid("This file isn't plain UTF-8 text. Save it as UTF-8 and try again.")
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let fallback_title = title_from_file_name(file_name);
    let imported = match format_of(file_name, &text) {
        Format::Html => html::import(&text, &fallback_title),
        Format::Markdown => text::import_markdown(&text, &fallback_title),
        Format::Text => text::import_text(&text, &fallback_title),
    };
    let words: usize = imported
        .markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if imported
        .markdown
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count()
        < MIN_TEXT_CHARS
        || words < 3
    {
        return Err(DataError::invalid("There's no readable text in this file."));
    }
    Ok(imported)
}

/// NUL bytes or many control characters: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || control * 20 > sample.len()
}

fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let title = stem.replace(['-', '_'], " ").trim().to_string();
    if title.is_empty() {
        "Imported article".into()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(name: &str, bytes: &[u8]) -> String {
        match import(name, bytes) {
            Err(DataError::Invalid(m)) => m,
            other => panic!("{name} must be refused, got {other:?}"),
        }
    }

    #[test]
    fn bad_files_are_refused_with_a_clear_message() {
        assert!(refused("a.txt", b"").contains("empty"));
        assert!(refused("a.txt", b" \n\t ").contains("empty"));
        assert!(refused("a.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("doesn't look like"));
        assert!(refused("a.txt", &[b'a', 0xff, 0xfe, b'b', b' ', b'c', b'd']).contains("UTF-8"));
        assert!(refused("big.txt", &vec![b'a'; MAX_BYTES + 1]).contains("too big"));
        assert!(refused(
            "a.html",
            b"<html><script>alert(1)</script><img src=x></html>"
        )
        .contains("no readable"));
        assert!(refused("a.md", b"# \n\n---\n").contains("no readable"));
    }

    #[test]
    fn formats_are_told_apart_by_name_and_content() {
        assert_eq!(format_of("x.HTM", "hi"), Format::Html);
        assert_eq!(format_of("x.txt", "<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(format_of("notes.markdown", "# T"), Format::Markdown);
        assert_eq!(format_of("notes.txt", "# T"), Format::Text);
        assert_eq!(
            title_from_file_name("/home/a/my-saved_article.html"),
            "my saved article"
        );
    }
}
