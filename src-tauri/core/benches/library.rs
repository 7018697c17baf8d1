//! Library search on the starter set and with 1,000 imported articles, and rendering an
//! article of 5,000 words. Targets: 5 ms, 20 ms and 10 ms.
//!
//! Run: `cargo bench -p daybreak-core --bench library`

use criterion::{criterion_group, criterion_main, Criterion};
use daybreak_core::clock;
use daybreak_core::library::{self, render::render};
use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::words::Language;
use daybreak_core::{JournalPaths, KdfChoice, Passphrase, Vault};

const WORDS: [&str; 16] = [
    "craving",
    "support",
    "family",
    "sleep",
    "walk",
    "breathing",
    "meeting",
    "friend",
    "evening",
    "stress",
    "hope",
    "doctor",
    "naloxone",
    "recovery",
    "music",
    "river",
];

fn article(i: usize, words: usize) -> String {
    let mut text = format!("# Saved article {i}\n\n");
    for w in 0..words {
        if w % 120 == 0 {
            text.push_str(&format!("\n\n## Part {}\n\n", w / 120));
        }
        text.push_str(WORDS[(i * 7 + w * 13) % WORDS.len()]);
        text.push(if w % 17 == 16 { '.' } else { ' ' });
    }
    text
}

fn bench_library(c: &mut Criterion) {
    let mut group = c.benchmark_group("library");
    group.bench_function("search_starter_set", |b| {
        b.iter(|| library::search(None, "naloxone", 20, Language::En).unwrap())
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(JournalPaths::new(dir.path()));
    let (mut session, _) = vault
        .create(
            &Passphrase::new("bench passphrase"),
            KdfChoice::Fixed(FLOOR),
        )
        .expect("create");
    for i in 0..1000 {
        library::import(
            session.store_mut(),
            &format!("a{i}.md"),
            article(i, 800).as_bytes(),
            clock::now_utc(),
        )
        .expect("import");
    }
    group.bench_function("search_with_1000_imported", |b| {
        b.iter(|| library::search(Some(session.store()), "naloxone", 20, Language::En).unwrap())
    });
    let long = article(1, 5000);
    group.bench_function("render_5000_words", |b| b.iter(|| render(&long)));
    group.finish();
}

criterion_group!(benches, bench_library);
criterion_main!(benches);
