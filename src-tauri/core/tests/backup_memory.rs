//! A backup streams the journal from the snapshot to the backup file and back out to be
//! checked, never holding it in memory: held, a 10 MB journal cost 40 MB at the peak and left
//! the app 20 MB larger after every daily backup (the allocator keeps what it was given).
//! The heap is counted by dhat, in this test binary only; SQLite's own memory (its page cache)
//! is not Rust's heap and is not counted.

mod common;

use std::fs;

use chrono::{TimeZone, Utc};
use common::TempJournal;
use daybreak_core::backup;
use daybreak_core::store::settings;

#[global_allocator]
static HEAP: dhat::Alloc = dhat::Alloc;

#[test]
fn writing_and_verifying_a_backup_streams_the_journal_instead_of_holding_it() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    for i in 0..300 {
        settings::set(s.store_mut(), &format!("note {i}"), &format!("{i:>20000}")).unwrap();
    }
    let dest = j.dir.path().join("streamed.dbk");
    let snapshot = backup::snapshot(&s, j.paths(), &dest).unwrap();
    let journal_bytes = fs::metadata(j.paths().database()).unwrap().len();
    assert!(
        journal_bytes > 5_000_000,
        "a journal of {journal_bytes} bytes"
    );

    let profiler = dhat::Profiler::builder().testing().build();
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 22, 0, 0).unwrap();
    backup::write(snapshot, &dest, now, &mut |_| true).unwrap();
    let peak = dhat::HeapStats::get().max_bytes as u64;
    drop(profiler);
    println!("peak heap {peak} bytes, for a journal of {journal_bytes} bytes");

    assert!(
        peak < journal_bytes / 10,
        "writing and checking a backup of a {journal_bytes}-byte journal peaked at {peak} bytes \
         of heap: the journal was held in memory"
    );
}
