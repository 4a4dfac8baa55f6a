-- sipas schema, migration 6: a covering index of the monthly groups' month, catalogue and response
-- count. A summary asks which catalogues a period used and which years hold responses; without this
-- index both questions read every group's whole row, pair counts included (5.5 KB a group for 19
-- criteria: 12 MiB at a million responses), which was most of what a whole-year summary read.
CREATE INDEX tally_group_month ON tally_group(month, catalog_id, responses);
