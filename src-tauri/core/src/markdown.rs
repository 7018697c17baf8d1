//! Markdown to safe HTML, in Rust: pulldown-cmark renders, ammonia sanitizes. Whatever a
//! journal entry or an article contains, no script, style, event handler, image or link that
//! leaves the app survives: the app is offline and its window must never navigate away.

use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{html, Options, Parser};

/// Links inside the app use this scheme: `[text](article:slug)`.
pub const ARTICLE_SCHEME: &str = "article";

/// Every `id` in rendered content starts with this, so a heading in an entry or an imported
/// article can never take the id of one of the app's own elements (DOM clobbering: an
/// `<h2 id="app">` would otherwise be what `getElementById("app")` or `window.app` finds).
/// The app's own ids never start with it.
pub const CONTENT_ID_PREFIX: &str = "article-";

pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    sanitize(&raw)
}

/// The words of a Markdown text without its markup, for search indexes and snippets: "**Give**
/// naloxone" is indexed and shown as "Give naloxone".
pub fn to_plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Cleans HTML with the same rules: no script, style, handler, image or outside link; every
/// id prefixed; the only input a disabled checkbox.
pub fn sanitize(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

fn sanitizer() -> Builder<'static> {
    let mut builder = Builder::default();
    builder
        // Images would load from the network or the disk; neither belongs in a private journal.
        .rm_tags(["img"])
        // Only links to other articles stay clickable; web links keep their text, lose the URL.
        .url_schemes(HashSet::from([ARTICLE_SCHEME]))
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .id_prefix(Some(CONTENT_ID_PREFIX))
        // Task lists render as `<input type="checkbox" disabled>`. Any other input (text,
        // password, submit, image...) would take typing, autofill or a click that goes
        // somewhere, so every input that survives is made a disabled checkbox: only `checked`
        // is kept from the source, `type` and `disabled` are set here whatever it said.
        .add_tags(["input"])
        .add_tag_attributes("input", ["checked"])
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "");
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_the_markup_and_keeps_the_words() {
        let plain = to_plain_text(
            "## Keep it\n\n1. **Give** naloxone, *then* wait.\n- [a link](article:x)\n",
        );
        assert_eq!(plain, "Keep it\nGive naloxone, then wait.\na link\n");
    }

    #[test]
    fn no_script_survives() {
        let evil = "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> \
                    <a href=\"javascript:alert(3)\">x</a> <style>body{}</style> \
                    <p onclick=\"alert(4)\">p</p> <iframe src=\"https://e.com\"></iframe>";
        let html = to_safe_html(evil);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<style",
            "onclick",
            "<iframe",
            "<img",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} survived sanitizing: {html}");
        }
    }

    /// The `<input ...>` tags in some HTML.
    fn inputs(html: &str) -> Vec<&str> {
        html.match_indices("<input")
            .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1])
            .collect()
    }

    #[test]
    fn the_only_input_that_survives_is_a_disabled_checkbox() {
        let html = to_safe_html(
            "- [x] done\n- [ ] not yet\n\n\
             <input type=\"text\" value=\"typed\" name=\"q\"> <input type=\"password\"> \
             <input> <input type=\"submit\" formaction=\"https://e.com/x\"> \
             <input type=\"image\" src=\"https://e.com/p.png\"> <input type=\"checkbox\">\n",
        );
        let inputs = inputs(&html);
        assert_eq!(
            inputs.len(),
            8,
            "every input is kept, as a checkbox: {html}"
        );
        for input in &inputs {
            assert!(
                input.contains("type=\"checkbox\"") && input.contains("disabled"),
                "an input must be a disabled checkbox (a text field would take typing \
                 or autofill inside a rendered entry): {input}"
            );
            for bad in [
                "text", "password", "submit", "image", "value", "name", "src", "form",
            ] {
                assert!(!input.contains(bad), "{bad} survived on {input}");
            }
        }
        assert!(
            inputs[0].contains("checked"),
            "a done task stays ticked: {html}"
        );
        assert!(!inputs[1].contains("checked"), "{html}");
    }

    #[test]
    fn every_id_is_prefixed_so_content_cannot_clobber_the_apps_own() {
        let html = to_safe_html(
            "<h2 id=\"view-library\">Raw</h2>\n\n## Set {#unlock-passphrase}\n\n\
             <h3 id=\"article-kept\">Already prefixed</h3>\n",
        );
        let ids: Vec<&str> = html
            .match_indices(" id=\"")
            .map(|(at, m)| {
                let value = &html[at + m.len()..];
                &value[..value.find('"').unwrap()]
            })
            .collect();
        assert_eq!(
            ids,
            [
                "article-view-library",
                "article-unlock-passphrase",
                "article-kept"
            ],
            "{html}"
        );
    }

    #[test]
    fn markdown_renders_and_only_article_links_keep_their_target() {
        let html = to_safe_html(
            "## Coping\n\n- **breathe**\n- walk\n\n[urge surfing](article:urge-surfing-and-coping-skills) \
             and [a site](https://example.com/track?id=1) and ![pic](https://example.com/p.png)",
        );
        assert!(html.contains("<h2>Coping</h2>"), "{html}");
        assert!(html.contains("<li><strong>breathe</strong></li>"), "{html}");
        assert!(
            html.contains("href=\"article:urge-surfing-and-coping-skills\""),
            "{html}"
        );
        assert!(
            !html.contains("example.com"),
            "no web link or image may remain: {html}"
        );
        assert!(html.contains("a site"), "a web link keeps its text: {html}");
    }
}
