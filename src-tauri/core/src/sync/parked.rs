//! The changes waiting here (`sync_parked`): those that name a record not here yet (made on a
//! third computer whose file has not arrived), and those of a kind only a newer Daybreak knows.
//! Applying sets them aside and tries them again after every round (`apply.rs`); snapshots, and
//! the sending after a re-key or to a new folder (`send.rs`), carry them on.

use rusqlite::{Connection, Transaction};

use super::format::Op;
use super::kinds;

/// Sets `op` aside, in place of an older change of the same record set aside before.
pub(crate) fn park(tx: &Transaction<'_>, op: &Op) -> rusqlite::Result<()> {
    let json = serde_json::to_string(op).expect("an op always serializes");
    tx.prepare_cached(
        "INSERT INTO sync_parked (uuid, hlc, device, op) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device,
             op = excluded.op",
    )?
    .execute(rusqlite::params![op.uuid, op.hlc, op.device, json])?;
    Ok(())
}

/// Every change waiting here.
pub(crate) fn all(conn: &Connection) -> rusqlite::Result<Vec<Op>> {
    let waiting: Vec<String> = conn
        .prepare("SELECT op FROM sync_parked")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(waiting
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect())
}

/// How many changes wait for a record they name. Those of a kind only a newer Daybreak knows
/// wait for an update instead, and are not counted.
pub(crate) fn waiting_for_records(conn: &Connection) -> rusqlite::Result<u32> {
    Ok(all(conn)?
        .iter()
        .filter(|op| kinds::kind(&op.kind).is_some())
        .count() as u32)
}
