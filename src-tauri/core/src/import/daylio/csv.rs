//! A small RFC 4180 reader for Daylio's export: commas between fields, double quotes around a
//! field that holds commas, quotes or line breaks, a doubled quote for a quote inside one, and
//! CRLF, LF or a lone CR between rows.
//!
//! It works on bytes (every character that matters is ASCII, so it never splits a UTF-8
//! character) and hands back one row at a time, so a big file is never held twice.

use crate::data_error::{DataError, Refusal, RowProblem};

/// One row of the file: its number (the first row is 1, as a spreadsheet counts them) and its
/// fields. Fields past `Reader::max_fields` are counted in `width` but not kept.
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub row: usize,
    pub fields: Vec<Vec<u8>>,
    pub width: usize,
}

impl Record {
    /// A blank line: nothing but spaces or tabs, no commas.
    pub fn is_blank(&self) -> bool {
        self.width == 1 && self.fields[0].iter().all(|b| matches!(b, b' ' | b'\t'))
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    row: usize,
    /// Fields kept per row; more are only counted (a row of a million commas stays small).
    pub max_fields: usize,
}

fn row_problem(row: usize, problem: RowProblem) -> DataError {
    DataError::Refused(Refusal::DaylioRow {
        row: u32::try_from(row).unwrap_or(u32::MAX),
        problem,
    })
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], max_fields: usize) -> Self {
        Reader {
            bytes,
            pos: 0,
            row: 0,
            max_fields,
        }
    }

    /// The next row, `None` at the end of the file.
    pub fn next_record(&mut self) -> Option<Result<Record, DataError>> {
        let b = self.bytes;
        if self.pos >= b.len() {
            return None;
        }
        self.row += 1;
        let row = self.row;
        let mut fields = Vec::new();
        let mut width = 0;
        loop {
            let mut field = Vec::new();
            if b.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                loop {
                    let Some(quote) = b[self.pos..].iter().position(|&c| c == b'"') else {
                        self.pos = b.len();
                        return Some(Err(row_problem(row, RowProblem::UnclosedQuote)));
                    };
                    field.extend_from_slice(&b[self.pos..self.pos + quote]);
                    self.pos += quote + 1;
                    if b.get(self.pos) == Some(&b'"') {
                        field.push(b'"');
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                if !matches!(b.get(self.pos), None | Some(b',' | b'\r' | b'\n')) {
                    self.pos = b.len();
                    return Some(Err(row_problem(row, RowProblem::TextAfterQuote)));
                }
            } else {
                let end = b[self.pos..]
                    .iter()
                    .position(|&c| matches!(c, b',' | b'\r' | b'\n'))
                    .map_or(b.len(), |i| self.pos + i);
                field.extend_from_slice(&b[self.pos..end]);
                self.pos = end;
            }
            width += 1;
            if fields.len() < self.max_fields {
                fields.push(field);
            }
            match b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if b.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(b'\n') => {
                    self.pos += 1;
                    break;
                }
                _ => break,
            }
        }
        Some(Ok(Record { row, fields, width }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let mut reader = Reader::new(text.as_bytes(), 100);
        let mut out = Vec::new();
        while let Some(record) = reader.next_record() {
            let record = record.expect("a well-formed row");
            out.push(
                record
                    .fields
                    .into_iter()
                    .map(|f| String::from_utf8(f).unwrap())
                    .collect(),
            );
        }
        out
    }

    fn error(text: &str) -> String {
        let mut reader = Reader::new(text.as_bytes(), 100);
        while let Some(record) = reader.next_record() {
            if let Err(e) = record {
                return e.to_string();
            }
        }
        panic!("expected an error for {text:?}");
    }

    #[test]
    fn plain_and_quoted_fields() {
        assert_eq!(rows("a,b,c\n"), [["a", "b", "c"]]);
        assert_eq!(
            rows("\"a, b\",\"say \"\"hi\"\"\",\"\"\n"),
            [["a, b", "say \"hi\"", ""]],
            "commas and doubled quotes inside quotes; an empty quoted field"
        );
        assert_eq!(
            rows("a,,\n"),
            [["a", "", ""]],
            "empty fields keep their place"
        );
    }

    #[test]
    fn line_breaks_inside_quotes_stay_in_the_field() {
        assert_eq!(
            rows("x,\"one\ntwo\r\nthree\"\ny,z"),
            [vec!["x", "one\ntwo\r\nthree"], vec!["y", "z"]]
        );
    }

    #[test]
    fn crlf_lf_and_lone_cr_all_end_a_row() {
        assert_eq!(
            rows("a,b\r\nc,d\re,f\ng,h"),
            [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]
        );
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let mut reader = Reader::new(b"h\n\"a\nb\"\n\nc\n", 10);
        let numbers: Vec<(usize, bool)> = std::iter::from_fn(|| reader.next_record())
            .map(|r| r.map(|r| (r.row, r.is_blank())).unwrap())
            .collect();
        assert_eq!(
            numbers,
            [(1, false), (2, false), (3, true), (4, false)],
            "a line break inside quotes does not start a new row; a blank line is a row"
        );
    }

    #[test]
    fn broken_quoting_is_refused_with_the_row_number() {
        assert!(error("a\n\"never closed,b\n").starts_with("Row 2 of"));
        assert!(error("a\nb\n\"x\"y,z\n").contains("Row 3 of"));
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_kept_as_it_is() {
        assert_eq!(rows("5\" tall,b"), [["5\" tall", "b"]]);
    }

    #[test]
    fn fields_past_the_limit_are_counted_but_not_kept() {
        let mut reader = Reader::new(b"a,b,c,d,e", 2);
        let record = reader.next_record().unwrap().unwrap();
        assert_eq!(record.width, 5);
        assert_eq!(record.fields.len(), 2);
    }
}
