-- The ingest log names pictures too: the library entry a wire picture created or changed, and whether a line is
-- about a text item or a picture (a refused picture has no entry to name).
ALTER TABLE wire_log ADD COLUMN picture_id BIGINT;
ALTER TABLE wire_log ADD COLUMN item_kind VARCHAR(16) DEFAULT 'text' NOT NULL;
