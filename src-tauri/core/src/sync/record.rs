//! A record's travelling form: a JSON object of its columns (references as the UUIDs of the
//! records they point at) and its lists, read from the tables and written back into them.
//! Written back means the tables' own constraints (types, CHECKs, foreign keys) check every
//! value that arrives, as they check the app's own writes.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::kinds::{Column, Kind, Ty};

/// A record as it travels.
pub type Fields = Map<String, Value>;

/// What writing a record from elsewhere came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Applied,
    /// It names a record not here yet: kept aside and tried again later.
    Waiting,
    /// A record it requires is gone (a slip of a deleted clock): it is gone too.
    Gone,
    /// An older change that wrote no part later than the row here: nothing was written.
    NothingLater,
}

/// How a change stands against the version of its record held here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Later than the version held here, or nothing held: it replaces the record.
    Newer,
    /// Not later: it brings only the parts it wrote later than the row here (`parts.rs`).
    Older,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// A value of the wrong type or a missing required value: the file is not Daybreak's.
    #[error("a change names a value of the wrong type")]
    Malformed,
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

fn to_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
    }
}

fn column_expr(column: &Column) -> String {
    match column.refers {
        Some(table) => format!(
            "(SELECT r.uuid FROM {table} r WHERE r.id = t.{})",
            column.name
        ),
        None => format!("t.{}", column.name),
    }
}

