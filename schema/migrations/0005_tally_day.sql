-- sipas schema, migration 5: daily tallies, so that a summary of any days (--from/--to off month
-- boundaries) reads one row a day instead of recomputing from every response. One row per (day,
-- catalogue) with the same additive counts as tally_group, for all of that day's responses together
-- (tally_group keeps the per-procedure, unit, channel and respondent-type detail by month).
-- sipas fills it for the responses already stored right after this SQL, in the same transaction
-- (the pair counts need per-response bit arithmetic: AppDatabase.migrate, DayTallies.rebuild).
CREATE TABLE tally_day (
    day            INTEGER NOT NULL CHECK (day BETWEEN 19000101 AND 29991231),
    catalog_id     INTEGER NOT NULL REFERENCES catalog(id),
    responses      INTEGER NOT NULL CHECK (responses >= 0),
    answered_any   INTEGER NOT NULL CHECK (answered_any >= 0),
    all_satisfied  INTEGER NOT NULL CHECK (all_satisfied >= 0),
    -- n0 (no answer), n1..n5 for each position of the catalogue: six little-endian signed 64-bit
    -- integers a position.
    ratings        BLOB NOT NULL CHECK (length(ratings) % 48 = 0),
    -- as tally_group.pairs: (aa, sa, as, ss) for each pair of positions c < d, row-major.
    pairs          BLOB NOT NULL CHECK (length(pairs) % 32 = 0),
    PRIMARY KEY (day, catalog_id)
) WITHOUT ROWID;
