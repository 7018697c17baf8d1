//! Mood entries: how someone feels, on a 1 to 5 scale, with emotions, craving strength, a
//! HALT check (hungry, angry, lonely, tired), sleep and a note. Logged in seconds.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::catalogue::{self, Catalogue, Label};
use crate::data_error::{found, from_millis, to_millis, DataError, Field, Moment, Refusal, Scale};
use crate::store::capture::random_uuid;
use crate::store::lists::{self, List, Owner};
use crate::store::Store;

pub const MAX_NOTE_CHARS: usize = 4000;

/// Hungry, angry, lonely, tired: four states that make cravings stronger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MoodInput {
    pub at: DateTime<Utc>,
    /// 1 awful, 2 bad, 3 okay, 4 good, 5 great.
    pub mood: u8,
    pub emotions: Vec<i64>,
    /// 0 (none) to 10.
    pub craving: Option<u8>,
    pub halt: Halt,
    pub sleep_hours: Option<f64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MoodEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub mood: u8,
    pub emotions: Vec<Label>,
    pub craving: Option<u8>,
    pub halt: Halt,
    pub sleep_hours: Option<f64>,
    pub note: Option<String>,
}

/// Trims a note, drops an empty one, refuses one that is too long.
pub(crate) fn tidy_note(note: Option<&str>) -> Result<Option<String>, DataError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(DataError::Refused(Refusal::TooLong {
            what: Field::Note,
            max: MAX_NOTE_CHARS as u32,
        }));
    }
    Ok(note.map(String::from))
}

impl MoodInput {
    fn checked(&self, now: DateTime<Utc>) -> Result<MoodInput, DataError> {
        if !(1..=5).contains(&self.mood) {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::Mood,
                min: 1,
                max: 5,
            }));
        }
        if self.craving.is_some_and(|c| c > 10) {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::Craving,
                min: 0,
                max: 10,
            }));
        }
        if self
            .sleep_hours
            .is_some_and(|h| !(0.0..=24.0).contains(&h) || h.is_nan())
        {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::Sleep,
                min: 0,
                max: 24,
            }));
        }
        if self.at > now + chrono::Duration::minutes(5) {
            return Err(DataError::Refused(Refusal::InFuture { what: Moment::Mood }));
        }
        let mut emotions = self.emotions.clone();
        emotions.sort_unstable();
        emotions.dedup();
        Ok(MoodInput {
            emotions,
            note: tidy_note(self.note.as_deref())?,
            ..self.clone()
        })
    }
}

/// One mood as stored, for every place that adds moods (the mood log and the importers).
/// Values are checked by the caller (`MoodInput::checked`, or the Daylio importer's own rules).
pub(crate) struct MoodRow<'a> {
    /// An imported record's identity; `None` gives a new mood a new one.
    pub uuid: Option<&'a str>,
    pub at: DateTime<Utc>,
    pub mood: i64,
    pub craving: Option<i64>,
    /// Hungry, angry, lonely, tired, each 0 or 1.
    pub halt: [i64; 4],
    pub sleep_hours: Option<f64>,
    pub note: Option<&'a str>,
}

