//! The private side of the library, in the encrypted journal: imported articles, bookmarks,
//! reading progress and notes.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::import::{self, Imported};
use super::render::render;
use super::{reading_minutes, Article, ArticleSummary};
use crate::data_error::{from_millis, to_millis, DataError, Field, Refusal};
use crate::store::part_time::never_earlier;
use crate::store::Store;
use crate::words::Language;

const MAX_NOTE_CHARS: usize = 10_000;

pub(super) fn imported_summaries(store: &Store) -> Result<Vec<ArticleSummary>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT slug, title, markdown FROM imported_articles ORDER BY imported_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let markdown: String = r.get(2)?;
            Ok(ArticleSummary {
                slug: r.get(0)?,
                title: r.get(1)?,
                summary: first_sentence(&markdown),
                topics: vec!["Imported".into()],
                triggers: vec![],
                imported: true,
                reading_minutes: reading_minutes(&markdown),
                bookmarked: false,
                progress: 0.0,
                languages: vec![],
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

fn first_sentence(markdown: &str) -> String {
    let text: String = markdown
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('-'))
        .unwrap_or("")
        .chars()
        .take(180)
        .collect();
    text.replace(['*', '\\', '>'], "")
}

pub(super) fn imported_article(store: &Store, slug: &str) -> Result<Article, DataError> {
    let row = store.read(|conn| {
        conn.query_row(
            "SELECT title, markdown, imported_at FROM imported_articles WHERE slug = ?1",
            [slug],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    from_millis(r.get(2)?)?,
                ))
            },
        )
        .optional()
    })?;
    let (title, markdown, imported_at) = row.ok_or(DataError::NotFound("article"))?;
    let (html, toc) = render(&markdown);
    Ok(Article {
        summary: ArticleSummary {
            slug: slug.to_string(),
            title,
            summary: first_sentence(&markdown),
            topics: vec!["Imported".into()],
            triggers: vec![],
            imported: true,
            reading_minutes: reading_minutes(&markdown),
            bookmarked: false,
            progress: 0.0,
            languages: vec![],
        },
        related: vec![],
        reviewed: None,
        sources: vec![],
        html,
        toc,
        note: None,
        imported_at: Some(imported_at),
        fallback: false,
    })
}

