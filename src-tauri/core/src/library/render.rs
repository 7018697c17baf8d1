//! Rendering an article: Markdown to sanitized HTML, with ids on its headings and a table of
//! contents built from them.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;
use specta::Type;

use crate::markdown;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    /// 2 or 3.
    pub level: u8,
}

/// "What to do in the next hour" -> "article-what-to-do-in-the-next-hour": prefixed as the
/// sanitizer prefixes every id, so the table of contents names the heading's real id.
fn anchor(text: &str, taken: &mut Vec<String>) -> String {
    let base: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let base = format!("{}{base}", markdown::CONTENT_ID_PREFIX);
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// The body's HTML (sanitized) and its table of contents (level 2 and 3 headings).
pub fn render(body: &str) -> (String, Vec<TocEntry>) {
    // First pass: the headings' text, to give each an id.
    let mut toc = Vec::new();
    let mut taken = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as u8, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    let id = anchor(&text, &mut taken);
                    if level == 2 || level == 3 {
                        toc.push(TocEntry { id, text, level });
                    }
                }
            }
            _ => {}
        }
    }
    // Second pass: the same events with the ids set, through the shared sanitizer (which
    // keeps `id` on h2 and h3 only, and prefixes any id that an imported page brought along).
    let mut ids = taken.into_iter();
    let events = Parser::new(body).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => Event::Start(Tag::Heading {
            level,
            id: ids.next().map(CowStr::from),
            classes,
            attrs,
        }),
        other => other,
    });
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, events);
    (markdown::sanitize(&raw), toc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_ids_and_a_table_of_contents() {
        let (html, toc) =
            render("Intro\n\n## What to do next\n\ntext\n\n### Step one\n\n## What to do next\n");
        assert_eq!(
            toc,
            [
                TocEntry {
                    id: "article-what-to-do-next".into(),
                    text: "What to do next".into(),
                    level: 2
                },
                TocEntry {
                    id: "article-step-one".into(),
                    text: "Step one".into(),
                    level: 3
                },
                TocEntry {
                    id: "article-what-to-do-next-2".into(),
                    text: "What to do next".into(),
                    level: 2
                },
            ]
        );
        assert!(
            html.contains("<h2 id=\"article-what-to-do-next\">What to do next</h2>"),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"article-what-to-do-next-2\">"),
            "{html}"
        );
    }

    #[test]
    fn heading_ids_cannot_clobber_the_apps_own_and_still_match_the_contents() {
        // An imported page's own ids (raw HTML in the Markdown) and ids made from heading
        // text alike: `document.getElementById("app")` or `window.search` must never find
        // the article's heading instead of the app's element.
        let (html, toc) = render(
            "## App\n\n<h2 id=\"app\">Raw</h2>\n\n### Search\n\n## Third\n\n<h3 id=\"search\">x</h3>\n",
        );
        assert_eq!(toc.len(), 3);
        for entry in &toc {
            assert!(entry.id.starts_with("article-"), "{entry:?}");
            assert!(
                html.contains(&format!(" id=\"{}\"", entry.id)),
                "the table of contents points at the heading's real id {}: {html}",
                entry.id
            );
        }
        for (at, m) in html.match_indices(" id=\"") {
            assert!(
                html[at + m.len()..].starts_with("article-"),
                "every id in an article is prefixed: {html}"
            );
        }
    }
}
