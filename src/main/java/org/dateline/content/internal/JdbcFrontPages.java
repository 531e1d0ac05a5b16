package org.dateline.content.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.content.FrontArrangement;
import org.dateline.content.FrontStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The front page arrangements: {@code front_stories} (slot 0 the top story) and {@code front_sections}. */
@Repository
class JdbcFrontPages implements FrontStore {

    private static final int TOP_SLOT = 0;

    private static final String SELECT_STORIES = """
            SELECT slot, article_id, front_headline FROM front_stories WHERE edition = ? ORDER BY slot
            """;
    private static final String SELECT_SECTIONS = """
            SELECT section_id FROM front_sections WHERE edition = ? ORDER BY position
            """;
    private static final String INSERT_STORY = """
            INSERT INTO front_stories (edition, slot, article_id, front_headline) VALUES (?, ?, ?, ?)
            """;
    private static final String INSERT_SECTION = """
            INSERT INTO front_sections (edition, position, section_id) VALUES (?, ?, ?)
            """;

    private final JdbcClient jdbc;

    JdbcFrontPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Slot(int slot, FrontArrangement.Pick pick) {
    }

    FrontArrangement arrangement(String edition) {
        List<Slot> slots = jdbc.sql(SELECT_STORIES).params(edition).query((rs, n) -> new Slot(rs.getInt("slot"),
                new FrontArrangement.Pick(rs.getLong("article_id"), rs.getString("front_headline")))).list();
        FrontArrangement.Pick top = null;
        List<FrontArrangement.Pick> pinned = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.slot() == TOP_SLOT) {
                top = slot.pick();
            } else {
                pinned.add(slot.pick());
            }
        }
        List<Long> sections = jdbc.sql(SELECT_SECTIONS).params(edition).query(Long.class).list();
        return new FrontArrangement(edition, top, pinned, sections);
    }

    @Override
    public void replace(FrontArrangement arrangement) {
        String edition = arrangement.edition();
        // Two editors saving at once: the second waits for the first's commit instead of colliding on its rows.
        jdbc.sql("SELECT code FROM editions WHERE code = ? FOR UPDATE").params(edition).query(String.class).list();
        jdbc.sql("DELETE FROM front_stories WHERE edition = ?").params(edition).update();
        jdbc.sql("DELETE FROM front_sections WHERE edition = ?").params(edition).update();
        if (arrangement.top() != null) {
            insert(edition, TOP_SLOT, arrangement.top());
        }
        for (int i = 0; i < arrangement.pinned().size(); i++) {
            insert(edition, i + 1, arrangement.pinned().get(i));
        }
        for (int i = 0; i < arrangement.sections().size(); i++) {
            jdbc.sql(INSERT_SECTION).params(edition, i + 1, arrangement.sections().get(i)).update();
        }
    }

    private void insert(String edition, int slot, FrontArrangement.Pick pick) {
        jdbc.sql(INSERT_STORY).params(edition, slot, pick.articleId(), pick.frontHeadline()).update();
    }
}
