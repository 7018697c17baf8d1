//! Importing an article a person saved elsewhere (plain text, Markdown or HTML) so it reads
//! offline. The importer finds the title, headings, paragraphs, lists and quotes; HTML is
//! sanitized first; site chrome ("Subscribe to our weekly email", "Recent Articles", "Follow us
//! on Twitter") is dropped. Bad files are refused with a clear message and import nothing.

mod chrome;
mod html;
mod text;

use crate::data_error::{DataError, Refusal};

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
        return Err(DataError::Refused(Refusal::FileTooBig {
            max_mb: (MAX_BYTES / (1024 * 1024)) as u32,
        }));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DataError::Refused(Refusal::EmptyFile));
    }
    if looks_binary(bytes) {
        return Err(DataError::Refused(Refusal::NotText));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DataError::Refused(Refusal::NotUtf8))?;
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
        return Err(DataError::Refused(Refusal::NoReadableText));
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

    fn refused(name: &str, bytes: &[u8]) -> Refusal {
        match import(name, bytes) {
            Err(DataError::Refused(r)) => r,
            other => panic!("{name} must be refused, got {other:?}"),
        }
    }

    #[test]
    fn bad_files_are_refused_with_a_kind_the_ui_words() {
        assert_eq!(refused("a.txt", b""), Refusal::EmptyFile);
        assert_eq!(refused("a.txt", b" \n\t "), Refusal::EmptyFile);
        assert_eq!(
            refused("a.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Refusal::NotText
        );
        assert_eq!(
            refused("a.txt", &[b'a', 0xff, 0xfe, b'b', b' ', b'c', b'd']),
            Refusal::NotUtf8
        );
        assert_eq!(
            refused("big.txt", &vec![b'a'; MAX_BYTES + 1]),
            Refusal::FileTooBig { max_mb: 5 },
            "the limit, in MB, for the UI to say"
        );
        assert_eq!(
            refused(
                "a.html",
                b"<html><script>alert(1)</script><img src=x></html>"
            ),
            Refusal::NoReadableText
        );
        assert_eq!(refused("a.md", b"# \n\n---\n"), Refusal::NoReadableText);
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
