//! The trigger catalogue: what sets cravings off. Seeded from the source material's causes
//! (grief and loss, loneliness, peer pressure, easy access...); people add, rename, merge and
//! archive their own. Built-in triggers keep a stable key that library articles link to.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use specta::Type;

use crate::data_error::{to_millis, DataError, Field, Named, Refusal};
use crate::store::Store;

const MAX_NAME_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Trigger {
    pub id: i64,
    /// The catalogue key ("loneliness-isolation") of a built-in trigger; `None` for the user's own.
    pub key: Option<String>,
    pub name: String,
    pub archived: bool,
    /// How many cravings and slips name it.
    pub uses: i64,
}

fn checked_name(name: &str) -> Result<String, DataError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DataError::Refused(Refusal::NameMissing {
            what: Named::Trigger,
        }));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DataError::Refused(Refusal::TooLong {
            what: Field::Name,
            max: MAX_NAME_CHARS as u32,
        }));
    }
    Ok(name.to_string())
}

fn name_taken(e: rusqlite::Error) -> DataError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => DataError::Refused(Refusal::NameTaken),
        _ => e.into(),
    }
}

pub fn list(store: &Store, include_archived: bool) -> Result<Vec<Trigger>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT t.id, t.key, t.name, t.archived,
                    (SELECT count(*) FROM craving_triggers c WHERE c.trigger_id = t.id)
                  + (SELECT count(*) FROM slip_triggers s WHERE s.trigger_id = t.id)
             FROM triggers t WHERE t.archived = 0 OR ?1
             ORDER BY t.archived, t.key IS NULL, t.id",
        )?;
        let rows = stmt.query_map([include_archived], |r| {
            Ok(Trigger {
                id: r.get(0)?,
                key: r.get(1)?,
                name: r.get(2)?,
                archived: r.get(3)?,
                uses: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

pub fn create(
    store: &mut Store,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Trigger, DataError> {
    let id = store.write(|tx| create_in(tx, name, false, None, now))?;
    get(store, id)
}

/// Checks and adds a trigger of the person's own inside the caller's transaction: the
/// catalogue and the import share it. `uuid` keeps an imported record's identity. Returns the
/// new trigger's id.
pub(crate) fn create_in(
    tx: &Connection,
    name: &str,
    archived: bool,
    uuid: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, DataError> {
    let name = checked_name(name)?;
    tx.execute(
        "INSERT INTO triggers (name, archived, created_at, uuid) VALUES (?1, ?2, ?3, ?4)",
        (&name, archived, to_millis(now), uuid),
    )
    .map_err(name_taken)?;
    Ok(tx.last_insert_rowid())
}

pub fn rename(store: &mut Store, id: i64, name: &str) -> Result<Trigger, DataError> {
    let name = checked_name(name)?;
    store.write(|tx| {
        exists(tx, id)?;
        tx.execute("UPDATE triggers SET name = ?2 WHERE id = ?1", (id, &name))
            .map_err(name_taken)?;
        Ok::<_, DataError>(())
    })?;
    get(store, id)
}

pub fn archive(store: &mut Store, id: i64, archived: bool) -> Result<(), DataError> {
    store.write(|tx| {
        exists(tx, id)?;
        tx.execute(
            "UPDATE triggers SET archived = ?2 WHERE id = ?1",
            (id, archived),
        )
        .map_err(name_taken)?;
        Ok(())
    })
}

/// Moves every craving and slip from `from` to `into`, then archives `from`. History is kept:
/// nothing that named the old trigger loses its trigger.
pub fn merge(store: &mut Store, from: i64, into: i64) -> Result<Trigger, DataError> {
    if from == into {
        return Err(DataError::Refused(Refusal::MergeSame));
    }
    store.write(|tx| {
        exists(tx, from)?;
        exists(tx, into)?;
        for table in ["craving_triggers", "slip_triggers"] {
            let owner = if table == "craving_triggers" {
                "craving_id"
            } else {
                "slip_id"
            };
            tx.execute(
                &format!(
                    "INSERT OR IGNORE INTO {table} ({owner}, trigger_id)
                     SELECT {owner}, ?2 FROM {table} WHERE trigger_id = ?1"
                ),
                (from, into),
            )?;
            tx.execute(
                &format!("DELETE FROM {table} WHERE trigger_id = ?1"),
                [from],
            )?;
        }
        tx.execute("UPDATE triggers SET archived = 1 WHERE id = ?1", [from])?;
        Ok::<_, DataError>(())
    })?;
    get(store, into)
}

fn get(store: &Store, id: i64) -> Result<Trigger, DataError> {
    list(store, true)?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(DataError::NotFound("trigger"))
}

fn exists(conn: &Connection, id: i64) -> Result<(), DataError> {
    conn.query_row("SELECT 1 FROM triggers WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .ok_or(DataError::NotFound("trigger"))
}

/// Checks that every id names a trigger, for entries that link to them.
pub(crate) fn check_ids(conn: &Connection, ids: &[i64]) -> Result<(), DataError> {
    for id in ids {
        exists(conn, *id)?;
    }
    Ok(())
}
