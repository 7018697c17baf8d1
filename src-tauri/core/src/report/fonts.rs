//! Fonts for the PDF, found on the system (fontconfig's folders on Linux, the system font
//! folders elsewhere) and never built into the app. A plain sans-serif face draws what it can;
//! each character it lacks (Greek, Arabic, Japanese, emoji, ...) is drawn with the first other
//! face on the system that has it, a colour emoji face included; a character no face has gets
//! the main face's fallback glyph (a box), and the PDF is made all the same.
//!
//! Text is measured by shaping it with rustybuzz, the shaper krilla draws with, and laid out
//! line by line: each line is cut into runs by direction (Unicode's bidi rules, so a line of
//! Arabic reads right to left) and then by font.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use fontdb::{Database, Family, Query, Stretch, Style};
use krilla::text::Font;
use unicode_bidi::{BidiInfo, Level};

/// The faces tried first, in order: the HTML page's choice, then common sans-serif faces of
/// Linux, Windows and macOS.
const FAMILIES: [Family<'static>; 10] = [
    Family::Name("Atkinson Hyperlegible"),
    Family::Name("Verdana"),
    Family::Name("DejaVu Sans"),
    Family::Name("Noto Sans"),
    Family::Name("Segoe UI"),
    Family::Name("Liberation Sans"),
    Family::Name("Arial"),
    Family::Name("Helvetica Neue"),
    Family::Name("Helvetica"),
    Family::SansSerif,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn fontdb(self) -> fontdb::Weight {
        match self {
            Weight::Regular => fontdb::Weight::NORMAL,
            Weight::Bold => fontdb::Weight::BOLD,
        }
    }
}

/// No font at all was found on the system.
#[derive(Debug)]
pub(super) struct NoFont;

/// The system's fonts, read once per run of the app.
fn database() -> &'static Database {
    static DB: OnceLock<Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        db.load_system_fonts();
        db
    })
}

/// A face read from the system, with what shapes and what draws it.
struct Face {
    shaper: rustybuzz::Face<'static>,
    font: Font,
    /// A face for text, not a colour emoji face: only such a face can be the main one.
    text: bool,
}

impl Face {
    /// The face `id`, read once per run of the app and then kept (a report uses a handful),
    /// or `None` when it cannot be used.
    fn load(db: &Database, id: fontdb::ID) -> Option<&'static Face> {
        static LOADED: OnceLock<Mutex<HashMap<fontdb::ID, Option<&'static Face>>>> =
            OnceLock::new();
        let mut loaded = LOADED
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *loaded.entry(id).or_insert_with(|| {
            let (data, index) = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
            let data: &'static [u8] = Box::leak(data.into_boxed_slice());
            let shaper = rustybuzz::Face::from_slice(data, index)?;
            let t = shaper.tables();
            let outlines = t.glyf.is_some() || t.cff.is_some() || t.cff2.is_some();
            // Colour emoji faces: layers of outlines (COLR), or a PNG picture per glyph (CBDT,
            // as in Noto Color Emoji; sbix, as in Apple Color Emoji), which krilla draws as
            // Type 3 glyphs. A face with neither (black-and-white bitmaps only, or SVG glyphs
            // only, which krilla cannot draw by itself) draws nothing.
            let bitmaps = t.cbdt.is_some() || t.sbix.is_some();
            if !outlines && !bitmaps {
                return None;
            }
            let text = outlines && !bitmaps && t.colr.is_none();
            let font = Font::new(data.into(), index)?;
            Some(&*Box::leak(Box::new(Face { shaper, font, text })))
        })
    }

    fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// A stretch of a line in one face and one direction, in visual order within its line.
#[derive(Debug, Clone)]
pub(super) struct Run {
    face: usize,
    pub text: String,
    pub rtl: bool,
    /// Advance width in points.
    pub width: f64,
}

/// One line of text, shaped at a size and ready to draw.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub runs: Vec<Run>,
    pub width: f64,
    /// True for a line that reads right to left as a whole: it is set flush right.
    pub rtl: bool,
}

