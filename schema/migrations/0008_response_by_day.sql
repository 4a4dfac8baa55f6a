-- sipas schema, migration 8: the ratings of the stored responses by day and group, so that a summary
-- of a period off month boundaries counts its edge days from a few rows instead of reading each of
-- those days' responses (10,000,000 responses: 380,000 of them for 05/03–20/09, 0.44 s by id).
-- It supersedes response_day_run (migration 7), dropped here.
-- One row per day, catalogue and sign held by an import when it writes (whenever 2 MiB of ratings are
-- held, and at its end): `groups` is a run of blocks, one per group (procedure, unit, channel,
-- respondent type), each five unsigned LEB128 varints — procedure_id, unit_id, channel_id,
-- respondent_type_id, the number n of responses — then n responses' ratings, `criteria` 3-bit codes
-- each (0 no answer, 1–5 a rating, 7 not asked in its file), least significant bit first, padded to
-- whole bytes. Sign −1 holds a response taken back out (replaced by --on-conflict replace). A reader
-- adds a day's rows, each block times its sign, and checks the result against tally_day, counting
-- from the responses instead when they differ. sipas fills this table for the responses already
-- stored right after this SQL, in the same transaction (AppDatabase.migrate, ResponsesByDay.rebuild).
DROP TABLE IF EXISTS response_day_run;
CREATE TABLE response_by_day (
    id         INTEGER PRIMARY KEY,
    day        INTEGER NOT NULL CHECK (day BETWEEN 19000101 AND 29991231),
    catalog_id INTEGER NOT NULL REFERENCES catalog(id),
    sign       INTEGER NOT NULL CHECK (sign IN (1, -1)),
    criteria   INTEGER NOT NULL CHECK (criteria BETWEEN 1 AND 64),
    responses  INTEGER NOT NULL CHECK (responses > 0),
    groups     BLOB NOT NULL
);
CREATE INDEX response_by_day_day ON response_by_day(day);
