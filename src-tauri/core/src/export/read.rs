//! Reads the journal into the export's records (`records.rs`): every kind, with its uuid,
//! links between records by name (a craving's triggers, a mood's emotions) so the file reads
//! on its own. Deleted entries (kept for undo) are left out.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::records::{
    CheckInRecord, ClockRecord, CravingRecord, ImportedArticleRecord, JournalRecord, LibraryRecord,
    MoodRecord, PersonRecord, PlanRecord, ReadingRecord, ReasonRecord, SlipRecord, TriggerRecord,
};
use crate::data_error::{from_millis, DataError};

/// The separator `group_concat` joins a record's list with (the unit separator, which no
/// name or tag holds).
const SEP: &str = "char(31)";

/// A list read with `group_concat(…, SEP)`, back into its items.
fn list(row: &Row<'_>, name: &str) -> rusqlite::Result<Vec<String>> {
    let joined: Option<String> = row.get(name)?;
    Ok(joined.map_or_else(Vec::new, |j| j.split('\u{1f}').map(String::from).collect()))
}

/// A stored local date (`YYYY-MM-DD`).
fn day(text: &str) -> rusqlite::Result<chrono::NaiveDate> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    conn.prepare(sql)?.query_map([], f)?.collect()
}

pub(super) fn clocks(conn: &Connection) -> rusqlite::Result<Vec<ClockRecord>> {
    let mut slips: HashMap<i64, Vec<SlipRecord>> = HashMap::new();
    let rows = all(
        conn,
        &format!(
            "SELECT s.clock_id, s.uuid, s.at, s.note,
                    (SELECT group_concat(t.name, {SEP}) FROM slip_triggers st
                     JOIN triggers t ON t.id = st.trigger_id WHERE st.slip_id = s.id) AS triggers
             FROM slips s ORDER BY s.clock_id, s.at, s.id"
        ),
        |r| {
            Ok((
                r.get::<_, i64>("clock_id")?,
                SlipRecord {
                    uuid: r.get("uuid")?,
                    at: from_millis(r.get("at")?)?,
                    note: r.get("note")?,
                    triggers: list(r, "triggers")?,
                },
            ))
        },
    )?;
    for (clock, slip) in rows {
        slips.entry(clock).or_default().push(slip);
    }
    all(conn, "SELECT * FROM clocks ORDER BY id", |r| {
        Ok(ClockRecord {
            uuid: r.get("uuid")?,
            name: r.get("name")?,
            started_at: from_millis(r.get("started_at")?)?,
            pinned: r.get("pinned")?,
            archived: r.get("archived")?,
            money_per_day_cents: r.get("money_per_day_cents")?,
            currency: r.get("currency")?,
            minutes_per_day: r.get("minutes_per_day")?,
            slips: slips.remove(&r.get::<_, i64>("id")?).unwrap_or_default(),
        })
    })
}

pub(super) fn check_ins(conn: &Connection) -> rusqlite::Result<Vec<CheckInRecord>> {
    all(
        conn,
        "SELECT uuid, day, intention, sober, difficulty, note FROM check_ins ORDER BY day",
        |r| {
            Ok(CheckInRecord {
                uuid: r.get("uuid")?,
                day: day(&r.get::<_, String>("day")?)?,
                intention: r.get("intention")?,
                sober: r.get("sober")?,
                difficulty: r.get("difficulty")?,
                note: r.get("note")?,
            })
        },
    )
}

pub(super) fn triggers(conn: &Connection) -> rusqlite::Result<Vec<TriggerRecord>> {
    all(
        conn,
        "SELECT uuid, key, name, archived FROM triggers ORDER BY id",
        |r| {
            Ok(TriggerRecord {
                uuid: r.get("uuid")?,
                key: r.get("key")?,
                name: r.get("name")?,
                archived: r.get("archived")?,
            })
        },
    )
}

pub(super) fn moods(conn: &Connection) -> rusqlite::Result<Vec<MoodRecord>> {
    all(
        conn,
        &format!(
            "SELECT m.*, (SELECT group_concat(e.name, {SEP}) FROM mood_emotions me
                          JOIN emotions e ON e.id = me.emotion_id WHERE me.mood_id = m.id) AS emotions
             FROM moods m WHERE m.deleted_at IS NULL ORDER BY m.at, m.id"
        ),
        |r| {
            Ok(MoodRecord {
                uuid: r.get("uuid")?,
                at: from_millis(r.get("at")?)?,
                mood: r.get("mood")?,
                craving: r.get("craving")?,
                hungry: r.get("hungry")?,
                angry: r.get("angry")?,
                lonely: r.get("lonely")?,
                tired: r.get("tired")?,
                sleep_hours: r.get("sleep_hours")?,
                note: r.get("note")?,
                emotions: list(r, "emotions")?,
            })
        },
    )
}

