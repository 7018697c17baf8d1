//! A minimal PDF 1.4 writer, enough for the report: A4 pages, the standard Helvetica and
//! Helvetica-Bold fonts (never embedded) in WinAnsiEncoding, uncompressed content streams,
//! text wrapped by Helvetica's widths, automatic page breaks, and simple vector charts drawn
//! with rectangles and lines. Text outside WinAnsi never breaks the file: letters with accents
//! it lacks lose the accent, anything else becomes '?'.

use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;

use super::blocks::{axis_labels, number, Block, Chart, ChartKind, Table};

const PAGE_W: f64 = 595.28;
const PAGE_H: f64 = 841.89;
const MARGIN: f64 = 56.0;
const CONTENT_W: f64 = PAGE_W - 2.0 * MARGIN;
const FOOTER_Y: f64 = 30.0;
/// Fill and stroke colour of chart marks (#2f6690).
const INK: &str = "0.184 0.4 0.565";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    Regular,
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }
}

/// Advance widths (per 1000 units of font size) of WinAnsi 32..=126, from the Helvetica AFMs.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// WinAnsi's 0x80..=0x9F, where it differs from Latin-1.
const WIN_ANSI_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('\u{2018}', 0x91),
    ('\u{2019}', 0x92),
    ('\u{201C}', 0x93),
    ('\u{201D}', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The WinAnsi byte of `c`, if it has one.
fn win_ansi_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|(ch, _)| *ch == c)
            .map(|(_, b)| *b),
    }
}

/// Text as WinAnsi bytes. Line breaks and tabs become spaces; invisible characters go; common
/// look-alikes are mapped; letters with an accent WinAnsi lacks keep their base letter ("ő" is
/// "o"); whatever is left becomes '?'.
pub(super) fn win_ansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if let Some(b) = win_ansi_byte(c) {
            out.push(b);
            continue;
        }
        match c {
            // Soft hyphen, zero-width characters, word joiner, byte order mark, variation
            // selectors and stray combining marks: nothing to show.
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{FE00}'..='\u{FE0F}' | '\u{0300}'..='\u{036F}' => {}
            c if c.is_control() || c.is_whitespace() => out.push(b' '),
            '\u{2010}' | '\u{2011}' | '\u{2043}' | '\u{2212}' => out.push(b'-'),
            '\u{2012}' => out.push(0x96),
            '\u{201B}' | '\u{2032}' => out.push(b'\''),
            '\u{201F}' | '\u{2033}' => out.push(b'"'),
            c => out.push(
                c.nfd()
                    .next()
                    .filter(|base| *base != c)
                    .and_then(win_ansi_byte)
                    .unwrap_or(b'?'),
            ),
        }
    }
    out
}

/// The body of a PDF literal string: `(`, `)` and `\` escaped, anything outside printable
/// ASCII as an octal escape, so content streams stay plain ASCII.
pub(super) fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7E => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out
}

/// Width of one WinAnsi glyph in thousandths of the font size. Outside ASCII the widths are
/// approximate: accented letters take their base letter's.
fn glyph_width(b: u8, font: Font) -> u16 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    let bold = font == Font::Bold;
    match b {
        32..=126 => table[usize::from(b - 32)],
        0x85 | 0x89 | 0x8C | 0x97 | 0x99 | 0xC6 => 1000,
        0x82 | 0x91 | 0x92 => 222 + 56 * u16::from(bold),
        0x84 | 0x93 | 0x94 => 333 + 167 * u16::from(bold),
        0x95 => 350,
        0x9C => 944,
        0xE6 => 889,
        0xA0 | 0xB7 => 278,
        0xA9 | 0xAE => 737,
        0xB0 => 400,
        0xAC | 0xB1 | 0xD7 | 0xF7 => 584,
        0x88 | 0x8B | 0x98 | 0x9B | 0xA1 | 0xA8 | 0xAD | 0xAF | 0xB2..=0xB4 | 0xB8 | 0xB9 => 333,
        0xBC..=0xBE => 834,
        0xD8 => 778,
        0xBF | 0xDF | 0xF8 => 611,
        _ => {
            let c = WIN_ANSI_HIGH
                .iter()
                .find(|(_, byte)| *byte == b)
                .map_or(char::from(b), |(c, _)| *c);
            match c.nfd().next() {
                Some(base) if base.is_ascii_graphic() => table[base as usize - 32],
                _ => 556,
            }
        }
    }
}

