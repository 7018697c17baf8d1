-- Sobriety clocks, their slips, celebrated milestones and daily check-ins.
-- Instants are milliseconds since the Unix epoch (UTC); days are the user's local dates.

CREATE TABLE clocks (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    started_at          INTEGER NOT NULL,
    pinned              INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    money_per_day_cents INTEGER,
    currency            TEXT,
    minutes_per_day     INTEGER,
    created_at          INTEGER NOT NULL
) STRICT;

-- At most one main clock.
CREATE UNIQUE INDEX clocks_one_pinned ON clocks (pinned) WHERE pinned = 1;

CREATE TABLE slips (
    id         INTEGER PRIMARY KEY,
    clock_id   INTEGER NOT NULL REFERENCES clocks (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    note       TEXT,
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX slips_by_clock ON slips (clock_id, at);

-- A milestone is celebrated once per streak: the streak is named by its start.
CREATE TABLE milestones_seen (
    clock_id     INTEGER NOT NULL REFERENCES clocks (id) ON DELETE CASCADE,
    streak_start INTEGER NOT NULL,
    milestone    TEXT    NOT NULL,
    seen_at      INTEGER NOT NULL,
    PRIMARY KEY (clock_id, streak_start, milestone)
) STRICT;

CREATE TABLE check_ins (
    day        TEXT PRIMARY KEY NOT NULL,
    intention  TEXT,
    sober      INTEGER CHECK (sober IN (0, 1)),
    difficulty INTEGER CHECK (difficulty BETWEEN 1 AND 5),
    note       TEXT,
    morning_at INTEGER,
    evening_at INTEGER
) STRICT;
