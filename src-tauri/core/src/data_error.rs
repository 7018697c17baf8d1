//! The error every data operation (clocks, slips, check-ins, ...) returns: input a person can
//! correct (a `Refusal`), something that no longer exists, or the store failing: kinds and
//! numbers the UI words for people. The English `Display` is for logs and tests, and never quotes what people
//! wrote.

use serde::Serialize;
use specta::Type;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// Input a person can correct (a name left out, a note too long, a file to import, a name
    /// already taken, ...): a kind, with its numbers, that the UI words. There is no English
    /// sentence for people: a new rule is a new `Refusal`.
    #[error("{0}")]
    Refused(Refusal),
    /// What was asked for is not there (deleted meanwhile, or a stale id).
    #[error("that {0} no longer exists")]
    NotFound(&'static str),
    /// A file could not be read or written: what was being done, with which file (the
    /// person's own path; empty when there is none) and why. Never journal text.
    #[error("could not {action} {path}: {reason}")]
    Io {
        action: FileAction,
        path: String,
        reason: IoReason,
    },
    /// No space left while writing a file (a backup, an export, a report).
    #[error("the disk is full")]
    DiskFull,
    /// A backup that is not whole, not a Daybreak backup, or not this journal's.
    #[error("{}", .0.sentence())]
    DamagedBackup(BackupProblem),
    /// The passphrase (or recovery key) given does not open this backup.
    #[error("that {} didn't open this backup", if *recovery_key { "recovery key" } else { "passphrase" })]
    WrongBackupSecret { recovery_key: bool },
    /// Stopped before the end (by the person, or because the journal locked); nothing was left
    /// behind.
    #[error("{0} was cancelled")]
    Cancelled(Task),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong with a backup file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupProblem {
    NotABackup,
    /// Cut short or changed: its checksum does not match.
    Incomplete,
    /// Its key file does not decode.
    KeyFile,
    /// Its journal does not open or fails the integrity check.
    Journal,
    /// It opens, but was made from another journal.
    OtherJournal,
}

impl BackupProblem {
    /// In English, for logs and tests; the UI words it from the kind.
    pub fn sentence(self) -> &'static str {
        match self {
            BackupProblem::NotABackup => "this file is not a Daybreak backup",
            BackupProblem::Incomplete => "this backup is incomplete or damaged",
            BackupProblem::KeyFile => "this backup's key file is damaged",
            BackupProblem::Journal => "this backup's journal is damaged",
            BackupProblem::OtherJournal => "this backup does not belong to this journal",
        }
    }
}

/// A long task that can be stopped before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    Backup,
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Task::Backup => "the backup",
        })
    }
}

/// What was being done with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FileAction {
    /// Any other use of a file or folder.
    Use,
    Read,
    Write,
    CreateFolder,
    Delete,
    /// Writing a backup to the place the person chose.
    WriteBackup,
    /// Putting a restored journal in the journal's folder.
    RestoreJournal,
    SaveExport,
    SaveReport,
    SavePlan,
    SaveSettings,
    /// Making the counsellor report's PDF.
    MakePdf,
}

impl std::fmt::Display for FileAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileAction::Use => "use a file",
            FileAction::Read => "read",
            FileAction::Write => "write",
            FileAction::CreateFolder => "create the folder",
            FileAction::Delete => "delete",
            FileAction::WriteBackup => "write the backup to",
            FileAction::RestoreJournal => "restore the journal in",
            FileAction::SaveExport => "save the export in",
            FileAction::SaveReport => "save the report in",
            FileAction::SavePlan => "save the plan in",
            FileAction::SaveSettings => "save",
            FileAction::MakePdf => "make the report's PDF",
        })
    }
}

/// Why a file could not be used, in the operating system's terms made plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum IoReason {
    NotFound,
    NotAllowed,
    AlreadyExists,
    ReadOnly,
    /// Every name for today's file in that folder is taken.
    TooManyFiles,
    /// No font to draw the PDF with was found on this computer.
    NoFont,
    Other,
}

impl std::fmt::Display for IoReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IoReason::NotFound => "it isn't there",
            IoReason::NotAllowed => "Daybreak isn't allowed to use it",
            IoReason::AlreadyExists => "a file with that name is already there",
            IoReason::ReadOnly => "that place is read-only",
            IoReason::TooManyFiles => "too many files with today's date in that folder",
            IoReason::NoFont => "no font was found on this computer",
            IoReason::Other => "the system refused",
        })
    }
}

impl IoReason {
    /// The operating system's reason in plain terms, without the raw error text (which can be
    /// long or technical).
    fn of(e: &std::io::Error) -> IoReason {
        use std::io::ErrorKind::*;
        match e.kind() {
            NotFound => IoReason::NotFound,
            PermissionDenied => IoReason::NotAllowed,
            AlreadyExists => IoReason::AlreadyExists,
            ReadOnlyFilesystem => IoReason::ReadOnly,
            _ => IoReason::Other,
        }
    }
}

