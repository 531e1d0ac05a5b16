package org.dateline.content.internal;

import java.util.List;

import org.dateline.media.PictureUse;
import org.dateline.media.PictureUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stories that show a picture, as their lead or as a figure of their body, unless killed or unpublished. */
@Repository
class JdbcPictureUsers implements PictureUsers {

    private final JdbcClient jdbc;

    JdbcPictureUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PictureUse> usesOf(long pictureId) {
        return jdbc.sql("""
                SELECT id, headline, state FROM articles
                WHERE state NOT IN ('KILLED', 'UNPUBLISHED')
                  AND (lead_picture_id = :picture
                       OR id IN (SELECT article_id FROM article_pictures WHERE picture_id = :picture))
                ORDER BY id
                """).param("picture", pictureId)
                .query((rs, row) -> new PictureUse(rs.getLong("id"), rs.getString("headline"), rs.getString("state")))
                .list();
    }
}
