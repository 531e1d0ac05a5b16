-- Front page curation (newsroom): per edition, the stories editors put on the front and the order of its section
-- blocks. A row names a story that was live and of its edition when it was written; a story that leaves the site
-- later stays here and is skipped when the front is shown, so a takedown never needs to touch these tables.
--
-- front_stories: slot 0 is the top story, slots 1.. the pinned stories in their order; front_headline is the
-- optional short headline the front shows instead of the story's own (its length limit is the newsroom's).
CREATE TABLE front_stories (
    edition         VARCHAR(8)   NOT NULL,
    slot            INTEGER      NOT NULL,
    article_id      BIGINT       NOT NULL,
    front_headline  VARCHAR(300),
    PRIMARY KEY (edition, slot)
);

-- front_sections: the section blocks editors ordered, first at position 1; sections not named follow in the
-- edition's own order.
CREATE TABLE front_sections (
    edition     VARCHAR(8) NOT NULL,
    position    INTEGER    NOT NULL,
    section_id  BIGINT     NOT NULL,
    PRIMARY KEY (edition, position)
);