/// Input a person can correct, as a kind with its numbers; the UI words it (refusals.ts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// A file to import (or to read into the library) is empty.
    EmptyFile,
    /// A file to import is larger than the limit.
    #[serde(rename_all = "camelCase")]
    FileTooBig { max_mb: u32 },
    /// A file for the library that is not text, Markdown or HTML.
    NotText,
    /// A file for the library that is not UTF-8 text.
    NotUtf8,
    /// A file for the library with no text Daybreak can read.
    NoReadableText,
    /// A file to import that is neither a Daybreak export nor a Daylio export.
    UnknownImport,
    /// A trigger with that name is already there.
    NameTaken,
    /// A clock's start moved past a slip already recorded on it.
    StartAfterSlip,
    /// A slip before its clock started.
    SlipBeforeStart,
    /// Something that needs a name was given none.
    NameMissing { what: Named },
    /// Text longer than it may be, in characters.
    TooLong { what: Field, max: u32 },
    /// Nothing written where words are needed.
    NothingWritten { what: Field },
    /// A moment in the future where only what already happened can be recorded.
    InFuture { what: Moment },
    /// A number outside its range (both ends allowed).
    OutOfRange { what: Scale, min: u32, max: u32 },
    /// A clock's start more than `max_years` ago.
    #[serde(rename_all = "camelCase")]
    StartTooFarBack { max_years: u32 },
    /// A currency that is not a three-letter code.
    BadCurrency,
    /// An archived clock can't be the main one.
    ArchivedMain,
    /// A tag longer than `max` characters, or with a comma.
    BadTag { max: u32 },
    /// More than `max` tags on an entry.
    TooManyTags { max: u32 },
    /// A slip recorded with a craving whose outcome was not "I used".
    SlipWithoutUse,
    /// A trigger merged into itself.
    MergeSame,
    /// A report whose start is after its end.
    DatesReversed,
    /// A report over more than `max_years`.
    #[serde(rename_all = "camelCase")]
    ReportTooLong { max_years: u32 },
    /// A phone number that is not digits, spaces, +, - or brackets.
    BadPhone,
    /// A list of the relapse plan with more than `items` items, or an item over `chars`.
    PlanListTooLong {
        what: PlanList,
        items: u32,
        chars: u32,
    },
    /// A country that is not in the list of crisis lines.
    UnknownCountry,
    /// A sync folder inside Daybreak's own folder.
    SyncFolderInside,
    /// A change in the sync folder that does not fit this journal.
    SyncChangeMisfit,
    /// A request the UI never makes (a page, a range, a kind or a value out of bounds): the
    /// person is told only that something isn't right.
    BadRequest,
    /// Not a Daybreak export, or one Daybreak can't read.
    NotADaybreakExport,
    /// A Daybreak export made by a newer Daybreak.
    NewerExport,
    /// An export with an entry Daybreak can't accept: nothing was imported.
    BadEntry,
    /// The relapse plan in an export is too long to add to the person's own.
    PlanTooLong,
    /// One record of a Daybreak export breaks one of the app's rules (`problem`, as the app
    /// would refuse it when typed in): the `position`th record of its kind in the file,
    /// counting from 1 (slips across all clocks, in file order). Nothing was imported.
    ExportRecord {
        what: RecordKind,
        position: u32,
        problem: Box<Refusal>,
    },
    /// A Daylio export with no entries.
    DaylioEmpty,
    /// An export from an older Daylio, which leaves out full dates.
    DaylioOld,
    /// A Daylio export without a column Daybreak needs (named as Daylio names it).
    DaylioColumn { column: String },
    /// A first row with far too many columns for a Daylio export.
    DaylioTooWide,
    /// More entries than Daybreak imports at once.
    DaylioTooMany { max: u32 },
    /// One row of a Daylio export can't be imported (counting the header as row 1), so
    /// nothing was.
    DaylioRow { row: u32, problem: RowProblem },
}

/// A kind of record in a Daybreak export, for saying which one was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Clock,
    Slip,
    CheckIn,
    Trigger,
    Mood,
    Craving,
    JournalEntry,
    Person,
    Reason,
    LibraryArticle,
    /// An article's bookmark, progress and note.
    Reading,
}

/// What a name is missing for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Named {
    Clock,
    Trigger,
    Person,
    Emotion,
    CopingAction,
}

/// A piece of text people write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Note,
    Title,
    /// A journal entry's text.
    Entry,
    /// A check-in's intention for the day.
    Intention,
    /// Where a craving happened.
    Place,
    /// Who the person was with during a craving.
    People,
    /// A reason to stay on track.
    Reason,
    /// The relapse plan's "If I slip".
    IfISlip,
}

