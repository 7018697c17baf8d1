//! Library search: the shipped articles through an in-memory FTS5 index per language (public
//! text, built the first time that language searches, never written to disk) and imported
//! articles through the index inside the encrypted journal. Both are ranked by relevance,
//! titles weighing more than body text.

use std::sync::{Mutex, OnceLock};

use rusqlite::Connection;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use specta::Type;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::data_error::DataError;
use crate::search::{fts_query, fts_query_widened, split_snippet, AlsoMatch, SnippetPart};
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
/// (Porter: "cravings" finds "craving"); FTS5 has no stemmer for other languages, so they are
/// indexed as written but matched without their accents ("adiccion" finds "adicción"), and a
/// Spanish query is widened by each word's stem instead ([`spanish_also`]). As in English,
/// the last word typed is matched as a prefix.
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

/// What else a word typed in Spanish matches. First, whatever starts like it once its ending
/// is set aside: "antojos" finds "antojo", "recaída" finds "recaídas". That start is Snowball's
/// stem, cut back to what it shares with the word (Snowball rewrites a few endings:
/// "dependencias" stems to "dependent", which no word in the text starts with), both without
/// accents, as the index holds words. Where that leaves under four letters, as when an accent
/// left out makes Snowball read a verb's ending ("recaida" to "rec"), the word less its plural
/// and gender ending is the start instead ("recaid"). Under four letters a start would find too
/// much ("vida" to "vid", which starts "vidrio"), so none is given; nor is the whole word,
/// which the query holds already. Then, for a word ending in "z", its plural, where the z is
/// written c, and the other way round ("desliz", "deslices"): those exact words only, since
/// "dulz…" would find "dulzura" for "dulces".
fn spanish_also(word: &str) -> Vec<AlsoMatch> {
    let lower = word.to_lowercase();
    let stem = Stemmer::create(Algorithm::Spanish)
        .stem(&lower)
        .into_owned();
    let unaccented =
        |text: &str| -> Vec<char> { text.nfd().filter(|c| !is_combining_mark(*c)).collect() };
    let (word, stem) = (unaccented(&lower), unaccented(&stem));
    let shared = word.iter().zip(&stem).take_while(|(a, b)| a == b).count();
    let start = if shared >= 4 {
        &word[..shared]
    } else {
        without_number_and_gender(&word)
    };
    let mut also = Vec::new();
    if start.len() >= 4 && start != word.as_slice() {
        also.push(AlsoMatch::Start(start.iter().collect()));
    }
    match word.as_slice() {
        [singular @ .., 'c', 'e', 's'] if !singular.is_empty() => also.push(AlsoMatch::Word(
            [singular, &['z']].concat().iter().collect(),
        )),
        [before_z @ .., 'z'] if !before_z.is_empty() => also.push(AlsoMatch::Word(
            [before_z, &['c', 'e', 's']].concat().iter().collect(),
        )),
        _ => {}
    }
    also
}

/// A Spanish word less a plural "-s" and then a gender or number vowel: "recaidas" and
/// "recaida" to "recaid".
fn without_number_and_gender(word: &[char]) -> &[char] {
    let word = match word {
        [singular @ .., 's'] => singular,
        _ => word,
    };
    match word {
        [stem @ .., 'a' | 'e' | 'o'] => stem,
        _ => word,
    }
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
    // Only the shipped articles in Spanish are widened: the imported ones are indexed with
    // Porter, which would stem a Spanish start again ("ansied" from "ansiedad" to "ansi").
    let widened = match language {
        Language::Es => fts_query_widened(typed, spanish_also),
        Language::En => None,
    };
    let mut hits = {
        let conn = shipped_index(language)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        run(
            &conn,
            "shipped_index",
            widened.as_ref().unwrap_or(&query),
            limit,
        )?
    };
    if let Some(store) = store {
        hits.extend(store.read(|conn| run(conn, "imported_index", &query, limit))?);
    }
    hits.sort_by(|a, b| a.score.total_cmp(&b.score));
    hits.truncate(limit);
    Ok(hits)
}