/// Adds one mood; returns its id.
pub(crate) fn insert(
    conn: &Connection,
    row: &MoodRow<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    let [hungry, angry, lonely, tired] = row.halt;
    conn.prepare_cached(
        "INSERT INTO moods (at, mood, craving, hungry, angry, lonely, tired, sleep_hours, note,
                            created_at, uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(rusqlite::params![
        to_millis(row.at),
        row.mood,
        row.craving,
        hungry,
        angry,
        lonely,
        tired,
        row.sleep_hours,
        row.note,
        to_millis(now),
        row.uuid,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Whether a mood with the same instant, value and note is already there (and not deleted):
/// what an import counts as "already in your journal".
pub(crate) fn already_logged(
    conn: &Connection,
    at: DateTime<Utc>,
    mood: i64,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT 1 FROM moods WHERE at = ?1 AND mood = ?2 AND note IS ?3 AND deleted_at IS NULL",
    )?
    .query_row((to_millis(at), mood, note), |_| Ok(()))
    .optional()
    .map(|found| found.is_some())
}

pub fn create(
    store: &mut Store,
    input: &MoodInput,
    now: DateTime<Utc>,
) -> Result<MoodEntry, DataError> {
    // The UUID from here, not from the insert's trigger: that one would write the row twice.
    let uuid = random_uuid();
    let id = store.write(|tx| create_in(tx, input, Some(&uuid), now))?;
    get(store, id)
}

/// Checks and adds one mood with its emotions inside the caller's transaction: the mood log
/// and the import share it, so both keep the same rules. `uuid` keeps an imported record's
/// identity. Returns the new mood's id.
pub(crate) fn create_in(
    tx: &Connection,
    input: &MoodInput,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, DataError> {
    let input = input.checked(now)?;
    catalogue::check_ids(tx, Catalogue::Emotions, &input.emotions)?;
    let halt = [
        input.halt.hungry,
        input.halt.angry,
        input.halt.lonely,
        input.halt.tired,
    ];
    let id = insert(
        tx,
        &MoodRow {
            uuid,
            at: input.at,
            mood: i64::from(input.mood),
            craving: input.craving.map(i64::from),
            halt: halt.map(i64::from),
            sleep_hours: input.sleep_hours,
            note: input.note.as_deref(),
        },
        now,
    )?;
    set_emotions(tx, Owner::New, id, &input.emotions)?;
    Ok(id)
}

pub fn update(
    store: &mut Store,
    id: i64,
    input: &MoodInput,
    now: DateTime<Utc>,
) -> Result<MoodEntry, DataError> {
    let input = input.checked(now)?;
    store.write(|tx| {
        catalogue::check_ids(tx, Catalogue::Emotions, &input.emotions)?;
        let changed = tx.execute(
            "UPDATE moods SET at = ?2, mood = ?3, craving = ?4, hungry = ?5, angry = ?6,
                              lonely = ?7, tired = ?8, sleep_hours = ?9, note = ?10
             WHERE id = ?1 AND deleted_at IS NULL",
            (
                id,
                to_millis(input.at),
                input.mood,
                input.craving,
                input.halt.hungry,
                input.halt.angry,
                input.halt.lonely,
                input.halt.tired,
                input.sleep_hours,
                &input.note,
            ),
        )?;
        found(changed, "mood entry")?;
        set_emotions(tx, Owner::Existing, id, &input.emotions)
    })?;
    get(store, id)
}

pub fn get(store: &Store, id: i64) -> Result<MoodEntry, DataError> {
    store.read(|conn| {
        let entry = conn
            .query_row(
                "SELECT * FROM moods WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                mood_from_row,
            )
            .optional()?
            .ok_or(DataError::NotFound("mood entry"))?;
        with_emotions(conn, entry)
    })
}

const EMOTIONS: List = List {
    table: "mood_emotions",
    owner: "mood_id",
    value: "emotion_id",
    or_ignore: false,
};

fn set_emotions(
    conn: &Connection,
    whose: Owner,
    id: i64,
    emotions: &[i64],
) -> Result<(), DataError> {
    lists::replace(conn, &EMOTIONS, whose, id, emotions)?;
    Ok(())
}

fn with_emotions(conn: &Connection, mut entry: MoodEntry) -> Result<MoodEntry, DataError> {
    entry.emotions = catalogue::linked(
        conn,
        "SELECT e.id, e.name, e.builtin FROM mood_emotions m JOIN emotions e ON e.id = m.emotion_id
         WHERE m.mood_id = ?1 ORDER BY e.id",
        entry.id,
    )?;
    Ok(entry)
}

fn mood_from_row(row: &Row<'_>) -> rusqlite::Result<MoodEntry> {
    Ok(MoodEntry {
        id: row.get("id")?,
        at: from_millis(row.get("at")?)?,
        mood: row.get("mood")?,
        emotions: Vec::new(),
        craving: row.get("craving")?,
        halt: Halt {
            hungry: row.get("hungry")?,
            angry: row.get("angry")?,
            lonely: row.get("lonely")?,
            tired: row.get("tired")?,
        },
        sleep_hours: row.get("sleep_hours")?,
        note: row.get("note")?,
    })
}
