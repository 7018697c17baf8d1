//! Slips: recorded without shame and without erasing anything. A slip ends one streak and
//! starts the next; editing or removing one recomputes the history, which is always derived.

use crate::zone::Zone;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::clocks;
use super::model::{Clock, ClockDetail, ClockView};
use super::streaks::{history, streaks};
use crate::data_error::{to_millis, DataError, Field, Moment, Refusal};
use crate::store::lists::{self, List, Owner};
use crate::store::Store;

/// A clock's slips, oldest first (read where the clock's history is built).
pub(crate) use super::clocks::slips_of as for_clock;

pub const MAX_NOTE_CHARS: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlipInput {
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    /// What set it off, from the trigger catalogue (optional).
    #[serde(default)]
    #[specta(optional)]
    pub triggers: Option<Vec<i64>>,
}

/// What the kind screen after a slip says: what was kept.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlipRecorded {
    /// The length of the streak this slip ended, in days: it still counts.
    pub kept_days: i64,
    pub total_sober_days: i64,
    pub clock: ClockView,
}

impl SlipInput {
    fn checked(&self, clock: &Clock, now: DateTime<Utc>) -> Result<SlipInput, DataError> {
        if self.at > now {
            return Err(DataError::Refused(Refusal::InFuture { what: Moment::Slip }));
        }
        if self.at < clock.started_at {
            return Err(DataError::Refused(Refusal::SlipBeforeStart));
        }
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Note,
                max: MAX_NOTE_CHARS as u32,
            }));
        }
        Ok(SlipInput {
            at: self.at,
            note: note.map(String::from),
            triggers: self.triggers.clone(),
        })
    }
}

/// Records a slip on a clock and restarts its streak at that moment.
pub fn record(
    store: &mut Store,
    clock_id: i64,
    input: &SlipInput,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<SlipRecorded, DataError> {
    let (clock, input) = store.write(|tx| {
        let (clock, input, _) = insert(tx, clock_id, input, None, now)?;
        Ok::<_, DataError>((clock, input))
    })?;
    let detail = clocks::detail(store, clock_id, now, tz)?;
    let instants: Vec<_> = detail.slips.iter().map(|s| s.at).collect();
    let spans = streaks(clock.started_at, &instants);
    // The streak this slip ended. With another slip at the same instant, the newer one ends
    // the empty streak between the two: the last match.
    let kept = spans
        .iter()
        .rev()
        .find(|s| s.end == Some(input.at))
        .map_or(0, |s| s.days(now, tz));
    Ok(SlipRecorded {
        kept_days: kept,
        total_sober_days: history(&spans, now, tz).total_days,
        clock: detail.clock,
    })
}

/// Changes when a slip happened or its note; the history is recomputed.
pub fn update(
    store: &mut Store,
    id: i64,
    input: &SlipInput,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ClockDetail, DataError> {
    let clock_id = store.write(|tx| {
        let clock_id = clock_of(tx, id)?;
        let input = input.checked(&clocks::load(tx, clock_id)?, now)?;
        tx.execute(
            "UPDATE slips SET at = ?2, note = ?3 WHERE id = ?1",
            (id, to_millis(input.at), &input.note),
        )?;
        if let Some(triggers) = &input.triggers {
            set_triggers(tx, Owner::Existing, id, triggers)?;
        }
        Ok::<_, DataError>(clock_id)
    })?;
    clocks::detail(store, clock_id, now, tz)
}

/// Removes a slip; the streaks on either side join again.
pub fn delete(
    store: &mut Store,
    id: i64,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ClockDetail, DataError> {
    let clock_id = store.write(|tx| {
        let clock_id = clock_of(tx, id)?;
        tx.execute("DELETE FROM slips WHERE id = ?1", [id])?;
        Ok::<_, DataError>(clock_id)
    })?;
    clocks::detail(store, clock_id, now, tz)
}

/// Checks and inserts a slip with its triggers inside the caller's transaction: shared by
/// `record`, by a craving whose outcome was a slip, and by the import (whose `uuid` keeps an
/// imported record's identity; `None` gives a new one).
pub(crate) fn insert(
    tx: &Connection,
    clock_id: i64,
    input: &SlipInput,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Clock, SlipInput, i64), DataError> {
    let clock = clocks::load(tx, clock_id)?;
    let input = input.checked(&clock, now)?;
    tx.execute(
        "INSERT INTO slips (clock_id, at, note, created_at, uuid) VALUES (?1, ?2, ?3, ?4, ?5)",
        (
            clock_id,
            to_millis(input.at),
            &input.note,
            to_millis(now),
            uuid,
        ),
    )?;
    let id = tx.last_insert_rowid();
    set_triggers(tx, Owner::New, id, input.triggers.as_deref().unwrap_or(&[]))?;
    Ok((clock, input, id))
}

const TRIGGERS: List = List {
    table: "slip_triggers",
    owner: "slip_id",
    value: "trigger_id",
    or_ignore: true,
};

fn set_triggers(
    tx: &Connection,
    whose: Owner,
    slip_id: i64,
    triggers: &[i64],
) -> Result<(), DataError> {
    crate::triggers::check_ids(tx, triggers)?;
    lists::replace(tx, &TRIGGERS, whose, slip_id, triggers)?;
    Ok(())
}

fn clock_of(conn: &Connection, slip_id: i64) -> Result<i64, DataError> {
    conn.query_row("SELECT clock_id FROM slips WHERE id = ?1", [slip_id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(DataError::NotFound("slip"))
}
