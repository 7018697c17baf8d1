//! Craving and trigger events: what set it off, how strong, where and with whom, what the
//! person did, and what happened. "I used" can record a slip on a clock in the same step.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::catalogue::{self, Catalogue, Label};
use crate::data_error::{found, from_millis, to_millis, DataError, Field, Moment, Refusal, Scale};
use crate::moods::tidy_note;
use crate::sobriety::slips::{self, SlipInput};
use crate::store::capture::random_uuid;
use crate::store::lists::{self, List, Owner};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CravingOutcome {
    /// The urge passed.
    Passed,
    /// I used.
    Used,
    /// Still struggling.
    Struggling,
}

impl CravingOutcome {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            CravingOutcome::Passed => "passed",
            CravingOutcome::Used => "used",
            CravingOutcome::Struggling => "struggling",
        }
    }

    pub(crate) fn parse(s: &str) -> rusqlite::Result<Self> {
        match s {
            "passed" => Ok(CravingOutcome::Passed),
            "used" => Ok(CravingOutcome::Used),
            "struggling" => Ok(CravingOutcome::Struggling),
            _ => Err(rusqlite::Error::InvalidColumnType(
                0,
                "outcome".into(),
                rusqlite::types::Type::Text,
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CravingInput {
    pub at: DateTime<Utc>,
    /// 0 to 10.
    pub strength: u8,
    pub triggers: Vec<i64>,
    pub place: Option<String>,
    pub people: Option<String>,
    /// Coping actions tried.
    pub actions: Vec<i64>,
    pub outcome: CravingOutcome,
    pub note: Option<String>,
    /// With outcome "used": record a slip on this clock at the same moment.
    #[serde(default)]
    #[specta(optional)]
    pub slip_clock_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CravingEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub strength: u8,
    pub triggers: Vec<Label>,
    pub place: Option<String>,
    pub people: Option<String>,
    pub actions: Vec<Label>,
    pub outcome: CravingOutcome,
    pub note: Option<String>,
    /// The slip recorded with it, if any.
    pub slip_id: Option<i64>,
}

fn short(text: Option<&str>, what: Field) -> Result<Option<String>, DataError> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    if text.is_some_and(|t| t.chars().count() > 200) {
        return Err(DataError::Refused(Refusal::TooLong { what, max: 200 }));
    }
    Ok(text.map(String::from))
}

impl CravingInput {
    fn checked(&self, now: DateTime<Utc>) -> Result<CravingInput, DataError> {
        if self.strength > 10 {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::Craving,
                min: 0,
                max: 10,
            }));
        }
        if self.at > now + chrono::Duration::minutes(5) {
            return Err(DataError::Refused(Refusal::InFuture {
                what: Moment::Craving,
            }));
        }
        if self.slip_clock_id.is_some() && self.outcome != CravingOutcome::Used {
            return Err(DataError::Refused(Refusal::SlipWithoutUse));
        }
        let dedup = |ids: &[i64]| {
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        Ok(CravingInput {
            triggers: dedup(&self.triggers),
            actions: dedup(&self.actions),
            place: short(self.place.as_deref(), Field::Place)?,
            people: short(self.people.as_deref(), Field::People)?,
            note: tidy_note(self.note.as_deref())?,
            ..self.clone()
        })
    }
}

pub fn create(
    store: &mut Store,
    input: &CravingInput,
    now: DateTime<Utc>,
) -> Result<CravingEvent, DataError> {
    // The UUID from here, not from the insert's trigger: that one would write the row twice.
    let uuid = random_uuid();
    let id = store.write(|tx| create_in(tx, input, Some(&uuid), now))?;
    get(store, id)
}

/// Checks and adds one craving with its links (and, with "I used" and a clock, its slip)
/// inside the caller's transaction: the craving form and the import share it. `uuid` keeps
/// an imported record's identity. Returns the new craving's id.
pub(crate) fn create_in(
    tx: &Connection,
    input: &CravingInput,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, DataError> {
    let input = input.checked(now)?;
    let slip_id = match input.slip_clock_id {
        Some(clock_id) => {
            let slip = SlipInput {
                at: input.at,
                note: None,
                triggers: Some(input.triggers.clone()),
            };
            Some(slips::insert(tx, clock_id, &slip, None, now)?.2)
        }
        None => None,
    };
    tx.execute(
        "INSERT INTO cravings (at, strength, place, people, outcome, note, slip_id, created_at,
                               uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            to_millis(input.at),
            input.strength,
            &input.place,
            &input.people,
            input.outcome.as_str(),
            &input.note,
            slip_id,
            to_millis(now),
            uuid,
        ],
    )?;
    let id = tx.last_insert_rowid();
    set_links(tx, Owner::New, id, &input)?;
    Ok(id)
}

/// Links a craving to the slip it was (an imported craving whose slip came in the same file).
pub(crate) fn link_slip_in(tx: &Connection, id: i64, slip_id: i64) -> Result<(), DataError> {
    found(
        tx.execute(
            "UPDATE cravings SET slip_id = ?2 WHERE id = ?1",
            (id, slip_id),
        )?,
        "craving",
    )
}

pub fn update(
    store: &mut Store,
    id: i64,
    input: &CravingInput,
    now: DateTime<Utc>,
) -> Result<CravingEvent, DataError> {
    let mut input = input.checked(now)?;
    // Editing never records a second slip; the one recorded at creation stays linked.
    input.slip_clock_id = None;
    store.write(|tx| {
        let changed = tx.execute(
            "UPDATE cravings SET at = ?2, strength = ?3, place = ?4, people = ?5, outcome = ?6,
                                 note = ?7
             WHERE id = ?1 AND deleted_at IS NULL",
            (
                id,
                to_millis(input.at),
                input.strength,
                &input.place,
                &input.people,
                input.outcome.as_str(),
                &input.note,
            ),
        )?;
        found(changed, "craving")?;
        set_links(tx, Owner::Existing, id, &input)
    })?;
    get(store, id)
}

pub fn get(store: &Store, id: i64) -> Result<CravingEvent, DataError> {
    store.read(|conn| {
        let event = conn
            .query_row(
                "SELECT * FROM cravings WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                craving_from_row,
            )
            .optional()?
            .ok_or(DataError::NotFound("craving"))?;
        with_links(conn, event)
    })
}

const TRIGGERS: List = List {
    table: "craving_triggers",
    owner: "craving_id",
    value: "trigger_id",
    or_ignore: false,
};
const ACTIONS: List = List {
    table: "craving_actions",
    owner: "craving_id",
    value: "action_id",
    or_ignore: false,
};

fn set_links(
    tx: &Connection,
    whose: Owner,
    id: i64,
    input: &CravingInput,
) -> Result<(), DataError> {
    crate::triggers::check_ids(tx, &input.triggers)?;
    catalogue::check_ids(tx, Catalogue::CopingActions, &input.actions)?;
    lists::replace(tx, &TRIGGERS, whose, id, &input.triggers)?;
    lists::replace(tx, &ACTIONS, whose, id, &input.actions)?;
    Ok(())
}

fn with_links(conn: &Connection, mut event: CravingEvent) -> Result<CravingEvent, DataError> {
    event.triggers = catalogue::linked(
        conn,
        "SELECT t.id, t.name, t.key IS NOT NULL FROM craving_triggers c
         JOIN triggers t ON t.id = c.trigger_id WHERE c.craving_id = ?1 ORDER BY t.id",
        event.id,
    )?;
    event.actions = catalogue::linked(
        conn,
        "SELECT a.id, a.name, a.builtin FROM craving_actions c
         JOIN coping_actions a ON a.id = c.action_id WHERE c.craving_id = ?1 ORDER BY a.id",
        event.id,
    )?;
    Ok(event)
}

fn craving_from_row(row: &Row<'_>) -> rusqlite::Result<CravingEvent> {
    Ok(CravingEvent {
        id: row.get("id")?,
        at: from_millis(row.get("at")?)?,
        strength: row.get("strength")?,
        triggers: Vec::new(),
        place: row.get("place")?,
        people: row.get("people")?,
        actions: Vec::new(),
        outcome: CravingOutcome::parse(&row.get::<_, String>("outcome")?)?,
        note: row.get("note")?,
        slip_id: row.get("slip_id")?,
    })
}
