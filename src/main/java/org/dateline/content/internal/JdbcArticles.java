package org.dateline.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dateline.content.Article;
import org.dateline.content.ArticlePlace;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ArticleSummary;
import org.dateline.content.Body;
import org.dateline.content.ContentQueries;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.platform.jdbc.DatabaseKind;
import org.dateline.shared.FeedCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcArticles implements ContentQueries, ArticleStore {

    /**
     * Bodies stored before markup existed are plain paragraphs separated by blank lines; they are read as escaped
     * markup so they render as they always did. Every body written now is markup.
     */
    static final String PARAGRAPH_BREAK = "\n\n";
    static final String PLAIN = "plain";

    private static final String SUMMARY_COLUMNS = """
            SELECT a.id, a.edition, s.slug AS section_slug, s.name AS section_name, a.slug, a.headline, a.lead,
                   a.first_published_at, a.updated_at, a.lead_picture_id
            FROM articles a JOIN sections s ON s.id = a.section_id
            """;
    /**
     * Older than the cursor. The leading {@code <=} bounds the index range, so a page deep in a long list (or the
     * next-article link of the oldest story) starts reading at the cursor instead of at the newest row.
     */
    private static final String BEFORE = """
             AND a.first_published_at <= :at AND (a.first_published_at < :at OR a.id < :id)
            """;
    private static final String NEWEST_FIRST = " ORDER BY a.first_published_at DESC, a.id DESC LIMIT :limit";
    private static final String SUMMARY_SELECT = """
            SELECT a.id, a.edition, s.slug AS section_slug, s.name AS section_name, a.slug, a.headline, a.lead,
                   a.first_published_at, a.updated_at, a.lead_picture_id
            """;

    private static final String SELECT_ARTICLE = """
            SELECT id, edition, section_id, slug, headline, lead, body, body_format, dateline_place, dateline_date, credit,
                   translation_key, first_published_at, updated_at, correction_note, corrected_at, lead_picture_id
            FROM articles WHERE id = ? AND state = 'LIVE'
            """;
    private static final String SELECT_STORED = SELECT_ARTICLE.replace(" AND state = 'LIVE'", "");
    private static final String SELECT_LIVE_AFTER = SELECT_ARTICLE.replace("WHERE id = ? AND state = 'LIVE'",
            "WHERE state = 'LIVE' AND id > ? ORDER BY id LIMIT ?");
    private static final String SELECT_TAGS_OF = """
            SELECT at.article_id, t.id, t.edition, t.slug, t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
            WHERE at.article_id IN (:ids) ORDER BY at.article_id, at.position
            """;
    private static final String SELECT_AUTHORS_OF = """
            SELECT aa.article_id, au.id, au.slug, au.name FROM authors au JOIN article_authors aa ON aa.author_id = au.id
            WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position
            """;
    private static final String SELECT_TAGS = """
            SELECT t.id, t.edition, t.slug, t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
            WHERE at.article_id = ? ORDER BY at.position
            """;
    private static final String SELECT_AUTHORS = """
            SELECT au.id, au.slug, au.name FROM authors au JOIN article_authors aa ON aa.author_id = au.id
            WHERE aa.article_id = ? ORDER BY aa.position
            """;
    private static final String INSERT_ARTICLE = """
            INSERT INTO articles (edition, section_id, slug, headline, lead, body, body_format, dateline_place,
                                  dateline_date, credit, translation_key, first_published_at, updated_at, state, embargo,
                                  lead_picture_id)
            VALUES (:edition, :section, :slug, :headline, :lead, :body, 'markup', :place, :date, :credit, :translation,
                    :published, :published, :state, :embargo, :leadPicture)
            """;
    private static final String UPDATE_ARTICLE = """
            UPDATE articles SET section_id = :section, slug = :slug, headline = :headline, lead = :lead, body = :body, body_format = 'markup',
                   dateline_place = :place, dateline_date = :date, credit = :credit, updated_at = :updated,
                   lead_picture_id = :leadPicture,
                   correction_note = COALESCE(:note, correction_note),
                   corrected_at = COALESCE(:correctedAt, corrected_at)
            WHERE id = :id AND state = 'LIVE'
            """;
    private static final String INSERT_TAG = "INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)";
    private static final String INSERT_AUTHOR = "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)";
    private static final String INSERT_PICTURE = "INSERT INTO article_pictures (article_id, picture_id, position) VALUES (?, ?, ?)";

    /** Ids sent in one {@code IN} list: far below what either database takes in one statement. */
    static final int IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;
    private final Editions editions;
    private final PictureQueries pictures;

    /**
     * The newest-first lists of an edition and of a section, written so that the list index is read in order and
     * the first page costs a page, not a sort of the whole edition. H2's planner does not weigh ORDER BY … LIMIT when
     * it picks an index (it took the foreign key's index on {@code edition} and sorted 100,000 rows for 30), so on
     * H2 the index is named; PostgreSQL plans the portable text well.
     */
    private final String editionList;
    private final String sectionList;

    JdbcArticles(JdbcClient jdbc, Editions editions, PictureQueries pictures, DatabaseKind database) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.pictures = pictures;
        boolean h2 = database.isH2();
        String from = " FROM articles a%s JOIN sections s ON s.id = a.section_id";
        this.editionList = SUMMARY_SELECT + from.formatted(h2 ? " USE INDEX (articles_edition_published)" : "");
        this.sectionList = SUMMARY_SELECT + from.formatted(h2 ? " USE INDEX (articles_section_published)" : "");
    }

    @Override
    public long insert(NewArticle article, ArticleState state, boolean embargo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_ARTICLE)
                .param("edition", article.section().edition())
                .param("section", article.section().id())
                .param("slug", article.slug())
                .param("headline", article.headline())
                .param("lead", article.lead())
                .param("body", article.body().markup())
                .param("place", article.datelinePlace())
                .param("date", article.datelineDate())
                .param("credit", article.credit())
                .param("translation", article.translationKey())
                .param("published", utc(article.publishedAt()))
                .param("state", state.name())
                .param("embargo", embargo)
                .param("leadPicture", article.leadPictureId())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        link(id, article);
        return id;
    }

    private void link(long id, NewArticle article) {
        for (int i = 0; i < article.tags().size(); i++) {
            jdbc.sql(INSERT_TAG).params(id, article.tags().get(i).id(), i).update();
        }
        for (int i = 0; i < article.authors().size(); i++) {
            jdbc.sql(INSERT_AUTHOR).params(id, article.authors().get(i).id(), i).update();
        }
        List<Long> figures = article.body().pictureIds();
        for (int i = 0; i < figures.size(); i++) {
            jdbc.sql(INSERT_PICTURE).params(id, figures.get(i), i).update();
        }
    }

    @Override
    public boolean update(long articleId, NewArticle fields, Instant updatedAt, String correctionNote) {
        return rewrite(UPDATE_ARTICLE, articleId, fields, updatedAt, correctionNote);
    }

    @Override
    public Optional<Article> stored(long articleId) {
        return oneArticle(SELECT_STORED, articleId);
    }

    @Override
    public boolean saveOffSite(long articleId, NewArticle fields, Instant savedAt) {
        // A scheduled story's "updated" time stays its publication time: it was not public before.
        return rewrite(UPDATE_ARTICLE
                .replace("state = 'LIVE'", "state IN ('DRAFT', 'IN_EDIT', 'READY', 'SCHEDULED', 'UNPUBLISHED')")
                .replace("updated_at = :updated",
                        "updated_at = CASE WHEN state = 'SCHEDULED' THEN first_published_at ELSE :updated END"),
                articleId, fields, savedAt, null);
    }

    /** Replaces the editable fields, tags and authors of an article in the states the statement allows. */
    private boolean rewrite(String statement, long articleId, NewArticle fields, Instant updatedAt,
                            String correctionNote) {
        int updated = jdbc.sql(statement)
                .param("section", fields.section().id())
                .param("slug", fields.slug())
                .param("headline", fields.headline())
                .param("lead", fields.lead())
                .param("body", fields.body().markup())
                .param("place", fields.datelinePlace())
                .param("date", fields.datelineDate())
                .param("credit", fields.credit())
                .param("updated", utc(updatedAt))
                .param("note", correctionNote)
                .param("correctedAt", correctionNote == null ? null : utc(updatedAt))
                .param("leadPicture", fields.leadPictureId())
                .param("id", articleId)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM article_tags WHERE article_id = ?").params(articleId).update();
        jdbc.sql("DELETE FROM article_authors WHERE article_id = ?").params(articleId).update();
        jdbc.sql("DELETE FROM article_pictures WHERE article_id = ?").params(articleId).update();
        link(articleId, fields);
        return true;
    }

    @Override
    public boolean move(long articleId, ArticleState from, ArticleState to) {
        return jdbc.sql("UPDATE articles SET state = ? WHERE id = ? AND state = ?")
                .params(to.name(), articleId, from.name()).update() == 1;
    }

    @Override
    public boolean publishWork(long articleId, Instant at, boolean scheduled, boolean embargo) {
        return jdbc.sql("""
                UPDATE articles SET state = ?, first_published_at = ?, updated_at = ?, embargo = ?
                WHERE id = ? AND state IN ('DRAFT', 'IN_EDIT', 'READY')
                """).params(scheduled ? "SCHEDULED" : "LIVE", utc(at), utc(at), embargo, articleId).update() == 1;
    }

    @Override
    public Optional<String> translationKeyOf(long articleId) {
        Optional<String> existing = jdbc.sql("SELECT COALESCE(translation_key, '') FROM articles WHERE id = ?")
                .params(articleId).query(String.class).optional();
        if (existing.isEmpty() || !existing.get().isEmpty()) {
            return existing;
        }
        String assigned = "article-" + articleId;
        jdbc.sql("UPDATE articles SET translation_key = ? WHERE id = ?").params(assigned, articleId).update();
        return Optional.of(assigned);
    }

    @Override
    public List<Long> articlesWithTranslationKey(String translationKey, long exceptId) {
        return jdbc.sql("SELECT id FROM articles WHERE translation_key = ? AND id <> ? ORDER BY id")
                .params(translationKey, exceptId).query(Long.class).list();
    }

    @Override
    public void setTranslationKey(long articleId, String translationKey) {
        jdbc.sql("UPDATE articles SET translation_key = ? WHERE id = ?").params(translationKey, articleId).update();
    }

    @Override
    public boolean changeEdition(long articleId, Section section, List<Tag> tags) {
        int moved = jdbc.sql("UPDATE articles SET edition = ?, section_id = ? "
                        + "WHERE id = ? AND state IN ('DRAFT', 'IN_EDIT', 'READY')")
                .params(section.edition(), section.id(), articleId).update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM article_tags WHERE article_id = ?").params(articleId).update();
        for (int i = 0; i < tags.size(); i++) {
            jdbc.sql(INSERT_TAG).params(articleId, tags.get(i).id(), i).update();
        }
        return true;
    }

    @Override
    public Optional<Article> article(long id) {
        return oneArticle(SELECT_ARTICLE, id);
    }

    /**
     * One article by a query of its row: the section, tags and authors are read after that query has given back its
     * connection. Read inside the row mapper, each took a second pooled connection while the first was held, and as
     * many concurrent callers as the pool has connections (chat sockets asking for their readers' rooms) each held
     * one and waited for another until the pool's timeout.
     */
    private Optional<Article> oneArticle(String sql, long id) {
        return jdbc.sql(sql).params(id).query(JdbcArticles::articleRow).optional().map(row -> row.complete(
                editions.section(row.sectionId()).orElseThrow(), usable(row.pictureIds()),
                jdbc.sql(SELECT_TAGS).params(row.id()).query((t, i) -> new Tag(t.getLong("id"),
                        t.getString("edition"), t.getString("slug"), t.getString("name"))).list(),
                jdbc.sql(SELECT_AUTHORS).params(row.id()).query((a, i) -> new Author(a.getLong("id"),
                        a.getString("slug"), a.getString("name"))).list()));
    }

    /** An article's own row; {@code complete} adds what other tables hold. */
    private record ArticleRow(long id, long sectionId, List<Long> pictureIds, Completion completion) {

        Article complete(Section section, Map<Long, Picture> pictures, List<Tag> tags, List<Author> authors) {
            return completion.complete(section, pictures, tags, authors);
        }
    }

    private interface Completion {
        Article complete(Section section, Map<Long, Picture> pictures, List<Tag> tags, List<Author> authors);
    }

    /** The pictures of these ids that may be shown (in the library and not withdrawn). */
    private Map<Long, Picture> usable(Collection<Long> ids) {
        Map<Long, Picture> found = new LinkedHashMap<>(pictures.findAll(ids));
        found.values().removeIf(picture -> !picture.usable());
        return found;
    }

    private static ArticleRow articleRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String edition = rs.getString("edition");
        String slug = rs.getString("slug");
        String headline = rs.getString("headline");
        String lead = rs.getString("lead");
        var body = body(rs.getString("body"), rs.getString("body_format"));
        String place = rs.getString("dateline_place");
        java.time.LocalDate date = rs.getObject("dateline_date", java.time.LocalDate.class);
        String credit = rs.getString("credit");
        Instant published = instant(rs, "first_published_at");
        Instant updated = instant(rs, "updated_at");
        String translationKey = rs.getString("translation_key");
        String correctionNote = rs.getString("correction_note");
        OffsetDateTime corrected = rs.getObject("corrected_at", OffsetDateTime.class);
        Long leadPicture = rs.getObject("lead_picture_id", Long.class);
        List<Long> pictureIds = new ArrayList<>();
        if (leadPicture != null) {
            pictureIds.add(leadPicture);
        }
        pictureIds.addAll(body.pictureIds());
        return new ArticleRow(id, rs.getLong("section_id"), pictureIds, (section, pictures, tags, authors) ->
                new Article(id, edition, section, slug, headline, lead, body, place, date, credit, tags, authors,
                        published, updated, translationKey, correctionNote,
                        corrected == null ? null : corrected.toInstant(), leadPicture, pictures));
    }

    @Override
    public List<ArticleSummary> latest(String edition, FeedCursor before, int limit) {
        return page(editionList, " WHERE a.state = 'LIVE' AND a.edition = :edition", "a.edition",
                Map.of("edition", edition), before, limit);
    }

    @Override
    public List<ArticleSummary> inSection(long sectionId, FeedCursor before, int limit) {
        return page(sectionList, " WHERE a.state = 'LIVE' AND a.section_id = :section", "a.section_id",
                Map.of("section", sectionId), before, limit);
    }

    @Override
    public List<ArticleSummary> tagged(long tagId, FeedCursor before, int limit) {
        return page(SUMMARY_COLUMNS, " WHERE a.state = 'LIVE' AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = :tag)",
                null, Map.of("tag", tagId), before, limit);
    }

    @Override
    public List<ArticleSummary> byAuthor(String edition, long authorId, FeedCursor before, int limit) {
        return page(SUMMARY_COLUMNS, " WHERE a.state = 'LIVE' AND a.edition = :edition"
                + " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = :author)",
                null, Map.of("edition", edition, "author", authorId), before, limit);
    }

    /** {@code leading}: the column fixed by the filter, named first in ORDER BY so an index on it reads in order. */
    private List<ArticleSummary> page(String select, String where, String leading, Map<String, Object> filter,
                                      FeedCursor before, int limit) {
        String order = leading == null ? NEWEST_FIRST : NEWEST_FIRST.replace("ORDER BY ", "ORDER BY " + leading + ", ");
        var statement = jdbc.sql(select + where + (before == null ? "" : BEFORE) + order)
                .params(filter)
                .param("limit", limit);
        if (before != null) {
            statement = statement.param("at", utc(before.publishedAt())).param("id", before.id());
        }
        return summaries(statement.query(JdbcArticles::summary).list());
    }

    @Override
    public Optional<ArticleSummary> nextInSection(Article article) {
        return inSection(article.section().id(), new FeedCursor(article.publishedAt(), article.id()), 1)
                .stream().findFirst();
    }

    @Override
    public List<ArticleSummary> translations(Article article) {
        if (article.translationKey() == null) {
            return List.of();
        }
        return summaries(jdbc.sql(SUMMARY_COLUMNS + " WHERE a.state = 'LIVE' AND a.translation_key = ? AND a.edition <> ? ORDER BY a.edition")
                .params(article.translationKey(), article.edition())
                .query(JdbcArticles::summary).list());
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return summaries(jdbc.sql(SUMMARY_COLUMNS + " WHERE a.state = 'LIVE' AND a.first_published_at >= :since" + NEWEST_FIRST)
                .param("since", utc(since)).param("limit", limit)
                .query(JdbcArticles::summary).list());
    }

    @Override
    public List<ArticleSummary> allById(long afterId, int limit) {
        return summaries(jdbc.sql(SUMMARY_COLUMNS + " WHERE a.state = 'LIVE' AND a.id > ? ORDER BY a.id LIMIT ?").params(afterId, limit)
                .query(JdbcArticles::summary).list());
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM articles WHERE state = 'LIVE'").query(Long.class).single();
    }

    @Override
    public List<ArticleSummary> liveSummaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> found = new HashMap<>();
        summaries(jdbc.sql(SUMMARY_COLUMNS + " WHERE a.state = 'LIVE' AND a.id IN (:ids)").param("ids", ids)
                .query(JdbcArticles::summary).list()).forEach(summary -> found.put(summary.id(), summary));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Article> liveAfter(long afterId, int limit) {
        List<ArticleRow> rows = jdbc.sql(SELECT_LIVE_AFTER).params(afterId, limit).query(JdbcArticles::articleRow)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ArticleRow::id).toList();
        Map<Long, List<Tag>> tags = new HashMap<>();
        jdbc.sql(SELECT_TAGS_OF).param("ids", ids).query(rs -> {
            tags.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(new Tag(rs.getLong("id"),
                    rs.getString("edition"), rs.getString("slug"), rs.getString("name")));
        });
        Map<Long, List<Author>> authors = new HashMap<>();
        jdbc.sql(SELECT_AUTHORS_OF).param("ids", ids).query(rs -> {
            authors.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>()).add(new Author(rs.getLong("id"),
                    rs.getString("slug"), rs.getString("name")));
        });
        Map<Long, Picture> pictures = usable(rows.stream().flatMap(row -> row.pictureIds().stream())
                .collect(Collectors.toSet()));
        return rows.stream().map(row -> row.complete(editions.section(row.sectionId()).orElseThrow(),
                pictures.entrySet().stream().filter(p -> row.pictureIds().contains(p.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                LinkedHashMap::new)),
                tags.getOrDefault(row.id(), List.of()), authors.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public boolean remove(long articleId, ArticleState state, Instant at) {
        return jdbc.sql("""
                UPDATE articles SET state = ?, removed_at = ?, breaking_since = NULL WHERE id = ? AND state = 'LIVE'
                """).params(state.name(), utc(at), articleId).update() == 1;
    }

    @Override
    public boolean markBreaking(long articleId, Instant since) {
        return jdbc.sql("UPDATE articles SET breaking_since = ? WHERE id = ? AND state = 'LIVE'")
                .params(since == null ? null : utc(since), articleId).update() == 1;
    }

    @Override
    public Optional<Instant> breakingSince(long articleId) {
        return jdbc.sql("""
                SELECT breaking_since FROM articles WHERE id = ? AND state = 'LIVE' AND breaking_since IS NOT NULL
                """).params(articleId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    @Override
    public Optional<ArticleSummary> breaking(String edition) {
        return jdbc.sql("""
                SELECT id FROM articles WHERE edition = ? AND state = 'LIVE' AND breaking_since IS NOT NULL
                ORDER BY breaking_since DESC, id DESC LIMIT 1
                """).params(edition).query(Long.class).optional()
                .flatMap(id -> liveSummaries(List.of(id)).stream().findFirst());
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM articles WHERE state = 'SCHEDULED' AND first_published_at <= ? "
                + "ORDER BY first_published_at, id LIMIT ?").params(utc(now), limit).query(Long.class).list();
    }

    @Override
    public boolean release(long articleId, Instant publishedAt) {
        if (publishedAt == null) {
            return jdbc.sql("UPDATE articles SET state = 'LIVE' WHERE id = ? AND state = 'SCHEDULED'")
                    .params(articleId).update() == 1;
        }
        return jdbc.sql("""
                UPDATE articles SET state = 'LIVE', removed_at = NULL,
                       first_published_at = CASE WHEN state = 'SCHEDULED' THEN ? ELSE first_published_at END,
                       updated_at = ?
                WHERE id = ? AND state IN ('SCHEDULED', 'UNPUBLISHED')
                """).params(utc(publishedAt), utc(publishedAt), articleId).update() == 1;
    }

    @Override
    public Optional<ArticleState> state(long articleId) {
        return jdbc.sql("SELECT state FROM articles WHERE id = ?").params(articleId).query(String.class).optional()
                .map(ArticleState::valueOf);
    }

    @Override
    public boolean withdrawn(long articleId) {
        // Only a take-down from LIVE sets removed_at; a kill from any other state leaves it empty.
        return jdbc.sql("SELECT COUNT(*) FROM articles WHERE id = ? AND state = 'KILLED' AND removed_at IS NOT NULL")
                .params(articleId).query(Long.class).single() > 0;
    }

    @Override
    public long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM articles").query(Long.class).single();
    }

    @Override
    public List<ArticlePlace> livePlaces(Collection<Long> articleIds) {
        List<Long> ids = List.copyOf(articleIds);
        List<ArticlePlace> places = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            places.addAll(jdbc.sql("SELECT id, edition, section_id FROM articles WHERE state = 'LIVE' AND id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .query((rs, n) -> new ArticlePlace(rs.getLong("id"), rs.getString("edition"),
                            rs.getLong("section_id")))
                    .list());
        }
        return places;
    }

    /** A summary's row with its lead picture's id; {@link #summaries} adds the picture. */
    private record SummaryRow(ArticleSummary summary, Long leadPictureId) {
    }

    private static SummaryRow summary(ResultSet rs, int n) throws SQLException {
        return new SummaryRow(new ArticleSummary(rs.getLong("id"), rs.getString("edition"),
                rs.getString("section_slug"), rs.getString("section_name"), rs.getString("slug"),
                rs.getString("headline"), rs.getString("lead"), instant(rs, "first_published_at"),
                instant(rs, "updated_at"), null), rs.getObject("lead_picture_id", Long.class));
    }

    /** Summaries with their lead pictures, read in one query for the whole list. */
    private List<ArticleSummary> summaries(List<SummaryRow> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(row -> {
            if (row.leadPictureId() != null) {
                ids.add(row.leadPictureId());
            }
        });
        Map<Long, Picture> found = ids.isEmpty() ? Map.of() : usable(ids);
        return rows.stream().map(row -> {
            Picture lead = row.leadPictureId() == null ? null : found.get(row.leadPictureId());
            ArticleSummary s = row.summary();
            return lead == null ? s : new ArticleSummary(s.id(), s.edition(), s.sectionSlug(), s.sectionName(),
                    s.slug(), s.headline(), s.lead(), s.publishedAt(), s.updatedAt(), lead);
        }).toList();
    }

    static Body body(String stored, String format) {
        return PLAIN.equals(format) ? Body.plain(Arrays.asList(stored.split(PARAGRAPH_BREAK))) : Body.of(stored);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
