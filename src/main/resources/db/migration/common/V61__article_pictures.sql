-- Articles show pictures: a lead picture, and figures placed in the body (![caption](picture:<id>)), listed in
-- article_pictures on every write so that the library can tell which stories show a picture. Revisions keep the lead.
ALTER TABLE articles ADD COLUMN lead_picture_id BIGINT;
ALTER TABLE story_revisions ADD COLUMN lead_picture_id BIGINT;
CREATE INDEX articles_lead_picture ON articles (lead_picture_id);

CREATE TABLE article_pictures (
    article_id BIGINT NOT NULL REFERENCES articles (id),
    picture_id BIGINT NOT NULL,
    position   INT    NOT NULL,
    PRIMARY KEY (article_id, picture_id)
);
CREATE INDEX article_pictures_picture ON article_pictures (picture_id, article_id);
