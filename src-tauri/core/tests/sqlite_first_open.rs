//! Every connection can re-key, even one opened while another thread starts SQLCipher
//! (`src/store/start.rs` says why it might not). The race happens once per process, at its
//! first start, so the test runs itself again as fresh processes: in each, many threads open
//! a connection at the same moment, and each connection must know `sqlcipher_export`.
//! Without the shared start, about one process in twenty to thirty had a connection without
//! it, so a hundred processes show it all but surely.

use std::process::Command;
use std::sync::{Arc, Barrier};

/// Set in the processes this test starts: they race instead of starting others.
const RACER: &str = "DAYBREAK_TEST_FIRST_OPEN_RACER";
const PROCESSES: usize = 100;
const THREADS: usize = 64;

#[test]
fn connections_opened_at_once_in_a_fresh_process_can_all_export() {
    if std::env::var_os(RACER).is_some() {
        race();
        return;
    }
    let me = std::env::current_exe().unwrap();
    let mut without = Vec::new();
    for run in 0..PROCESSES {
        let out = Command::new(&me)
            .args([
                "--exact",
                "connections_opened_at_once_in_a_fresh_process_can_all_export",
                "--test-threads=1",
            ])
            .env(RACER, "1")
            .output()
            .unwrap();
        // A child that ran no test (a renamed test, a filter matching nothing) proves nothing.
        let ran = String::from_utf8_lossy(&out.stdout).contains("1 passed");
        if !out.status.success() || !ran {
            without.push(format!(
                "process {run}: {}",
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .find(|l| l.contains("without"))
                    .unwrap_or("failed")
            ));
        }
    }
    assert!(
        without.is_empty(),
        "connections without sqlcipher_export: {without:?}"
    );
}

/// THREADS threads open a connection at the same moment, the process's first, and each asks
/// SQLite to prepare a call to `sqlcipher_export` (preparing fails when there is no such
/// function; nothing is exported).
fn race() {
    let gate = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let gate = gate.clone();
            std::thread::spawn(move || {
                gate.wait();
                let conn = daybreak_core::store::open_in_memory().unwrap();
                let knows = conn.prepare("SELECT sqlcipher_export('none')").is_ok();
                knows
            })
        })
        .collect();
    let missing = threads
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|knows| !knows)
        .count();
    assert_eq!(
        missing, 0,
        "{missing} of {THREADS} connections without sqlcipher_export"
    );
}
