package org.dateline.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.dateline.content.LiveCoverageQueries;
import org.dateline.content.LiveEntry;
import org.dateline.content.LiveEntryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Live coverage stored: the flag on the article and the entries of the story. */
@Repository
class JdbcLiveEntries implements LiveCoverageQueries, LiveEntryStore {

    private static final String ENTRY_COLUMNS = """
            SELECT id, article_id, body, link, posted_at, updated_at FROM live_entries
            """;
    private static final String ENTRIES_OF = ENTRY_COLUMNS + """
            WHERE article_id = ? AND deleted_at IS NULL ORDER BY posted_at DESC, id DESC
            """;
    private static final String ENTRY = ENTRY_COLUMNS + " WHERE id = ? AND deleted_at IS NULL";
    private static final String INSERT = """
            INSERT INTO live_entries (article_id, body, link, posted_at, updated_at, posted_by, posted_by_name)
            VALUES (:article, :body, :link, :at, :at, :by, :byName)
            """;
    private static final String CORRECT = """
            UPDATE live_entries SET body = ?, link = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL
            """;
    private static final String DELETE = "UPDATE live_entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    private static final String FLAG = "SELECT live_coverage FROM articles WHERE id = ?";
    private static final String SET_FLAG = "UPDATE articles SET live_coverage = ? WHERE id = ?";

    private final JdbcClient jdbc;

    JdbcLiveEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isLiveCoverage(long articleId) {
        return jdbc.sql(FLAG).param(articleId).query(Boolean.class).optional().orElse(false);
    }

    @Override
    public List<LiveEntry> entries(long articleId) {
        return jdbc.sql(ENTRIES_OF).param(articleId).query(JdbcLiveEntries::entry).list();
    }

    @Override
    public Optional<LiveEntry> entry(long entryId) {
        return jdbc.sql(ENTRY).param(entryId).query(JdbcLiveEntries::entry).optional();
    }

    @Override
    public boolean setLiveCoverage(long articleId, boolean liveCoverage) {
        return jdbc.sql(SET_FLAG).params(liveCoverage, articleId).update() == 1;
    }

    @Override
    public long post(long articleId, String text, String link, Instant at, Long postedBy, String postedByName) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("article", articleId).param("body", text).param("link", link).param("at", utc(at))
                .param("by", postedBy).param("byName", postedByName).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Override
    public boolean correct(long entryId, String text, String link, Instant at) {
        return jdbc.sql(CORRECT).params(text, link, utc(at), entryId).update() == 1;
    }

    @Override
    public boolean delete(long entryId, Instant at) {
        return jdbc.sql(DELETE).params(utc(at), entryId).update() == 1;
    }

    private static LiveEntry entry(ResultSet rs, int row) throws SQLException {
        return new LiveEntry(rs.getLong("id"), rs.getLong("article_id"), rs.getString("body"), rs.getString("link"),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
