-- A live story the newsroom marks as breaking news: since when (null when it is not). The public breaking bar shows
-- the edition's most recent one; alerts to subscribers of an edition's breaking news start from the same mark.
ALTER TABLE articles ADD COLUMN breaking_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX articles_breaking ON articles (edition, breaking_since);
