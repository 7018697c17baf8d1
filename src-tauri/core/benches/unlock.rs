//! Unlock, split into its two halves: the Argon2id derivation (deliberately slow) and opening
//! the database with the raw data key (must be well under 50 ms: SQLCipher runs no KDF).
//!
//! Run: `cargo bench -p daybreak-core --bench unlock`

use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::vault::kdf::{self, FLOOR};
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Vault};

const PASSPHRASE: &str = "correct horse battery staple";

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(JournalPaths::new(dir.path()));
    let passphrase = Passphrase::new(PASSPHRASE);
    let (session, _) = vault
        .create(&passphrase, KdfChoice::Fixed(FLOOR))
        .expect("create");
    session.lock().expect("lock");

    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function("kdf_and_unwrap_at_floor", |b| {
        b.iter(|| vault.data_key_from_passphrase(&passphrase).expect("unwrap"))
    });
    let calibrated = kdf::calibrate();
    eprintln!("calibrated parameters on this machine: {calibrated:?}");
    group.bench_function("kdf_calibrated", |b| {
        b.iter(|| kdf::derive(PASSPHRASE.as_bytes(), &[7; 16], calibrated).expect("derive"))
    });
    let data_key = vault.data_key_from_passphrase(&passphrase).expect("unwrap");
    group.sample_size(50);
    group.bench_function("open_with_raw_key", |b| {
        b.iter(|| {
            vault
                .open_with_data_key(&data_key)
                .expect("open")
                .lock()
                .expect("lock")
        })
    });
    group.finish();
}

criterion_group!(benches, unlock);
criterion_main!(benches);