/// What can't be in the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    ClockStart,
    Slip,
    Entry,
    Craving,
    Mood,
}

/// A number with a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    Mood,
    Craving,
    /// An evening check-in's difficulty.
    Difficulty,
    /// Hours of sleep.
    Sleep,
    /// A clock's money per day, in whole units of its currency.
    MoneyPerDay,
    /// A clock's hours per day.
    HoursPerDay,
    /// Auto-lock, in minutes.
    AutoLock,
}

/// A list of the relapse plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PlanList {
    WarningSigns,
    HighRiskSituations,
    CopingStrategies,
    Places,
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Field::Name => "the name",
            Field::Note => "the note",
            Field::Title => "the title",
            Field::Entry => "the entry",
            Field::Intention => "the intention",
            Field::Place => "the place",
            Field::People => "who you were with",
            Field::Reason => "a reason",
            Field::IfISlip => "\"If I slip\"",
        })
    }
}

/// What is wrong with one row of a Daylio export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// Not as many fields as the first row.
    Fields {
        fields: u32,
        expected: u32,
    },
    NotUtf8,
    Date,
    Time,
    /// Not one of Daylio's five standard moods.
    Mood,
    /// A note (with its title and activities) over the limit.
    NoteTooLong {
        max: u32,
    },
    Future,
    UnclosedQuote,
    TextAfterQuote,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowProblem::Fields { fields, expected } => write!(
                f,
                "has {fields} fields where the first row has {expected}, so Daybreak can't read it safely."
            ),
            RowProblem::NotUtf8 => f.write_str(
                "has characters Daybreak can't read. Daylio's own export is UTF-8 text; \
                 please export it again from Daylio.",
            ),
            RowProblem::Date => {
                f.write_str("has a date Daybreak can't read. Dates should look like 2024-03-31.")
            }
            RowProblem::Time => f.write_str(
                "has a time Daybreak can't read. Times should look like 8:30 PM or 20:30.",
            ),
            RowProblem::Mood => f.write_str(
                "has a mood Daybreak doesn't recognise. Daybreak understands Daylio's five \
                 standard moods: rad, good, meh, bad and awful. If you renamed your moods in \
                 Daylio, you could change their names back before exporting.",
            ),
            RowProblem::NoteTooLong { max } => write!(
                f,
                "has a note longer than the {max} characters Daybreak keeps with a mood \
                 (counting its title and activities). Please shorten it in Daylio and export again."
            ),
            RowProblem::Future => f.write_str("is dated in the future, so Daybreak can't add it."),
            RowProblem::UnclosedQuote => f.write_str("opens a quote that is never closed."),
            RowProblem::TextAfterQuote => f.write_str(
                "has text straight after a closing quote, so Daybreak can't tell where the field ends.",
            ),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::EmptyFile => f.write_str("This file is empty."),
            Refusal::FileTooBig { max_mb } => {
                write!(f, "This file is too big to import (the limit is {max_mb} MB).")
            }
            Refusal::NotText => f.write_str(
                "This doesn't look like a text, Markdown or HTML file, so it can't be imported.",
            ),
            Refusal::NotUtf8 => {
                f.write_str("This file isn't plain UTF-8 text. Save it as UTF-8 and try again.")
            }
            Refusal::NoReadableText => f.write_str("There's no readable text in this file."),
            Refusal::UnknownImport => f.write_str(
                "Daybreak can import its own export (.json) or a Daylio export (.csv). \
                 This file is neither.",
            ),
            Refusal::NameTaken => f.write_str("There is already a trigger with that name."),
            Refusal::StartAfterSlip => f.write_str(
                "The start can't be after a slip on this clock. Edit or remove that slip first.",
            ),
            Refusal::SlipBeforeStart => f.write_str("A slip can't be before this clock started."),
            Refusal::NameMissing { what } => write!(f, "Please give the {what:?} a name."),
            Refusal::TooLong { what, max } => {
                write!(f, "Please keep {what} under {max} characters.")
            }
            Refusal::NothingWritten { what } => write!(f, "Write {what} first."),
            Refusal::InFuture { what } => write!(f, "The {what:?} can't be in the future."),
            Refusal::OutOfRange { what, min, max } => {
                write!(f, "The {what:?} goes from {min} to {max}.")
            }
            Refusal::StartTooFarBack { max_years } => write!(
                f,
                "That start date is more than {max_years} years back. Please check it."
            ),
            Refusal::BadCurrency => f.write_str("The currency should be a code like USD or EUR."),
            Refusal::ArchivedMain => f.write_str("An archived clock can't be the main one."),
            Refusal::BadTag { max } => write!(
                f,
                "Tags are single words or short phrases (up to {max} characters), without commas."
            ),
            Refusal::TooManyTags { max } => write!(f, "Please use at most {max} tags."),
            Refusal::SlipWithoutUse => {
                f.write_str("A slip is only recorded when the outcome was \"I used\".")
            }
            Refusal::MergeSame => f.write_str("Choose two different triggers to merge."),
            Refusal::DatesReversed => f.write_str(
                "The start date is after the end date. Please choose the dates again.",
            ),
            Refusal::ReportTooLong { max_years } => write!(
                f,
                "A report can cover up to {max_years} years. Please choose a shorter range."
            ),
            Refusal::BadPhone => f.write_str(
                "Please enter a phone number using digits, spaces, +, - or brackets.",
            ),
            Refusal::PlanListTooLong { what, items, chars } => write!(
                f,
                "Please keep the {what:?} to {items} items of up to {chars} characters."
            ),
            Refusal::UnknownCountry => f.write_str("Choose a country from the list."),
            Refusal::SyncFolderInside => f.write_str(
                "Choose a folder outside Daybreak's own folder: a sync engine must never see \
                 the journal's live file.",
            ),
            Refusal::SyncChangeMisfit => {
                f.write_str("A change in the sync folder does not fit this journal.")
            }
            Refusal::BadRequest => f.write_str("Daybreak was asked for something it can't do."),
            Refusal::NotADaybreakExport => {
                f.write_str("This is not a Daybreak export Daybreak can read.")
            }
            Refusal::NewerExport => f.write_str(
                "This export was made by a newer version of Daybreak. Please update Daybreak.",
            ),
            Refusal::BadEntry => f.write_str(
                "This export has an entry Daybreak can't accept, so nothing was imported.",
            ),
            Refusal::PlanTooLong => f.write_str(
                "The relapse plan in this export is too long to add to yours, so nothing was imported.",
            ),
            Refusal::ExportRecord {
                what,
                position,
                problem,
            } => write!(
                f,
                "Record {position} of the {what:?} records in this export can't be added: \
                 {problem} Nothing was imported."
            ),
            Refusal::DaylioEmpty => f.write_str("This Daylio export has no entries."),
            Refusal::DaylioOld => f.write_str(
                "This export comes from an older version of Daylio, which leaves out full dates. \
                 Please update Daylio and export your entries again.",
            ),
            Refusal::DaylioColumn { column } => write!(
                f,
                "This Daylio export has no \u{201c}{column}\u{201d} column, so Daybreak can't read \
                 it. Please export it again from Daylio (Export entries, CSV)."
            ),
            Refusal::DaylioTooWide => f.write_str(
                "The first row of this file has far too many columns for a Daylio export.",
            ),
            Refusal::DaylioTooMany { max } => write!(
                f,
                "This Daylio export has more than {max} entries, which is more than Daybreak \
                 can import at once. Nothing was imported."
            ),
            Refusal::DaylioRow { row, problem } => write!(
                f,
                "Row {row} of this Daylio export {problem} Nothing was imported."
            ),
        }
    }
}