impl Line {
    /// Where the line starts in a space `width` wide from `left`: flush left, or flush right
    /// when it reads right to left.
    pub(super) fn start(&self, left: f64, width: f64) -> f64 {
        if self.rtl {
            left + width - self.width
        } else {
            left
        }
    }
}

/// The faces a report uses, loaded as they are needed.
pub(super) struct Fonts {
    db: &'static Database,
    faces: Vec<&'static Face>,
    /// The main face of each weight (indexes into `faces`).
    main: [usize; 2],
    /// Faces loaded to fill gaps, per weight, in the order they were found.
    fallbacks: [Vec<usize>; 2],
    /// The face chosen for each character met so far (the main face when none has it).
    chosen: HashMap<(char, Weight), usize>,
}

impl Fonts {
    pub(super) fn system() -> Result<Fonts, NoFont> {
        let db = database();
        let mut fonts = Fonts {
            db,
            faces: Vec::new(),
            main: [0, 0],
            fallbacks: [Vec::new(), Vec::new()],
            chosen: HashMap::new(),
        };
        for weight in [Weight::Regular, Weight::Bold] {
            let query = Query {
                families: &FAMILIES,
                weight: weight.fontdb(),
                stretch: Stretch::Normal,
                style: Style::Normal,
            };
            let text_face = |id| Face::load(db, id).filter(|f| f.text);
            let face = match db.query(&query).and_then(text_face) {
                Some(face) => face,
                // None of the usual faces: any text face will do.
                None => db.faces().find_map(|f| text_face(f.id)).ok_or(NoFont)?,
            };
            fonts.main[weight as usize] = fonts.faces.len();
            fonts.faces.push(face);
        }
        Ok(fonts)
    }

    pub(super) fn font(&self, run: &Run) -> Font {
        self.faces[run.face].font.clone()
    }

    /// The width of `text` on one line.
    pub(super) fn width(&mut self, text: &str, weight: Weight, size: f64) -> f64 {
        self.line(text, weight, size).width
    }

    /// `text` (without line breaks) shaped as one line of the report, which reads left to
    /// right; a run of Arabic or Hebrew in it reads right to left.
    pub(super) fn line(&mut self, text: &str, weight: Weight, size: f64) -> Line {
        self.shape(text, weight, size, false)
    }

    /// `own_direction`: the line reads in the direction of its first strong letter (for what
    /// a person wrote), rather than left to right.
    fn shape(&mut self, text: &str, weight: Weight, size: f64, own_direction: bool) -> Line {
        if text.is_empty() {
            return Line {
                runs: Vec::new(),
                width: 0.0,
                rtl: false,
            };
        }
        let base = if own_direction {
            None
        } else {
            Some(Level::ltr())
        };
        let bidi = BidiInfo::new(text, base);
        let paragraph = &bidi.paragraphs[0];
        let (levels, directional) = bidi.visual_runs(paragraph, paragraph.range.clone());
        let mut runs = Vec::new();
        for range in directional {
            let rtl = levels[range.start].is_rtl();
            let mut pieces = self.split_by_face(&text[range], weight);
            if rtl {
                pieces.reverse();
            }
            for (face, piece) in pieces {
                let width = self.advance(face, &piece, rtl) * size;
                runs.push(Run {
                    face,
                    text: piece,
                    rtl,
                    width,
                });
            }
        }
        Line {
            width: runs.iter().map(|r| r.width).sum(),
            runs,
            rtl: paragraph.level.is_rtl(),
        }
    }