pub(super) fn cravings(conn: &Connection) -> rusqlite::Result<Vec<CravingRecord>> {
    all(
        conn,
        &format!(
            "SELECT c.*, (SELECT s.uuid FROM slips s WHERE s.id = c.slip_id) AS slip_uuid,
                    (SELECT group_concat(t.name, {SEP}) FROM craving_triggers ct
                     JOIN triggers t ON t.id = ct.trigger_id WHERE ct.craving_id = c.id) AS trigger_names,
                    (SELECT group_concat(a.name, {SEP}) FROM craving_actions ca
                     JOIN coping_actions a ON a.id = ca.action_id WHERE ca.craving_id = c.id) AS action_names
             FROM cravings c WHERE c.deleted_at IS NULL ORDER BY c.at, c.id"
        ),
        |r| {
            Ok(CravingRecord {
                uuid: r.get("uuid")?,
                at: from_millis(r.get("at")?)?,
                strength: r.get("strength")?,
                place: r.get("place")?,
                people: r.get("people")?,
                outcome: r.get("outcome")?,
                note: r.get("note")?,
                triggers: list(r, "trigger_names")?,
                actions: list(r, "action_names")?,
                slip: r.get("slip_uuid")?,
            })
        },
    )
}

pub(super) fn journal(conn: &Connection) -> rusqlite::Result<Vec<JournalRecord>> {
    all(
        conn,
        &format!(
            "SELECT j.uuid, j.at, j.title, j.body,
                    (SELECT group_concat(tag, {SEP}) FROM journal_tags WHERE entry_id = j.id) AS tags
             FROM journal_entries j WHERE j.deleted_at IS NULL ORDER BY j.at, j.id"
        ),
        |r| {
            Ok(JournalRecord {
                uuid: r.get("uuid")?,
                at: from_millis(r.get("at")?)?,
                title: r.get("title")?,
                body: r.get("body")?,
                tags: list(r, "tags")?,
            })
        },
    )
}

pub(super) fn people(conn: &Connection) -> rusqlite::Result<Vec<PersonRecord>> {
    all(
        conn,
        "SELECT uuid, name, phone, note FROM people ORDER BY position, id",
        |r| {
            Ok(PersonRecord {
                uuid: r.get("uuid")?,
                name: r.get("name")?,
                phone: r.get("phone")?,
                note: r.get("note")?,
            })
        },
    )
}

pub(super) fn reasons(conn: &Connection) -> rusqlite::Result<Vec<ReasonRecord>> {
    all(
        conn,
        "SELECT uuid, text FROM reasons ORDER BY position, id",
        |r| {
            Ok(ReasonRecord {
                uuid: r.get("uuid")?,
                text: r.get("text")?,
            })
        },
    )
}

/// The relapse plan, with its high-risk triggers also by name.
pub(super) fn plan(conn: &Connection) -> Result<PlanRecord, DataError> {
    let plan = crate::sos::plan::read(conn)?;
    let uuid: Option<String> = conn
        .query_row("SELECT uuid FROM relapse_plan WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    let mut names = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT name FROM triggers WHERE id = ?1")?;
    for id in &plan.high_risk_triggers {
        names.extend(stmt.query_row([id], |r| r.get(0)).optional()?);
    }
    Ok(PlanRecord {
        uuid: uuid.or_else(|| Some(crate::store::capture::name_uuid("relapse_plan", "the plan"))),
        plan,
        high_risk_trigger_names: names,
    })
}

pub(super) fn library(conn: &Connection) -> rusqlite::Result<LibraryRecord> {
    Ok(LibraryRecord {
        imported: all(
            conn,
            "SELECT uuid, title, markdown, source_file FROM imported_articles ORDER BY imported_at, rowid",
            |r| {
                Ok(ImportedArticleRecord {
                    uuid: r.get("uuid")?,
                    title: r.get("title")?,
                    markdown: r.get("markdown")?,
                    source_file: r.get("source_file")?,
                })
            },
        )?,
        reading: all(
            conn,
            "SELECT uuid, slug, bookmarked, progress, note FROM article_state ORDER BY slug",
            |r| {
                Ok(ReadingRecord {
                    uuid: r.get("uuid")?,
                    slug: r.get("slug")?,
                    bookmarked: r.get("bookmarked")?,
                    progress: r.get("progress")?,
                    note: r.get("note")?,
                })
            },
        )?,
    })
}
