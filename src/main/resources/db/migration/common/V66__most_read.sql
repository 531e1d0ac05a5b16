-- Most read (readership): what was read most over the last 24 hours, per edition and per section.
--
-- article_view_hours: the views that counted, per article and hour (view_hour: whole hours since
-- 1970-01-01T00:00Z), moved in the same transaction as article_views; rows older than two days are deleted.
CREATE TABLE article_view_hours (
    article_id  BIGINT  NOT NULL,
    view_hour   BIGINT  NOT NULL,
    views       INTEGER NOT NULL,
    PRIMARY KEY (article_id, view_hour)
);
CREATE INDEX article_view_hours_hour ON article_view_hours (view_hour);

-- The rankings last computed: one list per edition (section_id 0) and per section, best first (position from 1).
-- Every node reads them; one node a minute writes them.
CREATE TABLE most_read (
    edition     VARCHAR(8) NOT NULL,
    section_id  BIGINT     NOT NULL,
    position    INTEGER    NOT NULL,
    article_id  BIGINT     NOT NULL,
    PRIMARY KEY (edition, section_id, position)
);

-- The one row every node's ranking job tries to claim: the node whose conditional update moves due_at on computes
-- and stores the rankings in that transaction; the others find due_at in the future and do nothing.
CREATE TABLE most_read_runs (
    id           INTEGER                  NOT NULL PRIMARY KEY,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE,
    computed_by  VARCHAR(128),
    runs         BIGINT                   NOT NULL
);
INSERT INTO most_read_runs (id, due_at, runs) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', 0);