impl DataError {
    /// A failed file operation described only in English (`what`, e.g. "read the sync folder",
    /// which is not kept): the UI says a file could not be used, with the reason. Prefer
    /// `file`, which says what and where.
    pub fn io(what: impl Into<String>, e: &std::io::Error) -> Self {
        let _ = what.into();
        DataError::file(FileAction::Use, std::path::Path::new(""), e)
    }

    /// A failed file operation: `action` is what was being done, with `path`. A full disk
    /// becomes `DiskFull`, whatever the action.
    pub fn file(action: FileAction, path: &std::path::Path, e: &std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::StorageFull {
            DataError::DiskFull
        } else {
            DataError::Io {
                action,
                path: path.display().to_string(),
                reason: IoReason::of(e),
            }
        }
    }
}

impl From<rusqlite::Error> for DataError {
    fn from(e: rusqlite::Error) -> Self {
        DataError::Store(StoreError::from(e))
    }
}

/// An update or delete that matched no row: the entry is gone (deleted meanwhile, or a stale
/// id), which people are told as "that ... no longer exists".
pub(crate) fn found(changed: usize, what: &'static str) -> Result<(), DataError> {
    if changed == 0 {
        Err(DataError::NotFound(what))
    } else {
        Ok(())
    }
}

/// Milliseconds since the epoch, as instants are stored.
pub(crate) fn to_millis(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}

/// The stored form back to an instant. Out-of-range values cannot come from `to_millis`; they
/// would mean a damaged row, which is reported as a store error rather than a panic.
pub(crate) fn from_millis(ms: i64) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_millis(ms)
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(0, ms))
}
