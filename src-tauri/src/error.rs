//! The one error type that crosses IPC: a small closed set of codes the UI branches on, with
//! the facts its sentence needs (`ErrorDetail`), which the UI words in the person's language,
//! and an English message for logs. No passphrase, key or journal text ever goes into any.

use daybreak_core::secret::{MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS};
use daybreak_core::vault::CorruptPart;
use daybreak_core::{
    BackupProblem, DataError, FileAction, IoReason, JournalError, PassphraseProblem, Refusal, Task,
    VaultError,
};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongPassphrase,
    WrongRecoveryKey,
    Locked,
    /// The system asked for a lock while the journal was opening: it is locked, and whatever
    /// the opening set up (a new passphrase, a joined journal) is kept.
    LockedWhileOpening,
    NotFound,
    AlreadyExists,
    InvalidInput,
    Corrupt,
    NewerVersion,
    Io,
    Internal,
    /// Too many wrong tries in a row: the message says how long to wait.
    RateLimited,
    /// No space left: nothing was written, nothing saved before is lost.
    DiskFull,
    /// A backup file that is incomplete, damaged, not a backup, or another journal's.
    BackupDamaged,
    /// Stopped before the end (by the person, or because the journal locked); nothing was
    /// left behind.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AppError {
    pub code: ErrorCode,
    /// In English, for logs. The UI words what it shows from `code` and `detail`, in the
    /// person's language, and never shows this.
    pub message: String,
    /// The facts a sentence needs beyond the code (how long to wait, which file, ...).
    pub detail: Option<ErrorDetail>,
}

/// What the UI needs to word an error precisely, as kinds and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorDetail {
    /// Several wrong tries in a row: wait this long before the next.
    Wait { seconds: u64 },
    /// A file could not be used: doing what, which file (empty when none) and why.
    File {
        action: FileAction,
        path: String,
        reason: IoReason,
    },
    /// What is wrong with a backup file.
    Backup { problem: BackupProblem },
    /// What was stopped before the end.
    Cancelled { task: Task },
    /// A new passphrase that is empty, too short or too long, with the limits.
    Passphrase {
        problem: PassphraseRule,
        min: u32,
        max: u32,
    },
    /// Input only the core can judge (a file to import, a name taken...).
    Refused { refusal: Refusal },
    /// What was asked for was removed meanwhile.
    Gone,
}

/// Which rule a new passphrase breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PassphraseRule {
    Empty,
    TooShort,
    TooLong,
}

impl AppError {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            detail: None,
        }
    }

    fn with(mut self, detail: ErrorDetail) -> Self {
        self.detail = Some(detail);
        self
    }

    /// A failure of Daybreak itself, e.g. a background task that panicked.
    pub fn internal(what: &str) -> Self {
        Self::new(
            ErrorCode::Internal,
            format!("Something went wrong inside Daybreak ({what})."),
        )
    }
}

impl From<JournalError> for AppError {
    fn from(e: JournalError) -> Self {
        use ErrorCode::*;
        let vault = match e {
            JournalError::Locked => return Self::new(Locked, "Your journal is locked."),
            JournalError::LockedWhileOpening => {
                return Self::new(
                    LockedWhileOpening,
                    "Your journal locked again while it was opening.",
                )
            }
            JournalError::TooManyAttempts { wait_seconds } => {
                return Self::new(
                    RateLimited,
                    format!(
                        "That's several tries in a row. Please wait {wait_seconds} seconds, then try again."
                    ),
                )
                .with(ErrorDetail::Wait {
                    seconds: wait_seconds,
                })
            }
            JournalError::Data(data) => return data_error(data),
            JournalError::Vault(vault) => vault,
        };
        match vault {
            VaultError::WrongPassphrase => {
                Self::new(WrongPassphrase, "That passphrase didn't open this journal.")
            }
            VaultError::WrongRecoveryKey => Self::new(
                WrongRecoveryKey,
                "That recovery key didn't open this journal.",
            ),
            VaultError::NoJournal => Self::new(NotFound, "There is no journal here yet."),
            VaultError::AlreadyExists => Self::new(
                AlreadyExists,
                "A journal already exists here. Daybreak never creates a new one over it.",
            ),
            VaultError::Passphrase(problem) => {
                Self::new(InvalidInput, problem.to_string()).with(ErrorDetail::Passphrase {
                    problem: match problem {
                        PassphraseProblem::Empty => PassphraseRule::Empty,
                        PassphraseProblem::TooShort => PassphraseRule::TooShort,
                        PassphraseProblem::TooLong => PassphraseRule::TooLong,
                    },
                    min: MIN_PASSPHRASE_CHARS as u32,
                    max: MAX_PASSPHRASE_CHARS as u32,
                })
            }
            VaultError::Corrupt(part) => Self::new(Corrupt, corrupt_message(part)),
            VaultError::NewerVersion => Self::new(
                NewerVersion,
                "This journal was made by a newer version of Daybreak. Please update Daybreak.",
            ),
            VaultError::Io { ref source, .. }
                if source.kind() == std::io::ErrorKind::StorageFull =>
            {
                disk_full()
            }
            e @ VaultError::Io { .. } => Self::new(Io, capitalize(&e.to_string())),
            VaultError::Store(store) => store_error(store),
        }
    }
}

