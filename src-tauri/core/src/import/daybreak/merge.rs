//! The two parts of an export merged into what is here rather than added beside it: the
//! relapse plan (one per journal) and the library's reading state (one per article).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction};

use super::{refused, trigger_id, unreadable};
use crate::data_error::{to_millis, DataError, RecordKind, Refusal};
use crate::export::records::{LibraryRecord, PlanRecord};
use crate::import::ImportSummary;
use crate::library::state;
use crate::sos::plan::RelapsePlan;
use crate::store::part_time;

/// Adds what the imported plan has and this one lacks: list items not already there, and
/// "if I slip" only when it is empty here. Counted as one "relapse plan" entry.
pub(super) fn plan(
    tx: &Transaction<'_>,
    imported: &PlanRecord,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    let current = crate::sos::plan::read(tx)?;
    let mut merged = current.clone();
    let add = |into: &mut Vec<String>, from: &[String]| {
        for item in from {
            if !into
                .iter()
                .any(|i| i.trim().eq_ignore_ascii_case(item.trim()))
            {
                into.push(item.clone());
            }
        }
    };
    add(&mut merged.warning_signs, &imported.plan.warning_signs);
    add(
        &mut merged.high_risk_situations,
        &imported.plan.high_risk_situations,
    );
    add(
        &mut merged.coping_strategies,
        &imported.plan.coping_strategies,
    );
    add(&mut merged.places, &imported.plan.places);
    if merged.if_i_slip.trim().is_empty() {
        merged.if_i_slip = imported.plan.if_i_slip.clone();
    }
    // Any rule the plan breaks (its lists, a trigger's name) is told as the plan not fitting.
    let too_long = |e| match e {
        DataError::Refused(_) => DataError::Refused(Refusal::PlanTooLong),
        other => other,
    };
    for name in &imported.high_risk_trigger_names {
        let id = trigger_id(tx, name, now).map_err(too_long)?;
        if !merged.high_risk_triggers.contains(&id) {
            merged.high_risk_triggers.push(id);
        }
    }
    merged.high_risk_triggers.sort_unstable();
    let empty = |p: &RelapsePlan| {
        p.warning_signs.is_empty()
            && p.high_risk_situations.is_empty()
            && p.high_risk_triggers.is_empty()
            && p.coping_strategies.is_empty()
            && p.places.is_empty()
            && p.if_i_slip.trim().is_empty()
    };
    if empty(&imported.plan) && imported.high_risk_trigger_names.is_empty() {
        return Ok(());
    }
    let changed = merged != current;
    if changed {
        crate::sos::plan::write(tx, &merged, now).map_err(too_long)?;
    }
    s.count("relapse plan", changed);
    Ok(())
}

/// Imported articles not already in the library (the same uuid, or the same title and text),
/// then reading state, bookmarks and notes for articles this journal has: a bookmark or
/// progress is kept if either side has it, and a note is only added where there is none. A
/// note or bookmark the import adds is written here now, so it is stamped as the app's own
/// saves are (`store/part_time.rs`): untimed, it would lose to any other computer's.
pub(super) fn library(
    tx: &Transaction<'_>,
    library: &LibraryRecord,
    now: DateTime<Utc>,
    s: &mut ImportSummary,
) -> Result<(), DataError> {
    for (i, a) in library.imported.iter().enumerate() {
        let at = |e| refused(RecordKind::LibraryArticle, i, e);
        let known = super::here(tx, a)?
            || tx
                .prepare_cached(
                    "SELECT 1 FROM imported_articles WHERE title = ?1 AND markdown = ?2",
                )?
                .exists((&a.title, &a.markdown))?;
        if !known {
            // Its uuid follows from its slug here (`store/capture.rs`), not the file's.
            state::insert_imported(tx, &a.title, &a.markdown, &a.source_file, None, now)
                .map_err(at)?;
        }
        s.count("library articles", !known);
    }
    for (i, r) in library.reading.iter().enumerate() {
        let at = |e| refused(RecordKind::Reading, i, e);
        if !state::exists(tx, &r.slug)? {
            continue;
        }
        let progress = state::checked_progress(r.progress).map_err(at)?;
        let bookmarked = super::flag(r.bookmarked).map_err(at)?;
        let note = state::checked_note(r.note.as_deref()).map_err(at)?;
        let current: Option<(bool, f64, Option<String>)> = tx
            .query_row(
                "SELECT bookmarked, progress, note FROM article_state WHERE slug = ?1",
                [&r.slug],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (here_bookmarked, here_progress, here_note) =
            current.clone().unwrap_or((false, 0.0, None));
        let note_here = here_note.as_deref().is_some_and(|n| !n.trim().is_empty());
        let added = [
            (bookmarked && !here_bookmarked, "bookmarked_at"),
            (!note_here && note.is_some(), "note_at"),
        ];
        let merged = (
            here_bookmarked || bookmarked,
            here_progress.max(progress),
            if note_here {
                here_note
            } else {
                note.map(String::from)
            },
        );
        let changed = current.as_ref() != Some(&merged);
        if changed {
            tx.execute(
                "INSERT INTO article_state (slug, bookmarked, progress, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(slug) DO UPDATE SET bookmarked = excluded.bookmarked,
                     progress = excluded.progress, note = excluded.note",
                (&r.slug, merged.0, merged.1, &merged.2),
            )
            .map_err(unreadable)?;
            for (_, at_column) in added.iter().filter(|(added, _)| *added) {
                tx.execute(
                    &part_time::stamp("article_state", "slug", at_column),
                    (&r.slug, to_millis(now)),
                )
                .map_err(unreadable)?;
            }
        }
        s.count("reading notes and bookmarks", changed);
    }
    Ok(())
}
