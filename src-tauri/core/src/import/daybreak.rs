//! Importing Daybreak's own open export (see `export`). Entries already in the journal are
//! skipped, so importing the same file twice changes nothing; the relapse plan and the
//! library's reading state are merged into what is there, never overwriting what the person
//! already wrote.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Deserialize;

use super::ImportSummary;
use crate::data_error::{to_millis, DataError, Refusal};
use crate::export::{FORMAT, VERSION};
use crate::moods;
use crate::sos::plan::RelapsePlan;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportFile {
    format: String,
    version: u32,
    #[serde(default)]
    clocks: Vec<ClockRec>,
    #[serde(default)]
    check_ins: Vec<CheckInRec>,
    #[serde(default)]
    triggers: Vec<TriggerRec>,
    #[serde(default)]
    moods: Vec<MoodRec>,
    #[serde(default)]
    cravings: Vec<CravingRec>,
    #[serde(default)]
    journal: Vec<JournalRec>,
    #[serde(default)]
    people: Vec<PersonRec>,
    #[serde(default)]
    reasons: Vec<ReasonRec>,
    #[serde(default)]
    relapse_plan: Option<PlanRec>,
    #[serde(default)]
    library: Option<LibraryRec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanRec {
    #[serde(flatten)]
    plan: RelapsePlan,
    /// Triggers by name (ids mean nothing in another journal); absent in early exports.
    #[serde(default)]
    high_risk_trigger_names: Vec<String>,
}

#[derive(Deserialize, Default)]
struct LibraryRec {
    #[serde(default)]
    imported: Vec<ImportedRec>,
    #[serde(default)]
    reading: Vec<ReadingRec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ImportedRec {
    title: String,
    markdown: String,
    source_file: String,
}

#[derive(Deserialize)]
struct ReadingRec {
    slug: String,
    bookmarked: i64,
    progress: f64,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ClockRec {
    name: String,
    started_at: DateTime<Utc>,
    pinned: i64,
    archived: i64,
    money_per_day_cents: Option<i64>,
    currency: Option<String>,
    minutes_per_day: Option<i64>,
    #[serde(default)]
    slips: Vec<SlipRec>,
}

#[derive(Deserialize)]
struct SlipRec {
    at: DateTime<Utc>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct CheckInRec {
    day: NaiveDate,
    intention: Option<String>,
    sober: Option<i64>,
    difficulty: Option<i64>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct TriggerRec {
    key: Option<String>,
    name: String,
    archived: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MoodRec {
    at: DateTime<Utc>,
    mood: i64,
    craving: Option<i64>,
    hungry: i64,
    angry: i64,
    lonely: i64,
    tired: i64,
    sleep_hours: Option<f64>,
    note: Option<String>,
    #[serde(default)]
    emotions: Vec<String>,
}

#[derive(Deserialize)]
struct CravingRec {
    at: DateTime<Utc>,
    strength: i64,
    place: Option<String>,
    people: Option<String>,
    outcome: String,
    note: Option<String>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    actions: Vec<String>,
}

#[derive(Deserialize)]
struct JournalRec {
    at: DateTime<Utc>,
    title: String,
    body: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct PersonRec {
    name: String,
    phone: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct ReasonRec {
    text: String,
}

fn exists(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<bool> {
    conn.query_row(sql, params, |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
}

fn named(conn: &Connection, table: &str, name: &str) -> rusqlite::Result<i64> {
    conn.execute(
        &format!("INSERT OR IGNORE INTO {table} (name) VALUES (?1)"),
        [name],
    )?;
    conn.query_row(
        &format!("SELECT id FROM {table} WHERE name = ?1"),
        [name],
        |r| r.get(0),
    )
}

fn trigger_id(conn: &Connection, name: &str, now: DateTime<Utc>) -> rusqlite::Result<i64> {
    if let Some(id) = conn
        .query_row(
            "SELECT id FROM triggers WHERE name = ?1 COLLATE NOCASE ORDER BY archived LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO triggers (name, created_at) VALUES (?1, ?2)",
        (name, to_millis(now)),
    )?;
    Ok(conn.last_insert_rowid())
}

/// Reads a Daybreak export; checks only its shape (values are checked as they are written).
pub fn parse(bytes: &[u8]) -> Result<ExportFile, DataError> {
    let file: ExportFile = serde_json::from_slice(bytes)
        .map_err(|_| DataError::Refused(Refusal::NotADaybreakExport))?;
    if file.format != FORMAT {
        return Err(DataError::Refused(Refusal::NotADaybreakExport));
    }
    if file.version > VERSION {
        return Err(DataError::Refused(Refusal::NewerExport));
    }
    Ok(file)
}

fn unreadable<E>(_: E) -> DataError {
    DataError::Refused(Refusal::BadEntry)
}

/// Writes a parsed export into the transaction, counting what is new and what was there.
pub fn write(
    tx: &Transaction<'_>,
    file: &ExportFile,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    {
        for t in &file.triggers {
            let known = match &t.key {
                Some(key) => exists(tx, "SELECT 1 FROM triggers WHERE key = ?1", [key]),
                None => exists(
                    tx,
                    "SELECT 1 FROM triggers WHERE name = ?1 COLLATE NOCASE",
                    [&t.name],
                ),
            }
            .map_err(unreadable)?;
            if !known {
                tx.execute(
                    "INSERT INTO triggers (name, archived, created_at) VALUES (?1, ?2, ?3)",
                    (&t.name, t.archived, to_millis(now)),
                )
                .map_err(unreadable)?;
            }
            s.count("triggers", !known);
        }
        for c in &file.clocks {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM clocks WHERE name = ?1 AND started_at = ?2",
                    (&c.name, to_millis(c.started_at)),
                    |r| r.get(0),
                )
                .optional()
                .map_err(unreadable)?;
            let id = match existing {
                Some(id) => id,
                None => {
                    let pinned = c.pinned == 1
                        && !exists(tx, "SELECT 1 FROM clocks WHERE pinned = 1", [])
                            .map_err(unreadable)?;
                    tx.execute(
                        "INSERT INTO clocks (name, started_at, pinned, archived, money_per_day_cents, currency, minutes_per_day, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        (&c.name, to_millis(c.started_at), pinned, c.archived, c.money_per_day_cents, &c.currency, c.minutes_per_day, to_millis(now)),
                    )
                    .map_err(unreadable)?;
                    tx.last_insert_rowid()
                }
            };
            s.count("clocks", existing.is_none());
            for slip in &c.slips {
                let known = exists(
                    tx,
                    "SELECT 1 FROM slips WHERE clock_id = ?1 AND at = ?2",
                    (id, to_millis(slip.at)),
                )
                .map_err(unreadable)?;
                if !known {
                    tx.execute("INSERT INTO slips (clock_id, at, note, created_at) VALUES (?1, ?2, ?3, ?4)", (id, to_millis(slip.at), &slip.note, to_millis(now)))
                        .map_err(unreadable)?;
                }
                s.count("slips", !known);
            }
        }
        for c in &file.check_ins {
            let known = exists(
                tx,
                "SELECT 1 FROM check_ins WHERE day = ?1",
                [c.day.to_string()],
            )
            .map_err(unreadable)?;
            if !known {
                tx.execute(
                    "INSERT INTO check_ins (day, intention, sober, difficulty, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (c.day.to_string(), &c.intention, c.sober, c.difficulty, &c.note),
                )
                .map_err(unreadable)?;
            }
            s.count("check-ins", !known);
        }
        for m in &file.moods {
            let known =
                moods::already_logged(tx, m.at, m.mood, m.note.as_deref()).map_err(unreadable)?;
            if !known {
                let row = moods::MoodRow {
                    at: m.at,
                    mood: m.mood,
                    craving: m.craving,
                    halt: [m.hungry, m.angry, m.lonely, m.tired],
                    sleep_hours: m.sleep_hours,
                    note: m.note.as_deref(),
                };
                let id = moods::insert(tx, &row, now).map_err(unreadable)?;
                for e in &m.emotions {
                    let eid = named(tx, "emotions", e).map_err(unreadable)?;
                    tx.execute(
                        "INSERT OR IGNORE INTO mood_emotions (mood_id, emotion_id) VALUES (?1, ?2)",
                        (id, eid),
                    )
                    .map_err(unreadable)?;
                }
            }
            s.count("moods", !known);
        }
        for c in &file.cravings {
            let known = exists(tx, "SELECT 1 FROM cravings WHERE at = ?1 AND strength = ?2 AND note IS ?3 AND deleted_at IS NULL", (to_millis(c.at), c.strength, &c.note))
                .map_err(unreadable)?;
            if !known {
                tx.execute(
                    "INSERT INTO cravings (at, strength, place, people, outcome, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    (to_millis(c.at), c.strength, &c.place, &c.people, &c.outcome, &c.note, to_millis(now)),
                )
                .map_err(unreadable)?;
                let id = tx.last_insert_rowid();
                for t in &c.triggers {
                    let tid = trigger_id(tx, t, now).map_err(unreadable)?;
                    tx.execute("INSERT OR IGNORE INTO craving_triggers (craving_id, trigger_id) VALUES (?1, ?2)", (id, tid)).map_err(unreadable)?;
                }
                for a in &c.actions {
                    let aid = named(tx, "coping_actions", a).map_err(unreadable)?;
                    tx.execute("INSERT OR IGNORE INTO craving_actions (craving_id, action_id) VALUES (?1, ?2)", (id, aid)).map_err(unreadable)?;
                }
            }
            s.count("cravings", !known);
        }
        for j in &file.journal {
            let known = exists(tx, "SELECT 1 FROM journal_entries WHERE at = ?1 AND title = ?2 AND body = ?3 AND deleted_at IS NULL", (to_millis(j.at), &j.title, &j.body))
                .map_err(unreadable)?;
            if !known {
                if j.body.trim().is_empty() {
                    return Err(unreadable(rusqlite::Error::InvalidQuery));
                }
                tx.execute(
                    "INSERT INTO journal_entries (at, title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                    (to_millis(j.at), &j.title, &j.body, to_millis(now)),
                )
                .map_err(unreadable)?;
                let id = tx.last_insert_rowid();
                for tag in &j.tags {
                    tx.execute(
                        "INSERT OR IGNORE INTO journal_tags (entry_id, tag) VALUES (?1, ?2)",
                        (id, tag),
                    )
                    .map_err(unreadable)?;
                }
            }
            s.count("journal entries", !known);
        }
        for p in &file.people {
            let known = exists(
                tx,
                "SELECT 1 FROM people WHERE name = ?1 AND phone = ?2",
                (&p.name, &p.phone),
            )
            .map_err(unreadable)?;
            if !known {
                tx.execute(
                    "INSERT INTO people (name, phone, note, position) VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM people))",
                    (&p.name, &p.phone, &p.note),
                )
                .map_err(unreadable)?;
            }
            s.count("people", !known);
        }
        for r in &file.reasons {
            let known = exists(tx, "SELECT 1 FROM reasons WHERE text = ?1", [&r.text])
                .map_err(unreadable)?;
            if !known {
                tx.execute("INSERT INTO reasons (text, position) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM reasons))", [&r.text])
                    .map_err(unreadable)?;
            }
            s.count("reasons", !known);
        }
        if let Some(plan) = &file.relapse_plan {
            merge_plan(tx, plan, now, s)?;
        }
        if let Some(library) = &file.library {
            merge_library(tx, library, now, s)?;
        }
    }
    Ok(())
}

/// Adds what the imported plan has and this one lacks: list items not already there, and
/// "if I slip" only when it is empty here. Counted as one "relapse plan" entry.
fn merge_plan(
    tx: &Transaction<'_>,
    imported: &PlanRec,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    let current = crate::sos::plan::read(tx)?;
    let mut merged = current.clone();
    let add = |into: &mut Vec<String>, from: &[String]| {
        for item in from {
            if !into
                .iter()
                .any(|i| i.trim().eq_ignore_ascii_case(item.trim()))
            {
                into.push(item.clone());
            }
        }
    };
    add(&mut merged.warning_signs, &imported.plan.warning_signs);
    add(
        &mut merged.high_risk_situations,
        &imported.plan.high_risk_situations,
    );
    add(
        &mut merged.coping_strategies,
        &imported.plan.coping_strategies,
    );
    add(&mut merged.places, &imported.plan.places);
    if merged.if_i_slip.trim().is_empty() {
        merged.if_i_slip = imported.plan.if_i_slip.clone();
    }
    for name in &imported.high_risk_trigger_names {
        let id = trigger_id(tx, name, now).map_err(unreadable)?;
        if !merged.high_risk_triggers.contains(&id) {
            merged.high_risk_triggers.push(id);
        }
    }
    merged.high_risk_triggers.sort_unstable();
    let empty = |p: &RelapsePlan| {
        p.warning_signs.is_empty()
            && p.high_risk_situations.is_empty()
            && p.high_risk_triggers.is_empty()
            && p.coping_strategies.is_empty()
            && p.places.is_empty()
            && p.if_i_slip.trim().is_empty()
    };
    if empty(&imported.plan) && imported.high_risk_trigger_names.is_empty() {
        return Ok(());
    }
    let changed = merged != current;
    if changed {
        crate::sos::plan::write(tx, &merged, now).map_err(|e| match e {
            DataError::Refused(_) => DataError::Refused(Refusal::PlanTooLong),
            other => other,
        })?;
    }
    s.count("relapse plan", changed);
    Ok(())
}

/// Imported articles not already in the library (same title and text), then reading state,
/// bookmarks and notes for articles this journal has: a bookmark or progress is kept if
/// either side has it, and a note is only added where there is none.
fn merge_library(
    tx: &Transaction<'_>,
    library: &LibraryRec,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    for a in &library.imported {
        let known = exists(
            tx,
            "SELECT 1 FROM imported_articles WHERE title = ?1 AND markdown = ?2",
            (&a.title, &a.markdown),
        )
        .map_err(unreadable)?;
        if !known {
            if a.markdown.trim().is_empty() || a.title.trim().is_empty() {
                return Err(unreadable(()));
            }
            crate::library::state::insert_imported(tx, &a.title, &a.markdown, &a.source_file, now)?;
        }
        s.count("library articles", !known);
    }
    for r in &library.reading {
        if !crate::library::state::exists(tx, &r.slug)? {
            continue;
        }
        if !(0.0..=1.0).contains(&r.progress) || !(0..=1).contains(&r.bookmarked) {
            return Err(unreadable(()));
        }
        let current: Option<(i64, f64, Option<String>)> = tx
            .query_row(
                "SELECT bookmarked, progress, note FROM article_state WHERE slug = ?1",
                [&r.slug],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (bookmarked, progress, note) = current.clone().unwrap_or((0, 0.0, None));
        let note_here = note.as_deref().is_some_and(|n| !n.trim().is_empty());
        let merged = (
            bookmarked.max(r.bookmarked),
            progress.max(r.progress),
            if note_here { note } else { r.note.clone() },
        );
        let changed = current.as_ref() != Some(&merged);
        if changed {
            tx.execute(
                "INSERT INTO article_state (slug, bookmarked, progress, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(slug) DO UPDATE SET bookmarked = excluded.bookmarked,
                     progress = excluded.progress, note = excluded.note",
                (&r.slug, merged.0, merged.1, &merged.2),
            )
            .map_err(unreadable)?;
        }
        s.count("reading notes and bookmarks", changed);
    }
    Ok(())
}
