-- sipas schema, migration 7: where each day's responses are stored, so that a summary of a period off
-- month boundaries reads its edge days' responses by id instead of scanning every response (a scan of
-- 1,000,000 responses takes about 0.16 s, of 10,000,000 about 2 s, however few fall on those days).
-- One row per run of a day's response ids written together: an import writes a run for each day it
-- stored responses of whenever 256 KiB of ids are held, and at its end. `ids` are signed
-- differences, zigzag-encoded as unsigned LEB128 varints: the first from 0, each next from the one
-- before. A run may name an id whose response was since replaced (the new row may even reuse the id,
-- on another day); a reader keeps the distinct ids, checks each response's day, and counts what it
-- found against tally_day, scanning the responses instead when the counts differ. sipas fills this
-- table for the responses already stored right after this SQL, in the same transaction
-- (AppDatabase.migrate, ResponseDayRuns.rebuild).
CREATE TABLE response_day_run (
    id   INTEGER PRIMARY KEY,
    day  INTEGER NOT NULL CHECK (day BETWEEN 19000101 AND 29991231),
    ids  BLOB NOT NULL CHECK (length(ids) > 0)
);
CREATE INDEX response_day_run_day ON response_day_run(day);
