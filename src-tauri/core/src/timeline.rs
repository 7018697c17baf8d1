//! The timeline: moods, cravings, journal entries, slips, check-ins and milestones in one
//! reverse-chronological stream, filtered and paged. Each kind is read newest first through
//! its own index and the pages are merged here, so the first page costs the same with ten
//! years of entries as with ten.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params_from_iter, types::Value, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::data_error::{found, from_millis, DataError};
use crate::store::Store;
use crate::time::instant_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
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

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Mood => "Mood",
            EntryKind::Craving => "Craving",
            EntryKind::Journal => "Journal entry",
            EntryKind::Slip => "Slip",
            EntryKind::CheckIn => "Check-in",
            EntryKind::Milestone => "Milestone",
        }
    }

    fn rank(self) -> i64 {
        self as i64
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    pub kind: EntryKind,
    /// The entry's id (for a milestone: its clock's id).
    #[ts(type = "number")]
    pub id: i64,
    pub at: DateTime<Utc>,
    pub title: String,
    /// A short line under the title: emotions, triggers, the start of a note...
    pub detail: String,
    pub mood: Option<u8>,
    pub strength: Option<u8>,
    pub tags: Vec<String>,
    pub triggers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineFilter {
    /// Empty means every kind.
    pub kinds: Vec<EntryKind>,
    pub tag: Option<String>,
    #[ts(type = "number | null")]
    pub trigger_id: Option<i64>,
    /// Local dates, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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
            _ => Err(DataError::invalid(
                "That page of the timeline can't be found.",
            )),
        }
    }
}

const MOOD_WORDS: [&str; 5] = ["awful", "bad", "okay", "good", "great"];
const EXCERPT_CHARS: usize = 140;

