//! Crash tests from the security model: a real child process is killed with SIGKILL while it
//! writes or makes a backup (at random moments), and while it changes the passphrase, re-keys
//! or restores (at each named step of the file operations, deterministically). Every
//! acknowledged entry must survive, exactly one passphrase may open anything in the journal's
//! folder, a restore leaves the old journal or the restored one and never a mix, and a
//! half-written backup never passes for a good one.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use std::fs;
use std::path::{Path, PathBuf};

use common::{TempJournal, PASSPHRASE};
use daybreak_core::backup::container::Container;
use daybreak_core::store::settings;
use daybreak_core::vault::header::Header;
use daybreak_core::{backup, Journal, JournalPaths, Passphrase, Secret, Vault};

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
/// `stop_at` (`<step>#<n>`) makes it stop at that step and wait to be killed.
fn spawn(args: &[&str], stop_at: Option<String>) -> (Child, mpsc::Receiver<String>) {
    let mut command = Command::new(CHILD);
    match stop_at {
        Some(at) => command.env("DAYBREAK_STOP_AT", at),
        None => command.env_remove("DAYBREAK_STOP_AT"),
    };
    let mut child = command
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
    let (mut child, rx) = spawn(args, None);
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

/// Runs the child until it prints `last`, and returns the vault steps it passed on the way,
/// in order: the points the deterministic crash tests stop at.
fn steps_until(args: &[&str], last: &str) -> Vec<String> {
    let (mut child, rx) = spawn(args, None);
    let mut steps = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("the child must reach `{last}`"));
        if line == last {
            break;
        }
        if let Some(step) = line.strip_prefix("step ") {
            steps.push(step.to_string());
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    steps
}

/// Runs the child until it stops at the `nth` time it reaches `step`, SIGKILLs it there, and
/// returns every line it printed.
fn kill_at(args: &[&str], step: &str, nth: u32) -> Vec<String> {
    let (mut child, rx) = spawn(args, Some(format!("{step}#{nth}")));
    let mut lines = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("the child must stop at {step} #{nth}: {lines:?}"));
        if line == "stopped" {
            break;
        }
        lines.push(line);
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    lines.extend(rx.try_iter());
    lines
}

/// What the next start of the app does first: finish or undo what the crash interrupted.
fn next_start(j: &TempJournal) {
    drop(Journal::new(j.paths().clone(), common::KDF));
}

/// Every file anywhere in the journal's folder that `passphrase` opens: a header, a staged
/// header, a header's temp file, a backup, whatever its name.
fn files_opening_with(j: &TempJournal, passphrase: &str) -> Vec<PathBuf> {
    let scratch = tempfile::tempdir().unwrap();
    let probe = Vault::new(JournalPaths::new(scratch.path()));
    common::snapshot(j.paths().dir())
        .into_iter()
        .filter_map(|(path, bytes)| {
            let header = if Header::decode(&bytes).is_ok() {
                bytes
            } else {
                Container::decode(&bytes).ok()?.header
            };
            std::fs::write(probe.paths().header(), &header).unwrap();
            probe
                .data_key_from_passphrase(&Passphrase::new(passphrase))
                .is_ok()
                .then_some(path)
        })
        .collect()
}

/// Of `candidates`, the passphrases that open anything at all in the journal's folder.
fn openers<'a>(j: &TempJournal, candidates: &[&'a str]) -> Vec<&'a str> {
    candidates
        .iter()
        .copied()
        .filter(|p| !files_opening_with(j, p).is_empty())
        .collect()
}

fn changed(i: usize) -> String {
    if i == 0 {
        PASSPHRASE.to_string()
    } else {
        format!("changed passphrase {i}")
    }
}

