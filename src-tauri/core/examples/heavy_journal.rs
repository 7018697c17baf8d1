//! Writes an encrypted journal of heavy use into a folder, for the start-up and memory harness
//! (`scripts/perf.sh`): the app then unlocks it as a person's own journal.
//!
//!   cargo run --release -p daybreak-core --example heavy_journal -- <dir> <years> <passphrase>
//!
//! It uses the lowest key-derivation cost the vault accepts, so making one is quick, and prints
//! how long opening the written journal with the raw key takes (the median of three), the part
//! of unlocking that grows with the journal. How long each unlock's derivation took, the app
//! says itself (`DAYBREAK_TRACE_START`), so the harness takes that one away.

#[path = "../benches/support/heavy_use.rs"]
mod heavy_use;

use std::path::PathBuf;
use std::time::Instant;

use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::{clock, JournalPaths, KdfChoice, Passphrase, Vault};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, years, passphrase] = args.as_slice() else {
        eprintln!("usage: heavy_journal <dir> <years> <passphrase>");
        std::process::exit(2);
    };
    let years: i64 = years.parse().expect("years is a whole number");
    let vault = Vault::new(JournalPaths::new(PathBuf::from(dir)));
    let passphrase = Passphrase::new(passphrase.as_str());
    let (mut session, _recovery) = vault
        .create(&passphrase, KdfChoice::Fixed(FLOOR))
        .expect("create the journal");
    let days = years * heavy_use::TEN_YEARS / 10;
    let now = clock::now_utc();
    heavy_use::generate(session.store_mut(), days, now);
    heavy_use::generate_recovery(session.store_mut(), days, now, clock::current_zone());
    heavy_use::generate_sos_lists(session.store_mut(), now);
    session.lock().expect("lock the journal");
    let data_key = vault
        .data_key_from_passphrase(&passphrase)
        .expect("unwrap the data key");
    let mut opens: Vec<f64> = (0..3)
        .map(|_| {
            let started = Instant::now();
            let session = vault.open_with_data_key(&data_key).expect("open");
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            session.lock().expect("lock the journal");
            ms
        })
        .collect();
    opens.sort_by(f64::total_cmp);
    println!("{{\"open_ms\": {:.1}}}", opens[1]);
}