pub fn mood_word(mood: u8) -> &'static str {
    MOOD_WORDS
        .get(usize::from(mood.clamp(1, 5)) - 1)
        .copied()
        .unwrap_or("okay")
}

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
    tz: Tz,
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
            let q = Query {
                kind,
                filter,
                before,
                range,
                limit,
            };
            items.extend(match kind {
                EntryKind::Milestone => milestones(store, &q, now, tz)?,
                _ => q.run(conn)?,
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

/// One kind's slice of a page.
struct Query<'a> {
    kind: EntryKind,
    filter: &'a TimelineFilter,
    before: Option<Position>,
    range: (Option<i64>, Option<i64>),
    limit: usize,
}

impl Query<'_> {
    /// Conditions shared by every kind, on the kind's `at` and `id` columns, with their values.
    fn conditions(&self, at: &str, id: &str) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(p) = self.before {
            let rank = self.kind.rank();
            // Strictly after the cursor in (at DESC, rank DESC, id DESC) order.
            if rank < p.rank {
                sql.push_str(&format!(" AND {at} <= ?"));
                values.push(Value::Integer(p.at));
            } else if rank == p.rank {
                sql.push_str(&format!(" AND ({at} < ? OR ({at} = ? AND {id} < ?))"));
                values.extend([
                    Value::Integer(p.at),
                    Value::Integer(p.at),
                    Value::Integer(p.id),
                ]);
            } else {
                sql.push_str(&format!(" AND {at} < ?"));
                values.push(Value::Integer(p.at));
            }
        }
        if let Some(from) = self.range.0 {
            sql.push_str(&format!(" AND {at} >= ?"));
            values.push(Value::Integer(from));
        }
        if let Some(to) = self.range.1 {
            sql.push_str(&format!(" AND {at} < ?"));
            values.push(Value::Integer(to));
        }
        (sql, values)
    }

    fn run(&self, conn: &Connection) -> Result<Vec<TimelineItem>, DataError> {
        let (select, at, id) = match self.kind {
            EntryKind::Mood => (
                "SELECT m.id, m.at, m.mood, NULL, m.note,
                        (SELECT group_concat(e.name, ', ') FROM mood_emotions me
                           JOIN emotions e ON e.id = me.emotion_id WHERE me.mood_id = m.id),
                        NULL, NULL
                 FROM moods m WHERE m.deleted_at IS NULL",
                "m.at",
                "m.id",
            ),
            EntryKind::Craving => (
                "SELECT c.id, c.at, NULL, c.strength, c.note, c.outcome,
                        (SELECT group_concat(t.name, char(31)) FROM craving_triggers ct
                           JOIN triggers t ON t.id = ct.trigger_id WHERE ct.craving_id = c.id),
                        NULL
                 FROM cravings c WHERE c.deleted_at IS NULL",
                "c.at",
                "c.id",
            ),
            EntryKind::Journal => (
                "SELECT j.id, j.at, NULL, NULL, j.body, j.title, NULL,
                        (SELECT group_concat(tag, char(31)) FROM journal_tags WHERE entry_id = j.id)
                 FROM journal_entries j WHERE j.deleted_at IS NULL",
                "j.at",
                "j.id",
            ),
            EntryKind::Slip => (
                "SELECT s.id, s.at, NULL, NULL, s.note, k.name,
                        (SELECT group_concat(t.name, char(31)) FROM slip_triggers st
                           JOIN triggers t ON t.id = st.trigger_id WHERE st.slip_id = s.id),
                        NULL
                 FROM slips s JOIN clocks k ON k.id = s.clock_id WHERE 1",
                "s.at",
                "s.id",
            ),
            EntryKind::CheckIn => (
                "SELECT rowid, coalesce(evening_at, morning_at), difficulty, sober, note, intention,
                        NULL, NULL
                 FROM check_ins WHERE coalesce(evening_at, morning_at) IS NOT NULL",
                "coalesce(evening_at, morning_at)",
                "rowid",
            ),
            EntryKind::Milestone => unreachable!("milestones are derived, not stored"),
        };
        let (conditions, mut values) = self.conditions(at, id);
        let mut sql = format!("{select}{conditions}");
        if let Some(trigger) = self.filter.trigger_id {
            let link = match self.kind {
                EntryKind::Craving => {
                    "c.id IN (SELECT craving_id FROM craving_triggers WHERE trigger_id = ?)"
                }
                _ => "s.id IN (SELECT slip_id FROM slip_triggers WHERE trigger_id = ?)",
            };
            sql.push_str(&format!(" AND {link}"));
            values.push(Value::Integer(trigger));
        }
        if let Some(tag) = &self.filter.tag {
            sql.push_str(" AND j.id IN (SELECT entry_id FROM journal_tags WHERE tag = ?)");
            values.push(Value::Text(tag.trim().to_lowercase()));
        }
        sql.push_str(&format!(
            " ORDER BY {at} DESC, {id} DESC LIMIT {}",
            self.limit + 1
        ));
        let mut stmt = conn.prepare_cached(&sql)?;
        let kind = self.kind;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            let split = |v: Option<String>| -> Vec<String> {
                v.map(|s| s.split('\u{1f}').map(String::from).collect())
                    .unwrap_or_default()
            };
            let id: i64 = r.get(0)?;
            let at = from_millis(r.get(1)?)?;
            let note: Option<String> = r.get(4)?;
            let note = note.as_deref().map(excerpt).unwrap_or_default();
            Ok(match kind {
                EntryKind::Mood => {
                    let mood: u8 = r.get(2)?;
                    let emotions: Option<String> = r.get(5)?;
                    let detail = [emotions.unwrap_or_default(), note]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    TimelineItem {
                        kind,
                        id,
                        at,
                        title: format!("Mood: {}", mood_word(mood)),
                        detail,
                        mood: Some(mood),
                        strength: None,
                        tags: vec![],
                        triggers: vec![],
                    }
                }
                EntryKind::Craving => {
                    let strength: u8 = r.get(3)?;
                    let outcome: String = r.get(5)?;
                    let outcome = match outcome.as_str() {
                        "passed" => "The urge passed",
                        "used" => "Used",
                        _ => "Still struggling",
                    };
                    let detail = [outcome.to_string(), note]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    TimelineItem {
                        kind,
                        id,
                        at,
                        title: format!("Craving {strength}/10"),
                        detail,
                        mood: None,
                        strength: Some(strength),
                        tags: vec![],
                        triggers: split(r.get(6)?),
                    }
                }
                EntryKind::Journal => {
                    let title: String = r.get(5)?;
                    TimelineItem {
                        kind,
                        id,
                        at,
                        title: if title.is_empty() {
                            "Untitled entry".into()
                        } else {
                            title
                        },
                        detail: note,
                        mood: None,
                        strength: None,
                        tags: split(r.get(7)?),
                        triggers: vec![],
                    }
                }
                EntryKind::Slip => {
                    let clock: String = r.get(5)?;
                    TimelineItem {
                        kind,
                        id,
                        at,
                        title: format!("Slip ({clock})"),
                        detail: note,
                        mood: None,
                        strength: None,
                        tags: vec![],
                        triggers: split(r.get(6)?),
                    }
                }
                _ => {
                    let difficulty: Option<u8> = r.get(2)?;
                    let sober: Option<bool> = r.get(3)?;
                    let intention: Option<String> = r.get(5)?;
                    let review = match (sober, difficulty) {
                        (Some(true), Some(d)) => format!("Sober today, difficulty {d}/5"),
                        (Some(false), Some(d)) => format!("A hard day, difficulty {d}/5"),
                        _ => String::new(),
                    };
                    let detail = [intention.unwrap_or_default(), review, note]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    TimelineItem {
                        kind,
                        id,
                        at,
                        title: "Check-in".into(),
                        detail,
                        mood: None,
                        strength: None,
                        tags: vec![],
                        triggers: vec![],
                    }
                }
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Milestones are derived from the clocks, so they are computed rather than queried.
fn milestones(
    store: &Store,
    q: &Query<'_>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<Vec<TimelineItem>, DataError> {
    let mut items = Vec::new();
    for clock in crate::sobriety::clocks::list(store, true, now, tz)? {
        let detail = crate::sobriety::clocks::detail(store, clock.id, now, tz)?;
        for m in detail.milestones {
            let item = TimelineItem {
                kind: EntryKind::Milestone,
                id: clock.id,
                at: m.at,
                title: format!("{} ({})", m.label, clock.name),
                detail: "A milestone reached".into(),
                mood: None,
                strength: None,
                tags: vec![],
                triggers: vec![],
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
        _ => Err(DataError::invalid(
            "Slips are removed from their clock's history, and milestones and check-ins stay.",
        )),
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
