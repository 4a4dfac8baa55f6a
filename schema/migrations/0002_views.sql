-- sipas schema, migration 2: views for SQL tools (sqlite3, Datasette, DBeaver). These views are the
-- supported, stable way to read the data: the tables underneath (ratings as one byte per criterion,
-- days as yyyymmdd integers) may change, the views' columns will not (new columns may be added).

-- One row per stored response.
--   id               the response's row id (the key `ratings.response` refers to)
--   response_id      the export's own id (Mã phiếu), NULL when the file had none
--   date             ISO text YYYY-MM-DD; time HH:MM:SS or NULL; year and month as integers
--   procedure_code, procedure_name, field, unit, channel, respondent_type, dossier_code, comment:
--                    as imported (NULL when not given)
--   source_file, source_row: the file it was imported from and its row there (for a workbook, the sheet's row)
CREATE VIEW responses AS
SELECT r.id AS id,
       r.response_key AS response_id,
       printf('%04d-%02d-%02d', r.day / 10000, r.day / 100 % 100, r.day % 100) AS date,
       CASE WHEN r.time IS NULL THEN NULL
            ELSE printf('%02d:%02d:%02d', r.time / 3600, r.time / 60 % 60, r.time % 60) END AS time,
       r.day / 10000 AS year,
       r.day / 100 % 100 AS month,
       p.code AS procedure_code,
       NULLIF(p.name, '') AS procedure_name,
       NULLIF(p.field, '') AS field,
       NULLIF(u.name, '') AS unit,
       NULLIF(ch.name, '') AS channel,
       NULLIF(t.name, '') AS respondent_type,
       r.dossier_code AS dossier_code,
       r.comment AS comment,
       f.path AS source_file,
       r.row_number AS source_row
FROM response r
JOIN import_file f ON f.id = r.file_id
JOIN procedure p ON p.id = r.procedure_id
JOIN unit u ON u.id = r.unit_id
JOIN channel ch ON ch.id = r.channel_id
JOIN respondent_type t ON t.id = r.respondent_type_id;

-- One row per response and criterion of the response's catalogue.
--   rating     1–5 on the five-point scale (a three-level tablet's Không hài lòng / Hài lòng / Rất hài
--              lòng are 2 / 4 / 5), NULL for no answer and for a criterion the file did not ask
--   satisfied  1 for a rating of 4 or 5, 0 for 1–3, NULL when rating is NULL
--   asked      0 when the file had no column for the criterion (say a tablet's five questions), else 1
-- AVG(satisfied) is a criterion's satisfied share exactly as `sipas summary` counts it.
CREATE VIEW ratings AS
SELECT r.id AS response,
       r.response_key AS response_id,
       printf('%04d-%02d-%02d', r.day / 10000, r.day / 100 % 100, r.day % 100) AS date,
       r.day / 10000 AS year,
       r.day / 100 % 100 AS month,
       p.code AS procedure_code,
       NULLIF(u.name, '') AS unit,
       NULLIF(ch.name, '') AS channel,
       cc.element_code AS element,
       cr.code AS criterion,
       NULLIF(instr(X'0102030405', substr(r.ratings, cc.position + 1, 1)), 0) AS rating,
       CASE WHEN instr(X'0102030405', substr(r.ratings, cc.position + 1, 1)) = 0 THEN NULL
            WHEN instr(X'0102030405', substr(r.ratings, cc.position + 1, 1)) >= 4 THEN 1 ELSE 0 END AS satisfied,
       CASE WHEN substr(r.ratings, cc.position + 1, 1) = X'FF' THEN 0 ELSE 1 END AS asked
FROM response r
JOIN import_file f ON f.id = r.file_id
JOIN catalog_criterion cc ON cc.catalog_id = f.catalog_id
JOIN criterion cr ON cr.id = cc.criterion_id
JOIN procedure p ON p.id = r.procedure_id
JOIN unit u ON u.id = r.unit_id
JOIN channel ch ON ch.id = r.channel_id;

-- The criteria of every stored catalogue, with their labels: one row per catalogue and criterion.
--   catalog (its id, e.g. sipas-2023), position (order in the catalogue, from 0), element, element
--   labels, criterion, criterion labels (Vietnamese and English)
CREATE VIEW criteria AS
SELECT c.key AS catalog,
       cc.position AS position,
       json_extract(e.value, '$.code') AS element,
       json_extract(e.value, '$.label_vi') AS element_label_vi,
       json_extract(e.value, '$.label_en') AS element_label_en,
       json_extract(k.value, '$.code') AS criterion,
       json_extract(k.value, '$.label_vi') AS label_vi,
       json_extract(k.value, '$.label_en') AS label_en
FROM catalog c
JOIN json_each(c.json, '$.elements') e
JOIN json_each(e.value, '$.criteria') k
JOIN criterion cr ON cr.code = json_extract(k.value, '$.code')
JOIN catalog_criterion cc ON cc.catalog_id = c.id AND cc.criterion_id = cr.id;
