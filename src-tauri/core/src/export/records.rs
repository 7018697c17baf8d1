//! The open export's records, one serde type per kind: what the JSON export writes
//! (`export/read.rs` fills them from the journal), what the import reads back
//! (`import/daybreak.rs`, which hands each to its kind's own checked insert) and what the
//! spreadsheet export lays out in columns (`export_csv.rs`). Field names are camelCase, as the
//! format documented in README.md ("The open export format") has them.
//!
//! Version 2 adds fields and never changes version 1's: every record's `uuid` (the identity
//! sync uses too, so a file exported on one computer and imported on another that syncs with
//! it adds nothing twice), a slip's triggers and the slip a craving recorded. A version 1
//! file has none of them, so they are optional when read.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::sos::plan::RelapsePlan;

/// A record's identity, new in version 2; `None` in a version 1 file.
type Uuid = Option<String>;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub exported_at: Option<DateTime<Utc>>,
    /// A sentence for whoever opens the file: it is not encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readable_by_anyone: Option<String>,
    #[serde(default)]
    pub clocks: Vec<ClockRecord>,
    #[serde(default)]
    pub check_ins: Vec<CheckInRecord>,
    #[serde(default)]
    pub triggers: Vec<TriggerRecord>,
    #[serde(default)]
    pub moods: Vec<MoodRecord>,
    #[serde(default)]
    pub cravings: Vec<CravingRecord>,
    #[serde(default)]
    pub journal: Vec<JournalRecord>,
    #[serde(default)]
    pub people: Vec<PersonRecord>,
    #[serde(default)]
    pub reasons: Vec<ReasonRecord>,
    #[serde(default)]
    pub relapse_plan: Option<PlanRecord>,
    #[serde(default)]
    pub library: Option<LibraryRecord>,
}

/// A sobriety clock with its slips. Flags are 0 or 1, as in version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClockRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub pinned: i64,
    pub archived: i64,
    pub money_per_day_cents: Option<i64>,
    pub currency: Option<String>,
    pub minutes_per_day: Option<i64>,
    #[serde(default)]
    pub slips: Vec<SlipRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SlipRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    /// What set it off, by name (version 2).
    #[serde(default)]
    pub triggers: Vec<String>,
}

/// A day's check-in; `day` is the person's local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub day: NaiveDate,
    pub intention: Option<String>,
    pub sober: Option<i64>,
    pub difficulty: Option<i64>,
    pub note: Option<String>,
}

/// A trigger of the catalogue; `key` names a built-in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub key: Option<String>,
    pub name: String,
    pub archived: i64,
}

/// A mood entry, its emotions by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoodRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub at: DateTime<Utc>,
    pub mood: i64,
    pub craving: Option<i64>,
    pub hungry: i64,
    pub angry: i64,
    pub lonely: i64,
    pub tired: i64,
    pub sleep_hours: Option<f64>,
    pub note: Option<String>,
    #[serde(default)]
    pub emotions: Vec<String>,
}

/// A craving, its triggers and coping actions by name; `outcome` is `passed`, `used` or
/// `struggling`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CravingRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub at: DateTime<Utc>,
    pub strength: i64,
    pub place: Option<String>,
    pub people: Option<String>,
    pub outcome: String,
    pub note: Option<String>,
    #[serde(default)]
    pub triggers: Vec<String>,
    #[serde(default)]
    pub actions: Vec<String>,
    /// The uuid of the slip recorded with it (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip: Uuid,
}

/// A journal entry: Markdown body and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub at: DateTime<Utc>,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub name: String,
    pub phone: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReasonRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub text: String,
}

/// The relapse plan as the app keeps it, with its high-risk triggers also by name (row ids
/// mean nothing in another journal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    #[serde(flatten)]
    pub plan: RelapsePlan,
    /// Absent in early version 1 exports.
    #[serde(default)]
    pub high_risk_trigger_names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryRecord {
    #[serde(default)]
    pub imported: Vec<ImportedArticleRecord>,
    #[serde(default)]
    pub reading: Vec<ReadingRecord>,
}

/// An article the person imported into the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArticleRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub title: String,
    pub markdown: String,
    pub source_file: String,
}

/// Bookmark (0 or 1), progress (0 to 1) and note of one article, by its slug.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Uuid,
    pub slug: String,
    pub bookmarked: i64,
    pub progress: f64,
    pub note: Option<String>,
}

/// A record type of the file: which of sync's kinds (`sync/kinds.rs`) it carries, and its
/// uuid. The import finds a record's table through sync's description of its kind, so the two
/// name the same tables.
pub trait Record {
    const KIND: &'static str;
    fn uuid(&self) -> Option<&str>;
}

macro_rules! record {
    ($($ty:ty => $kind:literal),* $(,)?) => {
        $(impl Record for $ty {
            const KIND: &'static str = $kind;
            fn uuid(&self) -> Option<&str> {
                self.uuid.as_deref()
            }
        })*
        /// Sync's kinds that have records of their own in the file, with their uuid.
        pub const RECORDS: &[&str] = &[$($kind),*];
    };
}

record! {
    ClockRecord => "clock",
    SlipRecord => "slip",
    CheckInRecord => "check_in",
    TriggerRecord => "trigger",
    MoodRecord => "mood",
    CravingRecord => "craving",
    JournalRecord => "journal_entry",
    PersonRecord => "person",
    ReasonRecord => "reason",
    PlanRecord => "relapse_plan",
    ImportedArticleRecord => "imported_article",
    ReadingRecord => "article_state",
}

/// Sync's kinds the file names inside other records (a mood's emotions, a craving's coping
/// actions): their uuid is derived from the name (`store/capture.rs`), so the name is the
/// identity.
pub const BY_NAME: &[&str] = &["emotion", "coping_action"];

/// Sync's kinds left out of the file: which milestones the app has already celebrated is the
/// app's own bookkeeping, not something the person wrote, and follows from the clocks.
pub const LEFT_OUT: &[&str] = &["milestone"];

#[cfg(test)]
mod tests {
    use super::{BY_NAME, LEFT_OUT, RECORDS};

    #[test]
    fn the_export_and_sync_agree_on_which_kinds_exist() {
        let mut exported: Vec<&str> = RECORDS
            .iter()
            .chain(BY_NAME)
            .chain(LEFT_OUT)
            .copied()
            .collect();
        exported.sort_unstable();
        let before = exported.len();
        exported.dedup();
        assert_eq!(before, exported.len(), "each kind is said once");
        let mut synced: Vec<&str> = crate::sync::kinds::KINDS.iter().map(|k| k.name).collect();
        synced.sort_unstable();
        assert_eq!(
            exported, synced,
            "every kind sync carries is in the export (as records, by name or left out on \
             purpose), and the export has no kind sync lacks"
        );
    }
}
