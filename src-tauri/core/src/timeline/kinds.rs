//! One small query per stored kind, each read into its own typed row and then into a
//! `TimelineItem`. Every query reads its kind newest first through the kind's `at` index, after
//! the page's cursor and within its dates, one more than the page holds.

use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, types::Value, Connection, Row};

use super::{excerpt, EntryKind, Position, TimelineFilter, TimelineItem};
use crate::catalogue::Label;
use crate::cravings::CravingOutcome;
use crate::data_error::{from_millis, DataError};

/// One kind's slice of a page.
pub(super) struct Slice<'a> {
    pub kind: EntryKind,
    pub filter: &'a TimelineFilter,
    pub before: Option<Position>,
    /// Local-day bounds as UTC milliseconds: from (inclusive), to (exclusive).
    pub range: (Option<i64>, Option<i64>),
    pub limit: usize,
}

/// A kind's SQL: the select (ending in its own `WHERE`), and its `at` and `id` expressions.
struct Select {
    sql: &'static str,
    at: &'static str,
    id: &'static str,
}

impl Slice<'_> {
    /// Conditions shared by every kind, on the kind's `at` and `id` expressions, with values.
    fn conditions(&self, at: &str, id: &str) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(p) = self.before {
            let rank = self.kind.rank();
            // Strictly after the cursor in (at DESC, rank DESC, id DESC) order.
            if rank < p.rank {
                sql.push_str(&format!(" AND {at} <= ?"));
                values.push(Value::Integer(p.at));
            } else if rank == p.rank {
                sql.push_str(&format!(" AND ({at} < ? OR ({at} = ? AND {id} < ?))"));
                values.extend([
                    Value::Integer(p.at),
                    Value::Integer(p.at),
                    Value::Integer(p.id),
                ]);
            } else {
                sql.push_str(&format!(" AND {at} < ?"));
                values.push(Value::Integer(p.at));
            }
        }
        if let Some(from) = self.range.0 {
            sql.push_str(&format!(" AND {at} >= ?"));
            values.push(Value::Integer(from));
        }
        if let Some(to) = self.range.1 {
            sql.push_str(&format!(" AND {at} < ?"));
            values.push(Value::Integer(to));
        }
        (sql, values)
    }

    /// Runs `select` with the shared conditions and the kind's own `extra` one (if any), newest
    /// first, and reads each row with `read`.
    fn query<T>(
        &self,
        conn: &Connection,
        select: Select,
        extra: Option<(&str, Value)>,
        read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, DataError> {
        let Select { sql, at, id } = select;
        let (conditions, mut values) = self.conditions(at, id);
        let mut sql = format!("{sql}{conditions}");
        if let Some((condition, value)) = extra {
            sql.push_str(&format!(" AND {condition}"));
            values.push(value);
        }
        sql.push_str(&format!(
            " ORDER BY {at} DESC, {id} DESC LIMIT {}",
            self.limit + 1
        ));
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| read(r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The trigger filter, for the kinds that have triggers.
    fn trigger(&self, condition: &'static str) -> Option<(&'static str, Value)> {
        self.filter
            .trigger_id
            .map(|trigger| (condition, Value::Integer(trigger)))
    }
}

/// A note's first words, or nothing.
fn note_excerpt(note: Option<String>) -> String {
    note.as_deref().map(excerpt).unwrap_or_default()
}

/// A list stored with `group_concat(…, char(31))`.
fn unit_separated(list: Option<String>) -> Vec<String> {
    list.map(|s| s.split('\u{1f}').map(String::from).collect())
        .unwrap_or_default()
}

/// Labels read with `group_concat(id || char(30) || builtin || char(30) || name, char(31))`
/// (see `LABELS`). A part that does not read back is left out rather than shown wrong.
fn labels(list: Option<String>) -> Vec<Label> {
    unit_separated(list)
        .into_iter()
        .filter_map(|part| {
            let mut fields = part.splitn(3, '\u{1e}');
            let id = fields.next()?.parse().ok()?;
            let builtin = fields.next()? == "1";
            let name = fields.next()?.to_string();
            Some(Label { id, name, builtin })
        })
        .collect()
}

/// The outcome as stored; anything unknown reads as still struggling, the cautious reading.
fn outcome(stored: &str) -> CravingOutcome {
    match stored {
        "passed" => CravingOutcome::Passed,
        "used" => CravingOutcome::Used,
        _ => CravingOutcome::Struggling,
    }
}

struct MoodRow {
    id: i64,
    at: DateTime<Utc>,
    mood: u8,
    note: Option<String>,
    emotions: Option<String>,
}

pub(super) fn moods(conn: &Connection, slice: &Slice<'_>) -> Result<Vec<TimelineItem>, DataError> {
    let select = Select {
        sql: "SELECT m.id, m.at, m.mood, m.note,
                     (SELECT group_concat(e.id || char(30) || e.builtin || char(30) || e.name,
                                          char(31))
                        FROM mood_emotions me JOIN emotions e ON e.id = me.emotion_id
                        WHERE me.mood_id = m.id) AS emotions
              FROM moods m WHERE m.deleted_at IS NULL",
        at: "m.at",
        id: "m.id",
    };
    let rows = slice.query(conn, select, None, |r| {
        Ok(MoodRow {
            id: r.get("id")?,
            at: from_millis(r.get("at")?)?,
            mood: r.get("mood")?,
            note: r.get("note")?,
            emotions: r.get("emotions")?,
        })
    })?;
    Ok(rows
        .into_iter()
        .map(|m| TimelineItem {
            mood: Some(m.mood),
            emotions: labels(m.emotions),
            excerpt: note_excerpt(m.note),
            ..TimelineItem::new(EntryKind::Mood, m.id, m.at)
        })
        .collect())
}

struct CravingRow {
    id: i64,
    at: DateTime<Utc>,
    strength: u8,
    outcome: String,
    note: Option<String>,
    triggers: Option<String>,
}

pub(super) fn cravings(
    conn: &Connection,
    slice: &Slice<'_>,
) -> Result<Vec<TimelineItem>, DataError> {
    let select = Select {
        sql: "SELECT c.id, c.at, c.strength, c.outcome, c.note,
                     (SELECT group_concat(t.id || char(30) || (t.key IS NOT NULL) || char(30)
                                            || t.name, char(31))
                        FROM craving_triggers ct JOIN triggers t ON t.id = ct.trigger_id
                        WHERE ct.craving_id = c.id) AS triggers
              FROM cravings c WHERE c.deleted_at IS NULL",
        at: "c.at",
        id: "c.id",
    };
    let by_trigger =
        slice.trigger("c.id IN (SELECT craving_id FROM craving_triggers WHERE trigger_id = ?)");
    let rows = slice.query(conn, select, by_trigger, |r| {
        Ok(CravingRow {
            id: r.get("id")?,
            at: from_millis(r.get("at")?)?,
            strength: r.get("strength")?,
            outcome: r.get("outcome")?,
            note: r.get("note")?,
            triggers: r.get("triggers")?,
        })
    })?;
    Ok(rows
        .into_iter()
        .map(|c| TimelineItem {
            strength: Some(c.strength),
            outcome: Some(outcome(&c.outcome)),
            triggers: labels(c.triggers),
            excerpt: note_excerpt(c.note),
            ..TimelineItem::new(EntryKind::Craving, c.id, c.at)
        })
        .collect())
}

struct JournalRow {
    id: i64,
    at: DateTime<Utc>,
    title: String,
    body: String,
    tags: Option<String>,
}

pub(super) fn journal_entries(
    conn: &Connection,
    slice: &Slice<'_>,
) -> Result<Vec<TimelineItem>, DataError> {
    let select = Select {
        sql: "SELECT j.id, j.at, j.title, j.body,
                     (SELECT group_concat(tag, char(31)) FROM journal_tags WHERE entry_id = j.id)
                       AS tags
              FROM journal_entries j WHERE j.deleted_at IS NULL",
        at: "j.at",
        id: "j.id",
    };
    let by_tag = slice.filter.tag.as_ref().map(|tag| {
        (
            "j.id IN (SELECT entry_id FROM journal_tags WHERE tag = ?)",
            Value::Text(tag.trim().to_lowercase()),
        )
    });
    let rows = slice.query(conn, select, by_tag, |r| {
        Ok(JournalRow {
            id: r.get("id")?,
            at: from_millis(r.get("at")?)?,
            title: r.get("title")?,
            body: r.get("body")?,
            tags: r.get("tags")?,
        })
    })?;
    Ok(rows
        .into_iter()
        .map(|j| TimelineItem {
            title: (!j.title.is_empty()).then_some(j.title),
            excerpt: excerpt(&j.body),
            tags: unit_separated(j.tags),
            ..TimelineItem::new(EntryKind::Journal, j.id, j.at)
        })
        .collect())
}

struct SlipRow {
    id: i64,
    at: DateTime<Utc>,
    clock: String,
    note: Option<String>,
    triggers: Option<String>,
}

pub(super) fn slips(conn: &Connection, slice: &Slice<'_>) -> Result<Vec<TimelineItem>, DataError> {
    let select = Select {
        sql: "SELECT s.id, s.at, k.name AS clock, s.note,
                     (SELECT group_concat(t.id || char(30) || (t.key IS NOT NULL) || char(30)
                                            || t.name, char(31))
                        FROM slip_triggers st JOIN triggers t ON t.id = st.trigger_id
                        WHERE st.slip_id = s.id) AS triggers
              FROM slips s JOIN clocks k ON k.id = s.clock_id WHERE 1",
        at: "s.at",
        id: "s.id",
    };
    let by_trigger =
        slice.trigger("s.id IN (SELECT slip_id FROM slip_triggers WHERE trigger_id = ?)");
    let rows = slice.query(conn, select, by_trigger, |r| {
        Ok(SlipRow {
            id: r.get("id")?,
            at: from_millis(r.get("at")?)?,
            clock: r.get("clock")?,
            note: r.get("note")?,
            triggers: r.get("triggers")?,
        })
    })?;
    Ok(rows
        .into_iter()
        .map(|s| TimelineItem {
            clock: Some(s.clock),
            triggers: labels(s.triggers),
            excerpt: note_excerpt(s.note),
            ..TimelineItem::new(EntryKind::Slip, s.id, s.at)
        })
        .collect())
}

struct CheckInRow {
    id: i64,
    at: DateTime<Utc>,
    intention: Option<String>,
    sober: Option<bool>,
    difficulty: Option<u8>,
    note: Option<String>,
}

pub(super) fn check_ins(
    conn: &Connection,
    slice: &Slice<'_>,
) -> Result<Vec<TimelineItem>, DataError> {
    let select = Select {
        sql: "SELECT rowid AS id, coalesce(evening_at, morning_at) AS at, intention, sober,
                     difficulty, note
              FROM check_ins WHERE coalesce(evening_at, morning_at) IS NOT NULL",
        at: "coalesce(evening_at, morning_at)",
        id: "rowid",
    };
    let rows = slice.query(conn, select, None, |r| {
        Ok(CheckInRow {
            id: r.get("id")?,
            at: from_millis(r.get("at")?)?,
            intention: r.get("intention")?,
            sober: r.get("sober")?,
            difficulty: r.get("difficulty")?,
            note: r.get("note")?,
        })
    })?;
    Ok(rows
        .into_iter()
        .map(|c| TimelineItem {
            intention: c.intention.filter(|i| !i.trim().is_empty()),
            sober: c.sober,
            difficulty: c.difficulty,
            excerpt: note_excerpt(c.note),
            ..TimelineItem::new(EntryKind::CheckIn, c.id, c.at)
        })
        .collect())
}
