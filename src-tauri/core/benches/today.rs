//! The Today screen's data in one call, for a heavy user: 5 clocks, 200 slips and 10 years of
//! daily check-ins (`heavy_use::generate_recovery`, as in the start-up harness's journal), on a
//! real encrypted journal. Target: under 5 ms.
//!
//! Run: `cargo bench -p daybreak-core --bench today`

#[path = "support/heavy_use.rs"]
mod heavy_use;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::sobriety::today;
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::zone::Zone;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Vault};
use heavy_use::TEN_YEARS;

fn tz() -> Zone {
    Zone::named("Europe/Berlin").expect("tzdata, the time zone database, has this zone")
}

fn bench_today(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(JournalPaths::new(dir.path()));
    let (mut session, _) = vault
        .create(
            &Passphrase::new("bench passphrase"),
            KdfChoice::Fixed(FLOOR),
        )
        .expect("create");
    let now: DateTime<Utc> = tz()
        .with_ymd_and_hms(2026, 11, 26, 20, 0, 0)
        .unwrap()
        .to_utc();
    heavy_use::generate_recovery(session.store_mut(), TEN_YEARS, now, tz());

    let view = today::today(session.store(), now, tz()).expect("today");
    assert_eq!(view.clocks.len(), 5);
    assert!(
        view.check_in_streak >= 3650,
        "10 years of check-ins in a row"
    );
    c.bench_function("today_view_5_clocks_200_slips_10y_check_ins", |b| {
        b.iter(|| today::today(session.store(), now, tz()).expect("today"))
    });
}

criterion_group!(benches, bench_today);
criterion_main!(benches);
