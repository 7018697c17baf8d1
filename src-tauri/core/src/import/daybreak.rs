//! Importing Daybreak's own open export (`export`, version 1 or 2). Each record goes through
//! its kind's own checked insert, the one the app's screens use (`moods::create_in`,
//! `clocks::create_in`, ...), so a record the app would refuse when typed in (a note over the
//! limit, a date in the future) refuses the whole file, naming its kind and position, never
//! its text. Records already in the journal are skipped, so importing the same file twice
//! changes nothing: in version 2, a record whose uuid is here already (the same record,
//! synced or imported before) or, as in version 1, one with the same content. A version 2
//! record keeps its uuid, so a file exported on one computer and imported on another that
//! syncs with it adds nothing twice. The relapse plan and the library's reading state are
//! merged into what is there (`merge`), never overwriting what the person already wrote.

mod merge;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::ImportSummary;
use crate::catalogue::{self, Catalogue};
use crate::cravings::{self, CravingInput, CravingOutcome};
use crate::data_error::{to_millis, DataError, RecordKind, Refusal};
use crate::export::records::{ClockRecord, Record};
use crate::export::{ExportFile, FORMAT, VERSION};
use crate::journal_entries::{self, JournalInput};
use crate::moods::{self, Halt, MoodInput};
use crate::sobriety::check_ins::{self, CheckIn};
use crate::sobriety::clocks::{self, ClockInput};
use crate::sobriety::slips::{self, SlipInput};
use crate::sos::{people, reasons, PersonInput};
use crate::store::StoreError;

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