pub(super) fn text_width(bytes: &[u8], font: Font, size: f64) -> f64 {
    bytes
        .iter()
        .map(|b| f64::from(glyph_width(*b, font)))
        .sum::<f64>()
        * size
        / 1000.0
}

/// Text cut into lines no wider than `max_width`, at spaces where possible; a word longer than
/// a line is broken wherever it must be. `\n` always starts a new line.
pub(super) fn wrap(text: &str, font: Font, size: f64, max_width: f64) -> Vec<Vec<u8>> {
    let space = text_width(b" ", font, size);
    let mut lines = Vec::new();
    for segment in text.split('\n') {
        let bytes = win_ansi(segment);
        let (mut line, mut width) = (Vec::new(), 0.0);
        for word in bytes.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
            let w = text_width(word, font, size);
            if !line.is_empty() && width + space + w <= max_width {
                line.push(b' ');
                line.extend_from_slice(word);
                width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if w <= max_width {
                line.extend_from_slice(word);
                width = w;
                continue;
            }
            for &b in word {
                let g = text_width(&[b], font, size);
                if !line.is_empty() && width + g > max_width {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                line.push(b);
                width += g;
            }
        }
        lines.push(line);
    }
    lines
}

/// Pages being laid out, top to bottom.
struct Writer {
    pages: Vec<String>,
    page: String,
    /// The top of the free space on the current page.
    y: f64,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            pages: Vec::new(),
            page: String::new(),
            y: PAGE_H - MARGIN,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = PAGE_H - MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one (or this one is empty).
    fn ensure(&mut self, height: f64) {
        if self.y - height < MARGIN && self.y < PAGE_H - MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f64, baseline: f64, font: Font, size: f64, bytes: &[u8]) {
        let _ = writeln!(
            self.page,
            "BT /{} {size:.1} Tf {x:.2} {baseline:.2} Td ({}) Tj ET",
            font.resource(),
            escape(bytes)
        );
    }

    /// Wrapped text at `x`, breaking pages between lines.
    fn lines(&mut self, text: &str, x: f64, font: Font, size: f64, leading: f64) {
        let width = MARGIN + CONTENT_W - x;
        for line in wrap(text, font, size, width) {
            self.ensure(leading);
            let baseline = self.y - size;
            self.text(x, baseline, font, size, &line);
            self.y -= leading;
        }
    }

    fn gray(&mut self, level: f64) {
        let _ = writeln!(self.page, "{level:.2} g {level:.2} G");
    }

    fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64, gray: f64) {
        let _ = writeln!(
            self.page,
            "q {gray:.2} G {width:.2} w {x1:.2} {y:.2} m {x2:.2} {y:.2} l S Q"
        );
    }
}

/// Lays out the blocks on A4 pages and writes the file.
pub(super) fn render(blocks: &[Block], title: &str, footer: &str) -> Vec<u8> {
    let mut w = Writer::new();
    for block in blocks {
        match block {
            Block::Title(t) => {
                w.lines(t, MARGIN, Font::Bold, 22.0, 28.0);
                w.y -= 4.0;
            }
            Block::Meta(t) => {
                w.gray(0.25);
                w.lines(t, MARGIN, Font::Regular, 10.5, 14.0);
                w.gray(0.0);
            }
            Block::Notice(t) => notice(&mut w, t),
            Block::Heading(t) => {
                w.y -= 14.0;
                // Keep a heading with at least a few lines of what follows it.
                w.ensure(20.0 + 60.0);
                w.lines(t, MARGIN, Font::Bold, 15.0, 20.0);
                let y = w.y;
                w.rule(MARGIN, MARGIN + CONTENT_W, y, 0.8, 0.6);
                w.y -= 8.0;
            }
            Block::Subheading(t) => {
                w.y -= 8.0;
                w.ensure(16.0 + 30.0);
                w.lines(t, MARGIN, Font::Bold, 12.0, 16.0);
                w.y -= 2.0;
            }
            Block::Paragraph(t) => {
                w.lines(t, MARGIN, Font::Regular, 11.0, 15.0);
                w.y -= 6.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    w.ensure(15.0);
                    let baseline = w.y - 11.0;
                    w.text(MARGIN + 4.0, baseline, Font::Regular, 11.0, &[0x95]);
                    w.lines(item, MARGIN + 16.0, Font::Regular, 11.0, 15.0);
                    w.y -= 2.0;
                }
                w.y -= 4.0;
            }
            Block::Table(t) => table(&mut w, t),
            Block::Chart(c) => chart(&mut w, c),
        }
    }
    finish(w, title, footer)
}

