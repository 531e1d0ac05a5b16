-- Stories before and after publication. A story is an articles row from its first save: in states DRAFT, IN_EDIT
-- and READY it is nowhere public (every public read asks for state LIVE), and publishing it keeps its id. The
-- newsroom keeps what readers never see beside it: the desk, who created it, the edit lock, the wire provenance,
-- and every saved revision.
CREATE TABLE stories (
    article_id        BIGINT PRIMARY KEY REFERENCES articles (id),
    desk              VARCHAR(32)  NOT NULL,
    created_by        BIGINT,
    created_by_name   VARCHAR(128) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revision          INT          NOT NULL,
    locked_by         BIGINT,
    locked_by_name    VARCHAR(128),
    locked_at         TIMESTAMP WITH TIME ZONE,
    wire_source       VARCHAR(200),
    wire_guid         VARCHAR(500),
    wire_version      BIGINT,
    wire_received_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT stories_wire_guid UNIQUE (wire_guid)
);
CREATE INDEX stories_desk ON stories (desk, article_id);

-- Every save of a story, in full: any two can be compared and any one restored.
CREATE TABLE story_revisions (
    article_id      BIGINT        NOT NULL REFERENCES articles (id),
    number          INT           NOT NULL,
    saved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by        BIGINT,
    saved_by_name   VARCHAR(128)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    section_slug    VARCHAR(64)   NOT NULL,
    slug            VARCHAR(120)  NOT NULL,
    headline        VARCHAR(300)  NOT NULL,
    lead            VARCHAR(2000) NOT NULL,
    body            TEXT          NOT NULL,
    dateline_place  VARCHAR(120)  NOT NULL,
    dateline_date   DATE,
    credit          VARCHAR(120)  NOT NULL,
    tags            VARCHAR(4000) NOT NULL,
    authors         VARCHAR(4000) NOT NULL,
    note            VARCHAR(2000),
    PRIMARY KEY (article_id, number)
);

-- Articles published before the newsroom kept stories: on the newsroom desk, with no revision yet.
INSERT INTO stories (article_id, desk, created_by_name, created_at, revision)
SELECT id, 'newsroom', '', first_published_at, 0 FROM articles;
