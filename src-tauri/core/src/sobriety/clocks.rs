//! Sobriety clocks: create, edit, pin, archive, delete, and read them as views.

use std::collections::HashMap;

use crate::zone::Zone;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Deserialize;
use specta::Type;

use super::milestones::{reached, Milestone};
use super::model::{Clock, ClockDetail, ClockView, Slip};
use super::views;
use crate::data_error::{from_millis, to_millis, DataError, Field, Moment, Named, Refusal, Scale};
use crate::store::Store;
use crate::time::local;

pub const MAX_NAME_CHARS: usize = 60;
/// Nobody has been sober for longer than this; an older start is a typo.
const MAX_YEARS_BACK: i64 = 120;

/// What the user fills in to create or edit a clock.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClockInput {
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub money_per_day_cents: Option<i64>,
    pub currency: Option<String>,
    pub minutes_per_day: Option<i64>,
}

impl ClockInput {
    /// Checks the input and returns it tidied (name trimmed, empty currency dropped).
    fn checked(&self, now: DateTime<Utc>) -> Result<ClockInput, DataError> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err(DataError::Refused(Refusal::NameMissing {
                what: Named::Clock,
            }));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::Name,
                max: MAX_NAME_CHARS as u32,
            }));
        }
        if self.started_at > now {
            return Err(DataError::Refused(Refusal::InFuture {
                what: Moment::ClockStart,
            }));
        }
        if self.started_at < now - Duration::days(365 * MAX_YEARS_BACK) {
            return Err(DataError::Refused(Refusal::StartTooFarBack {
                max_years: MAX_YEARS_BACK as u32,
            }));
        }
        if self
            .money_per_day_cents
            .is_some_and(|c| !(0..=100_000_000).contains(&c))
        {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::MoneyPerDay,
                min: 0,
                max: 1_000_000,
            }));
        }
        if self
            .minutes_per_day
            .is_some_and(|m| !(0..=24 * 60).contains(&m))
        {
            return Err(DataError::Refused(Refusal::OutOfRange {
                what: Scale::HoursPerDay,
                min: 0,
                max: 24,
            }));
        }
        let currency = self
            .currency
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if let Some(code) = currency {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(DataError::Refused(Refusal::BadCurrency));
            }
        }
        Ok(ClockInput {
            name,
            currency: currency.map(String::from),
            ..self.clone()
        })
    }
}