fn notice(w: &mut Writer, text: &str) {
    let (size, leading, pad) = (11.0, 15.0, 9.0);
    let lines = wrap(text, Font::Bold, size, CONTENT_W - 2.0 * pad);
    let height = lines.len() as f64 * leading + 2.0 * pad - (leading - size) + 2.0;
    w.y -= 6.0;
    w.ensure(height);
    let _ = writeln!(
        w.page,
        "q 0 G 1.5 w {MARGIN:.2} {:.2} {CONTENT_W:.2} {height:.2} re S Q",
        w.y - height
    );
    let mut baseline = w.y - pad - size + 1.0;
    for line in &lines {
        w.text(MARGIN + pad, baseline, Font::Bold, size, line);
        baseline -= leading;
    }
    w.y -= height + 10.0;
}

fn table(w: &mut Writer, table: &Table) {
    let (size, leading, pad) = (10.0, 13.0, 5.0);
    let columns = table.header.len().max(1);
    let mut widths = vec![0.0f64; columns];
    for (i, h) in table.header.iter().enumerate() {
        widths[i] = widths[i].max(text_width(&win_ansi(h), Font::Bold, size));
    }
    for row in &table.rows {
        for (i, cell) in row.iter().take(columns).enumerate() {
            widths[i] = widths[i].max(text_width(&win_ansi(cell), Font::Regular, size));
        }
    }
    let natural: f64 = widths.iter().map(|x| x + 2.0 * pad).sum();
    let scale = CONTENT_W / natural.max(1.0);
    let widths: Vec<f64> = widths.iter().map(|x| (x + 2.0 * pad) * scale).collect();
    let cells = |row: &[String], font: Font| -> Vec<Vec<Vec<u8>>> {
        row.iter()
            .zip(&widths)
            .map(|(cell, width)| wrap(cell, font, size, width - 2.0 * pad))
            .collect()
    };
    let height = |cells: &[Vec<Vec<u8>>]| {
        cells.iter().map(Vec::len).max().unwrap_or(1) as f64 * leading + 2.0 * pad - 2.0
    };
    let draw = |w: &mut Writer, cells: &[Vec<Vec<u8>>], font: Font, shade: bool| {
        let h = height(cells);
        if shade {
            let _ = writeln!(
                w.page,
                "q 0.93 g {MARGIN:.2} {:.2} {CONTENT_W:.2} {h:.2} re f Q",
                w.y - h
            );
        }
        let mut x = MARGIN;
        for (lines, width) in cells.iter().zip(&widths) {
            let mut baseline = w.y - pad - size + 1.0;
            for line in lines {
                w.text(x + pad, baseline, font, size, line);
                baseline -= leading;
            }
            x += width;
        }
        w.y -= h;
        let y = w.y;
        w.rule(MARGIN, MARGIN + CONTENT_W, y, 0.5, 0.6);
    };
    let header = cells(&table.header, Font::Bold);
    let header_h = height(&header);
    w.y -= 4.0;
    w.ensure(16.0 + header_h + 2.0 * leading);
    w.lines(&table.caption, MARGIN, Font::Bold, 11.0, 16.0);
    draw(w, &header, Font::Bold, true);
    for row in &table.rows {
        let row = cells(row, Font::Regular);
        if w.y - height(&row) < MARGIN {
            w.new_page();
            draw(w, &header, Font::Bold, true);
        }
        draw(w, &row, Font::Regular, false);
    }
    w.y -= 12.0;
}

