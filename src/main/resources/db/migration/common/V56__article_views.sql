-- Article view counts (readership): a view counts once per viewer, article and day. A viewer is a reader account,
-- or for anonymous readers a keyed hash of the client address under the day's salt; marks and salts older than
-- yesterday are deleted, after which no stored row can be tied to an address.

CREATE TABLE article_views (
    article_id  BIGINT NOT NULL PRIMARY KEY REFERENCES articles (id),
    views       BIGINT NOT NULL
);

CREATE TABLE article_view_marks (
    article_id  BIGINT      NOT NULL,
    viewer      VARCHAR(48) NOT NULL,
    view_day    DATE        NOT NULL,
    PRIMARY KEY (article_id, viewer, view_day)
);
CREATE INDEX article_view_marks_day ON article_view_marks (view_day);

CREATE TABLE article_view_salts (
    view_day  DATE        NOT NULL PRIMARY KEY,
    salt      VARCHAR(64) NOT NULL
);