/// Fills in bookmarks and progress from the journal.
pub(super) fn apply_state(store: &Store, articles: &mut [ArticleSummary]) -> Result<(), DataError> {
    store.read(|conn| {
        let mut stmt =
            conn.prepare_cached("SELECT bookmarked, progress FROM article_state WHERE slug = ?1")?;
        for a in articles.iter_mut() {
            if let Some((bookmarked, progress)) = stmt
                .query_row([&a.slug], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
            {
                a.bookmarked = bookmarked;
                a.progress = progress;
            }
        }
        Ok(())
    })
}

pub(super) fn note(store: &Store, slug: &str) -> Result<Option<String>, DataError> {
    store.read(|conn| {
        Ok(conn
            .query_row(
                "SELECT note FROM article_state WHERE slug = ?1",
                [slug],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    })
}

fn known(store: &Store, slug: &str) -> Result<(), DataError> {
    if store.read(|conn| exists(conn, slug))? {
        Ok(())
    } else {
        Err(DataError::NotFound("article"))
    }
}

/// Whether `slug` names a shipped article or one imported into this journal.
pub(crate) fn exists(conn: &rusqlite::Connection, slug: &str) -> Result<bool, DataError> {
    if super::shipped().iter().any(|a| a.meta.slug == slug) {
        return Ok(true);
    }
    Ok(conn
        .query_row(
            "SELECT 1 FROM imported_articles WHERE slug = ?1",
            [slug],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Saves one part of an article's state (the bookmark, the reading place, the note): `column`
/// set to `value`, and the part's time `at_column` to `now`, never earlier than the time it
/// replaces (`store/part_time.rs`), so two computers keep the later part (`sync/parts.rs`).
fn save_part(
    store: &mut Store,
    (column, at_column): (&str, &str),
    slug: &str,
    value: impl rusqlite::ToSql,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    store.write(|tx| {
        tx.execute(
            &format!(
                "INSERT INTO article_state (slug, {column}, {at_column}) VALUES (?1, ?2, ?3)
                 ON CONFLICT(slug) DO UPDATE SET {column} = excluded.{column}, {}",
                never_earlier("article_state", at_column)
            ),
            (slug, value, to_millis(now)),
        )?;
        Ok(())
    })
}

/// Bookmarks an article or takes the bookmark off, at `now`.
pub fn set_bookmark(
    store: &mut Store,
    slug: &str,
    bookmarked: bool,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    known(store, slug)?;
    save_part(
        store,
        ("bookmarked", "bookmarked_at"),
        slug,
        bookmarked,
        now,
    )
}

/// Remembers how far the person read (0 to 1), for "continue reading".
pub fn save_progress(
    store: &mut Store,
    slug: &str,
    progress: f64,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    known(store, slug)?;
    let progress = checked_progress(progress)?;
    save_part(store, ("progress", "last_read_at"), slug, progress, now)
}

/// A note on an article, trimmed (`None` when empty), refused when too long: the article
/// page and the import share it.
pub(crate) fn checked_note(note: Option<&str>) -> Result<Option<&str>, DataError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(DataError::Refused(Refusal::TooLong {
            what: Field::Note,
            max: MAX_NOTE_CHARS as u32,
        }));
    }
    Ok(note)
}

/// How far an article was read, 0 to 1: the reader and the import share it.
pub(crate) fn checked_progress(progress: f64) -> Result<f64, DataError> {
    if !(0.0..=1.0).contains(&progress) {
        return Err(DataError::Refused(Refusal::BadRequest));
    }
    Ok(progress)
}

/// Saves the note on an article (`None` or blank clears it), at `now`.
pub fn save_note(
    store: &mut Store,
    slug: &str,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    known(store, slug)?;
    let note = checked_note(note)?;
    save_part(store, ("note", "note_at"), slug, note, now)
}

/// The article read most recently and not finished, titled in `language` where it can be.
pub fn continue_reading(
    store: &Store,
    language: Language,
) -> Result<Option<ArticleSummary>, DataError> {
    let slug: Option<String> = store.read(|conn| {
        conn.query_row(
            "SELECT slug FROM article_state WHERE last_read_at IS NOT NULL AND progress < 0.97
             ORDER BY last_read_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()
    })?;
    Ok(slug.and_then(|slug| {
        super::list(Some(store), language)
            .ok()?
            .into_iter()
            .find(|a| a.slug == slug)
    }))
}

/// Imports a file into the journal and returns it as a library entry.
pub fn import(
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<ArticleSummary, DataError> {
    let Imported { title, markdown } = import::import(file_name, bytes)?;
    let slug = store.write(|tx| insert_imported(tx, &title, &markdown, file_name, None, now))?;
    imported_summaries(store)?
        .into_iter()
        .find(|a| a.slug == slug)
        .ok_or(DataError::NotFound("article"))
}

/// Stores an imported article under a slug made from its title (unique in this journal);
/// returns the slug. An article with no title or no text is refused, as the library's own
/// import refuses a file with no readable text. `uuid` keeps an imported record's identity.
pub(crate) fn insert_imported(
    tx: &rusqlite::Connection,
    title: &str,
    markdown: &str,
    file_name: &str,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, DataError> {
    if title.trim().is_empty() || markdown.trim().is_empty() {
        return Err(DataError::Refused(Refusal::NoReadableText));
    }
    let base: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let mut slug = format!("imported-{base}");
    let mut n = 2;
    while tx
        .query_row(
            "SELECT 1 FROM imported_articles WHERE slug = ?1",
            [&slug],
            |_| Ok(()),
        )
        .optional()?
        .is_some()
    {
        slug = format!("imported-{base}-{n}");
        n += 1;
    }
    let file = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    tx.execute(
        "INSERT INTO imported_articles (slug, title, markdown, plain, source_file, imported_at,
                                        uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (
            &slug,
            title,
            markdown,
            crate::markdown::to_plain_text(markdown),
            file,
            to_millis(now),
            uuid,
        ),
    )?;
    Ok(slug)
}

pub fn delete_imported(store: &mut Store, slug: &str) -> Result<(), DataError> {
    store.write(|tx| {
        let removed = tx.execute("DELETE FROM imported_articles WHERE slug = ?1", [slug])?;
        if removed == 0 {
            return Err(DataError::NotFound("article"));
        }
        tx.execute("DELETE FROM article_state WHERE slug = ?1", [slug])?;
        Ok(())
    })
}
