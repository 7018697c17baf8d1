//! For the shell's tests: a real journal (the real SQLCipher file) at the key derivation's
//! floor, so a test can open and lock it as the app does without waiting for the real cost.

use daybreak_core::vault::kdf::FLOOR;
use daybreak_core::{Journal, JournalPaths, KdfChoice, Passphrase};

pub const PASSPHRASE: &str = "harbour lights at dusk";

/// A real journal at the floor's parameters, created and then locked.
pub fn locked_journal(dir: &tempfile::TempDir) -> Journal {
    let journal = Journal::new(
        JournalPaths::new(dir.path().join("data")),
        KdfChoice::Fixed(FLOOR),
    );
    journal
        .create(&Passphrase::new(PASSPHRASE))
        .expect("create");
    journal.lock().expect("lock");
    journal
}

pub fn unlock(journal: &Journal) {
    journal
        .unlock(&Passphrase::new(PASSPHRASE))
        .expect("unlock");
}
