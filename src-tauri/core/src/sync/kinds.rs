//! What a record of each kind is, for the change log: its table, its columns and how they
//! travel, the records it points at (by UUID, since row ids differ between computers) and the
//! lists that belong to it. One description per kind, read by both the sender (`record.rs`
//! reads a record into its JSON form) and the receiver (which writes it back), so the two
//! cannot disagree; a test checks every description against the live schema, so a column
//! added by a later migration without being described here fails it.

/// How a column's value is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Int,
    Real,
    Text,
}

/// A column of a record table, other than its row id and `uuid`.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub ty: Ty,
    /// The table this column points at by row id; it travels as that record's UUID.
    pub refers: Option<&'static str>,
    /// A record whose required reference is gone is gone too (SQL's ON DELETE CASCADE).
    pub required: bool,
}

/// A list that belongs to a record (a mood's emotions, an entry's tags): rows of `table`
/// whose `owner` column holds the record's row id.
#[derive(Debug)]
pub struct List {
    /// The name it has in the record's JSON form.
    pub name: &'static str,
    pub table: &'static str,
    pub owner: &'static str,
    pub value: &'static str,
    /// The table the values point at; `None` for plain text values (tags).
    pub refers: Option<&'static str>,
}

#[derive(Debug)]
pub struct Kind {
    pub name: &'static str,
    pub table: &'static str,
    /// The row key the lists and references use: `id`, or `rowid` for tables keyed by text.
    pub key: &'static str,
    pub columns: &'static [Column],
    pub lists: &'static [List],
}

const fn col(name: &'static str, ty: Ty) -> Column {
    Column {
        name,
        ty,
        refers: None,
        required: false,
    }
}

const fn refers(name: &'static str, table: &'static str, required: bool) -> Column {
    Column {
        name,
        ty: Ty::Int,
        refers: Some(table),
        required,
    }
}

use Ty::{Int, Real, Text};

/// Every kind, in the order a batch applies them: what others point at comes first.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "clock",
        table: "clocks",
        key: "id",
        columns: &[
            col("name", Text),
            col("started_at", Int),
            col("pinned", Int),
            col("archived", Int),
            col("money_per_day_cents", Int),
            col("currency", Text),
            col("minutes_per_day", Int),
            col("created_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "trigger",
        table: "triggers",
        key: "id",
        columns: &[
            col("key", Text),
            col("name", Text),
            col("archived", Int),
            col("created_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "emotion",
        table: "emotions",
        key: "id",
        columns: &[col("name", Text), col("builtin", Int)],
        lists: &[],
    },
    Kind {
        name: "coping_action",
        table: "coping_actions",
        key: "id",
        columns: &[col("name", Text), col("builtin", Int)],
        lists: &[],
    },
    Kind {
        name: "slip",
        table: "slips",
        key: "id",
        columns: &[
            refers("clock_id", "clocks", true),
            col("at", Int),
            col("note", Text),
            col("created_at", Int),
        ],
        lists: &[List {
            name: "triggers",
            table: "slip_triggers",
            owner: "slip_id",
            value: "trigger_id",
            refers: Some("triggers"),
        }],
    },
    Kind {
        name: "milestone",
        table: "milestones_seen",
        key: "rowid",
        columns: &[
            refers("clock_id", "clocks", true),
            col("streak_start", Int),
            col("milestone", Text),
            col("seen_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "check_in",
        table: "check_ins",
        key: "rowid",
        columns: &[
            col("day", Text),
            col("intention", Text),
            col("sober", Int),
            col("difficulty", Int),
            col("note", Text),
            col("morning_at", Int),
            col("evening_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "mood",
        table: "moods",
        key: "id",
        columns: &[
            col("at", Int),
            col("mood", Int),
            col("craving", Int),
            col("hungry", Int),
            col("angry", Int),
            col("lonely", Int),
            col("tired", Int),
            col("sleep_hours", Real),
            col("note", Text),
            col("created_at", Int),
            col("deleted_at", Int),
        ],
        lists: &[List {
            name: "emotions",
            table: "mood_emotions",
            owner: "mood_id",
            value: "emotion_id",
            refers: Some("emotions"),
        }],
    },
    Kind {
        name: "craving",
        table: "cravings",
        key: "id",
        columns: &[
            col("at", Int),
            col("strength", Int),
            col("place", Text),
            col("people", Text),
            col("outcome", Text),
            col("note", Text),
            refers("slip_id", "slips", false),
            col("created_at", Int),
            col("deleted_at", Int),
        ],
        lists: &[
            List {
                name: "triggers",
                table: "craving_triggers",
                owner: "craving_id",
                value: "trigger_id",
                refers: Some("triggers"),
            },
            List {
                name: "actions",
                table: "craving_actions",
                owner: "craving_id",
                value: "action_id",
                refers: Some("coping_actions"),
            },
        ],
    },
    Kind {
        name: "journal_entry",
        table: "journal_entries",
        key: "id",
        columns: &[
            col("at", Int),
            col("title", Text),
            col("body", Text),
            col("created_at", Int),
            col("updated_at", Int),
            col("deleted_at", Int),
        ],
        lists: &[List {
            name: "tags",
            table: "journal_tags",
            owner: "entry_id",
            value: "tag",
            refers: None,
        }],
    },
    Kind {
        name: "imported_article",
        table: "imported_articles",
        key: "rowid",
        columns: &[
            col("slug", Text),
            col("title", Text),
            col("markdown", Text),
            col("plain", Text),
            col("source_file", Text),
            col("imported_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "article_state",
        table: "article_state",
        key: "rowid",
        columns: &[
            col("slug", Text),
            col("bookmarked", Int),
            col("progress", Real),
            col("last_read_at", Int),
            col("note", Text),
            col("note_at", Int),
            col("bookmarked_at", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "person",
        table: "people",
        key: "id",
        columns: &[
            col("name", Text),
            col("phone", Text),
            col("note", Text),
            col("position", Int),
        ],
        lists: &[],
    },
    Kind {
        name: "reason",
        table: "reasons",
        key: "id",
        columns: &[col("text", Text), col("position", Int)],
        lists: &[],
    },
    Kind {
        name: "relapse_plan",
        table: "relapse_plan",
        key: "id",
        // The one plan's row id is part of it (always 1).
        columns: &[col("id", Int), col("data", Text), col("updated_at", Int)],
        lists: &[],
    },
];

/// The description of a kind by its name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Where a kind comes in a batch.
pub fn order(name: &str) -> usize {
    KINDS
        .iter()
        .position(|k| k.name == name)
        .unwrap_or(usize::MAX)
}
