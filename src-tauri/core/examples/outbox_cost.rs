//! What the change log costs a write, in processor time as well as wall time: 500 durable
//! moods (two emotions each) on a new encrypted journal with the sync triggers, and on one
//! without them, in eleven rounds that alternate which goes first. This machine's speed swings
//! by a third from one round to the next, so each round's ratio is taken between two runs made
//! back to back, and the median ratio is the figure. The criterion bench (`benches/sync.rs`,
//! group `outbox`) times the same write one journal after the other. Linux only (reads
//! /proc/self/stat).
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
    let n = 500;
    let rounds = 11;
    let (mut wall_ratios, mut cpu_ratios) = (Vec::new(), Vec::new());
    let input = MoodInput {
        at: daybreak_core::clock::now_utc(),
        mood: 4,
        emotions: vec![1, 10],
        craving: Some(2),
        halt: Halt::default(),
        sleep_hours: Some(7.0),
        note: Some("a calm evening walk".into()),
    };
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        let mut taken = [(0.0, 0.0); 2];
        for with in order {
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
            let (cpu_ms, wall_ms) = (
                (cpu() - t) * 1000.0 / n as f64,
                w.elapsed().as_secs_f64() * 1000.0 / n as f64,
            );
            println!(
                "round {round} {}: cpu {cpu_ms:.3} ms/mood, wall {wall_ms:.3} ms/mood",
                if with { "with   " } else { "without" },
            );
            taken[usize::from(!with)] = (cpu_ms, wall_ms);
        }
        let [(cpu_with, wall_with), (cpu_without, wall_without)] = taken;
        cpu_ratios.push(cpu_with / cpu_without);
        wall_ratios.push(wall_with / wall_without);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2] - 1.0) * 100.0
    };
    println!(
        "the change log adds (median of {rounds} rounds): {:+.1}% wall time, {:+.1}% processor time",
        median(wall_ratios),
        median(cpu_ratios)
    );
}
