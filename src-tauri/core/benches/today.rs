//! The Today screen's data in one call, for a heavy user: 5 clocks, 200 slips and 10 years of
//! daily check-ins, on a real encrypted journal. Target: under 5 ms.
//!
//! Run: `cargo bench -p daybreak-core --bench today`

use chrono::{DateTime, Days, Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::sobriety::{clocks, today, ClockInput};
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::zone::Zone;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Vault};

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
    let ten_years_ago = now - Duration::days(3653);
    let store = session.store_mut();
    let mut ids = Vec::new();
    for name in ["Heroin", "Alcohol", "Pills", "Cannabis", "Nicotine"] {
        let input = ClockInput {
            name: name.into(),
            started_at: ten_years_ago,
            money_per_day_cents: Some(2_500),
            currency: Some("EUR".into()),
            minutes_per_day: Some(120),
        };
        ids.push(clocks::create(store, &input, now, tz()).expect("clock").id);
    }
    // Bulk set-up in one transaction; the measured call is the real one.
    store
        .write(|tx| {
            for i in 0..200i64 {
                let at = ten_years_ago + Duration::hours(i * 431);
                tx.execute(
                    "INSERT INTO slips (clock_id, at, note, created_at) VALUES (?1, ?2, ?3, ?2)",
                    (
                        ids[(i % 5) as usize],
                        at.timestamp_millis(),
                        "a note about the day",
                    ),
                )?;
            }
            let first = ten_years_ago.with_timezone(&tz()).date_naive();
            for d in 0..3653u64 {
                let day = first + Days::new(d);
                tx.execute(
                    "INSERT INTO check_ins (day, intention, sober, difficulty, note)
                     VALUES (?1, 'Today I stay sober', 1, 2, 'fine')",
                    [day.to_string()],
                )?;
            }
            Ok::<_, rusqlite::Error>(())
        })
        .expect("bulk data");

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
