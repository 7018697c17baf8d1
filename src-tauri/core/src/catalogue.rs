//! Small lists people can extend: emotions for the mood log, and coping actions for cravings.
//! Both start with a built-in set and grow with the person's own words.

use serde::Serialize;
use specta::Type;

use crate::data_error::{DataError, Field, Named, Refusal};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    pub id: i64,
    pub name: String,
    pub builtin: bool,
}

/// The labels linked to one entry, read with `sql` (which selects id, name and whether the
/// label is built in, for the owner `?1`): a mood's emotions, a craving's triggers or actions.
pub(crate) fn linked(
    conn: &rusqlite::Connection,
    sql: &str,
    owner: i64,
) -> rusqlite::Result<Vec<Label>> {
    conn.prepare_cached(sql)?
        .query_map([owner], |r| {
            Ok(Label {
                id: r.get(0)?,
                name: r.get(1)?,
                builtin: r.get(2)?,
            })
        })?
        .collect()
}

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalogue {
    Emotions,
    CopingActions,
}

impl Catalogue {
    fn table(self) -> &'static str {
        match self {
            Catalogue::Emotions => "emotions",
            Catalogue::CopingActions => "coping_actions",
        }
    }

    fn named(self) -> Named {
        match self {
            Catalogue::Emotions => Named::Emotion,
            Catalogue::CopingActions => Named::CopingAction,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Catalogue::Emotions => "emotion",
            Catalogue::CopingActions => "coping action",
        }
    }
}

pub fn list(store: &Store, catalogue: Catalogue) -> Result<Vec<Label>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id, name, builtin FROM {} ORDER BY builtin DESC, id",
            catalogue.table()
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(Label {
                id: r.get(0)?,
                name: r.get(1)?,
                builtin: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

/// Adds the person's own entry, or returns the existing one with that name (any case).
pub fn add(store: &mut Store, catalogue: Catalogue, name: &str) -> Result<Label, DataError> {
    store.write(|tx| add_in(tx, catalogue, name))
}

/// `add`, inside the caller's transaction (the import names emotions and coping actions).
pub(crate) fn add_in(
    tx: &rusqlite::Connection,
    catalogue: Catalogue,
    name: &str,
) -> Result<Label, DataError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DataError::Refused(Refusal::NameMissing {
            what: catalogue.named(),
        }));
    }
    if name.chars().count() > 40 {
        return Err(DataError::Refused(Refusal::TooLong {
            what: Field::Name,
            max: 40,
        }));
    }
    let table = catalogue.table();
    tx.execute(
        &format!("INSERT OR IGNORE INTO {table} (name) VALUES (?1)"),
        [name],
    )?;
    Ok(tx.query_row(
        &format!("SELECT id, name, builtin FROM {table} WHERE name = ?1"),
        [name],
        |r| {
            Ok(Label {
                id: r.get(0)?,
                name: r.get(1)?,
                builtin: r.get(2)?,
            })
        },
    )?)
}

/// Checks that every id is in the list, for entries that link to it.
pub(crate) fn check_ids(
    conn: &rusqlite::Connection,
    catalogue: Catalogue,
    ids: &[i64],
) -> Result<(), DataError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT 1 FROM {} WHERE id = ?1",
        catalogue.table()
    ))?;
    for id in ids {
        if !stmt.exists([id])? {
            return Err(DataError::NotFound(catalogue.what()));
        }
    }
    Ok(())
}
