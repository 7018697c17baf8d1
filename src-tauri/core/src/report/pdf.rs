//! The report as a PDF, drawn with krilla: A4 pages, text in fonts found on the system (a
//! subset of each embedded, so the file reads the same anywhere and its text can be copied and
//! searched), automatic page breaks, the charts drawn from the same marks as the HTML page's,
//! and a footer with the page number on every page.
//!
//! Pages are first laid out as lists of drawing operations, so the footer can say
//! "Page 1 of 3"; then they are drawn.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;

use super::blocks::{self, Block, Table};
use super::chart::{self, Mark, DOT, LABEL_SIZE, PLOT_LEFT, PLOT_RIGHT, WIDTH};
use super::fonts::{Fonts, Line, NoFont, Weight};
use crate::words::Language;

const PAGE_W: f64 = 595.28;
const PAGE_H: f64 = 841.89;
const MARGIN: f64 = 56.0;
const CONTENT_W: f64 = PAGE_W - 2.0 * MARGIN;
/// The footer's baseline, from the top of the page.
const FOOTER_Y: f64 = PAGE_H - 30.0;
/// Chart marks (#2f6690), as in the HTML page.
const INK: (u8, u8, u8) = (0x2f, 0x66, 0x90);

/// Why a PDF could not be made.
#[derive(Debug)]
pub(super) enum PdfError {
    NoFont,
    /// krilla refused to write the file (its reason is technical, so it is not kept).
    Write,
}

impl From<NoFont> for PdfError {
    fn from(_: NoFont) -> Self {
        PdfError::NoFont
    }
}

/// One thing to draw on a page; coordinates in points from the top left.
enum Op {
    Text {
        x: f64,
        baseline: f64,
        size: f64,
        line: Line,
        /// 0 is black.
        gray: u8,
    },
    Fill {
        rect: (f64, f64, f64, f64),
        color: (u8, u8, u8),
    },
    Stroke {
        points: Vec<(f64, f64)>,
        closed: bool,
        width: f64,
        color: (u8, u8, u8),
    },
    Dot {
        x: f64,
        y: f64,
        r: f64,
        color: (u8, u8, u8),
    },
}

fn gray(level: u8) -> (u8, u8, u8) {
    (level, level, level)
}

/// Pages being laid out, top to bottom.
struct Writer {
    fonts: Fonts,
    pages: Vec<Vec<Op>>,
    page: Vec<Op>,
    /// The top of the free space on the current page, from the top.
    y: f64,
    /// The gray of text drawn now.
    ink: u8,
}

impl Writer {
    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one (or this one is empty).
    fn ensure(&mut self, height: f64) {
        if self.y + height > PAGE_H - MARGIN && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f64, baseline: f64, size: f64, line: Line) {
        let gray = self.ink;
        self.page.push(Op::Text {
            x,
            baseline,
            size,
            line,
            gray,
        });
    }

    /// Wrapped text from `x` to the right margin, flush left, breaking pages between lines.
    fn lines(&mut self, text: &str, x: f64, weight: Weight, size: f64, leading: f64) {
        self.set(text, x, weight, size, leading, false);
    }

    /// Like `lines`, but each paragraph takes the direction of its first letter, so one written
    /// in Arabic or Hebrew reads right to left, flush right. (A paragraph that is all the
    /// person's words loses its isolate marks first: the bidi rules look for the first letter
    /// outside isolates.)
    fn paragraph(&mut self, text: &str, weight: Weight, size: f64, leading: f64) {
        let text = blocks::wholly_own(text).unwrap_or(text);
        self.set(text, MARGIN, weight, size, leading, true);
    }

    fn set(&mut self, text: &str, x: f64, weight: Weight, size: f64, leading: f64, bidi: bool) {
        let width = MARGIN + CONTENT_W - x;
        for line in self.fonts.wrap(text, weight, size, width, bidi) {
            self.ensure(leading);
            let baseline = self.y + size;
            let x = line.start(x, width);
            self.text(x, baseline, size, line);
            self.y += leading;
        }
    }

    fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64, level: u8) {
        self.page.push(Op::Stroke {
            points: vec![(x1, y), (x2, y)],
            closed: false,
            width,
            color: gray(level),
        });
    }
}

