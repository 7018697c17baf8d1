//! The time a part of a record was written (a check-in's morning or evening; an article's
//! note, bookmark or reading place), as this computer's writers stamp it. Sync keeps each part
//! from whichever change wrote it last, by this time (`sync/parts.rs`), so a writer never
//! stamps a part earlier than the time it replaces: an edit here then wins on every computer
//! even when this computer's clock is behind the one that wrote the part before.

/// The part's new time, in SQL: `now` (an expression), or just after `before` (the time it
/// replaces, NULL for none) when that is later.
fn later_of(now: &str, before: &str) -> String {
    format!("max({now}, coalesce({before} + 1, 0))")
}

/// The assignment of the part's time `column` in an upsert into `table` whose new row holds
/// the time now (`excluded`).
pub(crate) fn never_earlier(table: &str, column: &str) -> String {
    format!(
        "{column} = {}",
        later_of(&format!("excluded.{column}"), &format!("{table}.{column}"))
    )
}

/// An update of the part's time `column` in `table`'s row with `key` = ?1 to the time now, ?2.
pub(crate) fn stamp(table: &str, key: &str, column: &str) -> String {
    format!(
        "UPDATE {table} SET {column} = {} WHERE {key} = ?1",
        later_of("?2", column)
    )
}
