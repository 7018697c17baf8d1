//! A record's list (a mood's emotions, a craving's triggers and coping actions, a slip's
//! triggers, an entry's tags) replaced in two statements, whatever its length: one delete, one
//! insert of every value from a JSON array. One statement per value cost far more than its
//! share: each one that fires the change log's triggers opens a statement journal and makes the
//! full-text index flush mid-transaction (see the README's "Sync between your computers").
//!
//! A list is written with the change log's list triggers quiet, right after the record itself
//! is inserted or updated in the same transaction: that write has put the record in the change
//! log, and a change file carries each record with its lists as they are when the file is
//! written, so every value's trigger would only stamp the same record again. On a mood with
//! two emotions that was half of what the change log added to the write
//! (`examples/outbox_cost`). The list triggers still catch writes to a list alone (a trigger
//! merged into another, a catalogue entry removed).

use rusqlite::Connection;

/// Whose list is written: a record inserted in this transaction (no list to clear yet), or one
/// updated in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    New,
    Existing,
}

/// A list's table: `owner` names the record's id column, `value` the other one; `or_ignore`
/// skips a value already there (a list without duplicates kept by the table's key).
pub(crate) struct List {
    pub table: &'static str,
    pub owner: &'static str,
    pub value: &'static str,
    pub or_ignore: bool,
}

/// Replaces the rows of `list` whose owner is `id` with one row per value, in order. Only in
/// the transaction that inserted or updated the record `id` itself (see above).
pub(crate) fn replace<T: serde::Serialize>(
    conn: &Connection,
    list: &List,
    whose: Owner,
    id: i64,
    values: &[T],
) -> rusqlite::Result<()> {
    let was_on = set_capture(conn, false)?;
    let replaced = clear(conn, list, whose, id).and_then(|()| insert(conn, list, id, values));
    set_capture(conn, was_on)?;
    replaced
}

fn clear(conn: &Connection, list: &List, whose: Owner, id: i64) -> rusqlite::Result<()> {
    if whose == Owner::Existing {
        let List { table, owner, .. } = list;
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE {owner} = ?1"))?
            .execute([id])?;
    }
    Ok(())
}

/// Turns the change log's capture on or off; returns whether it was on.
fn set_capture(conn: &Connection, on: bool) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT sync_set_capture(?1)")?
        .query_row([on], |r| r.get(0))
}

fn insert<T: serde::Serialize>(
    conn: &Connection,
    list: &List,
    id: i64,
    values: &[T],
) -> rusqlite::Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let List {
        table,
        owner,
        value,
        or_ignore,
    } = list;
    let json = serde_json::to_string(values).expect("ids and text serialize");
    let verb = if *or_ignore {
        "INSERT OR IGNORE"
    } else {
        "INSERT"
    };
    conn.prepare_cached(&format!(
        "{verb} INTO {table} ({owner}, {value}) SELECT ?1, value FROM json_each(?2) ORDER BY key"
    ))?
    .execute(rusqlite::params![id, json])?;
    Ok(())
}
