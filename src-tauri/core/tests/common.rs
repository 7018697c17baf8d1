//! Helpers shared by the integration tests: real journals in temp dirs, at the real
//! (floor) Argon2id parameters.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::zone::Zone;
use daybreak_core::{Journal, JournalPaths, KdfChoice, Passphrase, RecoveryKey, Session, Vault};

pub const PASSPHRASE: &str = "correct horse battery staple";

/// The IANA zone `name`, from the system's time zone database.
pub fn zone(name: &str) -> Zone {
    Zone::named(name).unwrap_or_else(|| panic!("tzdata, the time zone database, has no {name}"))
}

/// The floor is the weakest the app ever accepts; tests use it so that they exercise real
/// parameters while staying quick.
pub const KDF: KdfChoice = KdfChoice::Fixed(FLOOR);

pub struct TempJournal {
    pub dir: tempfile::TempDir,
    pub vault: Vault,
}

impl Default for TempJournal {
    /// A journal-to-be in a `data` folder that does not exist yet inside a fresh temp dir.
    fn default() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(JournalPaths::new(dir.path().join("data")));
        Self { dir, vault }
    }
}

impl TempJournal {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn paths(&self) -> &JournalPaths {
        self.vault.paths()
    }

    /// Creates the journal with `PASSPHRASE`, returning the open session and recovery key.
    pub fn create(&self) -> (Session, RecoveryKey) {
        self.vault
            .create(&Passphrase::new(PASSPHRASE), KDF)
            .expect("create must succeed")
    }
}

/// Every file under `dir` with its bytes, for before/after comparisons.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).expect("read file"));
            }
        }
    }
    files
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Logs a mood with `note` in the open journal.
pub fn log_mood(journal: &Journal, note: &str) {
    journal
        .with_session(|s| {
            daybreak_core::moods::create(
                s.store_mut(),
                &daybreak_core::moods::MoodInput {
                    at: daybreak_core::clock::now_utc(),
                    mood: 4,
                    emotions: vec![],
                    craving: None,
                    halt: Default::default(),
                    sleep_hours: None,
                    note: Some(note.into()),
                },
                daybreak_core::clock::now_utc(),
            )?;
            Ok(())
        })
        .unwrap();
}

/// Every mood's note in the open journal, sorted.
pub fn mood_notes(journal: &Journal) -> Vec<String> {
    texts(journal, "SELECT note FROM moods ORDER BY note")
}

/// The one text column `sql` selects in the open journal, row by row.
pub fn texts(journal: &Journal, sql: &str) -> Vec<String> {
    journal
        .with_session(|s| Ok(store_texts(s.store(), sql)))
        .unwrap()
}

/// The one text column `sql` selects in `store`, row by row.
pub fn store_texts(store: &daybreak_core::store::Store, sql: &str) -> Vec<String> {
    store
        .read(|c| {
            c.prepare(sql)?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap()
}
