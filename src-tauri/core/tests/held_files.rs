//! On Windows another program can hold one of the journal's files for a moment (a virus
//! scanner looking at a file just written, the search indexer, a sync engine hashing a backup
//! in its folder), and while it does, the file cannot be renamed over or deleted. A passphrase
//! change and a backup over last week's must wait that moment out, not fail.
//! (`private_files::rename`; Windows only, run under Wine by scripts/test-windows.sh.)
#![cfg(windows)]

mod common;

use std::fs::OpenOptions;
use std::os::windows::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use common::{TempJournal, KDF, PASSPHRASE};
use daybreak_core::backup;
use daybreak_core::vault::steps;
use daybreak_core::{Journal, Passphrase, Secret};

const FILE_SHARE_READ: u32 = 1;
const FILE_SHARE_WRITE: u32 = 2;

/// Files to hold once a step is reached, by step. The tests run side by side in one process,
/// which has one step hook, so each arms its own step.
static ARMED: Mutex<Vec<(&'static str, PathBuf)>> = Mutex::new(Vec::new());

/// The step hook: at an armed step, opens its file the way most Windows programs open a file
/// they read (C's `fopen`, .NET's `File.OpenRead`), sharing reading and writing but not
/// deletion, and lets go 300 ms later. The hook runs just before the rename, so the rename
/// always meets the file held.
fn hold_at_armed_step(step: &str) {
    let mut armed = ARMED.lock().unwrap();
    let Some(at) = armed.iter().position(|(armed_step, _)| *armed_step == step) else {
        return;
    };
    let (_, path) = armed.remove(at);
    let file = OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE)
        .open(&path)
        .unwrap();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(300));
        drop(file);
    });
}

fn hold_when_reached(step: &'static str, path: PathBuf) {
    steps::set_hook(hold_at_armed_step);
    ARMED.lock().unwrap().push((step, path));
}

/// Whether the hold armed for `step` was taken: a step never reached would let a test pass
/// without meeting a held file.
fn was_held(step: &str) -> bool {
    !ARMED
        .lock()
        .unwrap()
        .iter()
        .any(|(armed, _)| *armed == step)
}

#[test]
fn a_passphrase_change_waits_for_a_program_holding_the_header() {
    let j = TempJournal::new();
    drop(j.create());
    let journal = Journal::new(j.paths().clone(), KDF);
    journal.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    // The new header is written beside the old one; it is renamed over it next.
    hold_when_reached("header:temp-written", j.paths().header());
    journal
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("the new passphrase"),
        )
        .expect("the change waits for the header to be let go");
    assert!(was_held("header:temp-written"));
    journal.lock().unwrap();
    assert!(j.vault.unlock(&Passphrase::new(PASSPHRASE)).is_err());
    assert!(j
        .vault
        .unlock(&Passphrase::new("the new passphrase"))
        .is_ok());
}

#[test]
fn a_backup_over_last_weeks_waits_for_a_program_holding_it() {
    let j = TempJournal::new();
    let (s, _) = j.create();
    let dest = j.dir.path().join("weekly.dbk");
    let last_week = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
    let today = Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap();
    backup::create(&s, j.paths(), &dest, last_week, &mut |_| true).unwrap();
    // Today's backup is checked; it is renamed over last week's next.
    hold_when_reached("backup:checked", dest.clone());
    backup::create(&s, j.paths(), &dest, today, &mut |_| true)
        .expect("the backup waits for last week's to be let go");
    assert!(was_held("backup:checked"));
    let passphrase = Passphrase::new(PASSPHRASE);
    let seen = backup::inspect(&dest, &Secret::Passphrase(&passphrase), j.paths().dir()).unwrap();
    assert_eq!(seen.created_at, today, "today's backup took its place");
}
