-- A public correction note on an article, shown on its page and in its structured data.
ALTER TABLE articles ADD COLUMN correction_note VARCHAR(2000);
ALTER TABLE articles ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE;
