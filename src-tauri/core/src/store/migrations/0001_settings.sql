-- Small key/value settings that belong to the journal (and so are encrypted with it).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
