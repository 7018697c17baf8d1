//! Full-text search over what people write (journal entries and the notes of moods, cravings
//! and slips), with SQLite FTS5 inside the encrypted database: the index is as encrypted as the
//! data, and nothing readable is written anywhere else.

use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use crate::data_error::{from_millis, DataError};
use crate::store::Store;
use crate::timeline::EntryKind;

/// Marks around a matched word in a snippet: private-use characters that never occur in text
/// people type, so the snippet can be split without any HTML.
const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';
const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    /// True for the words that matched.
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: EntryKind,
    pub id: i64,
    pub at: DateTime<Utc>,
    /// A journal entry's own title; `None` when it has none and for notes of other kinds, which
    /// the UI names by their kind.
    pub title: Option<String>,
    pub snippet: Vec<SnippetPart>,
}

/// Turns what a person typed into a safe FTS5 query: words are quoted (so `AND`, `NEAR`, `*`,
/// `"` or `:` typed by accident never cause an error), "quoted phrases" stay phrases, and the
/// last word matches as a prefix so results appear while typing. `None` when nothing is left.
pub fn fts_query(typed: &str) -> Option<String> {
    fts_query_widened(typed, |_| Vec::new())
}

/// What else a typed word matches, for a language FTS5 cannot stem (see [`fts_query_widened`]).
pub(crate) enum AlsoMatch {
    /// Every word that starts with this (a stem).
    Start(String),
    /// This word itself (another form of the word typed).
    Word(String),
}

/// [`fts_query`], with each word outside quotes also matching what `widen` gives for it.
pub(crate) fn fts_query_widened(
    typed: &str,
    widen: impl Fn(&str) -> Vec<AlsoMatch>,
) -> Option<String> {
    let typed: String = typed.chars().take(MAX_QUERY_CHARS).collect();
    let mut terms: Vec<(String, bool)> = Vec::new(); // (text, is_phrase)
    for (i, part) in typed.split('"').enumerate() {
        let in_quotes = i % 2 == 1;
        if in_quotes {
            let words = words(part);
            if !words.is_empty() {
                terms.push((words.join(" "), true));
            }
        } else {
            terms.extend(words(part).into_iter().map(|w| (w, false)));
        }
    }
    let last_is_open_word = !typed.ends_with(char::is_whitespace) && !typed.ends_with('"');
    let count = terms.len();
    let query: Vec<String> = terms
        .into_iter()
        .enumerate()
        .map(|(i, (text, phrase))| {
            let prefix = i + 1 == count && !phrase && last_is_open_word;
            let term = format!("\"{text}\"{}", if prefix { "*" } else { "" });
            let also = if phrase { Vec::new() } else { widen(&text) };
            if also.is_empty() {
                return term;
            }
            // `words` leaves no quote in a word, so what widens it holds none either.
            let also: Vec<String> = also
                .iter()
                .map(|a| match a {
                    AlsoMatch::Start(start) => format!("\"{start}\"*"),
                    AlsoMatch::Word(word) => format!("\"{word}\""),
                })
                .collect();
            format!("({term} OR {})", also.join(" OR "))
        })
        .collect();
    // FTS5 reads words side by side as AND, but not parenthesized groups: those need the word.
    (!query.is_empty()).then(|| query.join(" AND "))
}

/// The searchable words of a piece of text: letters, digits and apostrophes inside words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

pub fn search(store: &Store, typed: &str, limit: usize) -> Result<Vec<SearchHit>, DataError> {
    let Some(query) = fts_query(typed) else {
        return Ok(Vec::new());
    };
    store.read(|conn| {
        // Newest written first: FTS5 walks its index in rowid order and stops at the limit, so
        // only the rows shown are read, snippeted and joined. Ranking every match by relevance
        // instead costs ~25 ms for a word in thousands of entries (measured, benches/record.rs).
        let mut stmt = conn.prepare_cached(
            "SELECT s.kind, s.ref_id, s.snip, s.title, coalesce(j.at, m.at, c.at, sl.at)
             FROM (
                 SELECT kind, ref_id, title,
                        snippet(search_index, 3, char(57344), char(57345), '…', 14) AS snip
                 FROM search_index WHERE search_index MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2
             ) s
             LEFT JOIN journal_entries j ON s.kind = 'journal' AND j.id = s.ref_id AND j.deleted_at IS NULL
             LEFT JOIN moods m ON s.kind = 'mood' AND m.id = s.ref_id AND m.deleted_at IS NULL
             LEFT JOIN cravings c ON s.kind = 'craving' AND c.id = s.ref_id AND c.deleted_at IS NULL
             LEFT JOIN slips sl ON s.kind = 'slip' AND sl.id = s.ref_id",
        )?;
        let rows = stmt.query_map((&query, limit as i64), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (kind, id, snippet, title, at) = row?;
            let (Some(kind), Some(at)) = (EntryKind::from_index(&kind), at) else {
                continue; // an index row whose entry was deleted meanwhile
            };
            let title = (!title.is_empty()).then_some(title);
            hits.push(SearchHit { kind, id, at: from_millis(at)?, title, snippet: split_snippet(&snippet) });
        }
        Ok(hits)
    })
}

pub(crate) fn split_snippet(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in snippet.chars() {
        if c == HIT_START || c == HIT_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_queries_become_safe_fts_queries() {
        assert_eq!(fts_query("walk"), Some("\"walk\"*".into()));
        assert_eq!(fts_query("walk "), Some("\"walk\"".into()));
        assert_eq!(
            fts_query("long walk"),
            Some("\"long\" AND \"walk\"*".into())
        );
        assert_eq!(fts_query("\"long walk\""), Some("\"long walk\"".into()));
        assert_eq!(
            fts_query("AND OR NOT"),
            Some("\"AND\" AND \"OR\" AND \"NOT\"*".into())
        );
        assert_eq!(
            fts_query("title:x* ^y (z) -w"),
            Some("\"title\" AND \"x\" AND \"y\" AND \"z\" AND \"w\"*".into())
        );
        assert_eq!(fts_query("  \"\" ** :: "), None);
        assert_eq!(fts_query("don't"), Some("\"don't\"*".into()));
        assert_eq!(
            fts_query("\"unclosed phrase"),
            Some("\"unclosed phrase\"".into())
        );
    }

    #[test]
    fn a_widened_word_also_matches_its_prefix_and_phrases_stay_as_typed() {
        let widen = |w: &str| {
            (w.len() > 4)
                .then(|| AlsoMatch::Start(w[..4].to_string()))
                .into_iter()
                .collect()
        };
        assert_eq!(
            fts_query_widened("antojos fuertes", widen),
            Some("(\"antojos\" OR \"anto\"*) AND (\"fuertes\"* OR \"fuer\"*)".into())
        );
        assert_eq!(
            fts_query_widened("\"antojos fuertes\" mal", widen),
            Some("\"antojos fuertes\" AND \"mal\"*".into())
        );
        let two = |w: &str| {
            vec![
                AlsoMatch::Start(w[..4].to_string()),
                AlsoMatch::Word(format!("{}ces", &w[..5])),
            ]
        };
        assert_eq!(
            fts_query_widened("desliz", two),
            Some("(\"desliz\"* OR \"desl\"* OR \"deslices\")".into())
        );
    }

    #[test]
    fn snippets_split_into_hits_and_text() {
        let parts = split_snippet("a \u{E000}walk\u{E001} today");
        assert_eq!(
            parts,
            [
                SnippetPart {
                    text: "a ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "walk".into(),
                    hit: true
                },
                SnippetPart {
                    text: " today".into(),
                    hit: false
                },
            ]
        );
    }
}