fn chart(w: &mut Writer, chart: &Chart) {
    let (title_h, plot_h, labels_h) = (18.0, 130.0, 20.0);
    w.y -= 4.0;
    w.ensure(title_h + plot_h + labels_h);
    w.lines(&chart.title, MARGIN, Font::Bold, 11.0, title_h);
    let (left, right) = (MARGIN + 28.0, MARGIN + CONTENT_W);
    let top = w.y - 4.0;
    let bottom = top - plot_h;
    let y = |v: f64| bottom + (v - chart.min) / (chart.max - chart.min) * plot_h;
    let slot = (right - left) / chart.points.len().max(1) as f64;
    let x = |i: usize| left + slot * (i as f64 + 0.5);
    for t in &chart.ticks {
        w.rule(left, right, y(*t), 0.5, 0.82);
        let label = win_ansi(&number(*t));
        let lx = left - 5.0 - text_width(&label, Font::Regular, 8.0);
        w.text(lx, y(*t) - 3.0, Font::Regular, 8.0, &label);
    }
    w.rule(left, right, bottom, 0.8, 0.4);
    let mut marks = String::new();
    match chart.kind {
        ChartKind::Bars => {
            let width = (slot * 0.7).max(0.5);
            for (i, (_, v)) in chart.points.iter().enumerate() {
                if let Some(v) = v {
                    // A zero still shows as a sliver, so "none" differs from "not logged".
                    let h = (y(*v) - bottom).max(1.2);
                    let _ = writeln!(
                        marks,
                        "{:.2} {bottom:.2} {width:.2} {h:.2} re f",
                        x(i) - width / 2.0
                    );
                }
            }
        }
        ChartKind::Line => {
            let mut previous: Option<(f64, f64)> = None;
            for (i, (_, v)) in chart.points.iter().enumerate() {
                let Some(v) = v else {
                    // A day without a mood breaks the line rather than guessing across it.
                    previous = None;
                    continue;
                };
                let point = (x(i), y(*v));
                if let Some((px, py)) = previous {
                    let _ = writeln!(marks, "{px:.2} {py:.2} m {:.2} {:.2} l S", point.0, point.1);
                }
                let _ = writeln!(marks, "{:.2} {:.2} 4 4 re f", point.0 - 2.0, point.1 - 2.0);
                previous = Some(point);
            }
        }
    }
    let _ = write!(w.page, "q {INK} rg {INK} RG 1.8 w\n{marks}Q\n");
    for (i, anchor) in axis_labels(chart.points.len()) {
        let label = win_ansi(&chart.points[i].0);
        let width = text_width(&label, Font::Regular, 8.0);
        let lx = match anchor {
            "start" => x(i) - slot / 2.0,
            "end" => x(i) + slot / 2.0 - width,
            _ => x(i) - width / 2.0,
        };
        w.text(lx, bottom - 12.0, Font::Regular, 8.0, &label);
    }
    w.y = bottom - labels_h - 8.0;
}

