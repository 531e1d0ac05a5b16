-- Published articles can leave the site: unpublished (404) or killed (410, for good).
ALTER TABLE articles ADD COLUMN state VARCHAR(16) DEFAULT 'LIVE' NOT NULL;
ALTER TABLE articles ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
