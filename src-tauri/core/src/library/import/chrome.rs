//! Site chrome: the newsletter boxes, "recent articles" lists and social links that a saved
//! web page drags along. Once such a line appears, the rest of the page is chrome too.

const MARKERS: &[&str] = &[
    "subscribe to",
    "sign up for our",
    "recent articles",
    "recent posts",
    "related articles",
    "related posts",
    "follow us on",
    "share this",
    "leave a comment",
    "all rights reserved",
    "privacy policy",
    "cookie policy",
    "back to top",
];

/// True for a short line that is site furniture rather than the article.
pub fn is_chrome(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.chars().count() <= 80 && MARKERS.iter().any(|m| lower.contains(m))
}

/// The lines before the first chrome line that comes after the first third of the text (a
/// "subscribe" box at the very top is skipped rather than taken as the end).
pub fn cut<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let start = lines.len() / 3;
    let end = lines
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, l)| is_chrome(l))
        .map_or(lines.len(), |(i, _)| i);
    lines[..end]
        .iter()
        .copied()
        .filter(|l| !is_chrome(l))
        .collect()
}