/// Lays out the blocks on A4 pages and writes the file.
pub(super) fn render(
    blocks: &[Block],
    language: Language,
    footer: &str,
) -> Result<Vec<u8>, PdfError> {
    let title = language.words().report_title;
    let mut w = Writer {
        fonts: Fonts::system()?,
        pages: Vec::new(),
        page: Vec::new(),
        y: MARGIN,
        ink: 0,
    };
    for block in blocks {
        match block {
            Block::Title(t) => {
                w.lines(t, MARGIN, Weight::Bold, 22.0, 28.0);
                w.y += 4.0;
            }
            Block::Meta(t) => {
                w.ink = 64;
                w.lines(t, MARGIN, Weight::Regular, 10.5, 14.0);
                w.ink = 0;
            }
            Block::Notice(t) => notice(&mut w, t),
            Block::Heading(t) => {
                w.y += 14.0;
                // Keep a heading with at least a few lines of what follows it.
                w.ensure(20.0 + 60.0);
                w.lines(t, MARGIN, Weight::Bold, 15.0, 20.0);
                let y = w.y;
                w.rule(MARGIN, MARGIN + CONTENT_W, y, 0.8, 153);
                w.y += 8.0;
            }
            Block::Subheading(t) => {
                w.y += 8.0;
                w.ensure(16.0 + 30.0);
                w.lines(t, MARGIN, Weight::Bold, 12.0, 16.0);
                w.y += 2.0;
            }
            Block::Paragraph(t) => {
                w.paragraph(t, Weight::Regular, 11.0, 15.0);
                w.y += 6.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    w.ensure(15.0);
                    let bullet = w.fonts.line("•", Weight::Regular, 11.0);
                    let baseline = w.y + 11.0;
                    w.text(MARGIN + 4.0, baseline, 11.0, bullet);
                    w.lines(item, MARGIN + 16.0, Weight::Regular, 11.0, 15.0);
                    w.y += 2.0;
                }
                w.y += 4.0;
            }
            Block::Table(t) => table(&mut w, t),
            Block::Chart(c) => {
                w.y += 4.0;
                let scale = CONTENT_W / WIDTH;
                w.ensure(18.0 + chart::HEIGHT * scale);
                w.lines(&c.title, MARGIN, Weight::Bold, 11.0, 18.0);
                draw_chart(&mut w, &chart::marks(c), scale);
            }
        }
    }
    finish(w, title, footer, language)
}

fn notice(w: &mut Writer, text: &str) {
    let (size, leading, pad) = (11.0, 15.0, 9.0);
    let lines = w
        .fonts
        .wrap(text, Weight::Bold, size, CONTENT_W - 2.0 * pad, false);
    let height = lines.len() as f64 * leading + 2.0 * pad - (leading - size) + 2.0;
    w.y += 6.0;
    w.ensure(height);
    let (top, bottom) = (w.y, w.y + height);
    let (left, right) = (MARGIN, MARGIN + CONTENT_W);
    w.page.push(Op::Stroke {
        points: vec![(left, top), (right, top), (right, bottom), (left, bottom)],
        closed: true,
        width: 1.5,
        color: gray(0),
    });
    let mut baseline = top + pad + size - 1.0;
    for line in lines {
        let x = line.start(left + pad, CONTENT_W - 2.0 * pad);
        w.text(x, baseline, size, line);
        baseline += leading;
    }
    w.y = bottom + 10.0;
}

fn table(w: &mut Writer, table: &Table) {
    let (size, leading, pad) = (10.0, 13.0, 5.0);
    let columns = table.header.len().max(1);
    let mut widths = vec![0.0f64; columns];
    for (i, h) in table.header.iter().enumerate() {
        widths[i] = widths[i].max(w.fonts.width(h, Weight::Bold, size));
    }
    for row in &table.rows {
        for (i, cell) in row.iter().take(columns).enumerate() {
            widths[i] = widths[i].max(w.fonts.width(cell, Weight::Regular, size));
        }
    }
    let natural: f64 = widths.iter().map(|x| x + 2.0 * pad).sum();
    let scale = CONTENT_W / natural.max(1.0);
    let widths: Vec<f64> = widths.iter().map(|x| (x + 2.0 * pad) * scale).collect();
    let cells = |w: &mut Writer, row: &[String], weight: Weight| -> Vec<Vec<Line>> {
        row.iter()
            .zip(&widths)
            .map(|(cell, width)| w.fonts.wrap(cell, weight, size, width - 2.0 * pad, false))
            .collect()
    };
    let height = |cells: &[Vec<Line>]| {
        cells.iter().map(Vec::len).max().unwrap_or(1) as f64 * leading + 2.0 * pad - 2.0
    };
    let draw = |w: &mut Writer, cells: &[Vec<Line>], shade: bool| {
        let h = height(cells);
        if shade {
            w.page.push(Op::Fill {
                rect: (MARGIN, w.y, CONTENT_W, h),
                color: gray(237),
            });
        }
        let mut x = MARGIN;
        for (lines, width) in cells.iter().zip(&widths) {
            let mut baseline = w.y + pad + size - 1.0;
            for line in lines {
                let lx = line.start(x + pad, width - 2.0 * pad);
                w.text(lx, baseline, size, line.clone());
                baseline += leading;
            }
            x += width;
        }
        w.y += h;
        let y = w.y;
        w.rule(MARGIN, MARGIN + CONTENT_W, y, 0.5, 153);
    };
    let header = cells(w, &table.header, Weight::Bold);
    let header_h = height(&header);
    w.y += 4.0;
    w.ensure(16.0 + header_h + 2.0 * leading);
    w.lines(&table.caption, MARGIN, Weight::Bold, 11.0, 16.0);
    draw(w, &header, true);
    for row in &table.rows {
        let row = cells(w, row, Weight::Regular);
        if w.y + height(&row) > PAGE_H - MARGIN {
            w.new_page();
            draw(w, &header, true);
        }
        draw(w, &row, false);
    }
    w.y += 12.0;
}

