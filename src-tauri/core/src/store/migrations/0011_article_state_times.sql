-- When an article's note and bookmark were last set, as its reading place has `last_read_at`:
-- two computers keep the later of each (src/sync/parts.rs) instead of the whole state of
-- whichever saved last, whose reading place, saved as the person scrolls, would otherwise wipe
-- a note written on the other computer. Notes and bookmarks from before have no time: the
-- oldest, as if set before any that has one.
ALTER TABLE article_state ADD COLUMN note_at INTEGER;
ALTER TABLE article_state ADD COLUMN bookmarked_at INTEGER;
