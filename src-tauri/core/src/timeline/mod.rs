//! The timeline: moods, cravings, journal entries, slips, check-ins and milestones in one
//! reverse-chronological stream, filtered and paged. Each kind is read newest first through
//! its own index (one small query per kind, in `kinds`) and the pages are merged here, so the
//! first page costs the same with ten years of entries as with ten.

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::catalogue::Label;
use crate::cravings::CravingOutcome;
use crate::data_error::{found, DataError, Refusal};
use crate::sobriety::MilestoneLength;
use crate::store::Store;
use crate::time::instant_at;
use kinds::Slice;

mod kinds;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Mood,
    Craving,
    Journal,
    Slip,
    CheckIn,
    Milestone,
}

impl EntryKind {
    pub const ALL: [EntryKind; 6] = [
        EntryKind::Mood,
        EntryKind::Craving,
        EntryKind::Journal,
        EntryKind::Slip,
        EntryKind::CheckIn,
        EntryKind::Milestone,
    ];

    /// How the search index names the kind.
    pub(crate) fn from_index(kind: &str) -> Option<EntryKind> {
        match kind {
            "mood" => Some(EntryKind::Mood),
            "craving" => Some(EntryKind::Craving),
            "journal" => Some(EntryKind::Journal),
            "slip" => Some(EntryKind::Slip),
            _ => None,
        }
    }

    fn rank(self) -> i64 {
        self as i64
    }
}

/// One line of the timeline: its kind and the facts the UI words it from (the core writes no
/// sentence here). Fields a kind does not have are empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    pub kind: EntryKind,
    /// The entry's id (for a milestone: its clock's id).
    pub id: i64,
    pub at: DateTime<Utc>,
    /// A journal entry's own title; `None` when it has none, and for every other kind.
    pub title: Option<String>,
    /// The first words the person wrote: a journal entry's body, or a note. Empty when none.
    pub excerpt: String,
    pub mood: Option<u8>,
    pub strength: Option<u8>,
    /// A mood's emotions (built-in ones are worded by the UI).
    pub emotions: Vec<Label>,
    /// How a craving ended.
    pub outcome: Option<CravingOutcome>,
    /// The clock's name, for a slip or a milestone.
    pub clock: Option<String>,
    /// How long a milestone is.
    pub milestone: Option<MilestoneLength>,
    /// A check-in's morning intention, in the person's words.
    pub intention: Option<String>,
    /// A check-in's evening answer: sober today or not, and how hard the day was (1 to 5).
    pub sober: Option<bool>,
    pub difficulty: Option<u8>,
    pub tags: Vec<String>,
    /// A craving's or slip's triggers (built-in ones are worded by the UI).
    pub triggers: Vec<Label>,
}

impl TimelineItem {
    /// An item of `kind` with the fields every kind has; the rest empty.
    fn new(kind: EntryKind, id: i64, at: DateTime<Utc>) -> TimelineItem {
        TimelineItem {
            kind,
            id,
            at,
            title: None,
            excerpt: String::new(),
            mood: None,
            strength: None,
            emotions: vec![],
            outcome: None,
            clock: None,
            milestone: None,
            intention: None,
            sober: None,
            difficulty: None,
            tags: vec![],
            triggers: vec![],
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineFilter {
    /// Empty means every kind.
    pub kinds: Vec<EntryKind>,
    pub tag: Option<String>,
    pub trigger_id: Option<i64>,
    /// Local dates, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePage {
    pub items: Vec<TimelineItem>,
    /// Pass back to get the next page; `None` at the end.
    pub next_cursor: Option<String>,
}

/// Where a page ends: the last item's (at, kind, id), in the stream's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Position {
    at: i64,
    rank: i64,
    id: i64,
}

impl Position {
    fn of(item: &TimelineItem) -> Position {
        Position {
            at: item.at.timestamp_millis(),
            rank: item.kind.rank(),
            id: item.id,
        }
    }

    fn encode(self) -> String {
        format!("{}:{}:{}", self.at, self.rank, self.id)
    }

    fn decode(cursor: &str) -> Result<Position, DataError> {
        let parts: Vec<i64> = cursor.split(':').filter_map(|p| p.parse().ok()).collect();
        match parts[..] {
            [at, rank, id] => Ok(Position { at, rank, id }),
            _ => Err(DataError::Refused(Refusal::BadRequest)),
        }
    }
}

const EXCERPT_CHARS: usize = 140;

fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        format!(
            "{}…",
            flat.chars()
                .take(EXCERPT_CHARS)
                .collect::<String>()
                .trim_end()
        )
    }
}