/// Draws the chart's marks below `w.y`, scaled from the chart's box to the page.
fn draw_chart(w: &mut Writer, marks: &[Mark], scale: f64) {
    let top = w.y;
    let at = |x: f64, y: f64| (MARGIN + x * scale, top + y * scale);
    for mark in marks {
        match mark {
            Mark::Grid { y } | Mark::Axis { y } => {
                let (x1, y) = at(PLOT_LEFT, *y);
                let (x2, _) = at(PLOT_RIGHT, 0.0);
                let (width, level) = match mark {
                    Mark::Grid { .. } => (0.5, 209),
                    _ => (0.8, 107),
                };
                w.rule(x1, x2, y, width, level);
            }
            Mark::Bar {
                x,
                y,
                width,
                height,
                ..
            } => {
                let (x, y) = at(*x, *y);
                w.page.push(Op::Fill {
                    rect: (x, y, width * scale, height * scale),
                    color: INK,
                });
            }
            Mark::Line(points) => w.page.push(Op::Stroke {
                points: points.iter().map(|(x, y)| at(*x, *y)).collect(),
                closed: false,
                width: 1.8,
                color: INK,
            }),
            Mark::Dot { x, y, .. } => {
                let (x, y) = at(*x, *y);
                w.page.push(Op::Dot {
                    x,
                    y,
                    r: DOT * scale,
                    color: INK,
                });
            }
            Mark::Label { x, y, anchor, text } => {
                let size = LABEL_SIZE * scale;
                let line = w.fonts.line(text, Weight::Regular, size);
                let (x, y) = at(*x, *y);
                let x = anchor.start_x(x, line.width);
                w.ink = 61;
                w.text(x, y, size, line);
                w.ink = 0;
            }
        }
    }
    w.y = top + chart::HEIGHT * scale + 8.0;
}

/// Adds the footers and draws every page.
fn finish(
    mut w: Writer,
    title: &str,
    footer: &str,
    language: Language,
) -> Result<Vec<u8>, PdfError> {
    if !w.page.is_empty() || w.pages.is_empty() {
        w.pages.push(std::mem::take(&mut w.page));
    }
    let count = w.pages.len();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(language.tag().to_string())
            .creator("Daybreak".to_string()),
    );
    let settings =
        PageSettings::from_wh(PAGE_W as f32, PAGE_H as f32).expect("A4 is a valid page size");
    let pages = std::mem::take(&mut w.pages);
    for (i, mut ops) in pages.into_iter().enumerate() {
        let foot = w.fonts.line(footer, Weight::Regular, 8.0);
        let number = w.fonts.line(
            &(language.words().report_page_of)(i + 1, count),
            Weight::Regular,
            8.0,
        );
        let number_x = MARGIN + CONTENT_W - number.width;
        for (x, line) in [(MARGIN, foot), (number_x, number)] {
            ops.push(Op::Text {
                x,
                baseline: FOOTER_Y,
                size: 8.0,
                line,
                gray: 77,
            });
        }
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in &ops {
            draw(&mut surface, &w.fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|_| PdfError::Write)
}

fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    let p = |v: f64| v as f32;
    match op {
        Op::Text {
            x,
            baseline,
            size,
            line,
            gray: level,
        } => {
            surface.set_fill(Some(fill(gray(*level))));
            surface.set_stroke(None);
            let mut x = *x;
            for run in &line.runs {
                let direction = if run.rtl {
                    TextDirection::RightToLeft
                } else {
                    TextDirection::LeftToRight
                };
                surface.draw_text(
                    Point::from_xy(p(x), p(*baseline)),
                    fonts.font(run),
                    p(*size),
                    &run.text,
                    false,
                    direction,
                );
                x += run.width;
            }
        }
        Op::Fill { rect, color } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(p(rect.0), p(rect.1), p(rect.2), p(rect.3)) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*color)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        Op::Stroke {
            points,
            closed,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    path.move_to(p(*x), p(*y));
                } else {
                    path.line_to(p(*x), p(*y));
                }
            }
            if *closed {
                path.close();
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: fill(*color).paint,
                    width: p(*width),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Dot { x, y, r, color } => {
            // A circle from four Bézier quarters.
            let (x, y, r) = (p(*x), p(*y), p(*r));
            let k = 0.552_284_8 * r;
            let mut path = PathBuilder::new();
            path.move_to(x + r, y);
            path.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
            path.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
            path.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
            path.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
            path.close();
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*color)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
    }
}