pub fn create(
    store: &mut Store,
    input: &ClockInput,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ClockView, DataError> {
    let id = store.write(|tx| {
        // The first clock becomes the main one, so Today always has something to show.
        let first = tx.query_row("SELECT count(*) = 0 FROM clocks", [], |r| {
            r.get::<_, bool>(0)
        })?;
        let id = create_in(tx, input, None, now)?;
        if first {
            pin_in(tx, id)?;
        }
        Ok::<_, DataError>(id)
    })?;
    view(store, id, now, tz)
}

/// Checks and adds one clock, not pinned and not archived, inside the caller's transaction:
/// the clock form and the import share it. `uuid` keeps an imported record's identity.
/// Returns the new clock's id.
pub(crate) fn create_in(
    tx: &Connection,
    input: &ClockInput,
    uuid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, DataError> {
    let input = input.checked(now)?;
    tx.execute(
        "INSERT INTO clocks (name, started_at, pinned, money_per_day_cents, currency,
                             minutes_per_day, created_at, uuid)
         VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7)",
        (
            &input.name,
            to_millis(input.started_at),
            input.money_per_day_cents,
            &input.currency,
            input.minutes_per_day,
            to_millis(now),
            uuid,
        ),
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(
    store: &mut Store,
    id: i64,
    input: &ClockInput,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ClockView, DataError> {
    let input = input.checked(now)?;
    store.write(|tx| {
        load(tx, id)?;
        let first_slip: Option<i64> =
            tx.query_row("SELECT min(at) FROM slips WHERE clock_id = ?1", [id], |r| {
                r.get(0)
            })?;
        if first_slip.is_some_and(|first| to_millis(input.started_at) > first) {
            return Err(DataError::Refused(Refusal::StartAfterSlip));
        }
        tx.execute(
            "UPDATE clocks SET name = ?2, started_at = ?3, money_per_day_cents = ?4,
                               currency = ?5, minutes_per_day = ?6
             WHERE id = ?1",
            (
                id,
                &input.name,
                to_millis(input.started_at),
                input.money_per_day_cents,
                &input.currency,
                input.minutes_per_day,
            ),
        )?;
        Ok(())
    })?;
    view(store, id, now, tz)
}

/// Makes this clock the main one (shown big on Today); the others are unpinned.
pub fn pin(store: &mut Store, id: i64) -> Result<(), DataError> {
    store.write(|tx| pin_in(tx, id))
}

/// `pin`, inside the caller's transaction.
pub(crate) fn pin_in(tx: &Connection, id: i64) -> Result<(), DataError> {
    let clock = load(tx, id)?;
    if clock.archived {
        return Err(DataError::Refused(Refusal::ArchivedMain));
    }
    tx.execute("UPDATE clocks SET pinned = 0 WHERE pinned = 1", [])?;
    tx.execute("UPDATE clocks SET pinned = 1 WHERE id = ?1", [id])?;
    Ok(())
}

/// Archives (hides) or restores a clock. Its history is kept either way.
pub fn archive(store: &mut Store, id: i64, archived: bool) -> Result<(), DataError> {
    store.write(|tx| archive_in(tx, id, archived))
}

/// `archive`, inside the caller's transaction.
pub(crate) fn archive_in(tx: &Connection, id: i64, archived: bool) -> Result<(), DataError> {
    load(tx, id)?;
    tx.execute(
        "UPDATE clocks SET archived = ?2, pinned = CASE WHEN ?2 THEN 0 ELSE pinned END
         WHERE id = ?1",
        (id, archived),
    )?;
    Ok(())
}

/// Deletes a clock with its slips. The UI asks for confirmation first.
pub fn delete(store: &mut Store, id: i64) -> Result<(), DataError> {
    store.write(|tx| {
        load(tx, id)?;
        tx.execute("DELETE FROM clocks WHERE id = ?1", [id])?;
        Ok(())
    })
}

/// All clocks (archived ones only when asked), the main one first, then oldest first.
pub fn list(
    store: &Store,
    include_archived: bool,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<Vec<ClockView>, DataError> {
    store.read(|conn| {
        let mut stmt =
            conn.prepare("SELECT * FROM clocks WHERE archived = 0 OR ?1 ORDER BY pinned DESC, id")?;
        let clocks = stmt
            .query_map([include_archived], clock_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        let slips = slip_instants(conn)?;
        let mut views = Vec::with_capacity(clocks.len());
        for clock in &clocks {
            let instants = slips.get(&clock.id).map(Vec::as_slice).unwrap_or(&[]);
            let seen = seen_in_current_streak(conn, clock, instants)?;
            views.push(views::clock_view(clock, instants, &seen, now, tz));
        }
        Ok(views)
    })
}

/// One clock as a view.
pub fn view(store: &Store, id: i64, now: DateTime<Utc>, tz: Zone) -> Result<ClockView, DataError> {
    Ok(detail(store, id, now, tz)?.clock)
}

/// One clock with its whole history: streaks, slips and milestones.
pub fn detail(
    store: &Store,
    id: i64,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<ClockDetail, DataError> {
    store.read(|conn| {
        let clock = load(conn, id)?;
        let slips = slips_of(conn, id)?;
        let instants: Vec<_> = slips.iter().map(|s| s.at).collect();
        let seen = seen_in_current_streak(conn, &clock, &instants)?;
        Ok(views::clock_detail(&clock, slips, &seen, now, tz))
    })
}

/// Records that the user has seen the celebration for `key`, and for every lower milestone of
/// the same streak, so none of them is celebrated again.
pub fn acknowledge_milestone(
    store: &mut Store,
    clock_id: i64,
    key: &str,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<(), DataError> {
    let milestone =
        Milestone::from_key(key).ok_or_else(|| DataError::Refused(Refusal::BadRequest))?;
    store.write(|tx| {
        let clock = load(tx, clock_id)?;
        let slips: Vec<DateTime<Utc>> = slip_instants_of(tx, clock_id)?;
        let start = current_streak_start(&clock, &slips);
        for (m, _) in reached(local(start, tz), local(now, tz))
            .into_iter()
            .filter(|(m, _)| *m <= milestone)
        {
            tx.execute(
                "INSERT OR IGNORE INTO milestones_seen (clock_id, streak_start, milestone, seen_at)
                 VALUES (?1, ?2, ?3, ?4)",
                (clock_id, to_millis(start), m.key(), to_millis(now)),
            )?;
        }
        Ok(())
    })
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Clock, DataError> {
    conn.query_row("SELECT * FROM clocks WHERE id = ?1", [id], clock_from_row)
        .optional()?
        .ok_or(DataError::NotFound("clock"))
}

fn clock_from_row(row: &Row<'_>) -> rusqlite::Result<Clock> {
    Ok(Clock {
        id: row.get("id")?,
        name: row.get("name")?,
        started_at: from_millis(row.get("started_at")?)?,
        pinned: row.get("pinned")?,
        archived: row.get("archived")?,
        money_per_day_cents: row.get("money_per_day_cents")?,
        currency: row.get("currency")?,
        minutes_per_day: row.get("minutes_per_day")?,
    })
}

/// Every clock's slip instants, in one query.
fn slip_instants(conn: &Connection) -> Result<HashMap<i64, Vec<DateTime<Utc>>>, DataError> {
    let mut stmt = conn.prepare_cached("SELECT clock_id, at FROM slips ORDER BY clock_id, at")?;
    let mut out: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, from_millis(r.get(1)?)?)))? {
        let (clock_id, at) = row?;
        out.entry(clock_id).or_default().push(at);
    }
    Ok(out)
}

fn slip_instants_of(conn: &Connection, clock_id: i64) -> Result<Vec<DateTime<Utc>>, DataError> {
    let mut stmt = conn.prepare_cached("SELECT at FROM slips WHERE clock_id = ?1 ORDER BY at")?;
    let rows = stmt.query_map([clock_id], |r| from_millis(r.get(0)?))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn current_streak_start(clock: &Clock, slips: &[DateTime<Utc>]) -> DateTime<Utc> {
    slips
        .iter()
        .copied()
        .max()
        .unwrap_or(clock.started_at)
        .max(clock.started_at)
}

fn seen_in_current_streak(
    conn: &Connection,
    clock: &Clock,
    slips: &[DateTime<Utc>],
) -> Result<Vec<String>, DataError> {
    let start = current_streak_start(clock, slips);
    let mut stmt = conn.prepare_cached(
        "SELECT milestone FROM milestones_seen WHERE clock_id = ?1 AND streak_start = ?2",
    )?;
    let rows = stmt.query_map((clock.id, to_millis(start)), |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A clock's slips with their notes, oldest first.
pub(crate) fn slips_of(conn: &Connection, clock_id: i64) -> Result<Vec<Slip>, DataError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, clock_id, at, note FROM slips WHERE clock_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([clock_id], |r| {
        Ok(Slip {
            id: r.get(0)?,
            clock_id: r.get(1)?,
            at: from_millis(r.get(2)?)?,
            note: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
