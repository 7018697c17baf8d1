//! A helper process for the crash tests in `tests/faults.rs`, never shipped with the app: it
//! opens a journal and writes (or changes the passphrase, re-keys, restores, or makes backups),
//! printing a line after each durable step, until the test kills it with SIGKILL.
//!
//! Every named step of the vault's file operations is printed as `step <name>`. With
//! `DAYBREAK_STOP_AT=<name>#<n>` the child stops at the n-th time it reaches that step, says
//! `stopped`, and waits there to be killed: a crash at an exact point, not a random one.
//!
//! Usage: daybreak-fault-child <data dir> <mode> <passphrase> [argument]
//!   write                 settings entries in a loop, `ack <i>` after each commit
//!   change                passphrase -> "changed passphrase 1" -> "... 2" ..., `now <i>` after each
//!   backup                backups to <dir>/crash.dbk in a loop, `backup <i>` after each
//!   rekey <new>           `ack <i>` for 20 entries, re-key to <new>, `rekeyed`, 20 more acks
//!   restore <backup>      restores the backup (made with the same passphrase), `restored`

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use daybreak_core::store::settings;
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::vault::steps;
use daybreak_core::{backup, clock, Journal, JournalPaths, KdfChoice, Passphrase, Secret, Vault};

/// The n-th passphrase of the `change` mode's sequence; the 0th is the one given.
fn changed(first: &str, i: u32) -> String {
    if i == 0 {
        first.to_string()
    } else {
        format!("changed passphrase {i}")
    }
}

static SEEN: AtomicU32 = AtomicU32::new(0);

fn at_step(name: &str) {
    say(&format!("step {name}"));
    let Ok(target) = std::env::var("DAYBREAK_STOP_AT") else {
        return;
    };
    let (step, nth) = target.split_once('#').unwrap_or((target.as_str(), "1"));
    if step == name && SEEN.fetch_add(1, Ordering::SeqCst) + 1 == nth.parse().unwrap_or(1) {
        say("stopped");
        loop {
            std::thread::sleep(Duration::from_secs(60));
        }
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
        .and_then(|_| out.flush())
        .expect("stdout");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, mode, passphrase, rest @ ..] = args.as_slice() else {
        eprintln!("usage: daybreak-fault-child <dir> <mode> <passphrase> [argument]");
        std::process::exit(2);
    };
    steps::set_hook(at_step);
    let paths = JournalPaths::new(dir);
    let vault = Vault::new(paths.clone());
    let kdf = KdfChoice::Fixed(FLOOR);
    match mode.as_str() {
        "write" => {
            let mut session = vault.unlock(&Passphrase::new(passphrase)).expect("unlock");
            for i in 0.. {
                settings::set(session.store_mut(), &format!("entry-{i}"), "written")
                    .expect("write");
                // Printed only after the commit returned: the entry is acknowledged.
                say(&format!("ack {i}"));
            }
        }
        "change" => {
            for i in 1.. {
                let (from, to) = (changed(passphrase, i - 1), changed(passphrase, i));
                vault
                    .change_passphrase(&Passphrase::new(&from), &Passphrase::new(&to), kdf)
                    .expect("change");
                say(&format!("now {i}"));
            }
        }
        "backup" => {
            let session = vault.unlock(&Passphrase::new(passphrase)).expect("unlock");
            let dest = Path::new(dir).join("crash.dbk");
            for i in 0.. {
                backup::create(&session, &paths, &dest, clock::now_utc(), &mut |_| true)
                    .expect("backup");
                say(&format!("backup {i}"));
            }
        }
        "rekey" => {
            let new = rest.first().expect("the new passphrase");
            let journal = Journal::new(paths, kdf);
            journal
                .unlock(&Passphrase::new(passphrase))
                .expect("unlock");
            let write = |i: u32| {
                journal
                    .with_session(|s| {
                        Ok(settings::set(
                            s.store_mut(),
                            &format!("entry-{i}"),
                            "written",
                        )?)
                    })
                    .expect("write");
                say(&format!("ack {i}"));
            };
            (0..20).for_each(write);
            journal
                .rekey(
                    &Passphrase::new(passphrase),
                    &Passphrase::new(new),
                    clock::now_utc(),
                )
                .expect("rekey");
            say("rekeyed");
            (20..40).for_each(write);
        }
        "restore" => {
            let from = rest.first().expect("the backup");
            let journal = Journal::new(paths, kdf);
            journal
                .unlock(&Passphrase::new(passphrase))
                .expect("unlock");
            let secret = Passphrase::new(passphrase);
            journal
                .restore_from(
                    Path::new(from),
                    &Secret::Passphrase(&secret),
                    clock::now_utc(),
                )
                .expect("restore");
            say("restored");
        }
        other => {
            eprintln!("unknown mode {other}");
            std::process::exit(2);
        }
    }
}
