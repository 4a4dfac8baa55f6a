-- sipas schema, migration 4: the department's identity for its documents, unit names where exports
-- disagree, and the province's published ranking table (sipas settings, sipas baseline table).

-- One row per setting (`sipas settings set KEY VALUE`): department, parent, abbreviation, place,
-- addressee, signer-title, signer-name, recipients (one recipient a line).
CREATE TABLE setting (
    key    TEXT PRIMARY KEY CHECK (key <> ''),
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- A unit code (or spelling) an export uses, and the unit name it stands for. Summaries, flags and
-- reports group the unit's responses under the name.
CREATE TABLE unit_alias (
    code  TEXT PRIMARY KEY CHECK (code <> ''),
    name  TEXT NOT NULL CHECK (name <> '' AND name <> code)
) WITHOUT ROWID;

-- The province's published table of every department's index for a year, one row per department;
-- is_self marks the department's own row (exactly one a year).
CREATE TABLE rank_table (
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    position     INTEGER NOT NULL CHECK (position >= 1),   -- row order in the file
    name         TEXT NOT NULL CHECK (name <> ''),
    index_value  REAL NOT NULL CHECK (index_value BETWEEN 0 AND 1),
    rank         INTEGER CHECK (rank >= 1),                -- as published; NULL when the file has none
    is_self      INTEGER NOT NULL CHECK (is_self IN (0, 1)),
    source       TEXT,
    PRIMARY KEY (year, position),
    UNIQUE (year, name)
) WITHOUT ROWID;
CREATE UNIQUE INDEX rank_table_self ON rank_table(year) WHERE is_self = 1;
