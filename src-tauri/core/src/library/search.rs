//! Library search: the shipped articles through an in-memory FTS5 index (public text, built
//! once, never written to disk) and imported articles through the index inside the encrypted
//! journal. Both are ranked by relevance, titles weighing more than body text.

use std::sync::{Mutex, OnceLock};

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::data_error::DataError;
use crate::search::{fts_query, split_snippet, SnippetPart};
use crate::store::Store;

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

fn shipped_index() -> &'static Mutex<Connection> {
    static INDEX: OnceLock<Mutex<Connection>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE shipped_index USING fts5(slug UNINDEXED, title, body, tokenize = 'porter unicode61');",
        )
        .expect("fts5 is compiled in");
        for a in super::shipped() {
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

/// Articles matching what was typed, best first. Imported articles are included when the
/// journal is open.
pub fn search(
    store: Option<&Store>,
    typed: &str,
    limit: usize,
) -> Result<Vec<LibraryHit>, DataError> {
    let Some(query) = fts_query(typed) else {
        return Ok(Vec::new());
    };
    let mut hits = {
        let conn = shipped_index().lock().unwrap_or_else(|p| p.into_inner());
        run(&conn, "shipped_index", &query, limit)?
    };
    if let Some(store) = store {
        hits.extend(store.read(|conn| run(conn, "imported_index", &query, limit))?);
    }
    hits.sort_by(|a, b| a.score.total_cmp(&b.score));
    hits.truncate(limit);
    Ok(hits)
}