fn disk_full() -> AppError {
    AppError::new(
        ErrorCode::DiskFull,
        "Your disk is full, so this wasn't saved. Everything saved before is safe. \
         Free up some space, then try again.",
    )
}

fn data_error(e: DataError) -> AppError {
    match e {
        DataError::Refused(refusal) => {
            AppError::new(ErrorCode::InvalidInput, refusal.to_string())
                .with(ErrorDetail::Refused { refusal })
        }
        DataError::NotFound(what) => AppError::new(
            ErrorCode::NotFound,
            format!("That {what} no longer exists."),
        )
        .with(ErrorDetail::Gone),
        DataError::Io {
            action,
            ref path,
            reason,
        } => AppError::new(
            ErrorCode::Io,
            format!(
                "{} Nothing in your journal was changed; check the place and try again.",
                capitalize(&e.to_string())
            ),
        )
        .with(ErrorDetail::File {
            action,
            path: path.clone(),
            reason,
        }),
        DataError::DiskFull => disk_full(),
        DataError::DamagedBackup(problem) => AppError::new(
            ErrorCode::BackupDamaged,
            format!(
                "{} Nothing in your journal was changed; try another backup.",
                capitalize(problem.sentence())
            ),
        )
        .with(ErrorDetail::Backup { problem }),
        DataError::WrongBackupSecret { recovery_key: false } => AppError::new(
            ErrorCode::WrongPassphrase,
            "That passphrase didn't open this backup. Use the one that was valid when it was made.",
        ),
        DataError::WrongBackupSecret { recovery_key: true } => AppError::new(
            ErrorCode::WrongRecoveryKey,
            "That recovery key didn't open this backup. Use the one that was valid when it was made.",
        ),
        DataError::Cancelled(task) => AppError::new(
            ErrorCode::Cancelled,
            format!(
                "{} was stopped before the end. Nothing was written.",
                capitalize_word(&task.to_string())
            ),
        )
        .with(ErrorDetail::Cancelled { task }),
        DataError::Store(store) => store_error(store),
    }
}

fn store_error(e: daybreak_core::store::StoreError) -> AppError {
    use daybreak_core::store::StoreError;
    match e {
        StoreError::NotADatabase => {
            AppError::new(ErrorCode::Corrupt, corrupt_message(CorruptPart::Database))
        }
        StoreError::Missing => AppError::new(
            ErrorCode::Corrupt,
            corrupt_message(CorruptPart::DatabaseMissing),
        ),
        StoreError::NewerSchema { .. } => AppError::new(
            ErrorCode::NewerVersion,
            "This journal was made by a newer version of Daybreak. Please update Daybreak.",
        ),
        StoreError::DiskFull => disk_full(),
        StoreError::Io(kind) => AppError::new(
            ErrorCode::Io,
            format!("A file beside your journal could not be written ({kind}). Nothing saved before is lost."),
        ),
        other => AppError::new(ErrorCode::Internal, capitalize(&other.to_string())),
    }
}

fn corrupt_message(part: CorruptPart) -> &'static str {
    match part {
        CorruptPart::Header => {
            "Daybreak couldn't open this journal: its key file (journal.header) is damaged. \
             Nothing has been changed; you can restore it from a backup."
        }
        CorruptPart::Database => {
            "Daybreak couldn't open this journal: the journal file is damaged. \
             Nothing has been changed; you can restore it from a backup."
        }
        CorruptPart::DatabaseMissing => {
            "Daybreak couldn't find the journal file next to its key file. \
             Nothing has been changed; you can restore it from a backup."
        }
    }
}

