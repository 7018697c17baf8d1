//! Loading what insights need, once, with a handful of queries.

use std::collections::HashMap;

use crate::zone::Zone;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::data_error::{from_millis, DataError};
use crate::time::{instant_at, local};

pub(super) struct MoodPoint {
    pub day: NaiveDate,
    pub mood: u8,
    pub craving: Option<u8>,
    pub emotions: Vec<String>,
    /// HALT flags: hungry, angry, lonely, tired.
    pub halt: [bool; 4],
}

pub(super) struct CravingPoint {
    pub local: NaiveDateTime,
    pub strength: u8,
    pub triggers: Vec<String>,
    pub actions: Vec<String>,
    pub passed: bool,
}

pub(super) struct Data {
    pub moods: Vec<MoodPoint>,
    pub cravings: Vec<CravingPoint>,
}

/// Names linked to each owner id, in one query.
fn links(
    conn: &Connection,
    sql: &str,
    range: (i64, i64),
) -> Result<HashMap<i64, Vec<String>>, DataError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for row in stmt.query_map(range, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        out.entry(id).or_default().push(name);
    }
    Ok(out)
}

pub(super) fn load(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    tz: Zone,
) -> Result<Data, DataError> {
    let start = instant_at(from.and_hms_opt(0, 0, 0).expect("midnight"), tz).timestamp_millis();
    let end = to.succ_opt().map_or(i64::MAX, |d| {
        instant_at(d.and_hms_opt(0, 0, 0).expect("midnight"), tz).timestamp_millis()
    });
    let range = (start, end);

    let mut emotions = links(
        conn,
        "SELECT me.mood_id, e.name FROM mood_emotions me
         JOIN emotions e ON e.id = me.emotion_id JOIN moods m ON m.id = me.mood_id
         WHERE m.deleted_at IS NULL AND m.at >= ?1 AND m.at < ?2",
        range,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, mood, craving, hungry, angry, lonely, tired FROM moods
         WHERE deleted_at IS NULL AND at >= ?1 AND at < ?2 ORDER BY at",
    )?;
    let moods = stmt
        .query_map(range, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                from_millis(r.get(1)?)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<u8>>(3)?,
                [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
            ))
        })?
        .map(|row| {
            let (id, at, mood, craving, halt) = row?;
            Ok(MoodPoint {
                day: local(at, tz).date(),
                mood,
                craving,
                emotions: emotions.remove(&id).unwrap_or_default(),
                halt,
            })
        })
        .collect::<Result<Vec<_>, DataError>>()?;

    let mut triggers = links(
        conn,
        "SELECT ct.craving_id, t.name FROM craving_triggers ct
         JOIN triggers t ON t.id = ct.trigger_id JOIN cravings c ON c.id = ct.craving_id
         WHERE c.deleted_at IS NULL AND c.at >= ?1 AND c.at < ?2",
        range,
    )?;
    let mut actions = links(
        conn,
        "SELECT ca.craving_id, a.name FROM craving_actions ca
         JOIN coping_actions a ON a.id = ca.action_id JOIN cravings c ON c.id = ca.craving_id
         WHERE c.deleted_at IS NULL AND c.at >= ?1 AND c.at < ?2",
        range,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, strength, outcome FROM cravings
         WHERE deleted_at IS NULL AND at >= ?1 AND at < ?2 ORDER BY at",
    )?;
    let cravings = stmt
        .query_map(range, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                from_millis(r.get(1)?)?,
                r.get::<_, u8>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .map(|row| {
            let (id, at, strength, outcome) = row?;
            Ok(CravingPoint {
                local: local(at, tz),
                strength,
                triggers: triggers.remove(&id).unwrap_or_default(),
                actions: actions.remove(&id).unwrap_or_default(),
                passed: outcome == "passed",
            })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    Ok(Data { moods, cravings })
}
