//! Daybreak's core: the encrypted vault, the store and (later) the recovery domain.
//!
//! This crate has no Tauri dependency on purpose: everything that matters is tested with
//! plain `cargo test` against real encrypted files.

pub mod backup;
pub mod catalogue;
pub mod clock;
pub mod cravings;
pub mod data_error;
pub mod device_settings;
pub mod export;
pub mod export_csv;
pub mod export_file;
pub mod import;
pub mod insights;
pub mod journal;
pub mod journal_entries;
pub mod library;
pub mod markdown;
pub mod moods;
pub mod paths;
pub mod preferences;
pub mod private_files;
pub mod reminders;
pub mod report;
pub mod search;
pub mod secret;
pub mod sobriety;
pub mod sos;
pub mod store;
pub mod sync;
pub mod time;
pub mod timeline;
pub mod triggers;
pub mod vault;
pub mod words;
pub mod zone;

pub use data_error::{
    BackupProblem, DataError, Field, FileAction, IoReason, Moment, Named, PlanList, RecordKind,
    Refusal, RowProblem, Scale, Task,
};
pub use journal::{Journal, JournalError, JournalState, JournalStatus, Rekeyed};
pub use paths::JournalPaths;
pub use secret::{DataKey, Passphrase, PassphraseProblem, RecoveryKey};
pub use vault::{KdfChoice, Secret, Session, Vault, VaultError};
