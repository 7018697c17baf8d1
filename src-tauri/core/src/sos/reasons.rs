//! My reasons: the person's own words on why they are staying sober, shown large in SOS.

use serde::Serialize;
use specta::Type;

use crate::data_error::{DataError, Field, Refusal};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub id: i64,
    pub text: String,
}

fn checked(text: &str) -> Result<String, DataError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DataError::Refused(Refusal::NothingWritten {
            what: Field::Reason,
        }));
    }
    if text.chars().count() > 500 {
        return Err(DataError::Refused(Refusal::TooLong {
            what: Field::Reason,
            max: 500,
        }));
    }
    Ok(text.into())
}

pub fn list(store: &Store) -> Result<Vec<Reason>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare_cached("SELECT id, text FROM reasons ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Reason {
                id: r.get(0)?,
                text: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

pub fn add(store: &mut Store, text: &str) -> Result<Reason, DataError> {
    let text = checked(text)?;
    store.write(|tx| {
        let id = add_in(tx, &text, None)?;
        Ok(Reason { id, text })
    })
}

/// Checks and adds a reason at the end of the list inside the caller's transaction: the SOS
/// page and the import share it. `uuid` keeps an imported record's identity. Returns the id.
pub(crate) fn add_in(
    tx: &rusqlite::Connection,
    text: &str,
    uuid: Option<&str>,
) -> Result<i64, DataError> {
    let text = checked(text)?;
    tx.execute(
        "INSERT INTO reasons (text, position, uuid)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM reasons), ?2)",
        (&text, uuid),
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(store: &mut Store, id: i64, text: &str) -> Result<Reason, DataError> {
    let text = checked(text)?;
    store.write(|tx| {
        if tx.execute("UPDATE reasons SET text = ?2 WHERE id = ?1", (id, &text))? == 0 {
            return Err(DataError::NotFound("reason"));
        }
        Ok(Reason { id, text })
    })
}

pub fn remove(store: &mut Store, id: i64) -> Result<(), DataError> {
    store.write(|tx| {
        if tx.execute("DELETE FROM reasons WHERE id = ?1", [id])? == 0 {
            return Err(DataError::NotFound("reason"));
        }
        Ok(())
    })
}
