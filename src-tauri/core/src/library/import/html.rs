//! HTML: sanitized with ammonia down to text structure (no script, style, image, form or link
//! target survives), then written as Markdown.

use std::collections::HashSet;

use ammonia::Builder;

use super::{text, Imported};

const KEPT_TAGS: [&str; 16] = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "strong",
    "em",
    "b",
    "i",
    "br",
];
/// Removed together with everything inside them: page furniture and anything executable.
const DROPPED_WITH_CONTENT: [&str; 11] = [
    "script", "style", "nav", "footer", "aside", "form", "noscript", "iframe", "svg", "button",
    "template",
];

fn title_of(html: &str) -> Option<String> {
    // ASCII-only lower case keeps every byte where it was, so a position found in `lower` is
    // the same position in `html` (full Unicode lower case can change a text's length: "İ"
    // becomes three bytes). Tag names are ASCII, so nothing is missed.
    let lower = html.to_ascii_lowercase();
    for (open, close) in [("<h1", "</h1>"), ("<title", "</title>")] {
        if let Some(start) = lower.find(open) {
            let after = start + lower[start..].find('>')? + 1;
            let end = after + lower[after..].find(close)?;
            let inner = Builder::empty().clean(&html[after..end]).to_string();
            let text = decode(&inner)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                return Some(text);
            }
        }
    }
    None
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

pub fn import(html: &str, fallback_title: &str) -> Imported {
    let title = title_of(html);
    let clean = Builder::empty()
        .add_tags(KEPT_TAGS)
        .clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT))
        .clean(html)
        .to_string();
    let md = to_markdown(&clean, title.as_deref());
    // The Markdown still goes through the text rules for chrome and blank lines.
    let imported = text::import_markdown(&md, fallback_title);
    Imported {
        title: title.unwrap_or(imported.title),
        markdown: imported.markdown,
    }
}

/// A small writer over ammonia's well-formed output: tags become Markdown markers.
fn to_markdown(clean: &str, title: Option<&str>) -> String {
    let mut out = String::new();
    let mut list_stack: Vec<(bool, usize)> = Vec::new(); // (ordered, counter)
    let mut skip_title = title.map(str::to_string);
    let mut in_h1 = false;
    let mut rest = clean;
    while !rest.is_empty() {
        if let Some(after_lt) = rest.strip_prefix('<') {
            let end = after_lt.find('>').unwrap_or(after_lt.len());
            let tag = after_lt[..end].trim().to_lowercase();
            rest = after_lt.get(end + 1..).unwrap_or("");
            let (closing, name) = match tag.strip_prefix('/') {
                Some(n) => (true, n.trim_end_matches('/').to_string()),
                None => (
                    false,
                    tag.split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('/')
                        .to_string(),
                ),
            };
            match (name.as_str(), closing) {
                ("h1", false) => in_h1 = true,
                ("h1", true) => in_h1 = false,
                (h @ ("h2" | "h3" | "h4" | "h5" | "h6"), false) => {
                    let level = if h == "h2" { "##" } else { "###" };
                    out.push_str(&format!("\n\n{level} "));
                }
                ("p" | "blockquote" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                    out.push_str("\n\n")
                }
                ("p", false) => out.push_str("\n\n"),
                ("blockquote", false) => out.push_str("\n\n> "),
                ("ul", false) => list_stack.push((false, 0)),
                ("ol", false) => list_stack.push((true, 0)),
                ("ul" | "ol", true) => {
                    list_stack.pop();
                    out.push_str("\n\n");
                }
                ("li", false) => {
                    let depth = list_stack.len().saturating_sub(1);
                    let marker = match list_stack.last_mut() {
                        Some((true, n)) => {
                            *n += 1;
                            format!("{n}.")
                        }
                        _ => "-".to_string(),
                    };
                    out.push_str(&format!("\n{}{marker} ", "  ".repeat(depth)));
                }
                ("strong" | "b", _) => out.push_str("**"),
                ("em" | "i", _) => out.push('*'),
                ("br", _) => out.push_str("  \n"),
                _ => {}
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let chunk = decode(&rest[..end]);
            rest = &rest[end..];
            let text = chunk.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                if chunk.contains(char::is_whitespace) && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
                continue;
            }
            if in_h1 && skip_title.as_deref() == Some(text.as_str()) {
                skip_title = None; // the title is shown from the metadata, not repeated
                continue;
            }
            let lead = chunk.starts_with(char::is_whitespace) && !out.ends_with([' ', '\n']);
            let trail = chunk.ends_with(char::is_whitespace);
            if lead {
                out.push(' ');
            }
            if in_h1 {
                out.push_str("\n\n## ");
            }
            out.push_str(&text.replace('#', "\\#"));
            if trail {
                out.push(' ');
            }
        }
    }
    out.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_whose_lower_case_changes_length_imports_without_a_panic() {
        // "İ" (2 bytes) lower-cases to "i̇" (3 bytes), "ẞ" and the Kelvin sign (3 bytes) to
        // "ß" (2) and "k" (1): a tag's position in a lower-cased copy is not its position in
        // the page. The same input is a seed in fuzz/corpus/library_import/.
        for page in [
            "İ<h1>é</h1>",
            "İİİ<title>Ä</title><p>x</p>",
            "ẞ\u{212A}<H1>Ünder</H1>",
        ] {
            let _ = import(page, "fallback");
        }
        let a = import(
            "İstanbul \u{212A}elvin<H1>Évasion du soir</h1><p>Some text.</p>",
            "fallback",
        );
        assert_eq!(a.title, "Évasion du soir", "the title is still found");
    }

    #[test]
    fn structure_survives_and_scripts_styles_images_links_and_chrome_do_not() {
        let page = r#"<!doctype html><html><head><title>Site | Coping</title><style>p{}</style>
            <script>track()</script></head><body><nav>Home Articles</nav>
            <h1>Coping with cravings</h1><p>First <b>bold</b> idea with a <a href="https://t.co/x?utm=1">link</a>.</p>
            <h2>Steps</h2><ul><li>Breathe</li><li>Walk</li></ul><ol><li>One</li><li>Two</li></ol>
            <blockquote>Quoted words here.</blockquote><img src="https://cdn/x.png">
            <p>More of the article text goes here to make it long enough.</p>
            <p>And more text after that, still the article.</p>
            <h3>Subscribe to our weekly email</h3><p>Enter your address</p>
            <footer>Follow us on Twitter</footer></body></html>"#;
        let a = import(page, "x");
        assert_eq!(a.title, "Coping with cravings");
        let md = &a.markdown;
        assert!(md.contains("## Steps"), "{md}");
        assert!(md.contains("- Breathe\n- Walk"), "{md}");
        assert!(md.contains("1. One\n2. Two"), "{md}");
        assert!(md.contains("> Quoted words here."), "{md}");
        assert!(md.contains("**bold**"), "{md}");
        assert!(md.contains("with a link."), "a link keeps its text: {md}");
        for gone in [
            "track()",
            "p{}",
            "t.co",
            "cdn",
            "Home Articles",
            "Subscribe",
            "Enter your address",
            "Follow us",
            "Coping with cravings",
        ] {
            assert!(!md.contains(gone), "{gone} must not be in the body: {md}");
        }
    }
}
