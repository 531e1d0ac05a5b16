-- Scheduled and embargoed articles wait in state SCHEDULED until first_published_at; embargo marks a time the
-- source imposed (nothing may appear before it), as opposed to our own choice.
ALTER TABLE articles ADD COLUMN embargo BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX articles_due ON articles (state, first_published_at);
