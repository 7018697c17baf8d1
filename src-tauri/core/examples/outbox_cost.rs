//! What the change log costs a write, measured in processor time as well as wall time: 1,000
//! durable moods (two emotions each) on a new encrypted journal with the sync triggers, and on
//! one without them, three times over. The criterion bench (`benches/sync.rs`, group `outbox`)
//! times the same write, but on a shared disk its wall time is mostly fsync and swings from run
//! to run; processor time does not. Linux only (reads /proc/self/stat).
//!
//! `cargo run --release -p daybreak-core --example outbox_cost`
use daybreak_core::moods::{self, Halt, MoodInput};
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Vault};

/// This process's user + system time so far, in seconds (clock ticks of 10 ms).
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = stat.rsplit(") ").next().unwrap().split(' ').collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn main() {
    let n = 1000;
    let input = MoodInput {
        at: daybreak_core::clock::now_utc(),
        mood: 4,
        emotions: vec![1, 10],
        craving: Some(2),
        halt: Halt::default(),
        sleep_hours: Some(7.0),
        note: Some("a calm evening walk".into()),
    };
    for round in 0..3 {
        for with in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            let vault = Vault::new(JournalPaths::new(dir.path().join("data")));
            let (mut s, _) = vault
                .create(
                    &Passphrase::new("correct horse battery staple"),
                    KdfChoice::Fixed(FLOOR),
                )
                .unwrap();
            if !with {
                s.store_mut().write(|tx| {
                    let names: Vec<String> = tx.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%sync%'")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
                    for name in names { tx.execute_batch(&format!("DROP TRIGGER {name};"))?; }
                    Ok::<_, rusqlite::Error>(())
                }).unwrap();
            }
            let t = cpu();
            let w = std::time::Instant::now();
            for _ in 0..n {
                moods::create(s.store_mut(), &input, daybreak_core::clock::now_utc()).unwrap();
            }
            println!(
                "round {round} {}: cpu {:.3} ms/mood, wall {:.3} ms/mood",
                if with { "with   " } else { "without" },
                (cpu() - t) * 1000.0 / n as f64,
                w.elapsed().as_secs_f64() * 1000.0 / n as f64
            );
        }
    }
}
