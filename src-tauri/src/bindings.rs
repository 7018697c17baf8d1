//! The TypeScript types the UI uses are generated from the Rust types that cross IPC, and
//! committed. This test fails when the committed file is stale; run it with
//! `UPDATE_BINDINGS=1` to rewrite the file.

use std::path::PathBuf;

use daybreak_core::backup::BackupSummary;
use daybreak_core::catalogue::Label;
use daybreak_core::cravings::{CravingEvent, CravingInput, CravingOutcome};
use daybreak_core::import::{Format, ImportPreview, ImportSummary, KindCount};
use daybreak_core::insights::{CountItem, DayValue, Insights};
use daybreak_core::journal_entries::{JournalEntry, JournalInput};
use daybreak_core::library::{Article, ArticleLink, ArticleSummary, LibraryHit, Source, TocEntry};
use daybreak_core::moods::{Halt, MoodEntry, MoodInput};
use daybreak_core::preferences::Preferences;
use daybreak_core::report::{ReportFiles, ReportOptions};
use daybreak_core::search::{SearchHit, SnippetPart};
use daybreak_core::sobriety::{
    CheckIn, ClockDetail, ClockInput, ClockView, EveningCheckIn, MilestoneReached, MilestoneView,
    Savings, Slip, SlipInput, SlipRecorded, Streak, TodayView,
};
use daybreak_core::sos::{
    CountryLines, CrisisLine, LineKind, Person, PersonInput, Reason, RelapsePlan,
};
use daybreak_core::timeline::{EntryKind, TimelineFilter, TimelineItem, TimelinePage};
use daybreak_core::triggers::Trigger;
use daybreak_core::{JournalState, JournalStatus};
use ts_rs::{Config, TS};

use crate::commands::vault::{CreatedJournal, RekeyedJournal};
use crate::lock_signals::LockSignal;
use crate::{AppError, ErrorCode};

const HEADER: &str = "\
// GENERATED from Rust by `cargo test -p daybreak bindings` (ts-rs). Do not edit by hand.
// Run `UPDATE_BINDINGS=1 cargo test -p daybreak bindings` to refresh it.
";

fn declaration<T: TS>(cfg: &Config) -> (String, String) {
    (T::name(cfg), format!("export {}", T::decl(cfg)))
}

/// Every type the UI sees, declared in name order so the file is stable.
fn generate() -> String {
    let cfg = Config::new();
    let mut decls = vec![
        declaration::<AppError>(&cfg),
        declaration::<CreatedJournal>(&cfg),
        declaration::<RekeyedJournal>(&cfg),
        declaration::<ErrorCode>(&cfg),
        declaration::<JournalState>(&cfg),
        declaration::<JournalStatus>(&cfg),
        declaration::<CheckIn>(&cfg),
        declaration::<ClockDetail>(&cfg),
        declaration::<ClockInput>(&cfg),
        declaration::<ClockView>(&cfg),
        declaration::<EveningCheckIn>(&cfg),
        declaration::<MilestoneReached>(&cfg),
        declaration::<MilestoneView>(&cfg),
        declaration::<Savings>(&cfg),
        declaration::<Slip>(&cfg),
        declaration::<SlipInput>(&cfg),
        declaration::<SlipRecorded>(&cfg),
        declaration::<Streak>(&cfg),
        declaration::<TodayView>(&cfg),
        declaration::<Label>(&cfg),
        declaration::<Format>(&cfg),
        declaration::<ImportPreview>(&cfg),
        declaration::<ImportSummary>(&cfg),
        declaration::<KindCount>(&cfg),
        declaration::<ReportFiles>(&cfg),
        declaration::<ReportOptions>(&cfg),
        declaration::<LockSignal>(&cfg),
        declaration::<CravingEvent>(&cfg),
        declaration::<CravingInput>(&cfg),
        declaration::<CravingOutcome>(&cfg),
        declaration::<CountItem>(&cfg),
        declaration::<DayValue>(&cfg),
        declaration::<Insights>(&cfg),
        declaration::<JournalEntry>(&cfg),
        declaration::<JournalInput>(&cfg),
        declaration::<Halt>(&cfg),
        declaration::<MoodEntry>(&cfg),
        declaration::<MoodInput>(&cfg),
        declaration::<SearchHit>(&cfg),
        declaration::<SnippetPart>(&cfg),
        declaration::<EntryKind>(&cfg),
        declaration::<TimelineFilter>(&cfg),
        declaration::<TimelineItem>(&cfg),
        declaration::<TimelinePage>(&cfg),
        declaration::<Trigger>(&cfg),
        declaration::<Article>(&cfg),
        declaration::<ArticleLink>(&cfg),
        declaration::<ArticleSummary>(&cfg),
        declaration::<LibraryHit>(&cfg),
        declaration::<Source>(&cfg),
        declaration::<TocEntry>(&cfg),
        declaration::<Preferences>(&cfg),
        declaration::<BackupSummary>(&cfg),
        declaration::<CountryLines>(&cfg),
        declaration::<CrisisLine>(&cfg),
        declaration::<LineKind>(&cfg),
        declaration::<Person>(&cfg),
        declaration::<PersonInput>(&cfg),
        declaration::<Reason>(&cfg),
        declaration::<RelapsePlan>(&cfg),
    ];
    decls.sort();
    let body: Vec<String> = decls.into_iter().map(|(_, decl)| decl).collect();
    format!("{HEADER}\n{}\n", body.join("\n\n"))
}

#[test]
fn bindings_are_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings/index.ts");
    let generated = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings/index.ts is stale; run `UPDATE_BINDINGS=1 cargo test -p daybreak bindings`"
    );
}
