-- Sync foundations (issue 16): a stable identity for every record, this device's identity,
-- and the change log, kept by triggers so that no write path can forget it.
--
-- * Every record table gains `uuid`: random (v4) for things people make; derived from the
--   natural key where two computers must agree on one record without talking (a day's
--   check-in, a built-in trigger, an emotion or coping action by name, a milestone, an
--   article's state, the one relapse plan). Existing rows get theirs here.
-- * `sync_records` is the change log's outbox and the per-record clock at once: one row per
--   record ever written (its last hybrid-logical-clock stamp and device, whether it is a
--   tombstone), `pending = 1` until a change file carrying it is safely in the sync folder.
--   Triggers write it in the same transaction as the change itself.
-- * `sync_uuid()`, `sync_name_uuid(kind, key)`, `sync_hlc()` and `sync_capture()` are
--   application-defined functions every Store connection registers (store/capture.rs).
--   `sync_capture()` is 0 while changes from another computer are being applied, so those
--   are not sent back out.

-- The search index's update triggers fire only when indexed text changes, so giving a new row
-- its uuid (an UPDATE right after the INSERT) does not index it twice.
DROP TRIGGER journal_au;
CREATE TRIGGER journal_au AFTER UPDATE OF title, body, deleted_at ON journal_entries BEGIN
    DELETE FROM search_index WHERE kind = 'journal' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'journal', new.id, new.title, new.body WHERE new.deleted_at IS NULL;
END;
DROP TRIGGER moods_au;
CREATE TRIGGER moods_au AFTER UPDATE OF note, deleted_at ON moods BEGIN
    DELETE FROM search_index WHERE kind = 'mood' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'mood', new.id, '', new.note WHERE new.note IS NOT NULL AND new.deleted_at IS NULL;
END;
DROP TRIGGER cravings_au;
CREATE TRIGGER cravings_au AFTER UPDATE OF note, place, people, deleted_at ON cravings BEGIN
    DELETE FROM search_index WHERE kind = 'craving' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'craving', new.id, '', concat_ws(' ', new.note, new.place, new.people)
        WHERE coalesce(new.note, new.place, new.people) IS NOT NULL AND new.deleted_at IS NULL;
END;
DROP TRIGGER slips_au;
CREATE TRIGGER slips_au AFTER UPDATE OF note ON slips BEGIN
    DELETE FROM search_index WHERE kind = 'slip' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, title, body)
        SELECT 'slip', new.id, '', new.note WHERE new.note IS NOT NULL;
END;

