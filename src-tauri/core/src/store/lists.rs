//! A record's list (a mood's emotions, a craving's triggers and coping actions, a slip's
//! triggers, an entry's tags) replaced in two statements, whatever its length: one delete, one
//! insert of every value from a JSON array. One statement per value cost far more than its
//! share: each one that fires the change log's triggers opens a statement journal and makes the
//! full-text index flush mid-transaction (see the README's "Sync between your computers").

use rusqlite::Connection;

/// Replaces the rows of `table` whose `owner` column is `id` with one row per value (in
/// order), `value` being the other column. `or_ignore` skips a value already there (a list
/// without duplicates kept by the table's key).
pub(crate) fn replace<T: serde::Serialize>(
    conn: &Connection,
    table: &str,
    owner: &str,
    value: &str,
    id: i64,
    values: &[T],
    or_ignore: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE {owner} = ?1"))?
        .execute([id])?;
    if values.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(values).expect("ids and text serialize");
    let verb = if or_ignore {
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
