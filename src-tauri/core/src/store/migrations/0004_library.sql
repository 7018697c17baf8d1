-- The library's private side: articles people imported (what a person chose to read is
-- private, so they live in the encrypted journal), and reading state, bookmarks and notes
-- for every article. The shipped articles themselves are public and compiled into the app.

CREATE TABLE imported_articles (
    slug        TEXT PRIMARY KEY NOT NULL,
    title       TEXT    NOT NULL,
    markdown    TEXT    NOT NULL,
    -- The words without their Markdown, for the search index and its snippets.
    plain       TEXT    NOT NULL,
    source_file TEXT    NOT NULL,
    imported_at INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE imported_index USING fts5(
    slug UNINDEXED, title, body, tokenize = 'porter unicode61'
);

CREATE TRIGGER imported_ai AFTER INSERT ON imported_articles BEGIN
    INSERT INTO imported_index (slug, title, body) VALUES (new.slug, new.title, new.plain);
END;
CREATE TRIGGER imported_ad AFTER DELETE ON imported_articles BEGIN
    DELETE FROM imported_index WHERE slug = old.slug;
END;

CREATE TABLE article_state (
    slug         TEXT PRIMARY KEY NOT NULL,
    bookmarked   INTEGER NOT NULL DEFAULT 0 CHECK (bookmarked IN (0, 1)),
    progress     REAL    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    last_read_at INTEGER,
    note         TEXT
) STRICT;
