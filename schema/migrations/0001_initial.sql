-- sipas schema, migration 1. Migrations are append-only: never edit a released file, add the next one.
-- Conventions: dates are INTEGER yyyymmdd, months INTEGER yyyymm; ratings are one byte per criterion of
-- the file's catalogue (0 = no answer, 1..5 on the five-point scale; three-level tablet answers are stored
-- as 2 "Không hài lòng", 4 "Hài lòng", 5 "Rất hài lòng"). Dimension tables keep id 0 for "not given".

CREATE TABLE catalog (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL,                      -- the catalogue's own id, e.g. sipas-2023
    sha256    TEXT NOT NULL UNIQUE,               -- of its canonical JSON: the same catalogue is stored once
    json      TEXT NOT NULL
);

CREATE TABLE criterion (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (code <> '')
);

-- Where each criterion sits in each catalogue (position = byte index in response.ratings).
CREATE TABLE catalog_criterion (
    catalog_id    INTEGER NOT NULL REFERENCES catalog(id),
    position      INTEGER NOT NULL CHECK (position >= 0),
    criterion_id  INTEGER NOT NULL REFERENCES criterion(id),
    element_code  TEXT NOT NULL,
    PRIMARY KEY (catalog_id, position),
    UNIQUE (catalog_id, criterion_id)
) WITHOUT ROWID;

CREATE TABLE procedure (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL DEFAULT '',
    field  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE unit (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE channel (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE respondent_type (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO unit (id, name) VALUES (0, '');
INSERT INTO channel (id, name) VALUES (0, '');
INSERT INTO respondent_type (id, name) VALUES (0, '');

CREATE TABLE import_file (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    bytes        INTEGER NOT NULL CHECK (bytes >= 0),
    imported_at  TEXT NOT NULL,                   -- ISO 8601, UTC
    catalog_id   INTEGER NOT NULL REFERENCES catalog(id),
    encoding     TEXT NOT NULL,
    delimiter    TEXT NOT NULL,
    scale        INTEGER NOT NULL CHECK (scale IN (3, 5)),
    rows         INTEGER NOT NULL CHECK (rows >= 0),
    imported     INTEGER NOT NULL CHECK (imported >= 0),
    duplicates   INTEGER NOT NULL CHECK (duplicates >= 0),
    conflicts    INTEGER NOT NULL CHECK (conflicts >= 0),
    replaced     INTEGER NOT NULL CHECK (replaced >= 0),
    rejected     INTEGER NOT NULL CHECK (rejected >= 0),
    first_day    INTEGER,
    last_day     INTEGER,
    CHECK (imported + duplicates + conflicts + rejected <= rows)
);

CREATE TABLE response (
    id                  INTEGER PRIMARY KEY,
    file_id             INTEGER NOT NULL REFERENCES import_file(id),
    row_number          INTEGER NOT NULL CHECK (row_number >= 2),
    response_key        TEXT CHECK (response_key <> ''),
    content_hash        INTEGER NOT NULL,
    day                 INTEGER NOT NULL CHECK (day BETWEEN 19000101 AND 29991231
                                                AND day / 100 % 100 BETWEEN 1 AND 12 AND day % 100 BETWEEN 1 AND 31),
    time                INTEGER CHECK (time BETWEEN 0 AND 86399),
    procedure_id        INTEGER NOT NULL REFERENCES procedure(id),
    unit_id             INTEGER NOT NULL REFERENCES unit(id),
    channel_id          INTEGER NOT NULL REFERENCES channel(id),
    respondent_type_id  INTEGER NOT NULL REFERENCES respondent_type(id),
    dossier_code        TEXT,
    ratings             BLOB NOT NULL CHECK (length(ratings) BETWEEN 1 AND 64),
    comment             TEXT CHECK (comment <> '')
);
CREATE UNIQUE INDEX response_by_key ON response(response_key) WHERE response_key IS NOT NULL;
CREATE INDEX response_comment ON response(procedure_id, day) WHERE comment IS NOT NULL;

-- Rows that could not be imported: kept with their raw text so they can be fixed and re-imported.
CREATE TABLE rejected_row (
    id           INTEGER PRIMARY KEY,
    file_id      INTEGER NOT NULL REFERENCES import_file(id),
    row_number   INTEGER NOT NULL CHECK (row_number >= 1),
    column_name  TEXT,
    code         TEXT NOT NULL,
    message      TEXT NOT NULL,
    reasons      TEXT NOT NULL,                   -- every problem of the row, one per line
    raw          TEXT NOT NULL,
    UNIQUE (file_id, row_number)
);

-- Additive counts kept up to date inside each import's transaction, so that summaries never scan
-- responses. A group is one (month, catalogue, procedure, unit, channel, respondent type).
CREATE TABLE tally_group (
    id                  INTEGER PRIMARY KEY,
    month               INTEGER NOT NULL CHECK (month BETWEEN 190001 AND 299912 AND month % 100 BETWEEN 1 AND 12),
    catalog_id          INTEGER NOT NULL REFERENCES catalog(id),
    procedure_id        INTEGER NOT NULL REFERENCES procedure(id),
    unit_id             INTEGER NOT NULL REFERENCES unit(id),
    channel_id          INTEGER NOT NULL REFERENCES channel(id),
    respondent_type_id  INTEGER NOT NULL REFERENCES respondent_type(id),
    responses           INTEGER NOT NULL CHECK (responses >= 0),
    answered_any        INTEGER NOT NULL CHECK (answered_any >= 0),
    all_satisfied       INTEGER NOT NULL CHECK (all_satisfied >= 0),
    -- Pair counts for the index intervals, for positions c < d of the catalogue in row-major order,
    -- four little-endian signed 64-bit integers a pair: aa = answered both, sa = satisfied on c and
    -- answered d, as = answered c and satisfied on d, ss = satisfied on both. One blob a group keeps
    -- an import's tally flush and a summary's read at one row per group (not K(K-1)/2 rows).
    pairs               BLOB NOT NULL CHECK (length(pairs) % 32 = 0),
    UNIQUE (month, catalog_id, procedure_id, unit_id, channel_id, respondent_type_id)
);

-- Ratings per criterion in a group: n0 = no answer, n1..n5 the five-point ratings.
CREATE TABLE tally_rating (
    group_id  INTEGER NOT NULL REFERENCES tally_group(id),
    position  INTEGER NOT NULL,
    n0 INTEGER NOT NULL CHECK (n0 >= 0), n1 INTEGER NOT NULL CHECK (n1 >= 0),
    n2 INTEGER NOT NULL CHECK (n2 >= 0), n3 INTEGER NOT NULL CHECK (n3 >= 0),
    n4 INTEGER NOT NULL CHECK (n4 >= 0), n5 INTEGER NOT NULL CHECK (n5 >= 0),
    PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

-- Figures the province published for the department, recorded by hand (sipas baseline set).
CREATE TABLE baseline (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
    index_value  REAL NOT NULL CHECK (index_value BETWEEN 0 AND 1),
    rank         INTEGER CHECK (rank >= 1),
    rank_of      INTEGER CHECK (rank_of >= 1),
    source       TEXT,
    recorded_at  TEXT NOT NULL,
    CHECK (rank IS NULL OR rank_of IS NULL OR rank <= rank_of)
);
CREATE TABLE baseline_element (
    year          INTEGER NOT NULL REFERENCES baseline(year) ON DELETE CASCADE,
    element_code  TEXT NOT NULL,
    value         REAL NOT NULL CHECK (value BETWEEN 0 AND 1),
    PRIMARY KEY (year, element_code)
) WITHOUT ROWID;
