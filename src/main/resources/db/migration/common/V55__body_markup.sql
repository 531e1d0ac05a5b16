-- Article bodies become markup (a small CommonMark subset, see org.dateline.content.Body). Bodies stored before are
-- plain paragraphs: they keep the format 'plain' and are read as escaped markup, so they render exactly as before.
-- Every body written from now on is 'markup'.
ALTER TABLE articles ADD COLUMN body_format VARCHAR(16) DEFAULT 'plain' NOT NULL;
ALTER TABLE story_revisions ADD COLUMN body_format VARCHAR(16) DEFAULT 'plain' NOT NULL;
