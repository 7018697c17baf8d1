//! Journal entries: a title, a Markdown body, tags and a date. Saved as people type
//! (autosave), so nothing is lost when the app locks or closes.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::data_error::{found, from_millis, to_millis, DataError, Field, Moment, Refusal};
use crate::markdown;
use crate::store::capture::random_uuid;
use crate::store::lists::{self, List, Owner};
use crate::store::Store;

const MAX_TITLE_CHARS: usize = 200;
const MAX_BODY_CHARS: usize = 200_000;
const MAX_TAGS: usize = 20;
const MAX_TAG_CHARS: usize = 30;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalInput {
    pub at: DateTime<Utc>,
    /// May be empty.
    pub title: String,
    /// Markdown; must not be empty.
    pub body: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    /// The body rendered to sanitized HTML.
    pub html: String,
    pub updated_at: DateTime<Utc>,
}

impl JournalInput {
    fn checked(&self, now: DateTime<Utc>) -> Result<JournalInput, DataError> {
        let title = self.title.trim().to_string();
        if self.body.trim().is_empty() {
            return Err(DataError::Refused(Refusal::NothingWritten {
                what: Field::Entry,
            }));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Title,
                max: MAX_TITLE_CHARS as u32,
            }));
        }
        if self.body.chars().count() > MAX_BODY_CHARS {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Entry,
                max: MAX_BODY_CHARS as u32,
            }));
        }
        if self.at > now + chrono::Duration::minutes(5) {
            return Err(DataError::Refused(Refusal::InFuture {
                what: Moment::Entry,
            }));
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let tag = tag.trim().trim_start_matches('#').trim().to_lowercase();
            if tag.is_empty() || tags.contains(&tag) {
                continue;
            }
            if tag.chars().count() > MAX_TAG_CHARS || tag.contains(',') {
                return Err(DataError::Refused(Refusal::BadTag {
                    max: MAX_TAG_CHARS as u32,
                }));
            }
            tags.push(tag);
        }
        if tags.len() > MAX_TAGS {
            return Err(DataError::Refused(Refusal::TooManyTags {
                max: MAX_TAGS as u32,
            }));
        }
        Ok(JournalInput {
            at: self.at,
            title,
            body: self.body.clone(),
            tags,
        })
    }
}

pub fn create(
    store: &mut Store,
    input: &JournalInput,
    now: DateTime<Utc>,
) -> Result<JournalEntry, DataError> {
    // The UUID from here, not from the insert's trigger: that one would write the row twice.
    let uuid = random_uuid();
    let id = store.write(|tx| create_in(tx, input, Some(&uuid), now))?;
    get(store, id)
}

/// Checks and adds one entry with its tags inside the caller's transaction: the editor and
/// the import share it. `uuid` keeps an imported record's identity. Returns the new id.
pub(crate) fn create_in(
    tx: &Connection,
    input: &JournalInput,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, DataError> {
    let input = input.checked(now)?;
    tx.execute(
        "INSERT INTO journal_entries (at, title, body, created_at, updated_at, uuid)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
        (
            to_millis(input.at),
            &input.title,
            &input.body,
            to_millis(now),
            uuid,
        ),
    )?;
    let id = tx.last_insert_rowid();
    set_tags(tx, Owner::New, id, &input.tags)?;
    Ok(id)
}

/// Saves the latest text of an entry (autosave calls this as the person types).
pub fn update(
    store: &mut Store,
    id: i64,
    input: &JournalInput,
    now: DateTime<Utc>,
) -> Result<JournalEntry, DataError> {
    let input = input.checked(now)?;
    store.write(|tx| {
        let changed = tx.execute(
            "UPDATE journal_entries SET at = ?2, title = ?3, body = ?4, updated_at = ?5
             WHERE id = ?1 AND deleted_at IS NULL",
            (
                id,
                to_millis(input.at),
                &input.title,
                &input.body,
                to_millis(now),
            ),
        )?;
        found(changed, "journal entry")?;
        set_tags(tx, Owner::Existing, id, &input.tags)
    })?;
    get(store, id)
}

pub fn get(store: &Store, id: i64) -> Result<JournalEntry, DataError> {
    store.read(|conn| {
        let entry = conn
            .query_row(
                "SELECT * FROM journal_entries WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                entry_from_row,
            )
            .optional()?
            .ok_or(DataError::NotFound("journal entry"))?;
        Ok(JournalEntry {
            tags: tags_of(conn, id)?,
            ..entry
        })
    })
}

/// Every tag in use, most used first, for the timeline's filter.
pub fn tags(store: &Store) -> Result<Vec<String>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT t.tag FROM journal_tags t JOIN journal_entries e ON e.id = t.entry_id
             WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

pub(crate) fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>, DataError> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM journal_tags WHERE entry_id = ?1 ORDER BY tag")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const TAGS: List = List {
    table: "journal_tags",
    owner: "entry_id",
    value: "tag",
    or_ignore: true,
};

fn set_tags(conn: &Connection, whose: Owner, id: i64, tags: &[String]) -> Result<(), DataError> {
    lists::replace(conn, &TAGS, whose, id, tags)?;
    Ok(())
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    let body: String = row.get("body")?;
    Ok(JournalEntry {
        id: row.get("id")?,
        at: from_millis(row.get("at")?)?,
        title: row.get("title")?,
        html: markdown::to_safe_html(&body),
        body,
        tags: Vec::new(),
        updated_at: from_millis(row.get("updated_at")?)?,
    })
}
