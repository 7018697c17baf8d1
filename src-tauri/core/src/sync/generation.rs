//! The generation of the folder's header this journal has seen (`sync_folder.generation`): a
//! passphrase change anywhere writes a newer one. Read and set by the header exchange
//! (`header.rs`) and by joining again after a re-key (`rekeyed.rs`).

use rusqlite::OptionalExtension;

use crate::store::Store;

/// The generation seen last (0 before any).
pub(crate) fn seen(store: &Store) -> rusqlite::Result<u64> {
    store.read(|c| {
        c.query_row("SELECT generation FROM sync_folder", [], |r| {
            r.get::<_, i64>(0)
        })
        .optional()
        .map(|g| g.unwrap_or(0) as u64)
    })
}

/// Notes `generation` as seen.
pub(crate) fn set_seen(store: &mut Store, generation: u64) -> rusqlite::Result<()> {
    store.write(|tx| {
        tx.execute(
            "UPDATE sync_folder SET generation = ?1",
            [generation as i64],
        )?;
        Ok(())
    })
}
