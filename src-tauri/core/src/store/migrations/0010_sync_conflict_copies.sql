-- Conflict copies of change files, applied: two copies of one journal under one device id
-- (a data folder copied by hand before journals noted their place) can write the same number
-- before either file travels; the sync engine keeps one under the number and sets the other
-- beside it under a name of its own (`sync/folder.rs`). Such a copy has no number of its own,
-- so it is remembered by its name, and read once whatever `sync_progress` says.
CREATE TABLE sync_applied_copies (
    device TEXT NOT NULL,
    name   TEXT NOT NULL,
    PRIMARY KEY (device, name)
) STRICT;