/// Adds the footers and writes the objects, the cross-reference table and the trailer.
fn finish(mut w: Writer, title: &str, footer: &str) -> Vec<u8> {
    if !w.page.is_empty() || w.pages.is_empty() {
        w.pages.push(std::mem::take(&mut w.page));
    }
    let count = w.pages.len();
    let first_page = 6;
    let kids: Vec<String> = (0..count)
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            kids.join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_string(),
        format!(
            "<< /Title ({}) /Producer (Daybreak) /Creator (Daybreak) >>",
            escape(&win_ansi(title))
        ),
    ];
    for (i, mut content) in w.pages.into_iter().enumerate() {
        let foot = win_ansi(footer);
        let page_label = win_ansi(&format!("Page {} of {count}", i + 1));
        let label_x = MARGIN + CONTENT_W - text_width(&page_label, Font::Regular, 8.0);
        let _ = writeln!(
            content,
            "q 0.3 g BT /F1 8.0 Tf {MARGIN:.2} {FOOTER_Y:.2} Td ({}) Tj ET \
             BT /F1 8.0 Tf {label_x:.2} {FOOTER_Y:.2} Td ({}) Tj ET Q",
            escape(&foot),
            escape(&page_label)
        );
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            first_page + 2 * i + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out: Vec<u8> =
        Vec::with_capacity(objects.iter().map(String::len).sum::<usize>() + 1024);
    // The second line marks the file as binary for tools that guess.
    out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(tail, "{offset:010} 00000 n ");
    }
    let _ = write!(
        tail,
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(tail.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_and_backslashes_are_escaped() {
        assert_eq!(escape(b"a (b) \\c"), "a \\(b\\) \\\\c");
        assert_eq!(
            escape(&[0xE9, b'x', 0x92]),
            "\\351x\\222",
            "high bytes as octal"
        );
    }

    #[test]
    fn text_outside_win_ansi_never_breaks_the_file() {
        assert_eq!(win_ansi("café"), b"caf\xE9");
        assert_eq!(
            win_ansi("\u{201C}it\u{2019}s\u{201D} \u{2013} ok\u{2026}"),
            b"\x93it\x92s\x94 \x96 ok\x85"
        );
        assert_eq!(
            win_ansi("e\u{301}"),
            b"\xE9",
            "combining accents are composed first"
        );
        assert_eq!(win_ansi("Gödel and Erdős"), b"G\xF6del and Erdos");
        assert_eq!(win_ansi("a\tb\nc"), b"a b c");
        assert_eq!(win_ansi("ok 👍🏽 日本"), b"ok ?? ??");
        assert_eq!(win_ansi("heart \u{2764}\u{FE0F}"), b"heart ?");
        let wrapped = escape(&win_ansi("smile :) \\o/ ✓"));
        assert_eq!(wrapped, "smile :\\) \\\\o/ ?");
    }

    #[test]
    fn widths_follow_helvetica() {
        assert_eq!(text_width(b"Hello", Font::Regular, 1000.0), 2278.0);
        assert_eq!(text_width(b"Hello", Font::Bold, 1000.0), 2445.0);
        assert_eq!(
            text_width(&win_ansi("é"), Font::Regular, 1000.0),
            556.0,
            "an accented letter takes its base letter's width"
        );
    }

    #[test]
    fn wrapping_keeps_every_word_and_every_line_within_the_width() {
        let text = "A slip restarts the count. The sober days before it still happened and \
                    still count, every one of them.";
        let (size, width) = (11.0, 150.0);
        let lines = wrap(text, Font::Regular, size, width);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(text_width(line, Font::Regular, size) <= width, "{line:?}");
            assert!(!line.starts_with(b" ") && !line.ends_with(b" "));
        }
        let joined: Vec<u8> = lines.join(&b' ');
        assert_eq!(joined, text.as_bytes(), "no word is lost or changed");
    }

    #[test]
    fn a_long_word_is_broken_and_newlines_start_lines() {
        let long = "x".repeat(200);
        let lines = wrap(&long, Font::Regular, 10.0, 100.0);
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| text_width(l, Font::Regular, 10.0) <= 100.0));
        assert_eq!(lines.concat().len(), 200);
        assert_eq!(
            wrap("one\ntwo\n\nthree", Font::Regular, 10.0, 500.0),
            vec![b"one".to_vec(), b"two".to_vec(), vec![], b"three".to_vec()]
        );
    }

    #[test]
    fn offsets_in_the_cross_reference_table_are_exact() {
        let blocks = vec![
            Block::Title("Daybreak report".into()),
            Block::Paragraph("Hello (world) \\ ok".repeat(200)),
        ];
        let pdf = render(&blocks, "Daybreak report", "footer");
        // Everything after the second (binary) line is ASCII.
        let header = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".len();
        let text = std::str::from_utf8(&pdf[header..]).unwrap();
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(pdf[start..].starts_with(b"xref\n"));
        let table = std::str::from_utf8(&pdf[start..]).unwrap();
        let entries: Vec<&str> = table
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
            .collect();
        assert!(entries.len() >= 7, "{table}");
        for (i, entry) in entries.iter().enumerate() {
            let offset: usize = entry[..10].parse().unwrap();
            assert!(
                pdf[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()),
                "object {} is where the table says",
                i + 1
            );
        }
    }
}
