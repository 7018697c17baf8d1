//! The report as one standalone HTML page: inline CSS, inline SVG charts, no scripts and a
//! Content-Security-Policy that forbids loading anything. Everything is escaped.

use std::fmt::Write;

use super::blocks::{self, Block, Chart, Table, OWN_END, OWN_START};
use super::chart::{self, Mark, DOT, HEIGHT, PLOT_LEFT, PLOT_RIGHT, WIDTH};
use crate::words::Language;

const STYLE: &str = "\
:root{color-scheme:light}\
body{font-family:\"Atkinson Hyperlegible\",Verdana,\"Segoe UI\",system-ui,sans-serif;\
font-size:1.0625rem;line-height:1.55;color:#1f2328;background:#fff;max-width:46rem;\
margin:2rem auto;padding:0 1.25rem}\
h1{font-size:2rem;margin:0 0 .5rem}\
h2{font-size:1.4rem;margin:2.25rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #c8ccd0}\
h3{font-size:1.1rem;margin:1.5rem 0 .25rem}\
.meta{margin:.1rem 0;color:#3d434a}\
.notice{margin:1rem 0 1.5rem;padding:.75rem 1rem;border:2px solid #8a4b00;border-radius:.4rem;\
background:#fff7ec;font-weight:600}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem}\
caption{text-align:start;font-weight:600;padding:.25rem 0}\
th,td{border:1px solid #c8ccd0;padding:.35rem .6rem;text-align:start;vertical-align:top}\
th{background:#f3f4f6}\
figure{margin:1rem 0}\
figcaption{font-weight:600;margin-bottom:.25rem}\
svg{display:block;width:100%;height:auto}\
svg text{font-family:inherit;font-size:12px;fill:#3d434a}\
.grid{stroke:#d0d4d8;stroke-width:1}\
.axis{stroke:#6b7178;stroke-width:1}\
.bar{fill:#2f6690}\
.line{stroke:#2f6690;stroke-width:2.5;fill:none}\
.dot{fill:#2f6690}\
@media print{\
@page{size:A4;margin:18mm}\
body{max-width:none;margin:0;padding:0;font-size:11pt;color:#000}\
.notice{background:none;border-color:#000}\
th{background:none}\
h2,h3,caption,figcaption{break-after:avoid}\
figure,tr{break-inside:avoid}\
}";

/// What every page Daybreak saves for a browser (this report, the relapse plan) says first in
/// its head: load nothing and run nothing (only the page's own inline style applies), and send
/// no referrer. Opened from disk, such a page cannot reach the network.
pub(crate) const PAGE_POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" \
    content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
    <meta name=\"referrer\" content=\"no-referrer\">\n";

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// `text` escaped, with the person's own words in it (see `blocks::own`) each in a
/// `<span dir="auto">`, so they read in their own direction inside the page's sentence.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = 0;
    for c in text.chars() {
        match c {
            OWN_START => {
                out.push_str("<span dir=\"auto\">");
                open += 1;
            }
            OWN_END if open > 0 => {
                out.push_str("</span>");
                open -= 1;
            }
            OWN_END => {}
            c => push_escaped(&mut out, c),
        }
    }
    for _ in 0..open {
        out.push_str("</span>");
    }
    out
}

/// One element holding `text`. When all of it is the person's own words (a paragraph of a
/// journal entry, a clock's name), the element itself takes `dir="auto"`: a paragraph in
/// Arabic or Hebrew then reads right to left and starts on the right, in an English page.
fn element(out: &mut String, tag: &str, attributes: &str, text: &str) {
    let _ = match blocks::wholly_own(text) {
        Some(words) => write!(
            out,
            "<{tag}{attributes} dir=\"auto\">{}</{tag}>",
            escape(words)
        ),
        None => write!(out, "<{tag}{attributes}>{}</{tag}>", inline(text)),
    };
}

pub(super) fn render(blocks: &[Block], language: Language) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        language.tag()
    );
    out.push_str(PAGE_POLICY);
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>",
        escape(language.words().report_title)
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    let mut charts = 0;
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", escape(t));
            }
            Block::Meta(t) => {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(t));
            }
            Block::Notice(t) => {
                let _ = writeln!(out, "<p class=\"notice\" role=\"note\">{}</p>", escape(t));
            }
            Block::Heading(t) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(t));
            }
            Block::Subheading(t) => {
                element(&mut out, "h3", "", t);
                out.push('\n');
            }
            Block::Paragraph(t) => {
                element(&mut out, "p", "", t);
                out.push('\n');
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    element(&mut out, "li", "", item);
                    out.push('\n');
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => self::table(&mut out, table),
            Block::Chart(chart) => {
                charts += 1;
                self::chart(&mut out, chart, charts);
            }
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn table(out: &mut String, table: &Table) {
    let _ = writeln!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        escape(&table.caption)
    );
    for h in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                element(out, "th", " scope=\"row\"", cell);
            } else {
                element(out, "td", "", cell);
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// An inline SVG chart, drawn from the marks `chart` works out, with its own title and
/// description for screen readers.
fn chart(out: &mut String, chart: &Chart, n: usize) {
    let _ = writeln!(
        out,
        "<figure>\n<figcaption id=\"chart-{n}\">{}</figcaption>",
        escape(&chart.title)
    );
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-{n}\" aria-describedby=\"chart-{n}-desc\">\n\
         <desc id=\"chart-{n}-desc\">{}</desc>",
        escape(&chart.description)
    );
    for mark in chart::marks(chart) {
        match mark {
            Mark::Grid { y } | Mark::Axis { y } => {
                let class = if matches!(mark, Mark::Grid { .. }) {
                    "grid"
                } else {
                    "axis"
                };
                let _ = writeln!(
                    out,
                    "<line class=\"{class}\" x1=\"{PLOT_LEFT}\" x2=\"{PLOT_RIGHT:.1}\" \
                     y1=\"{y:.1}\" y2=\"{y:.1}\"/>"
                );
            }
            Mark::Bar {
                x,
                y,
                width,
                height,
                title,
            } => {
                let _ = writeln!(
                    out,
                    "<rect class=\"bar\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" \
                     height=\"{height:.1}\"><title>{}</title></rect>",
                    escape(&title)
                );
            }
            Mark::Line(points) => {
                let mut path = String::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    let _ = write!(path, "{}{x:.1} {y:.1} ", if i == 0 { "M" } else { "L" });
                }
                let _ = writeln!(out, "<path class=\"line\" d=\"{}\"/>", path.trim_end());
            }
            Mark::Dot { x, y, title } => {
                let _ = writeln!(
                    out,
                    "<circle class=\"dot\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{DOT}\">\
                     <title>{}</title></circle>",
                    escape(&title)
                );
            }
            Mark::Label { x, y, anchor, text } => {
                let _ = writeln!(
                    out,
                    "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{}\">{}</text>",
                    anchor.svg(),
                    escape(&text)
                );
            }
        }
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
