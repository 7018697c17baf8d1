//! Records with parts written at different times, often on different computers: a day's
//! check-in (the morning's intention, the evening's answers) and the state of an article (the
//! reading place, saved as the person scrolls; the note; the bookmark). As one record, the last
//! change of it would wipe the part its computer had not seen yet: a morning written on one
//! computer and the evening on the other before they met, or a note written on one and the
//! article read on the other. So each part is kept from whichever change wrote it last, by the
//! part's own time (a part with none is the oldest; two with none go to the later change, two
//! of the same millisecond to the greater content): every computer ends with the same record
//! whatever order the changes arrive in, and a change older than the version held here is
//! merged, not dropped. The writers never stamp a part earlier than the one it replaces
//! (`store/part_time.rs`), so a computer whose clock is behind still wins with its later edit.

use std::cmp::Ordering;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension};

use super::kinds::Kind;

/// Each table with parts, and each part: the column with the time it was written, and the
/// columns it holds.
const PARTS: [(&str, &[Part]); 2] = [
    (
        "check_ins",
        &[
            ("morning_at", &["intention"]),
            ("evening_at", &["sober", "difficulty", "note"]),
        ],
    ),
    (
        "article_state",
        &[
            ("last_read_at", &["progress"]),
            ("note_at", &["note"]),
            ("bookmarked_at", &["bookmarked"]),
        ],
    ),
];

type Part = (&'static str, &'static [&'static str]);

/// Whether the records of `kind` have parts.
pub(super) fn has_parts(kind: &Kind) -> bool {
    parts_of(kind).is_some()
}

fn parts_of(kind: &Kind) -> Option<&'static [Part]> {
    PARTS
        .iter()
        .find(|(table, _)| *table == kind.table)
        .map(|(_, parts)| *parts)
}

/// Puts into `values` (a change of the record `uuid`, as `record::write` holds it: the UUID, then
/// the kind's columns) each part that the row here wrote later (for a kind with parts).
/// `newer` says whether the change is later than the version held here: it decides between two
/// parts with no time (from before parts were timed, or from an older Daybreak), as the whole
/// record was decided before. Whether the change brings anything: a part of its own kept, or a
/// row not here yet (a kind without parts always does).
pub(super) fn keep_later_parts(
    conn: &Connection,
    kind: &Kind,
    uuid: &str,
    values: &mut [SqlValue],
    newer: bool,
) -> rusqlite::Result<bool> {
    let Some(parts) = parts_of(kind) else {
        return Ok(true);
    };
    let names: Vec<&str> = parts
        .iter()
        .flat_map(|(at, columns)| std::iter::once(*at).chain(columns.iter().copied()))
        .collect();
    let here: Option<Vec<SqlValue>> = conn
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE uuid = ?1",
            names.join(", "),
            kind.table
        ))?
        .query_row([uuid], |r| (0..names.len()).map(|i| r.get(i)).collect())
        .optional()?;
    let Some(here) = here else {
        return Ok(true);
    };
    let value_here = |name: &str| {
        let at = names.iter().position(|n| *n == name);
        at.map_or(SqlValue::Null, |at| here[at].clone())
    };
    let index = |name: &str| {
        kind.columns
            .iter()
            .position(|c| c.name == name)
            .map(|i| i + 1)
    };
    let mut brings = false;
    for (at, columns) in parts {
        if index(at).is_none() {
            continue;
        }
        let names = || std::iter::once(*at).chain(columns.iter().copied());
        let part_here: Vec<SqlValue> = names().map(value_here).collect();
        let part_there: Vec<SqlValue> = names()
            .map(|name| index(name).map_or(SqlValue::Null, |i| values[i].clone()))
            .collect();
        let keep_here = match time(&part_here[0]).cmp(&time(&part_there[0])) {
            Ordering::Greater => true,
            Ordering::Less => false,
            // Neither timed: the later change's, as before parts had times.
            Ordering::Equal if time(&part_here[0]).is_none() => !newer,
            // Written at the same millisecond: the same part on every computer, by its content
            // (the same content: nothing to bring).
            Ordering::Equal => content_order(&part_here, &part_there) != Ordering::Less,
        };
        brings |= !keep_here;
        if keep_here {
            for (name, value) in names().zip(part_here) {
                if let Some(i) = index(name) {
                    values[i] = value;
                }
            }
        }
    }
    Ok(brings)
}

/// When a part was written: none (never written, or before parts were timed) is the oldest.
fn time(value: &SqlValue) -> Option<i64> {
    match value {
        SqlValue::Integer(at) => Some(*at),
        _ => None,
    }
}

/// A total order on a part's values, the same on every computer: by type, then by value.
fn content_order(a: &[SqlValue], b: &[SqlValue]) -> Ordering {
    fn rank(value: &SqlValue) -> u8 {
        match value {
            SqlValue::Null => 0,
            SqlValue::Integer(_) => 1,
            SqlValue::Real(_) => 2,
            SqlValue::Text(_) => 3,
            SqlValue::Blob(_) => 4,
        }
    }
    let one = |a: &SqlValue, b: &SqlValue| match (a, b) {
        (SqlValue::Integer(x), SqlValue::Integer(y)) => x.cmp(y),
        (SqlValue::Real(x), SqlValue::Real(y)) => x.total_cmp(y),
        (SqlValue::Text(x), SqlValue::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (SqlValue::Blob(x), SqlValue::Blob(y)) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    };
    a.iter()
        .zip(b)
        .map(|(x, y)| one(x, y))
        .find(|order| order.is_ne())
        .unwrap_or(Ordering::Equal)
}
