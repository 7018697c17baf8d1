//! Crash tests from the security model: a real child process is killed with SIGKILL at random
//! moments while it writes, changes the passphrase or makes a backup. Every acknowledged entry
//! must survive, exactly one passphrase must open the journal, and a half-written backup must
//! never pass for a good one.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{TempJournal, PASSPHRASE};
use daybreak_core::store::settings;
use daybreak_core::{backup, Passphrase, Secret, VaultError};

const CHILD: &str = env!("CARGO_BIN_EXE_daybreak-fault-child");

/// A small deterministic random sequence (xorshift), so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Starts the child and collects its lines on a thread, so the test can kill it at any moment.
fn spawn(args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(CHILD)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// Waits for the first line (the child is working), lets it run a random while, kills it,
/// and returns every line it printed.
fn run_and_kill(args: &[&str], rng: &mut Rng, max_ms: u64) -> Vec<String> {
    let (mut child, rx) = spawn(args);
    let mut lines = vec![rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the child starts working")];
    let until = Instant::now() + Duration::from_millis(rng.below(max_ms));
    while Instant::now() < until {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(1)) {
            lines.push(line);
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    lines.extend(rx.try_iter());
    lines
}

#[test]
fn killed_mid_write_every_acknowledged_entry_is_there() {
    let j = TempJournal::new();
    let (s, _) = j.create();
    s.lock().unwrap();
    let dir = j.paths().dir().to_string_lossy().to_string();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut total_acked = 0;
    for round in 0..100 {
        let lines = run_and_kill(&[&dir, "write", PASSPHRASE], &mut rng, 120);
        let acked: Vec<u64> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("ack ")?.parse().ok())
            .collect();
        total_acked += acked.len();
        let session = j
            .vault
            .unlock(&Passphrase::new(PASSPHRASE))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let ok: String = session
            .store()
            .read(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
            .unwrap();
        assert_eq!(ok, "ok", "round {round}: integrity_check after SIGKILL");
        for i in &acked {
            assert!(
                settings::get(session.store(), &format!("entry-{i}"))
                    .unwrap()
                    .is_some(),
                "round {round}: acknowledged entry {i} must survive the crash"
            );
        }
        session
            .store()
            .read(|c| c.execute("DELETE FROM settings", []))
            .unwrap();
        session.lock().unwrap();
    }
    assert!(
        total_acked > 100,
        "the child really wrote between kills ({total_acked} entries)"
    );
}

#[test]
fn killed_mid_passphrase_change_exactly_one_passphrase_opens() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    settings::set(s.store_mut(), "kept", "yes").unwrap();
    s.lock().unwrap();
    let dir = j.paths().dir().to_string_lossy().to_string();
    let (a, b) = (PASSPHRASE, "the other passphrase");
    let mut current = a;
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    for round in 0..30 {
        let other = if current == a { b } else { a };
        run_and_kill(&[&dir, "change", current, other], &mut rng, 700);
        let opens = |p: &str| match j.vault.unlock(&Passphrase::new(p)) {
            Ok(s) => {
                assert_eq!(
                    settings::get(s.store(), "kept").unwrap().as_deref(),
                    Some("yes"),
                    "round {round}: data intact"
                );
                s.lock().unwrap();
                true
            }
            Err(VaultError::WrongPassphrase) => false,
            Err(e) => panic!("round {round}: the journal must stay openable, got {e}"),
        };
        let (opens_a, opens_b) = (opens(a), opens(b));
        assert!(
            opens_a != opens_b,
            "round {round}: exactly one of the two passphrases opens (a: {opens_a}, b: {opens_b})"
        );
        current = if opens_a { a } else { b };
    }
}

#[test]
fn killed_mid_backup_a_half_written_backup_is_never_taken_for_good() {
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    for i in 0..200 {
        settings::set(s.store_mut(), &format!("k{i}"), &"x".repeat(200)).unwrap();
    }
    s.lock().unwrap();
    let dir = j.paths().dir().to_string_lossy().to_string();
    let dest = j.paths().dir().join("crash.dbk");
    let mut rng = Rng(0x5eed_1234_abcd_0003);
    let secret = Passphrase::new(PASSPHRASE);
    for round in 0..25 {
        let lines = run_and_kill(&[&dir, "backup", PASSPHRASE], &mut rng, 400);
        let finished = lines.iter().any(|l| l.starts_with("backup "));
        if finished || dest.exists() {
            backup::inspect(&dest, &Secret::Passphrase(&secret)).unwrap_or_else(|e| {
                panic!("round {round}: a backup under its real name must be whole: {e}")
            });
        }
        for entry in std::fs::read_dir(j.paths().dir())
            .unwrap()
            .filter_map(|e| e.ok())
        {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".tmp") {
                assert!(
                    backup::inspect(&entry.path(), &Secret::Passphrase(&secret)).is_err()
                        || name.contains("partial"),
                    "round {round}: leftover {name} must not pass as a backup"
                );
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
        // The journal itself is untouched by a killed backup.
        j.vault
            .unlock(&secret)
            .expect("the journal still opens")
            .lock()
            .unwrap();
    }
}