/// What a record's insert refused, told as that record's refusal: its kind and its position
/// (`index` from 0 in the file's order, told from 1). A value the app's rules leave to the
/// table (a flag of 7) or a link to nothing is "an entry Daybreak can't accept"; anything else
/// (the disk, the database) is not the file's fault and stays what it is.
fn refused(what: RecordKind, index: usize, e: DataError) -> DataError {
    let problem = match e {
        DataError::Refused(refusal) => refusal,
        DataError::NotFound(_) => Refusal::BadEntry,
        DataError::Store(StoreError::Sqlite(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
        {
            Refusal::BadEntry
        }
        other => return other,
    };
    DataError::Refused(Refusal::ExportRecord {
        what,
        position: u32::try_from(index + 1).unwrap_or(u32::MAX),
        problem: Box::new(problem),
    })
}

/// A 0-or-1 flag of the file.
fn flag(value: i64) -> Result<bool, DataError> {
    match value {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(DataError::Refused(Refusal::BadEntry)),
    }
}

/// A number of the file for a field the app keeps small: one that does not fit is left as
/// the largest, which the field's own range check then refuses.
fn small(value: i64) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// Whether `uuid` has the form every Daybreak uuid has (lower-case hex, with dashes).
fn uuid_shaped(uuid: &str) -> bool {
    uuid.len() == 36
        && uuid.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// The table that holds records of `R`'s kind, as sync describes it.
fn table<R: Record>() -> &'static str {
    crate::sync::kinds::kind(R::KIND)
        .expect("every record type names a kind sync knows (a test holds them together)")
        .table
}

/// Whether the record's uuid is already in the journal (a version 1 record has none).
fn here<R: Record>(tx: &Connection, record: &R) -> Result<bool, DataError> {
    let Some(uuid) = record.uuid() else {
        return Ok(false);
    };
    Ok(tx
        .prepare_cached(&format!("SELECT 1 FROM {} WHERE uuid = ?1", table::<R>()))?
        .exists([uuid])?)
}

/// The uuid a new record keeps: the file's, checked for shape, unless the journal has known
/// it before (a record deleted here: its change log says deleted, and a record under that uuid
/// would never reach the other computers), in which case it gets a new one.
fn kept<R: Record>(tx: &Connection, record: &R) -> Result<Option<String>, DataError> {
    let Some(uuid) = record.uuid() else {
        return Ok(None);
    };
    if !uuid_shaped(uuid) {
        return Err(DataError::Refused(Refusal::BadEntry));
    }
    let known = tx
        .prepare_cached("SELECT 1 FROM sync_records WHERE uuid = ?1")?
        .exists([uuid])?;
    Ok((!known).then(|| uuid.to_string()))
}

/// The trigger named `name` (any case, an active one first), added when there is none.
fn trigger_id(tx: &Connection, name: &str, now: DateTime<Utc>) -> Result<i64, DataError> {
    let id = tx
        .prepare_cached(
            "SELECT id FROM triggers WHERE name = ?1 COLLATE NOCASE ORDER BY archived LIMIT 1",
        )?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?;
    match id {
        Some(id) => Ok(id),
        None => crate::triggers::create_in(tx, name, false, None, now),
    }
}

fn trigger_ids(
    tx: &Connection,
    names: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, DataError> {
    names.iter().map(|n| trigger_id(tx, n, now)).collect()
}

fn labels(tx: &Connection, catalogue: Catalogue, names: &[String]) -> Result<Vec<i64>, DataError> {
    names
        .iter()
        .map(|n| catalogue::add_in(tx, catalogue, n).map(|l| l.id))
        .collect()
}

fn exists(tx: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<bool, DataError> {
    Ok(tx.prepare_cached(sql)?.exists(params)?)
}

/// Writes a parsed export into the transaction, counting what is new and what was there.
pub fn write(
    tx: &Transaction<'_>,
    file: &ExportFile,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    for (i, t) in file.triggers.iter().enumerate() {
        let at = |e| refused(RecordKind::Trigger, i, e);
        let known = here(tx, t)?
            || match &t.key {
                Some(key) => exists(tx, "SELECT 1 FROM triggers WHERE key = ?1", [key])?,
                None => exists(
                    tx,
                    "SELECT 1 FROM triggers WHERE name = ?1 COLLATE NOCASE",
                    [t.name.trim()],
                )?,
            };
        if !known {
            // A built-in's uuid follows from its key; one missing here comes in as the
            // person's own, with a uuid of its own.
            let uuid = match t.key {
                Some(_) => None,
                None => kept(tx, t).map_err(at)?,
            };
            let archived = flag(t.archived).map_err(at)?;
            crate::triggers::create_in(tx, &t.name, archived, uuid.as_deref(), now).map_err(at)?;
        }
        s.count("triggers", !known);
    }
    let mut slip_index = 0;
    for (i, c) in file.clocks.iter().enumerate() {
        let id = clock(tx, c, now, s).map_err(|e| refused(RecordKind::Clock, i, e))?;
        for slip in &c.slips {
            let index = slip_index;
            slip_index += 1;
            let at = |e| refused(RecordKind::Slip, index, e);
            let known = here(tx, slip)?
                || exists(
                    tx,
                    "SELECT 1 FROM slips WHERE clock_id = ?1 AND at = ?2",
                    (id, to_millis(slip.at)),
                )?;
            if !known {
                let input = SlipInput {
                    at: slip.at,
                    note: slip.note.clone(),
                    triggers: Some(trigger_ids(tx, &slip.triggers, now).map_err(at)?),
                };
                let uuid = kept(tx, slip).map_err(at)?;
                slips::insert(tx, id, &input, uuid.as_deref(), now).map_err(at)?;
            }
            s.count("slips", !known);
        }
    }
    for (i, c) in file.check_ins.iter().enumerate() {
        let at = |e| refused(RecordKind::CheckIn, i, e);
        // Its uuid follows from its day, so the day is the test.
        let known = exists(
            tx,
            "SELECT 1 FROM check_ins WHERE day = ?1",
            [c.day.to_string()],
        )?;
        if !known {
            let check_in = CheckIn {
                day: c.day,
                intention: c.intention.clone(),
                sober: c.sober.map(flag).transpose().map_err(at)?,
                difficulty: c.difficulty.map(small),
                note: c.note.clone(),
            };
            check_ins::insert_in(tx, &check_in, None).map_err(at)?;
        }
        s.count("check-ins", !known);
    }
    for (i, m) in file.moods.iter().enumerate() {
        let at = |e| refused(RecordKind::Mood, i, e);
        let known = here(tx, m)? || moods::already_logged(tx, m.at, m.mood, m.note.as_deref())?;
        if !known {
            let input = MoodInput {
                at: m.at,
                mood: small(m.mood),
                emotions: labels(tx, Catalogue::Emotions, &m.emotions).map_err(at)?,
                craving: m.craving.map(small),
                halt: Halt {
                    hungry: flag(m.hungry).map_err(at)?,
                    angry: flag(m.angry).map_err(at)?,
                    lonely: flag(m.lonely).map_err(at)?,
                    tired: flag(m.tired).map_err(at)?,
                },
                sleep_hours: m.sleep_hours,
                note: m.note.clone(),
            };
            let uuid = kept(tx, m).map_err(at)?;
            moods::create_in(tx, &input, uuid.as_deref(), now).map_err(at)?;
        }
        s.count("moods", !known);
    }
    for (i, c) in file.cravings.iter().enumerate() {
        let at = |e| refused(RecordKind::Craving, i, e);
        let known = here(tx, c)?
            || exists(
                tx,
                "SELECT 1 FROM cravings WHERE at = ?1 AND strength = ?2 AND note IS ?3
                 AND deleted_at IS NULL",
                (to_millis(c.at), c.strength, &c.note),
            )?;
        if !known {
            let outcome = match c.outcome.as_str() {
                "passed" => CravingOutcome::Passed,
                "used" => CravingOutcome::Used,
                "struggling" => CravingOutcome::Struggling,
                _ => return Err(at(unreadable(()))),
            };
            let input = CravingInput {
                at: c.at,
                strength: small(c.strength),
                triggers: trigger_ids(tx, &c.triggers, now).map_err(at)?,
                place: c.place.clone(),
                people: c.people.clone(),
                actions: labels(tx, Catalogue::CopingActions, &c.actions).map_err(at)?,
                outcome,
                note: c.note.clone(),
                slip_clock_id: None,
            };
            let uuid = kept(tx, c).map_err(at)?;
            let id = cravings::create_in(tx, &input, uuid.as_deref(), now).map_err(at)?;
            // The slip it recorded, when that came in the file too.
            let slip: Option<i64> = match &c.slip {
                Some(slip) => tx
                    .prepare_cached("SELECT id FROM slips WHERE uuid = ?1")?
                    .query_row([slip], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            if let Some(slip) = slip {
                cravings::link_slip_in(tx, id, slip).map_err(at)?;
            }
        }
        s.count("cravings", !known);
    }
    for (i, j) in file.journal.iter().enumerate() {
        let at = |e| refused(RecordKind::JournalEntry, i, e);
        let known = here(tx, j)?
            || exists(
                tx,
                "SELECT 1 FROM journal_entries WHERE at = ?1 AND title = ?2 AND body = ?3
                 AND deleted_at IS NULL",
                (to_millis(j.at), &j.title, &j.body),
            )?;
        if !known {
            let input = JournalInput {
                at: j.at,
                title: j.title.clone(),
                body: j.body.clone(),
                tags: j.tags.clone(),
            };
            let uuid = kept(tx, j).map_err(at)?;
            journal_entries::create_in(tx, &input, uuid.as_deref(), now).map_err(at)?;
        }
        s.count("journal entries", !known);
    }
    for (i, p) in file.people.iter().enumerate() {
        let at = |e| refused(RecordKind::Person, i, e);
        let known = here(tx, p)?
            || exists(
                tx,
                "SELECT 1 FROM people WHERE name = ?1 AND phone = ?2",
                (&p.name, &p.phone),
            )?;
        if !known {
            let input = PersonInput {
                name: p.name.clone(),
                phone: p.phone.clone(),
                note: p.note.clone(),
            };
            let uuid = kept(tx, p).map_err(at)?;
            people::add_in(tx, &input, uuid.as_deref()).map_err(at)?;
        }
        s.count("people", !known);
    }
    for (i, r) in file.reasons.iter().enumerate() {
        let at = |e| refused(RecordKind::Reason, i, e);
        let known = here(tx, r)? || exists(tx, "SELECT 1 FROM reasons WHERE text = ?1", [&r.text])?;
        if !known {
            let uuid = kept(tx, r).map_err(at)?;
            reasons::add_in(tx, &r.text, uuid.as_deref()).map_err(at)?;
        }
        s.count("reasons", !known);
    }
    if let Some(plan) = &file.relapse_plan {
        merge::plan(tx, plan, now, s)?;
    }
    if let Some(library) = &file.library {
        merge::library(tx, library, now, s)?;
    }
    Ok(())
}

/// The clock `c` names: the one here (the same uuid, or the same name and start), or a new
/// one, archived or pinned as in the file (pinned only when no clock here is).
fn clock(
    tx: &Connection,
    c: &ClockRecord,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<i64, DataError> {
    let same_uuid: Option<i64> = match &c.uuid {
        Some(uuid) => tx
            .prepare_cached("SELECT id FROM clocks WHERE uuid = ?1")?
            .query_row([uuid], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let existing = match same_uuid {
        Some(id) => Some(id),
        None => tx
            .prepare_cached("SELECT id FROM clocks WHERE name = ?1 AND started_at = ?2")?
            .query_row((&c.name, to_millis(c.started_at)), |r| r.get(0))
            .optional()?,
    };
    s.count("clocks", existing.is_none());
    if let Some(id) = existing {
        return Ok(id);
    }
    let (pinned, archived) = (flag(c.pinned)?, flag(c.archived)?);
    let input = ClockInput {
        name: c.name.clone(),
        started_at: c.started_at,
        money_per_day_cents: c.money_per_day_cents,
        currency: c.currency.clone(),
        minutes_per_day: c.minutes_per_day,
    };
    let id = clocks::create_in(tx, &input, kept(tx, c)?.as_deref(), now)?;
    if archived {
        clocks::archive_in(tx, id, true)?;
    } else if pinned && !exists(tx, "SELECT 1 FROM clocks WHERE pinned = 1", [])? {
        clocks::pin_in(tx, id)?;
    }
    Ok(id)
}
