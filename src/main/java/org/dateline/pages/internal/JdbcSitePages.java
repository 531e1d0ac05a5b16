package org.dateline.pages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.dateline.content.Body;
import org.dateline.pages.PageKind;
import org.dateline.pages.SitePage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The site_pages table: one row per page an administrator has saved. */
@Repository
public class JdbcSitePages {

    private static final String SELECT = """
            SELECT edition, slug, title, body, updated_at, updated_by FROM site_pages WHERE edition = ? AND slug = ?""";
    private static final String UPDATE = """
            UPDATE site_pages SET title = ?, body = ?, updated_at = ?, updated_by = ? WHERE edition = ? AND slug = ?""";
    private static final String INSERT = """
            INSERT INTO site_pages (edition, slug, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;

    JdbcSitePages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SitePage> find(String edition, PageKind kind) {
        return jdbc.sql(SELECT).params(edition, kind.slug()).query(JdbcSitePages::page).optional();
    }

    /** Writes the page, its first save or a later one; call inside the saving transaction. */
    public void save(SitePage page) {
        Timestamp at = Timestamp.from(page.updatedAt());
        if (update(page, at)) {
            return;
        }
        try {
            jdbc.sql(INSERT).params(page.edition(), page.kind().slug(), page.title(), page.body().markup(), at,
                    page.updatedBy()).update();
        } catch (DuplicateKeyException firstSaveRace) {
            update(page, at); // another administrator's first save came in between: the later save wins
        }
    }

    private boolean update(SitePage page, Timestamp at) {
        return jdbc.sql(UPDATE).params(page.title(), page.body().markup(), at, page.updatedBy(), page.edition(),
                page.kind().slug()).update() == 1;
    }

    private static SitePage page(ResultSet rs, int row) throws SQLException {
        return new SitePage(rs.getString("edition"), PageKind.bySlug(rs.getString("slug")).orElseThrow(),
                rs.getString("title"), Body.of(rs.getString("body")), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