/// Reads the record `uuid` of `kind`; `None` when no such row is here.
pub fn read(conn: &Connection, kind: &Kind, uuid: &str) -> rusqlite::Result<Option<Fields>> {
    let exprs: Vec<String> = kind.columns.iter().map(column_expr).collect();
    let sql = format!(
        "SELECT t.{}, {} FROM {} t WHERE t.uuid = ?1",
        kind.key,
        exprs.join(", "),
        kind.table
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let row = stmt
        .query_row([uuid], |row| {
            let key: i64 = row.get(0)?;
            let mut fields = Fields::new();
            for (i, column) in kind.columns.iter().enumerate() {
                fields.insert(column.name.to_string(), to_json(row.get_ref(i + 1)?));
            }
            Ok((key, fields))
        })
        .optional()?;
    let Some((key, mut fields)) = row else {
        return Ok(None);
    };
    for list in kind.lists {
        let sql = match list.refers {
            Some(table) => format!(
                "SELECT r.uuid FROM {} l JOIN {table} r ON r.id = l.{} WHERE l.{} = ?1 ORDER BY 1",
                list.table, list.value, list.owner
            ),
            None => format!(
                "SELECT l.{} FROM {} l WHERE l.{} = ?1 ORDER BY 1",
                list.value, list.table, list.owner
            ),
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        let values = stmt
            .query_map([key], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        fields.insert(list.name.to_string(), Value::from(values));
    }
    Ok(Some(fields))
}

/// The row id of the record `uuid` in `table`, if it is here.
fn row_of(tx: &Connection, table: &str, uuid: &str) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([uuid], |r| r.get(0))
        .optional()
}

/// Whether a row of `kind` with `uuid` is here.
pub(crate) fn is_here(tx: &Connection, kind: &Kind, uuid: &str) -> rusqlite::Result<bool> {
    Ok(tx
        .prepare_cached(&format!("SELECT 1 FROM {} WHERE uuid = ?1", kind.table))?
        .query_row([uuid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether the record `uuid` is known to have been deleted.
fn deleted(tx: &Connection, uuid: &str) -> rusqlite::Result<bool> {
    Ok(tx
        .prepare_cached("SELECT tombstone FROM sync_records WHERE uuid = ?1")?
        .query_row([uuid], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

enum Resolved {
    Row(i64),
    Deleted,
    Unknown,
}

fn resolve(tx: &Connection, table: &str, uuid: &str) -> rusqlite::Result<Resolved> {
    if let Some(id) = row_of(tx, table, uuid)? {
        Ok(Resolved::Row(id))
    } else if deleted(tx, uuid)? {
        Ok(Resolved::Deleted)
    } else {
        Ok(Resolved::Unknown)
    }
}

fn sql_value(value: &Value, ty: Ty) -> Result<SqlValue, RecordError> {
    Ok(match (value, ty) {
        (Value::Null, _) => SqlValue::Null,
        (Value::Number(n), Ty::Int) => SqlValue::Integer(n.as_i64().ok_or(RecordError::Malformed)?),
        (Value::Number(n), Ty::Real) => SqlValue::Real(n.as_f64().ok_or(RecordError::Malformed)?),
        (Value::String(s), Ty::Text) => SqlValue::Text(s.clone()),
        _ => return Err(RecordError::Malformed),
    })
}

/// A record from elsewhere with every reference resolved to a row id here: `values` are
/// `uuid` then the kind's columns, `lists` the resolved items of each list.
pub(crate) struct Row {
    values: Vec<SqlValue>,
    lists: Vec<Vec<SqlValue>>,
}

/// What a record from elsewhere comes to before anything is written.
pub(crate) enum Prepared {
    Ready(Row),
    Waiting,
    /// A record it requires is gone; nothing was written yet.
    Gone,
}

/// Checks and resolves the record `uuid` of `kind` from its travelling form, writing nothing.
pub(crate) fn prepare(
    tx: &Connection,
    kind: &Kind,
    uuid: &str,
    fields: &Fields,
) -> Result<Prepared, RecordError> {
    let mut values = Vec::with_capacity(kind.columns.len() + 1);
    values.push(SqlValue::Text(uuid.to_string()));
    for column in kind.columns {
        let value = fields.get(column.name).unwrap_or(&Value::Null);
        let Some(table) = column.refers else {
            values.push(sql_value(value, column.ty)?);
            continue;
        };
        let resolved = match value {
            Value::Null => None,
            Value::String(target) => Some(resolve(tx, table, target)?),
            _ => return Err(RecordError::Malformed),
        };
        values.push(match resolved {
            None => SqlValue::Null,
            Some(Resolved::Row(id)) => SqlValue::Integer(id),
            Some(Resolved::Unknown) => return Ok(Prepared::Waiting),
            Some(Resolved::Deleted) if column.required => return Ok(Prepared::Gone),
            Some(Resolved::Deleted) => SqlValue::Null,
        });
    }
    let mut lists = Vec::with_capacity(kind.lists.len());
    for list in kind.lists {
        let items = match fields.get(list.name) {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(items)) => &items[..],
            Some(_) => return Err(RecordError::Malformed),
        };
        let mut resolved = Vec::with_capacity(items.len());
        for item in items {
            let Value::String(text) = item else {
                return Err(RecordError::Malformed);
            };
            match list.refers {
                None => resolved.push(SqlValue::Text(text.clone())),
                Some(table) => match resolve(tx, table, text)? {
                    Resolved::Row(id) => resolved.push(SqlValue::Integer(id)),
                    Resolved::Deleted => {}
                    Resolved::Unknown => return Ok(Prepared::Waiting),
                },
            }
        }
        lists.push(resolved);
    }
    Ok(Prepared::Ready(Row { values, lists }))
}

/// Writes the record `uuid` of `kind` from its travelling form: inserted, or its row updated
/// in place (so the local row id, and everything pointing at it, stays). `stamp` is the
/// change's clock and device, for the rule on the one pinned clock; `age` how it stands against
/// the version held here, which the caller has looked up.
pub fn write(
    tx: &Connection,
    kind: &Kind,
    uuid: &str,
    fields: &Fields,
    stamp: (i64, &str),
    age: Age,
) -> Result<Written, RecordError> {
    let Row { mut values, lists } = match prepare(tx, kind, uuid, fields)? {
        Prepared::Ready(row) => row,
        Prepared::Waiting => return Ok(Written::Waiting),
        Prepared::Gone => {
            remove(tx, kind, uuid)?;
            return Ok(Written::Gone);
        }
    };

    if !house_rules(tx, kind, uuid, &mut values, stamp, age)? {
        return Ok(Written::NothingLater);
    }

    let names: Vec<&str> = kind.columns.iter().map(|c| c.name).collect();
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let updates: Vec<String> = names
        .iter()
        .map(|n| format!("{n} = excluded.{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} (uuid, {}) VALUES ({}) ON CONFLICT (uuid) DO UPDATE SET {}",
        kind.table,
        names.join(", "),
        placeholders.join(", "),
        updates.join(", ")
    );
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    if kind.lists.is_empty() {
        return Ok(Written::Applied);
    }
    let key: i64 = tx
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE uuid = ?1",
            kind.key, kind.table
        ))?
        .query_row([uuid], |r| r.get(0))?;
    for (list, items) in kind.lists.iter().zip(lists) {
        tx.prepare_cached(&format!(
            "DELETE FROM {} WHERE {} = ?1",
            list.table, list.owner
        ))?
        .execute([key])?;
        let mut insert = tx.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {} ({}, {}) VALUES (?1, ?2)",
            list.table, list.owner, list.value
        ))?;
        for item in items {
            insert.execute(rusqlite::params![key, item])?;
        }
    }
    Ok(Written::Applied)
}

fn json_of(value: &SqlValue) -> Value {
    match value {
        SqlValue::Null | SqlValue::Blob(_) => Value::Null,
        SqlValue::Integer(i) => Value::from(*i),
        // A real from a change file was a JSON number already, so it is finite.
        SqlValue::Real(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        SqlValue::Text(t) => Value::from(t.as_str()),
    }
}

/// Whether `kind` may go through `insert_new`: not the two kinds with a house rule, which
/// looks at the other rows of the kind one record at a time.
pub(crate) fn insertable_together(kind: &Kind) -> bool {
    !matches!(kind.table, "triggers" | "clocks")
}

/// Inserts records of `kind` that are not here yet (no row, no version) in one statement,
/// and their lists in one statement per list.
///
/// Why together: a statement that fires triggers runs in a statement transaction, and at
/// each one SQLite asks the full-text index (`search_index`, written by the record tables'
/// triggers) to flush what it holds into a new segment. One statement per record made one
/// segment per record, with merges and a statement journal of every page they touched,
/// each allocation of it locked and wiped by SQLCipher's memory security: most of a join's
/// time. One statement per kind per file makes one segment.
pub(crate) fn insert_new(tx: &Connection, kind: &Kind, rows: &[Row]) -> rusqlite::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = kind.columns.iter().map(|c| c.name).collect();
    let picks: Vec<String> = (0..=names.len())
        .map(|i| format!("value ->> {i}"))
        .collect();
    let updates: Vec<String> = names
        .iter()
        .map(|n| format!("{n} = excluded.{n}"))
        .collect();
    // `WHERE true` tells the parser the ON CONFLICT belongs to the INSERT, not a join.
    let sql = format!(
        "INSERT INTO {} (uuid, {}) SELECT {} FROM json_each(?1) WHERE true
         ON CONFLICT (uuid) DO UPDATE SET {}",
        kind.table,
        names.join(", "),
        picks.join(", "),
        updates.join(", ")
    );
    let json: Vec<Value> = rows
        .iter()
        .map(|row| Value::Array(row.values.iter().map(json_of).collect()))
        .collect();
    tx.prepare_cached(&sql)?
        .execute([Value::Array(json).to_string()])?;
    if kind.lists.is_empty() {
        return Ok(());
    }
    let mut key_of = tx.prepare_cached(&format!(
        "SELECT {} FROM {} WHERE uuid = ?1",
        kind.key, kind.table
    ))?;
    let mut pairs: Vec<Vec<Value>> = vec![Vec::new(); kind.lists.len()];
    for row in rows {
        if row.lists.iter().all(Vec::is_empty) {
            continue;
        }
        let key: i64 = key_of.query_row([&row.values[0]], |r| r.get(0))?;
        for (items, pairs) in row.lists.iter().zip(pairs.iter_mut()) {
            for item in items {
                pairs.push(Value::Array(vec![Value::from(key), json_of(item)]));
            }
        }
    }
    for (list, pairs) in kind.lists.iter().zip(pairs) {
        if pairs.is_empty() {
            continue;
        }
        tx.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {} ({}, {}) SELECT value ->> 0, value ->> 1 FROM json_each(?1)",
            list.table, list.owner, list.value
        ))?
        .execute([Value::Array(pairs).to_string()])?;
    }
    Ok(())
}

/// Deletes the record `uuid` of `kind` if it is here (a tombstone arrived).
pub fn remove(tx: &Connection, kind: &Kind, uuid: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(&format!("DELETE FROM {} WHERE uuid = ?1", kind.table))?
        .execute([uuid])?;
    Ok(())
}

/// Two rules the schema enforces that two computers can break between them without knowing:
/// one active trigger per name, and one pinned clock. Both are settled the same way on every
/// computer, whatever order changes arrive in: the trigger with the smaller UUID keeps the
/// name (the other is archived here), the clock pinned by the later change stays pinned. And
/// a check-in or an article's state keeps the later of each of its parts (`parts.rs`). False
/// when an older change brings nothing: there is nothing to write.
fn house_rules(
    tx: &Connection,
    kind: &Kind,
    uuid: &str,
    values: &mut [SqlValue],
    (hlc, device): (i64, &str),
    age: Age,
) -> rusqlite::Result<bool> {
    let index = |name: &str| {
        kind.columns
            .iter()
            .position(|c| c.name == name)
            .map(|i| i + 1)
    };
    let brings = super::parts::keep_later_parts(tx, kind, uuid, values, age == Age::Newer)?;
    if age == Age::Older && !brings {
        return Ok(false);
    }
    match kind.table {
        "triggers" => {
            let (Some(name_at), Some(archived_at)) = (index("name"), index("archived")) else {
                return Ok(true);
            };
            if values[archived_at] != SqlValue::Integer(0) {
                return Ok(true);
            }
            let other: Option<String> = tx
                .prepare_cached(
                    "SELECT uuid FROM triggers WHERE name = ?1 COLLATE NOCASE AND archived = 0
                     AND uuid IS NOT ?2",
                )?
                .query_row(rusqlite::params![values[name_at], uuid], |r| r.get(0))
                .optional()?;
            if let Some(other) = other {
                if uuid < other.as_str() {
                    tx.execute("UPDATE triggers SET archived = 1 WHERE uuid = ?1", [&other])?;
                } else {
                    values[archived_at] = SqlValue::Integer(1);
                }
            }
        }
        "clocks" => {
            let Some(pinned_at) = index("pinned") else {
                return Ok(true);
            };
            if values[pinned_at] != SqlValue::Integer(1) {
                return Ok(true);
            }
            let other: Option<(String, i64, String)> = tx
                .prepare_cached(
                    "SELECT c.uuid, coalesce(s.hlc, 0), coalesce(s.device, '') FROM clocks c
                     LEFT JOIN sync_records s ON s.uuid = c.uuid
                     WHERE c.pinned = 1 AND c.uuid IS NOT ?1",
                )?
                .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((other, other_hlc, other_device)) = other {
                if (hlc, device) > (other_hlc, other_device.as_str()) {
                    tx.execute("UPDATE clocks SET pinned = 0 WHERE uuid = ?1", [&other])?;
                } else {
                    values[pinned_at] = SqlValue::Integer(0);
                }
            }
        }
        _ => {}
    }
    Ok(true)
}

/// The clock and device of the version of `uuid` held here, if any.
pub(crate) fn version_held(tx: &Connection, uuid: &str) -> rusqlite::Result<Option<(i64, String)>> {
    tx.prepare_cached("SELECT hlc, device FROM sync_records WHERE uuid = ?1")?
        .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}