-- This computer's identity in the sync folder, and the next change file's number.
CREATE TABLE sync_local (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT    NOT NULL,
    next_seq  INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO sync_local (id, device_id) VALUES (1, replace(sync_uuid(), '-', ''));

CREATE TABLE sync_records (
    uuid      TEXT    PRIMARY KEY NOT NULL,
    kind      TEXT    NOT NULL,
    hlc       INTEGER NOT NULL,
    device    TEXT    NOT NULL,
    tombstone INTEGER NOT NULL DEFAULT 0 CHECK (tombstone IN (0, 1)),
    pending   INTEGER NOT NULL DEFAULT 1 CHECK (pending IN (0, 1))
) STRICT;
CREATE INDEX sync_records_pending ON sync_records (hlc) WHERE pending = 1;

-- How far each other computer's change files have been applied: every file up to `through`,
-- and `applied` lists the ones after a gap (a file not there yet, or not readable yet).
CREATE TABLE sync_progress (
    device  TEXT    PRIMARY KEY NOT NULL,
    through INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE sync_applied (
    device TEXT    NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (device, seq)
) STRICT;

-- Changes from another computer that name a record not here yet (a trigger made on a third
-- computer whose file has not arrived): kept, and tried again after every round.
CREATE TABLE sync_parked (
    uuid    TEXT    PRIMARY KEY NOT NULL,
    hlc     INTEGER NOT NULL,
    device  TEXT    NOT NULL,
    op      TEXT    NOT NULL
) STRICT;

-- The sync folder's header generation this journal has seen (a passphrase change elsewhere
-- writes a newer one).
CREATE TABLE sync_folder (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO sync_folder (id) VALUES (1);


-- clock: clocks
ALTER TABLE clocks ADD COLUMN uuid TEXT;
UPDATE clocks SET uuid = sync_uuid();
CREATE UNIQUE INDEX clocks_uuid ON clocks (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'clock', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM clocks;
CREATE TRIGGER clocks_sync_ai AFTER INSERT ON clocks BEGIN
    UPDATE clocks SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'clock', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER clocks_sync_au AFTER UPDATE ON clocks WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'clock', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER clocks_sync_ad AFTER DELETE ON clocks WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'clock', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- slip: slips
ALTER TABLE slips ADD COLUMN uuid TEXT;
UPDATE slips SET uuid = sync_uuid();
CREATE UNIQUE INDEX slips_uuid ON slips (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM slips;
CREATE TRIGGER slips_sync_ai AFTER INSERT ON slips BEGIN
    UPDATE slips SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER slips_sync_au AFTER UPDATE ON slips WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER slips_sync_ad AFTER DELETE ON slips WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- milestone: milestones_seen
ALTER TABLE milestones_seen ADD COLUMN uuid TEXT;
UPDATE milestones_seen SET uuid = sync_name_uuid('milestone', (SELECT c.uuid FROM clocks c WHERE c.id = milestones_seen.clock_id) || ':' || milestones_seen.streak_start || ':' || milestones_seen.milestone);
CREATE UNIQUE INDEX milestones_seen_uuid ON milestones_seen (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'milestone', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM milestones_seen;
CREATE TRIGGER milestones_seen_sync_ai AFTER INSERT ON milestones_seen BEGIN
    UPDATE milestones_seen SET uuid = sync_name_uuid('milestone', (SELECT c.uuid FROM clocks c WHERE c.id = new.clock_id) || ':' || new.streak_start || ':' || new.milestone) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'milestone', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER milestones_seen_sync_au AFTER UPDATE ON milestones_seen WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'milestone', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER milestones_seen_sync_ad AFTER DELETE ON milestones_seen WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'milestone', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- check_in: check_ins
ALTER TABLE check_ins ADD COLUMN uuid TEXT;
UPDATE check_ins SET uuid = sync_name_uuid('check_in', check_ins.day);
CREATE UNIQUE INDEX check_ins_uuid ON check_ins (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'check_in', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM check_ins;
CREATE TRIGGER check_ins_sync_ai AFTER INSERT ON check_ins BEGIN
    UPDATE check_ins SET uuid = sync_name_uuid('check_in', new.day) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'check_in', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER check_ins_sync_au AFTER UPDATE ON check_ins WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'check_in', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER check_ins_sync_ad AFTER DELETE ON check_ins WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'check_in', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- trigger: triggers
ALTER TABLE triggers ADD COLUMN uuid TEXT;
UPDATE triggers SET uuid = CASE WHEN triggers.key IS NULL THEN sync_uuid() ELSE sync_name_uuid('trigger', triggers.key) END;
CREATE UNIQUE INDEX triggers_uuid ON triggers (uuid);
-- Built-ins as shipped are the same everywhere: stamped 0, so any change made anywhere wins,
-- and not sent. Changed ones are sent like everything else.
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'trigger', CASE WHEN (key, name, archived) IN (VALUES ('grief-loss', 'Grief and loss', 0), ('legal-trouble', 'Crime or legal trouble', 0), ('breakup-divorce', 'Divorce or a break-up', 0), ('illness-pain', 'Major illness or pain', 0), ('family-problems', 'Family problems', 0), ('loneliness-isolation', 'Loneliness and isolation', 0), ('peer-pressure', 'Peer pressure and social situations', 0), ('easy-access', 'Easy access (drugs around, being offered)', 0), ('stress-anxiety', 'Stress or anxiety', 0), ('depression', 'Depression', 0), ('boredom-curiosity', 'Boredom or curiosity', 0), ('celebrations', 'Celebrations', 0)) THEN 0 ELSE sync_hlc() END,
        (SELECT device_id FROM sync_local), 0, CASE WHEN (key, name, archived) IN (VALUES ('grief-loss', 'Grief and loss', 0), ('legal-trouble', 'Crime or legal trouble', 0), ('breakup-divorce', 'Divorce or a break-up', 0), ('illness-pain', 'Major illness or pain', 0), ('family-problems', 'Family problems', 0), ('loneliness-isolation', 'Loneliness and isolation', 0), ('peer-pressure', 'Peer pressure and social situations', 0), ('easy-access', 'Easy access (drugs around, being offered)', 0), ('stress-anxiety', 'Stress or anxiety', 0), ('depression', 'Depression', 0), ('boredom-curiosity', 'Boredom or curiosity', 0), ('celebrations', 'Celebrations', 0)) THEN 0 ELSE 1 END
    FROM triggers;
CREATE TRIGGER triggers_sync_ai AFTER INSERT ON triggers BEGIN
    UPDATE triggers SET uuid = CASE WHEN new.key IS NULL THEN sync_uuid() ELSE sync_name_uuid('trigger', new.key) END WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'trigger', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER triggers_sync_au AFTER UPDATE ON triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'trigger', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER triggers_sync_ad AFTER DELETE ON triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'trigger', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- emotion: emotions
ALTER TABLE emotions ADD COLUMN uuid TEXT;
UPDATE emotions SET uuid = sync_name_uuid('emotion', lower(emotions.name));
CREATE UNIQUE INDEX emotions_uuid ON emotions (uuid);
-- Built-ins as shipped are the same everywhere: stamped 0, so any change made anywhere wins,
-- and not sent. Changed ones are sent like everything else.
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'emotion', CASE WHEN builtin = 1 THEN 0 ELSE sync_hlc() END,
        (SELECT device_id FROM sync_local), 0, CASE WHEN builtin = 1 THEN 0 ELSE 1 END
    FROM emotions;
CREATE TRIGGER emotions_sync_ai AFTER INSERT ON emotions BEGIN
    UPDATE emotions SET uuid = sync_name_uuid('emotion', lower(new.name)) WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'emotion', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER emotions_sync_au AFTER UPDATE ON emotions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'emotion', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER emotions_sync_ad AFTER DELETE ON emotions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'emotion', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- coping_action: coping_actions
ALTER TABLE coping_actions ADD COLUMN uuid TEXT;
UPDATE coping_actions SET uuid = sync_name_uuid('coping_action', lower(coping_actions.name));
CREATE UNIQUE INDEX coping_actions_uuid ON coping_actions (uuid);
-- Built-ins as shipped are the same everywhere: stamped 0, so any change made anywhere wins,
-- and not sent. Changed ones are sent like everything else.
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'coping_action', CASE WHEN builtin = 1 THEN 0 ELSE sync_hlc() END,
        (SELECT device_id FROM sync_local), 0, CASE WHEN builtin = 1 THEN 0 ELSE 1 END
    FROM coping_actions;
CREATE TRIGGER coping_actions_sync_ai AFTER INSERT ON coping_actions BEGIN
    UPDATE coping_actions SET uuid = sync_name_uuid('coping_action', lower(new.name)) WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'coping_action', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER coping_actions_sync_au AFTER UPDATE ON coping_actions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'coping_action', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER coping_actions_sync_ad AFTER DELETE ON coping_actions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'coping_action', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- mood: moods
ALTER TABLE moods ADD COLUMN uuid TEXT;
UPDATE moods SET uuid = sync_uuid();
CREATE UNIQUE INDEX moods_uuid ON moods (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM moods;
CREATE TRIGGER moods_sync_ai AFTER INSERT ON moods BEGIN
    UPDATE moods SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER moods_sync_au AFTER UPDATE ON moods WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER moods_sync_ad AFTER DELETE ON moods WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- craving: cravings
ALTER TABLE cravings ADD COLUMN uuid TEXT;
UPDATE cravings SET uuid = sync_uuid();
CREATE UNIQUE INDEX cravings_uuid ON cravings (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM cravings;
CREATE TRIGGER cravings_sync_ai AFTER INSERT ON cravings BEGIN
    UPDATE cravings SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER cravings_sync_au AFTER UPDATE ON cravings WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER cravings_sync_ad AFTER DELETE ON cravings WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- journal_entry: journal_entries
ALTER TABLE journal_entries ADD COLUMN uuid TEXT;
UPDATE journal_entries SET uuid = sync_uuid();
CREATE UNIQUE INDEX journal_entries_uuid ON journal_entries (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM journal_entries;
CREATE TRIGGER journal_entries_sync_ai AFTER INSERT ON journal_entries BEGIN
    UPDATE journal_entries SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER journal_entries_sync_au AFTER UPDATE ON journal_entries WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER journal_entries_sync_ad AFTER DELETE ON journal_entries WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- imported_article: imported_articles
ALTER TABLE imported_articles ADD COLUMN uuid TEXT;
UPDATE imported_articles SET uuid = sync_name_uuid('imported_article', imported_articles.slug);
CREATE UNIQUE INDEX imported_articles_uuid ON imported_articles (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM imported_articles;
CREATE TRIGGER imported_articles_sync_ai AFTER INSERT ON imported_articles BEGIN
    UPDATE imported_articles SET uuid = sync_name_uuid('imported_article', new.slug) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER imported_articles_sync_au AFTER UPDATE ON imported_articles WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER imported_articles_sync_ad AFTER DELETE ON imported_articles WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- article_state: article_state
ALTER TABLE article_state ADD COLUMN uuid TEXT;
UPDATE article_state SET uuid = sync_name_uuid('article_state', article_state.slug);
CREATE UNIQUE INDEX article_state_uuid ON article_state (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM article_state;
CREATE TRIGGER article_state_sync_ai AFTER INSERT ON article_state BEGIN
    UPDATE article_state SET uuid = sync_name_uuid('article_state', new.slug) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER article_state_sync_au AFTER UPDATE ON article_state WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER article_state_sync_ad AFTER DELETE ON article_state WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- person: people
ALTER TABLE people ADD COLUMN uuid TEXT;
UPDATE people SET uuid = sync_uuid();
CREATE UNIQUE INDEX people_uuid ON people (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'person', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM people;
CREATE TRIGGER people_sync_ai AFTER INSERT ON people BEGIN
    UPDATE people SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'person', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER people_sync_au AFTER UPDATE ON people WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'person', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER people_sync_ad AFTER DELETE ON people WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'person', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- reason: reasons
ALTER TABLE reasons ADD COLUMN uuid TEXT;
UPDATE reasons SET uuid = sync_uuid();
CREATE UNIQUE INDEX reasons_uuid ON reasons (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'reason', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM reasons;
CREATE TRIGGER reasons_sync_ai AFTER INSERT ON reasons BEGIN
    UPDATE reasons SET uuid = sync_uuid() WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'reason', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER reasons_sync_au AFTER UPDATE ON reasons WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'reason', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER reasons_sync_ad AFTER DELETE ON reasons WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'reason', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- relapse_plan: relapse_plan
ALTER TABLE relapse_plan ADD COLUMN uuid TEXT;
UPDATE relapse_plan SET uuid = sync_name_uuid('relapse_plan', 'the plan');
CREATE UNIQUE INDEX relapse_plan_uuid ON relapse_plan (uuid);
INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
    SELECT uuid, 'relapse_plan', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1 FROM relapse_plan;
CREATE TRIGGER relapse_plan_sync_ai AFTER INSERT ON relapse_plan BEGIN
    UPDATE relapse_plan SET uuid = sync_name_uuid('relapse_plan', 'the plan') WHERE id = new.id AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'relapse_plan', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER relapse_plan_sync_au AFTER UPDATE ON relapse_plan WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'relapse_plan', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER relapse_plan_sync_ad AFTER DELETE ON relapse_plan WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (old.uuid, 'relapse_plan', sync_hlc(), (SELECT device_id FROM sync_local), 1, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 1;
END;

-- Lists that belong to a record (a mood's emotions, a craving's triggers and actions, a
-- slip's triggers, an entry's tags) travel inside it: changing one is a change of the record.
CREATE TRIGGER mood_emotions_sync_i AFTER INSERT ON mood_emotions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM moods p WHERE p.id = new.mood_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER mood_emotions_sync_d AFTER DELETE ON mood_emotions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'mood', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM moods p WHERE p.id = old.mood_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER craving_triggers_sync_i AFTER INSERT ON craving_triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM cravings p WHERE p.id = new.craving_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER craving_triggers_sync_d AFTER DELETE ON craving_triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM cravings p WHERE p.id = old.craving_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER craving_actions_sync_i AFTER INSERT ON craving_actions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM cravings p WHERE p.id = new.craving_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER craving_actions_sync_d AFTER DELETE ON craving_actions WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'craving', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM cravings p WHERE p.id = old.craving_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER slip_triggers_sync_i AFTER INSERT ON slip_triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM slips p WHERE p.id = new.slip_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER slip_triggers_sync_d AFTER DELETE ON slip_triggers WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'slip', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM slips p WHERE p.id = old.slip_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER journal_tags_sync_i AFTER INSERT ON journal_tags WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM journal_entries p WHERE p.id = new.entry_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
CREATE TRIGGER journal_tags_sync_d AFTER DELETE ON journal_tags WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT p.uuid, 'journal_entry', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        FROM journal_entries p WHERE p.id = old.entry_id AND p.uuid IS NOT NULL
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1
        WHERE tombstone = 0;
END;
