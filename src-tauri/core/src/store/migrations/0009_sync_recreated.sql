-- A record whose uuid follows from its natural key can be made again after it was deleted:
-- an imported article deleted, then imported again under the same title (the same slug), and
-- its reading state with it. The triggers of 0006 left such a record's change-log row a
-- tombstone (`WHERE tombstone = 0`), so the article made again was never sent, and the other
-- computers kept it deleted. A row that is here is not deleted: writing it clears the
-- tombstone. (Records with random uuids never meet their own tombstone.)

DROP TRIGGER imported_articles_sync_ai;
CREATE TRIGGER imported_articles_sync_ai AFTER INSERT ON imported_articles BEGIN
    UPDATE imported_articles SET uuid = sync_name_uuid('imported_article', new.slug) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 0;
END;
DROP TRIGGER imported_articles_sync_au;
CREATE TRIGGER imported_articles_sync_au AFTER UPDATE ON imported_articles WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'imported_article', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 0;
END;

DROP TRIGGER article_state_sync_ai;
CREATE TRIGGER article_state_sync_ai AFTER INSERT ON article_state BEGIN
    UPDATE article_state SET uuid = sync_name_uuid('article_state', new.slug) WHERE rowid = new.rowid AND new.uuid IS NULL;
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        SELECT new.uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1
        WHERE new.uuid IS NOT NULL AND sync_capture()
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 0;
END;
DROP TRIGGER article_state_sync_au;
CREATE TRIGGER article_state_sync_au AFTER UPDATE ON article_state WHEN sync_capture() BEGIN
    INSERT INTO sync_records (uuid, kind, hlc, device, tombstone, pending)
        VALUES (new.uuid, 'article_state', sync_hlc(), (SELECT device_id FROM sync_local), 0, 1)
        ON CONFLICT (uuid) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, pending = 1,
            tombstone = 0;
END;

-- Journals where it already happened: a record here whose change-log row says deleted goes out
-- again, as written now. Stamped past that deletion even when it was stamped ahead of this
-- clock (a clock set back, a fast one elsewhere): the clock has not yet read the journal's
-- latest stamp while migrations run, and an older stamp would be passed over everywhere.
UPDATE sync_records SET tombstone = 0, pending = 1, hlc = max(sync_hlc(), hlc + 1),
        device = (SELECT device_id FROM sync_local)
    WHERE tombstone = 1 AND kind = 'imported_article'
        AND uuid IN (SELECT uuid FROM imported_articles);
UPDATE sync_records SET tombstone = 0, pending = 1, hlc = max(sync_hlc(), hlc + 1),
        device = (SELECT device_id FROM sync_local)
    WHERE tombstone = 1 AND kind = 'article_state'
        AND uuid IN (SELECT uuid FROM article_state);