pub fn page(
    store: &Store,
    filter: &TimelineFilter,
    cursor: Option<&str>,
    limit: usize,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<TimelinePage, DataError> {
    let limit = limit.clamp(1, 200);
    let before = cursor.map(Position::decode).transpose()?;
    let range = (
        filter
            .from
            .map(|d| instant_at(d.and_hms_opt(0, 0, 0).expect("midnight"), tz).timestamp_millis()),
        filter
            .to
            .and_then(|d| d.succ_opt())
            .map(|d| instant_at(d.and_hms_opt(0, 0, 0).expect("midnight"), tz).timestamp_millis()),
    );
    let wanted = |kind: EntryKind| {
        (filter.kinds.is_empty() || filter.kinds.contains(&kind))
            // A tag filter keeps only journal entries; a trigger filter, cravings and slips.
            && (filter.tag.is_none() || kind == EntryKind::Journal)
            && (filter.trigger_id.is_none() || matches!(kind, EntryKind::Craving | EntryKind::Slip))
    };
    let mut items = store.read(|conn| {
        let mut items = Vec::new();
        for kind in EntryKind::ALL.into_iter().filter(|k| wanted(*k)) {
            let slice = Slice {
                kind,
                filter,
                before,
                range,
                limit,
            };
            items.extend(match kind {
                EntryKind::Mood => kinds::moods(conn, &slice)?,
                EntryKind::Craving => kinds::cravings(conn, &slice)?,
                EntryKind::Journal => kinds::journal_entries(conn, &slice)?,
                EntryKind::Slip => kinds::slips(conn, &slice)?,
                EntryKind::CheckIn => kinds::check_ins(conn, &slice)?,
                EntryKind::Milestone => milestones(store, &slice, now, tz)?,
            });
        }
        Ok::<_, DataError>(items)
    })?;
    items.sort_by_key(|item| std::cmp::Reverse(Position::of(item)));
    let more = items.len() > limit;
    items.truncate(limit);
    let next_cursor = if more {
        items.last().map(|i| Position::of(i).encode())
    } else {
        None
    };
    Ok(TimelinePage { items, next_cursor })
}

/// Milestones are derived from the clocks, so they are computed rather than queried.
fn milestones(
    store: &Store,
    q: &Slice<'_>,
    now: DateTime<Utc>,
    tz: Zone,
) -> Result<Vec<TimelineItem>, DataError> {
    let mut items = Vec::new();
    for clock in crate::sobriety::clocks::list(store, true, now, tz)? {
        let detail = crate::sobriety::clocks::detail(store, clock.id, now, tz)?;
        for m in detail.milestones {
            let item = TimelineItem {
                clock: Some(clock.name.clone()),
                milestone: Some(m.length),
                ..TimelineItem::new(EntryKind::Milestone, clock.id, m.at)
            };
            let pos = Position::of(&item);
            let in_range = q.range.0.is_none_or(|from| pos.at >= from)
                && q.range.1.is_none_or(|to| pos.at < to);
            if in_range && q.before.is_none_or(|b| pos < b) {
                items.push(item);
            }
        }
    }
    items.sort_by_key(|i| std::cmp::Reverse(Position::of(i)));
    items.truncate(q.limit + 1);
    Ok(items)
}

/// Hides an entry at once; `restore` brings it back until the journal is locked.
pub fn delete(
    store: &mut Store,
    kind: EntryKind,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    set_deleted(store, kind, id, Some(now.timestamp_millis()))
}

pub fn restore(store: &mut Store, kind: EntryKind, id: i64) -> Result<(), DataError> {
    set_deleted(store, kind, id, None)
}

fn table(kind: EntryKind) -> Result<&'static str, DataError> {
    match kind {
        EntryKind::Mood => Ok("moods"),
        EntryKind::Craving => Ok("cravings"),
        EntryKind::Journal => Ok("journal_entries"),
        _ => Err(DataError::Refused(Refusal::BadRequest)),
    }
}

fn set_deleted(
    store: &mut Store,
    kind: EntryKind,
    id: i64,
    at: Option<i64>,
) -> Result<(), DataError> {
    let table = table(kind)?;
    store.write(|tx| {
        let changed = tx.execute(
            &format!("UPDATE {table} SET deleted_at = ?2 WHERE id = ?1"),
            (id, at),
        )?;
        found(changed, "entry")?;
        Ok(())
    })
}

/// Removes for good what was deleted (run when the journal locks, so undo lasts a session).
pub fn purge_deleted(store: &mut Store) -> Result<(), DataError> {
    store.write(|tx| {
        for table in ["moods", "cravings", "journal_entries"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE deleted_at IS NOT NULL"),
                [],
            )?;
        }
        Ok(())
    })
}