/// "the backup" → "The backup".
fn capitalize_word(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_snake_case() {
        let e = AppError::new(ErrorCode::WrongRecoveryKey, "x");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"wrong_recovery_key","message":"x","detail":null}"#
        );
    }

    #[test]
    fn details_serialize_as_kinds_and_numbers_for_the_ui_to_word() {
        let json = |e: JournalError| serde_json::to_value(AppError::from(e).detail).unwrap();
        assert_eq!(
            json(JournalError::TooManyAttempts { wait_seconds: 20 }),
            serde_json::json!({ "kind": "wait", "seconds": 20 })
        );
        assert_eq!(
            json(DataError::Refused(Refusal::FileTooBig { max_mb: 5 }).into()),
            serde_json::json!({ "kind": "refused", "refusal": { "kind": "file_too_big", "maxMb": 5 } })
        );
        assert_eq!(
            json(VaultError::Passphrase(PassphraseProblem::TooShort).into()),
            serde_json::json!({ "kind": "passphrase", "problem": "too_short", "min": 8, "max": 1024 })
        );
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            json(
                DataError::file(
                    FileAction::WriteBackup,
                    std::path::Path::new("/media/usb/b.dbk"),
                    &denied
                )
                .into()
            ),
            serde_json::json!({
                "kind": "file",
                "action": "write_backup",
                "path": "/media/usb/b.dbk",
                "reason": "not_allowed"
            })
        );
        assert_eq!(
            json(DataError::Cancelled(Task::Backup).into()),
            serde_json::json!({ "kind": "cancelled", "task": "backup" })
        );
        assert_eq!(
            json(DataError::NotFound("clock").into()),
            serde_json::json!({ "kind": "gone" })
        );
    }

    #[test]
    fn vault_errors_map_to_their_codes() {
        let cases: Vec<(JournalError, ErrorCode)> = vec![
            (JournalError::Locked, ErrorCode::Locked),
            (
                JournalError::LockedWhileOpening,
                ErrorCode::LockedWhileOpening,
            ),
            (
                VaultError::WrongPassphrase.into(),
                ErrorCode::WrongPassphrase,
            ),
            (
                VaultError::WrongRecoveryKey.into(),
                ErrorCode::WrongRecoveryKey,
            ),
            (VaultError::NoJournal.into(), ErrorCode::NotFound),
            (VaultError::AlreadyExists.into(), ErrorCode::AlreadyExists),
            (
                VaultError::Passphrase(PassphraseProblem::TooShort).into(),
                ErrorCode::InvalidInput,
            ),
            (
                VaultError::Corrupt(CorruptPart::Header).into(),
                ErrorCode::Corrupt,
            ),
            (VaultError::NewerVersion.into(), ErrorCode::NewerVersion),
            (
                VaultError::Io {
                    action: "read",
                    path: "/x".into(),
                    source: std::io::Error::other("denied"),
                }
                .into(),
                ErrorCode::Io,
            ),
        ];
        let data: Vec<(JournalError, ErrorCode)> = vec![
            (
                DataError::Refused(daybreak_core::Refusal::InFuture {
                    what: daybreak_core::Moment::Slip,
                })
                .into(),
                ErrorCode::InvalidInput,
            ),
            (DataError::NotFound("clock").into(), ErrorCode::NotFound),
            (
                DataError::Store(daybreak_core::store::StoreError::DiskFull).into(),
                ErrorCode::DiskFull,
            ),
            (
                VaultError::Io {
                    action: "write",
                    path: "/x".into(),
                    source: std::io::Error::from(std::io::ErrorKind::StorageFull),
                }
                .into(),
                ErrorCode::DiskFull,
            ),
        ];
        for (error, code) in cases.into_iter().chain(data) {
            assert_eq!(AppError::from(error).code, code);
        }
    }

    #[test]
    fn every_file_and_backup_failure_has_its_own_code_and_a_sentence_to_act_on() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let cases: Vec<(DataError, ErrorCode, &str)> =
            vec![
            (
                DataError::file(
                    FileAction::WriteBackup,
                    std::path::Path::new("/media/usb/b.dbk"),
                    &io,
                ),
                ErrorCode::Io,
                "Could not write the backup to /media/usb/b.dbk: Daybreak isn't allowed to use it.",
            ),
            (
                DataError::file(
                    FileAction::SaveExport,
                    std::path::Path::new("/home/a"),
                    &full,
                ),
                ErrorCode::DiskFull,
                "Your disk is full",
            ),
            (DataError::DiskFull, ErrorCode::DiskFull, "Free up some space"),
            (
                DataError::DamagedBackup(BackupProblem::Incomplete),
                ErrorCode::BackupDamaged,
                "This backup is incomplete or damaged.",
            ),
            (
                DataError::DamagedBackup(BackupProblem::OtherJournal),
                ErrorCode::BackupDamaged,
                "does not belong to this journal",
            ),
            (
                DataError::WrongBackupSecret {
                    recovery_key: false,
                },
                ErrorCode::WrongPassphrase,
                "didn't open this backup",
            ),
            (
                DataError::WrongBackupSecret { recovery_key: true },
                ErrorCode::WrongRecoveryKey,
                "recovery key didn't open this backup",
            ),
            (
                DataError::Cancelled(Task::Backup),
                ErrorCode::Cancelled,
                "The backup was stopped before the end. Nothing was written.",
            ),
        ];
        for (error, code, words) in cases {
            let e = AppError::from(JournalError::from(error));
            assert_eq!(e.code, code, "{}", e.message);
            assert!(
                e.message.contains(words),
                "{:?} must say {words:?}",
                e.message
            );
        }
    }

    #[test]
    fn wrong_passphrase_message_is_the_one_the_ui_shows() {
        let e = AppError::from(JournalError::from(VaultError::WrongPassphrase));
        assert_eq!(e.message, "That passphrase didn't open this journal.");
    }
}
