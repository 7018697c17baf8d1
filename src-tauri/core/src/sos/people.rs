//! My people: the names and numbers of people to call, stored encrypted.

use rusqlite::Row;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::data_error::{DataError, Field, Named, Refusal};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub phone: String,
    /// "My sponsor", "Counsellor, weekdays"...
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub name: String,
    pub phone: String,
    pub note: Option<String>,
}

impl PersonInput {
    fn checked(&self) -> Result<PersonInput, DataError> {
        let name = self.name.trim();
        let phone = self.phone.trim();
        if name.is_empty() {
            return Err(DataError::Refused(Refusal::NameMissing {
                what: Named::Person,
            }));
        }
        if name.chars().count() > 80 {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Name,
                max: 80,
            }));
        }
        if !phone.chars().any(|c| c.is_ascii_digit())
            || phone.chars().count() > 30
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        {
            return Err(DataError::Refused(Refusal::BadPhone));
        }
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 200) {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Note,
                max: 200,
            }));
        }
        Ok(PersonInput {
            name: name.into(),
            phone: phone.into(),
            note: note.map(String::from),
        })
    }
}

fn person(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        phone: row.get(2)?,
        note: row.get(3)?,
    })
}

pub fn list(store: &Store) -> Result<Vec<Person>, DataError> {
    store.read(|conn| {
        let mut stmt =
            conn.prepare_cached("SELECT id, name, phone, note FROM people ORDER BY position, id")?;
        let rows = stmt.query_map([], person)?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

pub fn add(store: &mut Store, input: &PersonInput) -> Result<Person, DataError> {
    store.write(|tx| {
        let id = add_in(tx, input, None)?;
        Ok(tx.query_row(
            "SELECT id, name, phone, note FROM people WHERE id = ?1",
            [id],
            person,
        )?)
    })
}

/// Checks and adds a person at the end of the list inside the caller's transaction: the SOS
/// page and the import share it. `uuid` keeps an imported record's identity. Returns the id.
pub(crate) fn add_in(
    tx: &rusqlite::Connection,
    input: &PersonInput,
    uuid: Option<&str>,
) -> Result<i64, DataError> {
    let input = input.checked()?;
    tx.execute(
        "INSERT INTO people (name, phone, note, position, uuid)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM people), ?4)",
        (&input.name, &input.phone, &input.note, uuid),
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(store: &mut Store, id: i64, input: &PersonInput) -> Result<Person, DataError> {
    let input = input.checked()?;
    store.write(|tx| {
        if tx.execute(
            "UPDATE people SET name = ?2, phone = ?3, note = ?4 WHERE id = ?1",
            (id, &input.name, &input.phone, &input.note),
        )? == 0
        {
            return Err(DataError::NotFound("person"));
        }
        Ok(tx.query_row(
            "SELECT id, name, phone, note FROM people WHERE id = ?1",
            [id],
            person,
        )?)
    })
}

pub fn remove(store: &mut Store, id: i64) -> Result<(), DataError> {
    store.write(|tx| {
        if tx.execute("DELETE FROM people WHERE id = ?1", [id])? == 0 {
            return Err(DataError::NotFound("person"));
        }
        Ok(())
    })
}
