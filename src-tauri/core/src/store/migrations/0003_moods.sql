-- Moods, emotions, triggers, cravings and the journal, with one full-text index over
-- everything people write. Instants are milliseconds since the Unix epoch (UTC).
-- Entries people can delete carry deleted_at: deleting hides them at once (and can be
-- undone); they are purged for good when the journal locks.

-- The trigger catalogue. Built-in triggers have a stable key that articles link to.
CREATE TABLE triggers (
    id          INTEGER PRIMARY KEY,
    key         TEXT UNIQUE,
    name        TEXT    NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX triggers_name ON triggers (name COLLATE NOCASE) WHERE archived = 0;

INSERT INTO triggers (key, name) VALUES
    ('grief-loss',           'Grief and loss'),
    ('legal-trouble',        'Crime or legal trouble'),
    ('breakup-divorce',      'Divorce or a break-up'),
    ('illness-pain',         'Major illness or pain'),
    ('family-problems',      'Family problems'),
    ('loneliness-isolation', 'Loneliness and isolation'),
    ('peer-pressure',        'Peer pressure and social situations'),
    ('easy-access',          'Easy access (drugs around, being offered)'),
    ('stress-anxiety',       'Stress or anxiety'),
    ('depression',           'Depression'),
    ('boredom-curiosity',    'Boredom or curiosity'),
    ('celebrations',         'Celebrations');

CREATE TABLE emotions (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
) STRICT;

INSERT INTO emotions (name, builtin) VALUES
    ('anxious', 1), ('sad', 1), ('angry', 1), ('lonely', 1), ('bored', 1), ('ashamed', 1),
    ('stressed', 1), ('tired', 1), ('calm', 1), ('hopeful', 1), ('grateful', 1), ('proud', 1);

CREATE TABLE coping_actions (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
) STRICT;

INSERT INTO coping_actions (name, builtin) VALUES
    ('Called someone', 1), ('Went to a meeting', 1), ('Urge surfing', 1),
    ('Breathing exercise', 1), ('Walked', 1), ('Ate something', 1), ('Slept', 1),
    ('Read an article', 1), ('Played the delay', 1), ('Something else', 1);

CREATE TABLE moods (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    mood        INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    craving     INTEGER CHECK (craving BETWEEN 0 AND 10),
    hungry      INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1)),
    angry       INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1)),
    lonely      INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1)),
    tired       INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1)),
    sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
    note        TEXT,
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;

CREATE INDEX moods_at ON moods (at) WHERE deleted_at IS NULL;

CREATE TABLE mood_emotions (
    mood_id    INTEGER NOT NULL REFERENCES moods (id) ON DELETE CASCADE,
    emotion_id INTEGER NOT NULL REFERENCES emotions (id),
    PRIMARY KEY (mood_id, emotion_id)
) STRICT;

CREATE TABLE cravings (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    strength   INTEGER NOT NULL CHECK (strength BETWEEN 0 AND 10),
    place      TEXT,
    people     TEXT,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('passed', 'used', 'struggling')),
    note       TEXT,
    slip_id    INTEGER REFERENCES slips (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;

CREATE INDEX cravings_at ON cravings (at) WHERE deleted_at IS NULL;

CREATE TABLE craving_triggers (
    craving_id INTEGER NOT NULL REFERENCES cravings (id) ON DELETE CASCADE,
    trigger_id INTEGER NOT NULL REFERENCES triggers (id),
    PRIMARY KEY (craving_id, trigger_id)
) STRICT;

CREATE INDEX craving_triggers_by_trigger ON craving_triggers (trigger_id);

CREATE TABLE craving_actions (
    craving_id INTEGER NOT NULL REFERENCES cravings (id) ON DELETE CASCADE,
    action_id  INTEGER NOT NULL REFERENCES coping_actions (id),
    PRIMARY KEY (craving_id, action_id)
) STRICT;

CREATE TABLE slip_triggers (
    slip_id    INTEGER NOT NULL REFERENCES slips (id) ON DELETE CASCADE,
    trigger_id INTEGER NOT NULL REFERENCES triggers (id),
    PRIMARY KEY (slip_id, trigger_id)
) STRICT;

CREATE TABLE journal_entries (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    title      TEXT    NOT NULL DEFAULT '',
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;

CREATE INDEX journal_entries_at ON journal_entries (at) WHERE deleted_at IS NULL;

CREATE TABLE journal_tags (
    entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (entry_id, tag)
) STRICT;

CREATE INDEX journal_tags_by_tag ON journal_tags (tag);

-- One full-text index over what people write, inside the encrypted database. `kind` and
-- `ref_id` say where a row comes from; the Porter stemmer finds "walking" for "walked".
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'porter unicode61'
);

-- The index follows the tables through triggers, so no write path can forget it.
CREATE TRIGGER journal_ai AFTER INSERT ON journal_entries WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index (kind, ref_id, title, body) VALUES ('journal', new.id, new.title, new.body);
END;
CREATE TRIGGER journal_au AFTER UPDATE ON journal_entries BEGIN
    DELETE FROM search_index WHERE kind = 'journal' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'journal', new.id, new.title, new.body WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER journal_ad AFTER DELETE ON journal_entries BEGIN
    DELETE FROM search_index WHERE kind = 'journal' AND ref_id = old.id;
END;

CREATE TRIGGER moods_ai AFTER INSERT ON moods WHEN new.note IS NOT NULL AND new.deleted_at IS NULL BEGIN
    INSERT INTO search_index (kind, ref_id, title, body) VALUES ('mood', new.id, '', new.note);
END;
CREATE TRIGGER moods_au AFTER UPDATE ON moods BEGIN
    DELETE FROM search_index WHERE kind = 'mood' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'mood', new.id, '', new.note WHERE new.note IS NOT NULL AND new.deleted_at IS NULL;
END;
CREATE TRIGGER moods_ad AFTER DELETE ON moods BEGIN
    DELETE FROM search_index WHERE kind = 'mood' AND ref_id = old.id;
END;

CREATE TRIGGER cravings_ai AFTER INSERT ON cravings WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'craving', new.id, '', concat_ws(' ', new.note, new.place, new.people)
        WHERE coalesce(new.note, new.place, new.people) IS NOT NULL;
END;
CREATE TRIGGER cravings_au AFTER UPDATE ON cravings BEGIN
    DELETE FROM search_index WHERE kind = 'craving' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'craving', new.id, '', concat_ws(' ', new.note, new.place, new.people)
        WHERE coalesce(new.note, new.place, new.people) IS NOT NULL AND new.deleted_at IS NULL;
END;
CREATE TRIGGER cravings_ad AFTER DELETE ON cravings BEGIN
    DELETE FROM search_index WHERE kind = 'craving' AND ref_id = old.id;
END;

-- Slips existed before the index: index their notes now, then follow them.
INSERT INTO search_index (kind, ref_id, title, body)
    SELECT 'slip', id, '', note FROM slips WHERE note IS NOT NULL;
CREATE TRIGGER slips_ai AFTER INSERT ON slips WHEN new.note IS NOT NULL BEGIN
    INSERT INTO search_index (kind, ref_id, title, body) VALUES ('slip', new.id, '', new.note);
END;
CREATE TRIGGER slips_au AFTER UPDATE ON slips BEGIN
    DELETE FROM search_index WHERE kind = 'slip' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'slip', new.id, '', new.note WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER slips_ad AFTER DELETE ON slips BEGIN
    DELETE FROM search_index WHERE kind = 'slip' AND ref_id = old.id;
END;
