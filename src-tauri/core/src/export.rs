//! The open export: everything in the journal as one JSON document, readable by anyone, in a
//! documented and versioned format (README.md, "The open export format"). Ids are left out; links between
//! entries use names (a craving's triggers, a mood's emotions) so the file reads on its own.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::OptionalExtension;
use serde_json::{json, Value};

use crate::data_error::{from_millis, DataError};
use crate::store::Store;

pub const FORMAT: &str = "daybreak-export";
pub const VERSION: u32 = 1;

fn rows(store: &Store, sql: &str, columns: &[&str]) -> Result<Vec<Value>, DataError> {
    store.read(|conn| {
        let mut stmt = conn.prepare(sql)?;
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut object = serde_json::Map::new();
            for (i, name) in columns.iter().enumerate() {
                let value: rusqlite::types::Value = row.get(i)?;
                let json = match value {
                    rusqlite::types::Value::Null => Value::Null,
                    rusqlite::types::Value::Integer(n) if name.ends_with("At") || *name == "at" => {
                        Value::String(from_millis(n)?.to_rfc3339())
                    }
                    rusqlite::types::Value::Integer(n) => json!(n),
                    rusqlite::types::Value::Real(f) => json!(f),
                    rusqlite::types::Value::Text(t) => Value::String(t),
                    rusqlite::types::Value::Blob(_) => Value::Null,
                };
                object.insert(name.to_string(), json);
            }
            out.push(Value::Object(object));
        }
        Ok(out)
    })
}

/// Turns the named list columns (unit-separated text, or null) into JSON arrays.
fn lists(mut items: Vec<Value>, names: &[&str]) -> Vec<Value> {
    for item in &mut items {
        for name in names {
            let list = match item.get(*name) {
                Some(Value::String(s)) => s.split('\u{1f}').map(|p| json!(p)).collect(),
                Some(Value::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            item[*name] = Value::Array(list);
        }
    }
    items
}

/// The relapse plan, with its high-risk triggers also by name (ids mean nothing elsewhere).
fn plan(store: &Store) -> Result<Value, DataError> {
    let plan = crate::sos::plan::get(store)?;
    let mut names = Vec::new();
    store.read(|conn| {
        for id in &plan.high_risk_triggers {
            let name: Option<String> = conn
                .query_row("SELECT name FROM triggers WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            names.extend(name);
        }
        Ok::<_, DataError>(())
    })?;
    let mut value = serde_json::to_value(plan).expect("a plan serializes");
    value["highRiskTriggerNames"] = json!(names);
    Ok(value)
}

/// Everything, as a JSON value.
pub fn export(store: &Store, now: DateTime<Utc>) -> Result<Value, DataError> {
    const SEP: &str = "char(31)";
    let clocks = lists(
        rows(
            store,
            &format!(
                "SELECT c.name, c.started_at, c.pinned, c.archived, c.money_per_day_cents, c.currency,
                        c.minutes_per_day,
                        (SELECT group_concat(s.at || '|' || coalesce(s.note, ''), {SEP}) FROM slips s WHERE s.clock_id = c.id)
                 FROM clocks c ORDER BY c.id"
            ),
            &["name", "startedAt", "pinned", "archived", "moneyPerDayCents", "currency", "minutesPerDay", "slips"],
        )?,
        &["slips"],
    );
    let clocks: Vec<Value> = clocks
        .into_iter()
        .map(|mut c| {
            let slips: Vec<Value> = c["slips"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|s| {
                    let s = s.as_str()?.to_string();
                    let (at, note) = s.split_once('|')?;
                    let at = from_millis(at.parse().ok()?).ok()?.to_rfc3339();
                    Some(json!({ "at": at, "note": if note.is_empty() { Value::Null } else { json!(note) } }))
                })
                .collect();
            c["slips"] = Value::Array(slips);
            c
        })
        .collect();
    let moods = lists(
        rows(
            store,
            &format!(
                "SELECT m.at, m.mood, m.craving, m.hungry, m.angry, m.lonely, m.tired, m.sleep_hours, m.note,
                        (SELECT group_concat(e.name, {SEP}) FROM mood_emotions me JOIN emotions e ON e.id = me.emotion_id WHERE me.mood_id = m.id)
                 FROM moods m WHERE m.deleted_at IS NULL ORDER BY m.at"
            ),
            &["at", "mood", "craving", "hungry", "angry", "lonely", "tired", "sleepHours", "note", "emotions"],
        )?,
        &["emotions"],
    );
    let cravings = lists(
        rows(
            store,
            &format!(
                "SELECT c.at, c.strength, c.place, c.people, c.outcome, c.note,
                        (SELECT group_concat(t.name, {SEP}) FROM craving_triggers ct JOIN triggers t ON t.id = ct.trigger_id WHERE ct.craving_id = c.id),
                        (SELECT group_concat(a.name, {SEP}) FROM craving_actions ca JOIN coping_actions a ON a.id = ca.action_id WHERE ca.craving_id = c.id)
                 FROM cravings c WHERE c.deleted_at IS NULL ORDER BY c.at"
            ),
            &["at", "strength", "place", "people", "outcome", "note", "triggers", "actions"],
        )?,
        &["triggers", "actions"],
    );
    let journal = lists(
        rows(
            store,
            &format!(
                "SELECT j.at, j.title, j.body, (SELECT group_concat(tag, {SEP}) FROM journal_tags WHERE entry_id = j.id)
                 FROM journal_entries j WHERE j.deleted_at IS NULL ORDER BY j.at"
            ),
            &["at", "title", "body", "tags"],
        )?,
        &["tags"],
    );
    Ok(json!({
        "format": FORMAT,
        "version": VERSION,
        "exportedAt": now.to_rfc3339(),
        "readableByAnyone": "This file is not encrypted. Anyone who opens it can read your journal.",
        "clocks": clocks,
        "checkIns": rows(store, "SELECT day, intention, sober, difficulty, note FROM check_ins ORDER BY day",
            &["day", "intention", "sober", "difficulty", "note"])?,
        "triggers": rows(store, "SELECT key, name, archived FROM triggers ORDER BY id", &["key", "name", "archived"])?,
        "moods": moods,
        "cravings": cravings,
        "journal": journal,
        "people": rows(store, "SELECT name, phone, note FROM people ORDER BY position, id", &["name", "phone", "note"])?,
        "reasons": rows(store, "SELECT text FROM reasons ORDER BY position, id", &["text"])?,
        "relapsePlan": plan(store)?,
        "library": {
            "imported": rows(store, "SELECT title, markdown, source_file FROM imported_articles ORDER BY imported_at",
                &["title", "markdown", "sourceFile"])?,
            "reading": rows(store, "SELECT slug, bookmarked, progress, note FROM article_state ORDER BY slug",
                &["slug", "bookmarked", "progress", "note"])?,
        },
    }))
}

/// Writes the export into `dir` under a dated name that overwrites nothing; returns its path.
pub fn export_to(
    dir: &Path,
    store: &Store,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<PathBuf, DataError> {
    write_json(dir, &export(store, now)?, now, tz)
}

/// Saves an export read with `export` (the slow half, done after the journal is let go).
pub fn write_json(
    dir: &Path,
    export: &Value,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<PathBuf, DataError> {
    let text = serde_json::to_string_pretty(export).expect("JSON serializes");
    crate::export_file::write_new(
        dir,
        "daybreak-export",
        "json",
        text.as_bytes(),
        crate::data_error::FileAction::SaveExport,
        now,
        tz,
    )
}
