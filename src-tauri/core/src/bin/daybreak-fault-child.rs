//! A helper process for the crash tests in `tests/faults.rs`, never shipped with the app: it
//! opens a journal and writes (or changes the passphrase, or makes backups) in a loop,
//! printing a line after each durable step, until the test kills it with SIGKILL.
//!
//! Usage: daybreak-fault-child <data dir> <write|change|backup> <passphrase> [other passphrase]

use std::io::Write;

use daybreak_core::store::settings;
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::{backup, clock, JournalPaths, KdfChoice, Passphrase, Vault};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, mode, passphrase, rest @ ..] = args.as_slice() else {
        eprintln!("usage: daybreak-fault-child <dir> <write|change|backup> <passphrase> [other]");
        std::process::exit(2);
    };
    let vault = Vault::new(JournalPaths::new(dir));
    let mut out = std::io::stdout().lock();
    match mode.as_str() {
        "write" => {
            let mut session = vault.unlock(&Passphrase::new(passphrase)).expect("unlock");
            for i in 0.. {
                settings::set(session.store_mut(), &format!("entry-{i}"), "written")
                    .expect("write");
                // Printed only after the commit returned: the entry is acknowledged.
                writeln!(out, "ack {i}")
                    .and_then(|_| out.flush())
                    .expect("stdout");
            }
        }
        "change" => {
            let other = rest.first().expect("the other passphrase");
            let (mut from, mut to) = (passphrase.as_str(), other.as_str());
            loop {
                let kdf = KdfChoice::Fixed(FLOOR);
                vault
                    .change_passphrase(&Passphrase::new(from), &Passphrase::new(to), kdf)
                    .expect("change");
                writeln!(out, "now {to}")
                    .and_then(|_| out.flush())
                    .expect("stdout");
                std::mem::swap(&mut from, &mut to);
            }
        }
        "backup" => {
            let session = vault.unlock(&Passphrase::new(passphrase)).expect("unlock");
            let dest = std::path::Path::new(dir).join("crash.dbk");
            for i in 0.. {
                backup::create(
                    &session,
                    vault.paths(),
                    &dest,
                    clock::now_utc(),
                    &mut |_| true,
                )
                .expect("backup");
                writeln!(out, "backup {i}")
                    .and_then(|_| out.flush())
                    .expect("stdout");
            }
        }
        other => {
            eprintln!("unknown mode {other}");
            std::process::exit(2);
        }
    }
}
