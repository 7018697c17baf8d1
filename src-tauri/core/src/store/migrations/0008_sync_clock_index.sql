-- The change log's clock carries on from the latest stamp stored (`store::LATEST_STAMP`), read
-- every time the journal opens. Without an index that read went through every row of
-- `sync_records`, one per record ever made: 10-30 ms of each unlock on a ten-year journal,
-- growing with the journal. With it, the latest stamp is one step down the index.
CREATE INDEX sync_records_hlc ON sync_records (hlc);
