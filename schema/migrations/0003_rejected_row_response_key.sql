-- sipas schema, migration 3: a rejected row keeps the response id its row had (when the file has an id
-- column and the row that cell), so that `sipas rejects` can tell when the same response was imported
-- later — the row was fixed — and where. Rows rejected before this migration have none (NULL).
ALTER TABLE rejected_row ADD COLUMN response_key TEXT CHECK (response_key <> '');