    /// `text` cut into lines no wider than `max_width`, at spaces where possible; a word
    /// longer than a line (or a sentence in a script written without spaces) is broken
    /// wherever it must be. `\n` always starts a new line. `own_direction` as for `shape`.
    pub(super) fn wrap(
        &mut self,
        text: &str,
        weight: Weight,
        size: f64,
        max: f64,
        own_direction: bool,
    ) -> Vec<Line> {
        let space = self.width(" ", weight, size);
        let mut lines = Vec::new();
        for segment in text.split('\n') {
            let segment: String = segment
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let (mut line, mut width) = (String::new(), 0.0);
            for word in segment.split(' ').filter(|w| !w.is_empty()) {
                let w = self.width(word, weight, size);
                if !line.is_empty() && width + space + w <= max {
                    line.push(' ');
                    line.push_str(word);
                    width += space + w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                if w <= max {
                    line.push_str(word);
                    width = w;
                    continue;
                }
                for c in word.chars() {
                    let g = self.width(c.encode_utf8(&mut [0; 4]), weight, size);
                    if !line.is_empty() && width + g > max {
                        lines.push(std::mem::take(&mut line));
                        width = 0.0;
                    }
                    line.push(c);
                    width += g;
                }
            }
            lines.push(line);
        }
        lines
            .iter()
            .map(|l| self.shape(l, weight, size, own_direction))
            .collect()
    }

    /// Advance of `text` in `face`, in ems.
    fn advance(&self, face: usize, text: &str, rtl: bool) -> f64 {
        let shaper = &self.faces[face].shaper;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let shaped = rustybuzz::shape(shaper, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f64 / f64::from(shaper.units_per_em())
    }

    /// Logical-order pieces of `text`, each with the face that draws it. Isolate marks (around
    /// the person's own words, see `blocks::own`) have done their work in the bidi rules and
    /// are not drawn.
    fn split_by_face(&mut self, text: &str, weight: Weight) -> Vec<(usize, String)> {
        let mut pieces: Vec<(usize, String)> = Vec::new();
        for c in text
            .chars()
            .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        {
            let face = match pieces.last() {
                // Spaces, marks and joiners stay with what they follow; but a space after an
                // emoji is the text's (an emoji face's space is as wide as an emoji).
                Some((face, _))
                    if rides_along(c) && (self.faces[*face].text || !c.is_whitespace()) =>
                {
                    *face
                }
                _ => self.face_for(c, weight),
            };
            match pieces.last_mut() {
                Some((f, piece)) if *f == face => piece.push(c),
                _ => pieces.push((face, c.to_string())),
            }
        }
        pieces
    }

    /// The letters of `text` that no face on the system has.
    #[cfg(test)]
    fn missing(&mut self, text: &str, weight: Weight) -> Vec<char> {
        text.chars()
            .filter(|c| !rides_along(*c))
            .filter(|c| {
                let face = self.face_for(*c, weight);
                !self.faces[face].covers(*c)
            })
            .collect()
    }

    /// The first face that has `c`: the main face, a fallback already in use, or a new one
    /// from the system. When none has it, the main face (which draws its fallback glyph).
    fn face_for(&mut self, c: char, weight: Weight) -> usize {
        if let Some(face) = self.chosen.get(&(c, weight)) {
            return *face;
        }
        let face = self.find_face(c, weight);
        self.chosen.insert((c, weight), face);
        face
    }

    fn find_face(&mut self, c: char, weight: Weight) -> usize {
        let main = self.main[weight as usize];
        if self.faces[main].covers(c) {
            return main;
        }
        if let Some(&f) = self.fallbacks[weight as usize]
            .iter()
            .find(|f| self.faces[**f].covers(c))
        {
            return f;
        }
        match self.find_on_system(c, weight) {
            Some(face) => {
                self.fallbacks[weight as usize].push(self.faces.len());
                self.faces.push(face);
                self.faces.len() - 1
            }
            None => main,
        }
    }

    /// A face on the system that has `c`, upright ones of the nearest weight first.
    fn find_on_system(&self, c: char, weight: Weight) -> Option<&'static Face> {
        let wanted = weight.fontdb().0;
        let mut candidates: Vec<_> = self.db.faces().collect();
        candidates.sort_by_key(|f| {
            (
                f.style != Style::Normal,
                f.monospaced,
                f.weight.0.abs_diff(wanted),
            )
        });
        candidates
            .into_iter()
            .filter(|f| {
                self.db
                    .with_face_data(f.id, |data, index| {
                        rustybuzz::ttf_parser::Face::parse(data, index)
                            .is_ok_and(|face| face.glyph_index(c).is_some())
                    })
                    .unwrap_or(false)
            })
            .find_map(|f| Face::load(self.db, f.id))
    }
}

/// Characters that draw nothing on their own: spaces, combining marks, joiners and variation
/// selectors.
fn rides_along(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_every_line_within_the_width() {
        let Ok(mut fonts) = Fonts::system() else {
            return;
        };
        let text = "A slip restarts the count. The sober days before it still happened and \
                    still count, every one of them.";
        let (size, width) = (11.0, 150.0);
        let lines = fonts.wrap(text, Weight::Regular, size, width, true);
        assert!(lines.len() > 3, "{lines:?}");
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        for (line, text) in lines.iter().zip(&texts) {
            assert!(line.width <= width, "{text:?} is {} wide", line.width);
            assert!(!text.starts_with(' ') && !text.ends_with(' '), "{text:?}");
        }
        assert_eq!(texts.join(" "), text, "no word is lost or changed");
    }

    #[test]
    fn a_long_word_is_broken_and_newlines_start_lines() {
        let Ok(mut fonts) = Fonts::system() else {
            return;
        };
        let long = "x".repeat(200);
        let lines = fonts.wrap(&long, Weight::Regular, 10.0, 100.0, true);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 100.0));
        let count = fonts.wrap("one\ntwo\n\nthree", Weight::Regular, 10.0, 500.0, true);
        assert_eq!(count.len(), 4, "an empty line is kept");
    }

    #[test]
    fn the_test_machine_has_a_face_for_every_script_the_report_test_prints() {
        let mut fonts = Fonts::system().expect("a font is installed");
        for weight in [Weight::Regular, Weight::Bold] {
            let missing = fonts.missing(
                "Añoranza Μοναξιά Одиночество 給料日の夜 الوحدة 🌅🚶",
                weight,
            );
            assert!(
                missing.is_empty(),
                "no installed font has {missing:?}: install scripts/lib/common.sh's \
                 TEST_PACKAGES (fonts-dejavu-core, fonts-droid-fallback, fonts-noto-color-emoji)"
            );
        }
        assert_eq!(
            fonts.missing("\u{10FFFD}", Weight::Regular),
            ['\u{10FFFD}'],
            "a private-use character no font has keeps the main face's fallback glyph"
        );
    }

    #[test]
    fn a_space_after_an_emoji_is_as_wide_as_the_texts() {
        let mut fonts = Fonts::system().expect("a font is installed");
        let w = |fonts: &mut Fonts, text: &str| fonts.width(text, Weight::Regular, 10.0);
        let space = w(&mut fonts, " ");
        let between = w(&mut fonts, "🌅 b") - w(&mut fonts, "🌅") - w(&mut fonts, "b");
        assert!(
            (between - space).abs() < 0.01,
            "the space after an emoji is {between:.2} pt wide, the text's is {space:.2} pt"
        );
    }

    #[test]
    fn a_right_to_left_line_runs_right_to_left() {
        let Ok(mut fonts) = Fonts::system() else {
            return;
        };
        let written = &fonts.wrap("مرحبا بالعالم", Weight::Regular, 11.0, 400.0, true)[0];
        assert!(
            written.rtl,
            "what a person wrote in Arabic is set right to left"
        );
        assert!(written.runs.iter().all(|r| r.rtl));
        let mixed = fonts.line("مرحبا: once", Weight::Regular, 11.0);
        assert!(!mixed.rtl, "a line of the report reads left to right");
        let order: Vec<bool> = mixed.runs.iter().map(|r| r.rtl).collect();
        assert_eq!(
            order.first(),
            Some(&true),
            "the Arabic name comes first, on the left"
        );
        assert_eq!(order.last(), Some(&false));
    }
}
