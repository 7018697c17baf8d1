-- The private side of SOS: the people someone can call, their own reasons for staying sober,
-- and their relapse prevention plan (one document, stored as JSON).

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    note       TEXT,
    position   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE reasons (
    id       INTEGER PRIMARY KEY,
    text     TEXT    NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE relapse_plan (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    data       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
