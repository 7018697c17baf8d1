//! Any bytes given to the journal importer (Daybreak JSON or Daylio CSV) either parse or are
//! refused with a message; they never panic, hang or run out of memory. What parses keeps the
//! promises `write` relies on.
#![no_main]

use daybreak_core::import::{self, Parsed};
use daybreak_core::moods::MAX_NOTE_CHARS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(Parsed::Daylio(file)) = import::parse(data) {
        assert!(
            !file.entries.is_empty(),
            "a Daylio file with no entries is refused"
        );
        for entry in &file.entries {
            assert!((1..=5).contains(&entry.mood), "moods are 1 to 5");
            if let Some(note) = &entry.note {
                assert!(!note.trim().is_empty(), "an empty note is None");
                assert!(
                    note.chars().count() <= MAX_NOTE_CHARS,
                    "notes are never too long"
                );
            }
        }
    }
});