#[test]
fn killed_at_each_step_of_a_passphrase_change_exactly_one_passphrase_opens_anything() {
    let probe = TempJournal::new();
    probe.create().0.lock().unwrap();
    let dir = probe.paths().dir().to_string_lossy().to_string();
    let steps = steps_until(&[&dir, "change", PASSPHRASE], "now 1");
    for expected in ["header:temp-written", "header:renamed", "header:read-back"] {
        assert!(
            steps.iter().any(|s| s == expected),
            "{expected} in {steps:?}"
        );
    }
    for step in &steps {
        // The first change, and the second (after one that was acknowledged).
        for nth in [1, 2] {
            let j = TempJournal::new();
            let (mut s, _) = j.create();
            settings::set(s.store_mut(), "kept", "yes").unwrap();
            s.lock().unwrap();
            let dir = j.paths().dir().to_string_lossy().to_string();
            let lines = kill_at(&[&dir, "change", PASSPHRASE], step, nth);
            let acked = lines.iter().filter(|l| l.starts_with("now ")).count();
            assert_eq!(acked, nth as usize - 1, "{step} #{nth}: {lines:?}");
            next_start(&j);
            let candidates: Vec<String> = (0..=acked + 1).map(changed).collect();
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            let open = openers(&j, &candidates);
            assert_eq!(
                open.len(),
                1,
                "killed at {step} #{nth}: exactly one passphrase may open anything in the folder, \
                 got {open:?}"
            );
            assert!(
                open[0] == changed(acked) || open[0] == changed(acked + 1),
                "killed at {step} #{nth}: an acknowledged change must never be lost ({})",
                open[0]
            );
            let s = j.vault.unlock(&Passphrase::new(open[0])).unwrap();
            assert_eq!(
                settings::get(s.store(), "kept").unwrap().as_deref(),
                Some("yes"),
                "{step} #{nth}: data intact"
            );
            s.lock().unwrap();
        }
    }
}

fn acked_entries(lines: &[String]) -> Vec<u64> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("ack ")?.parse().ok())
        .collect()
}

