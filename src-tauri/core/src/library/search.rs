//! Library search: the shipped articles through an in-memory FTS5 index per language (public
//! text, built the first time that language searches, never written to disk) and imported
//! articles through the index inside the encrypted journal. Both are ranked by relevance,
//! titles weighing more than body text.

use std::sync::{Mutex, OnceLock};

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::data_error::DataError;
use crate::search::{fts_query, split_snippet, SnippetPart};
use crate::store::Store;
use crate::words::Language;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LibraryHit {
    pub slug: String,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
    /// Lower is better (bm25).
    pub score: f64,
}

const QUERY: &str = "SELECT slug, title,
        snippet({t}, 2, char(57344), char(57345), '…', 16),
        bm25({t}, 0.0, 8.0, 1.0) AS score
    FROM {t} WHERE {t} MATCH ?1 ORDER BY score LIMIT ?2";

/// The shipped articles as a person reading in `language` finds them: each in that language
/// where it is written in it, else in English (as the library lists them). English is stemmed
/// (Porter: "cravings" finds "craving"); other languages are not (Spanish has no stemmer in
/// FTS5: "desliz" does not find "deslices") but are matched without their accents, so
/// "adiccion" finds "adicción". As in English, the last word typed is matched as a prefix.
fn shipped_index(language: Language) -> &'static Mutex<Connection> {
    static INDEXES: [OnceLock<Mutex<Connection>>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    let at = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    INDEXES[at].get_or_init(|| {
        let tokenizer = match language {
            Language::En => "porter unicode61",
            _ => "unicode61 remove_diacritics 2",
        };
        let conn = crate::store::open_in_memory().expect("an in-memory database");
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE shipped_index USING fts5(slug UNINDEXED, title, body, tokenize = '{tokenizer}');"
        ))
        .expect("fts5 is compiled in");
        for english in super::shipped() {
            let a = super::shipped::as_read(english, language);
            conn.execute(
                "INSERT INTO shipped_index (slug, title, body) VALUES (?1, ?2, ?3)",
                (&a.meta.slug, &a.meta.title, format!("{}\n{}", a.meta.summary, crate::markdown::to_plain_text(a.body))),
            )
            .expect("index a shipped article");
        }
        Mutex::new(conn)
    })
}

fn run(
    conn: &Connection,
    table: &str,
    query: &str,
    limit: usize,
) -> Result<Vec<LibraryHit>, DataError> {
    let mut stmt = conn.prepare_cached(&QUERY.replace("{t}", table))?;
    let rows = stmt.query_map((query, limit as i64), |r| {
        Ok(LibraryHit {
            slug: r.get(0)?,
            title: r.get(1)?,
            snippet: split_snippet(&r.get::<_, String>(2)?),
            score: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Articles matching what was typed, best first: the shipped ones as read in `language`, and
/// imported ones when the journal is open.
pub fn search(
    store: Option<&Store>,
    typed: &str,
    limit: usize,
    language: Language,
) -> Result<Vec<LibraryHit>, DataError> {
    let Some(query) = fts_query(typed) else {
        return Ok(Vec::new());
    };
    let mut hits = {
        let conn = shipped_index(language)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        run(&conn, "shipped_index", &query, limit)?
    };
    if let Some(store) = store {
        hits.extend(store.read(|conn| run(conn, "imported_index", &query, limit))?);
    }
    hits.sort_by(|a, b| a.score.total_cmp(&b.score));
    hits.truncate(limit);
    Ok(hits)
}
