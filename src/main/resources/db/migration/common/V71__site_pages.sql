-- Pages of an edition that administrators edit: about, contact, privacy. A page without a row shows the default text
-- the application ships for the edition's language, so a page never edited still answers; the first save writes the
-- row. The body is markup of the same safe subset as article bodies (org.dateline.content.Body).
CREATE TABLE site_pages (
    edition     VARCHAR(8)               NOT NULL REFERENCES editions (code),
    slug        VARCHAR(32)              NOT NULL,
    title       VARCHAR(200)             NOT NULL,
    body        TEXT                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200)             NOT NULL,
    PRIMARY KEY (edition, slug)
);