fn assert_whole(session: &daybreak_core::Session, acked: &[u64], context: &str) {
    let ok: String = session
        .store()
        .read(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(ok, "ok", "{context}: integrity_check");
    for i in acked {
        assert!(
            settings::get(session.store(), &format!("entry-{i}"))
                .unwrap()
                .is_some(),
            "{context}: acknowledged entry {i} must survive"
        );
    }
}

const NEW_KEY_PASSPHRASE: &str = "a brand new passphrase";

#[test]
fn killed_at_each_step_of_a_rekey_one_passphrase_opens_and_nothing_is_lost() {
    let probe = TempJournal::new();
    probe.create().0.lock().unwrap();
    let dir = probe.paths().dir().to_string_lossy().to_string();
    let args = |dir: &str| -> Vec<String> {
        [dir, "rekey", PASSPHRASE, NEW_KEY_PASSPHRASE]
            .map(String::from)
            .to_vec()
    };
    let probe_args = args(&dir);
    let probe_args: Vec<&str> = probe_args.iter().map(String::as_str).collect();
    let steps = steps_until(&probe_args, "rekeyed");
    let committed_at = steps
        .iter()
        .position(|s| s == "swap:marker:renamed")
        .expect("the swap has a commit point");
    assert!(
        steps.iter().any(|s| s == "swap:database-moved"),
        "{steps:?}"
    );
    for (at, step) in steps.iter().enumerate() {
        let j = TempJournal::new();
        j.create().0.lock().unwrap();
        let dir = j.paths().dir().to_string_lossy().to_string();
        let run_args = args(&dir);
        let run_args: Vec<&str> = run_args.iter().map(String::as_str).collect();
        let lines = kill_at(&run_args, step, 1);
        let acked = acked_entries(&lines);
        assert_eq!(acked.len(), 20, "killed at {step}: {lines:?}");
        next_start(&j);
        let open = openers(&j, &[PASSPHRASE, NEW_KEY_PASSPHRASE]);
        let expected = if at >= committed_at {
            NEW_KEY_PASSPHRASE
        } else {
            PASSPHRASE
        };
        assert_eq!(
            open,
            vec![expected],
            "killed at {step}: exactly one passphrase opens anything in the folder"
        );
        let s = j
            .vault
            .unlock(&Passphrase::new(expected))
            .unwrap_or_else(|e| panic!("killed at {step}: the journal must open: {e}"));
        assert_whole(&s, &acked, &format!("killed at {step}"));
        s.lock().unwrap();
    }
}

#[test]
fn killed_at_each_step_of_a_restore_either_journal_is_there_never_a_mix() {
    let setup = || {
        let j = TempJournal::new();
        let (mut s, _) = j.create();
        settings::set(s.store_mut(), "which", "backup").unwrap();
        let backup_file = j.dir.path().join("restore-me.dbk");
        backup::create(&s, j.paths(), &backup_file, now(), &mut |_| true).unwrap();
        settings::set(s.store_mut(), "which", "old").unwrap();
        s.lock().unwrap();
        (j, backup_file)
    };
    let (probe, probe_file) = setup();
    let dir = probe.paths().dir().to_string_lossy().to_string();
    let file = probe_file.to_string_lossy().to_string();
    let steps = steps_until(&[&dir, "restore", PASSPHRASE, &file], "restored");
    let committed_at = steps
        .iter()
        .position(|s| s == "swap:marker:renamed")
        .expect("the swap has a commit point");
    for (at, step) in steps.iter().enumerate() {
        let (j, backup_file) = setup();
        let dir = j.paths().dir().to_string_lossy().to_string();
        let file = backup_file.to_string_lossy().to_string();
        kill_at(&[&dir, "restore", PASSPHRASE, &file], step, 1);
        next_start(&j);
        let s = j
            .vault
            .unlock(&Passphrase::new(PASSPHRASE))
            .unwrap_or_else(|e| panic!("killed at {step}: a whole journal must open: {e}"));
        assert_whole(&s, &[], &format!("killed at {step}"));
        let which = settings::get(s.store(), "which").unwrap();
        let expected = if at >= committed_at { "backup" } else { "old" };
        assert_eq!(
            which.as_deref(),
            Some(expected),
            "killed at {step}: before the commit point the old journal, after it the restored one"
        );
        s.lock().unwrap();
        for leftover in ["journal.db.staged", "journal.header.staged", "journal.swap"] {
            assert!(
                !j.paths().dir().join(leftover).exists(),
                "killed at {step}: {leftover} is cleaned up at the next start"
            );
        }
    }
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap()
}

#[test]
fn a_backup_takes_the_chosen_files_name_only_once_it_is_checked() {
    // The second backup to the same file, stopped while it is being checked: the file chosen
    // still holds the first, whole, and the new one waits under a temp name. (Renamed before
    // the check, a backup that then failed it would have replaced the one that was there.)
    let j = TempJournal::new();
    let (s, _) = j.create();
    s.lock().unwrap();
    let dir = j.paths().dir().to_string_lossy().to_string();
    kill_at(&[&dir, "backup", PASSPHRASE], "backup:checking", 2);
    let dest = j.paths().dir().join("crash.dbk");
    let created_at = |path: &Path| {
        Container::decode(&fs::read(path).unwrap())
            .unwrap()
            .created_at_ms
    };
    let waiting: Vec<PathBuf> = fs::read_dir(j.paths().dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".crash.dbk.partial-"))
        .collect();
    assert_eq!(
        waiting.len(),
        1,
        "the backup being checked is under a temp name"
    );
    assert!(
        created_at(&dest) < created_at(&waiting[0]),
        "the file chosen still holds the first backup"
    );
    backup::inspect(
        &dest,
        &Secret::Passphrase(&Passphrase::new(PASSPHRASE)),
        j.paths().dir(),
    )
    .expect("and it is whole");
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
            backup::inspect(&dest, &Secret::Passphrase(&secret), j.paths().dir()).unwrap_or_else(
                |e| panic!("round {round}: a backup under its real name must be whole: {e}"),
            );
        }
        for entry in std::fs::read_dir(j.paths().dir())
            .unwrap()
            .filter_map(|e| e.ok())
        {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".tmp") {
                assert!(
                    backup::inspect(&entry.path(), &Secret::Passphrase(&secret), j.paths().dir())
                        .is_err()
                        || name.contains("partial"),
                    "round {round}: leftover {name} must not pass as a backup"
                );
            }
        }
        next_start(&j);
        let left: Vec<String> = std::fs::read_dir(j.paths().dir())
            .unwrap()
            .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().to_string()))
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(
            left.is_empty(),
            "round {round}: the next start removes a killed backup's temp files: {left:?}"
        );
        // The journal itself is untouched by a killed backup.
        j.vault
            .unlock(&secret)
            .expect("the journal still opens")
            .lock()
            .unwrap();
    }
}
