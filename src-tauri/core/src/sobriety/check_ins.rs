//! Daily check-ins: a morning intention and an evening "how did today go?". The streak of
//! check-ins is separate from the sober streak.

use crate::zone::Zone;
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::data_error::{to_millis, DataError, Field, Refusal, Scale};
use crate::store::part_time::never_earlier;
use crate::store::Store;
use crate::time::local;

const MAX_TEXT_CHARS: usize = 2000;
/// The calendar asks for a month or so at a time; refuse absurd ranges.
const MAX_RANGE_DAYS: i64 = 400;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    /// The user's local date.
    pub day: NaiveDate,
    pub intention: Option<String>,
    pub sober: Option<bool>,
    pub difficulty: Option<u8>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EveningCheckIn {
    pub sober: bool,
    pub difficulty: u8,
    pub note: Option<String>,
}

fn tidy(text: Option<&str>, what: Field) -> Result<Option<String>, DataError> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    if text.is_some_and(|t| t.chars().count() > MAX_TEXT_CHARS) {
        return Err(DataError::Refused(Refusal::TooLong {
            what,
            max: MAX_TEXT_CHARS as u32,
        }));
    }
    Ok(text.map(String::from))
}

fn checked_difficulty(difficulty: u8) -> Result<(), DataError> {
    if !(1..=5).contains(&difficulty) {
        return Err(DataError::Refused(Refusal::OutOfRange {
            what: Scale::Difficulty,
            min: 1,
            max: 5,
        }));
    }
    Ok(())
}

/// Adds a whole day's check-in inside the caller's transaction (the import: the app itself
/// writes only today's, through `morning` and `evening`), by the same rules as those two.
/// `uuid` keeps an imported record's identity.
pub(crate) fn insert_in(
    tx: &Connection,
    check_in: &CheckIn,
    uuid: Option<&str>,
) -> Result<(), DataError> {
    let intention = tidy(check_in.intention.as_deref(), Field::Intention)?;
    let note = tidy(check_in.note.as_deref(), Field::Note)?;
    if let Some(difficulty) = check_in.difficulty {
        checked_difficulty(difficulty)?;
    }
    tx.execute(
        "INSERT INTO check_ins (day, intention, sober, difficulty, note, uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        (
            check_in.day.to_string(),
            &intention,
            check_in.sober,
            check_in.difficulty,
            &note,
            uuid,
        ),
    )?;
    Ok(())
}

/// Today's date where the user is.
pub fn today(now: DateTime<Utc>, tz: Zone) -> NaiveDate {
    local(now, tz).date()
}

/// Sets (or clears, with `None`) this morning's intention. Each half's time is never earlier
/// than the one it replaces (`store/part_time.rs`).
pub fn morning(
    store: &mut Store,
    intention: Option<&str>,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<CheckIn, DataError> {
    let intention = tidy(intention, Field::Intention)?;
    let day = today(now, tz);
    store.write(|tx| {
        tx.execute(
            &format!(
                "INSERT INTO check_ins (day, intention, morning_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(day) DO UPDATE SET intention = excluded.intention, {}",
                never_earlier("check_ins", "morning_at")
            ),
            (day.to_string(), &intention, to_millis(now)),
        )?;
        Ok::<_, DataError>(())
    })?;
    store
        .read(|conn| get(conn, day))?
        .ok_or(DataError::NotFound("check-in"))
}

/// Records how today went.
pub fn evening(
    store: &mut Store,
    input: &EveningCheckIn,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<CheckIn, DataError> {
    checked_difficulty(input.difficulty)?;
    let note = tidy(input.note.as_deref(), Field::Note)?;
    let day = today(now, tz);
    store.write(|tx| {
        tx.execute(
            &format!(
                "INSERT INTO check_ins (day, sober, difficulty, note, evening_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(day) DO UPDATE SET sober = excluded.sober,
                     difficulty = excluded.difficulty, note = excluded.note, {}",
                never_earlier("check_ins", "evening_at")
            ),
            (
                day.to_string(),
                input.sober,
                input.difficulty,
                &note,
                to_millis(now),
            ),
        )?;
        Ok::<_, DataError>(())
    })?;
    store
        .read(|conn| get(conn, day))?
        .ok_or(DataError::NotFound("check-in"))
}

/// Check-ins from `from` to `to`, inclusive, oldest first.
pub fn between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>, DataError> {
    if from > to || (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(DataError::Refused(Refusal::BadRequest));
    }
    store.read(|conn| {
        let mut stmt = conn
            .prepare_cached("SELECT * FROM check_ins WHERE day BETWEEN ?1 AND ?2 ORDER BY day")?;
        let rows = stmt.query_map((from.to_string(), to.to_string()), check_in_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

pub(crate) fn get(conn: &Connection, day: NaiveDate) -> Result<Option<CheckIn>, DataError> {
    Ok(conn
        .query_row(
            "SELECT * FROM check_ins WHERE day = ?1",
            [day.to_string()],
            check_in_from_row,
        )
        .optional()?)
}

/// Days in a row with a check-in, ending today (or yesterday, when today's is still to come).
pub(crate) fn streak(conn: &Connection, today: NaiveDate) -> Result<i64, DataError> {
    let mut stmt =
        conn.prepare_cached("SELECT day FROM check_ins WHERE day <= ?1 ORDER BY day DESC")?;
    let mut rows = stmt.query([today.to_string()])?;
    let mut expected = today;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let day: NaiveDate = row.get::<_, String>(0)?.parse().map_err(|_| {
            rusqlite::Error::InvalidColumnType(0, "day".into(), rusqlite::types::Type::Text)
        })?;
        if count == 0 && day < expected {
            // Nothing today yet: the streak may still end yesterday.
            expected = expected - Days::new(1);
        }
        if day != expected {
            break;
        }
        count += 1;
        expected = expected - Days::new(1);
    }
    Ok(count)
}

fn check_in_from_row(row: &Row<'_>) -> rusqlite::Result<CheckIn> {
    let day: String = row.get("day")?;
    Ok(CheckIn {
        day: day.parse().map_err(|_| {
            rusqlite::Error::InvalidColumnType(0, "day".into(), rusqlite::types::Type::Text)
        })?,
        intention: row.get("intention")?,
        sober: row.get("sober")?,
        difficulty: row.get("difficulty")?,
        note: row.get("note")?,
    })
}
