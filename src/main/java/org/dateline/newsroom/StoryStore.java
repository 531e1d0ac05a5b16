package org.dateline.newsroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dateline.content.ArticleState;
import org.dateline.content.Body;
import org.dateline.identity.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newsroom's own records beside each article: desk, creator, edit lock, wire provenance and revisions. The
 * story list reads the articles table with them (the newsroom's working view of the stories it put there).
 */
@Component
class StoryStore {

    static final String NEWSROOM_DESK = "newsroom";
    static final String INCOMING_DESK = "incoming";
    private static final String LIST_SEPARATOR = "\n";
    /** A line of the story list per story; conditions follow, each starting with AND. */
    private static final String SUMMARY = """
            SELECT a.id, a.state, a.edition, s.slug AS section_slug, a.headline, a.updated_at, st.desk,
                   st.created_by_name, st.locked_by_name, st.locked_at, st.wire_source
            FROM articles a JOIN sections s ON s.id = a.section_id JOIN stories st ON st.article_id = a.id
            WHERE 1 = 1""";

    record Meta(String desk, Long createdBy, String createdByName, int revision, Story.Lock lock,
                Story.Provenance provenance) {
    }

    private final JdbcClient jdbc;

    StoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(long articleId, String desk, Actor actor, Instant at, Story.Provenance provenance) {
        jdbc.sql("""
                INSERT INTO stories (article_id, desk, created_by, created_by_name, created_at, revision,
                                     wire_source, wire_guid, wire_version, wire_received_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """).params(articleId, desk, accountOf(actor), nameOf(actor), utc(at),
                provenance == null ? null : provenance.source(), provenance == null ? null : provenance.guid(),
                provenance == null ? null : provenance.version(),
                provenance == null ? null : utc(provenance.receivedAt())).update();
    }

    Optional<Meta> meta(long articleId) {
        return jdbc.sql("SELECT * FROM stories WHERE article_id = ?").params(articleId).query((rs, n) -> {
            Story.Lock lock = rs.getObject("locked_at") == null ? null
                    : new Story.Lock(rs.getLong("locked_by"), rs.getString("locked_by_name"), instant(rs, "locked_at"));
            Story.Provenance provenance = rs.getString("wire_guid") == null ? null
                    : new Story.Provenance(rs.getString("wire_source"), rs.getString("wire_guid"),
                    rs.getLong("wire_version"), instant(rs, "wire_received_at"));
            long createdBy = rs.getLong("created_by");
            return new Meta(rs.getString("desk"), rs.wasNull() ? null : createdBy, rs.getString("created_by_name"),
                    rs.getInt("revision"), lock, provenance);
        }).optional();
    }

    /**
     * Records a save as the next revision; with {@code expected}, only if the story is still at that revision
     * (empty otherwise: someone saved in between). Returns the new revision number.
     */
    Optional<Integer> appendRevision(long articleId, Integer expected, Instant at, Actor actor, ArticleState state,
                                     PublishCommand fields, String note) {
        int bumped = expected == null
                ? jdbc.sql("UPDATE stories SET revision = revision + 1 WHERE article_id = ?").params(articleId).update()
                : jdbc.sql("UPDATE stories SET revision = revision + 1 WHERE article_id = ? AND revision = ?")
                .params(articleId, expected).update();
        if (bumped == 0) {
            return Optional.empty();
        }
        int number = jdbc.sql("SELECT revision FROM stories WHERE article_id = ?").params(articleId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO story_revisions (article_id, number, saved_at, saved_by, saved_by_name, state,
                    section_slug, slug, headline, lead, body, body_format, dateline_place, dateline_date, credit, tags,
                    authors, note, lead_picture_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'markup', ?, ?, ?, ?, ?, ?, ?)
                """).params(articleId, number, utc(at), accountOf(actor), nameOf(actor), state.name(),
                nz(fields.section()), nz(fields.slug()), nz(fields.headline()), nz(fields.lead()),
                String.join(LIST_SEPARATOR + LIST_SEPARATOR, list(fields.body())), nz(fields.datelinePlace()),
                fields.datelineDate(), nz(fields.credit()), String.join(LIST_SEPARATOR, list(fields.tags())),
                String.join(LIST_SEPARATOR, list(fields.authors())), note, fields.leadPicture()).update();
        return Optional.of(number);
    }

    List<StoryRevision> revisions(long articleId) {
        return jdbc.sql("SELECT r.*, a.edition FROM story_revisions r JOIN articles a ON a.id = r.article_id "
                        + "WHERE r.article_id = ? ORDER BY r.number DESC")
                .params(articleId).query(StoryStore::revision).list();
    }

    Optional<StoryRevision> revision(long articleId, int number) {
        return jdbc.sql("SELECT r.*, a.edition FROM story_revisions r JOIN articles a ON a.id = r.article_id "
                        + "WHERE r.article_id = ? AND r.number = ?")
                .params(articleId, number).query(StoryStore::revision).optional();
    }

    private static StoryRevision revision(ResultSet rs, int n) throws SQLException {
        long savedBy = rs.getLong("saved_by");
        Long by = rs.wasNull() ? null : savedBy;
        PublishCommand fields = new PublishCommand(rs.getString("edition"), rs.getString("section_slug"),
                rs.getString("headline"), rs.getString("lead"), body(rs.getString("body"), rs.getString("body_format")),
                rs.getString("dateline_place"), rs.getObject("dateline_date", java.time.LocalDate.class),
                rs.getString("credit"), split(rs.getString("tags"), LIST_SEPARATOR),
                split(rs.getString("authors"), LIST_SEPARATOR),
                rs.getString("slug").isEmpty() ? null : rs.getString("slug"), null,
                rs.getObject("lead_picture_id", Long.class));
        return new StoryRevision(rs.getLong("article_id"), rs.getInt("number"), instant(rs, "saved_at"), by,
                rs.getString("saved_by_name"), ArticleState.valueOf(rs.getString("state")), fields,
                rs.getString("note"));
    }

    /**
     * Takes the edit lock if it is free, taken before {@code staleBefore} or the actor's own (or always, to take
     * over); false if held.
     */
    boolean lock(long articleId, Actor actor, Instant now, Instant staleBefore, boolean takeOver) {
        if (takeOver) {
            return jdbc.sql("UPDATE stories SET locked_by = ?, locked_by_name = ?, locked_at = ? WHERE article_id = ?")
                    .params(actor.accountId(), actor.displayName(), utc(now), articleId).update() == 1;
        }
        return jdbc.sql("""
                UPDATE stories SET locked_by = ?, locked_by_name = ?, locked_at = ?
                WHERE article_id = ? AND (locked_at IS NULL OR locked_by = ? OR locked_at < ?)
                """).params(actor.accountId(), actor.displayName(), utc(now), articleId, actor.accountId(),
                utc(staleBefore)).update() == 1;
    }

    void unlock(long articleId, Actor actor) {
        jdbc.sql("UPDATE stories SET locked_by = NULL, locked_by_name = NULL, locked_at = NULL "
                + "WHERE article_id = ? AND locked_by = ?").params(articleId, actor.accountId()).update();
    }

    /** The story a wire item with this guid became, and the version it holds. */
    Optional<Long> byWireGuid(String guid) {
        return jdbc.sql("SELECT article_id FROM stories WHERE wire_guid = ?").params(guid).query(Long.class).optional();
    }

    void wireVersion(long articleId, long version, Instant receivedAt) {
        jdbc.sql("UPDATE stories SET wire_version = ?, wire_received_at = ? WHERE article_id = ?")
                .params(version, utc(receivedAt), articleId).update();
    }

    /** The stories the filter asks for; a lock taken before {@code staleBefore} is not shown. */
    List<StorySummary> list(StoryFilter filter, Instant staleBefore) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = SUMMARY + where(filter, params) + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit";
        params.put("limit", Math.max(1, Math.min(200, filter.limit())));
        return jdbc.sql(sql).params(params).query((rs, n) -> summary(rs, staleBefore)).list();
    }

    /** A story with the words the newsroom search matches: lead, body and byline beside the headline. */
    record Searchable(StorySummary summary, String text) {
    }

    /**
     * The stories the filter picks (its text aside), newest change first, at most {@code limit}, with their text:
     * the candidates of a search by words.
     */
    List<Searchable> searchable(StoryFilter filter, int limit, Instant staleBefore) {
        Map<String, Object> params = new LinkedHashMap<>();
        StoryFilter noText = new StoryFilter(filter.desk(), filter.state(), filter.edition(), filter.section(),
                filter.createdBy(), null, filter.author(), limit);
        String where = where(noText, params) + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit";
        params.put("limit", Math.max(1, limit));
        return withText(where, params, staleBefore).stream().map(story -> new Searchable(story.summary(),
                story.text() + story.authors().stream().map(name -> "\n" + name).collect(Collectors.joining())))
                .toList();
    }

    /**
     * A story as the story index keeps it: its text (lead, body and credit, the byline apart), its authors' names and
     * who created it beside its summary.
     */
    record Indexable(StorySummary summary, Long createdBy, String text, List<String> authors) {
    }

    /** The story with its text, as {@link #withText} reads it. */
    Optional<Indexable> indexable(long id) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("id", id));
        return withText(" AND a.id = :id", params, Instant.EPOCH).stream().findFirst();
    }

    /** The stories with an id above {@code afterId}, by id, at most {@code limit}, with their text. */
    List<Indexable> indexableAfter(long afterId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("after", afterId, "limit", Math.max(1, limit)));
        return withText(" AND a.id > :after ORDER BY a.id LIMIT :limit", params, Instant.EPOCH);
    }

    /** The stories a search found, in the order given, as long as they still pass the filter (its text aside). */
    List<StorySummary> summaries(List<Long> ids, StoryFilter filter, Instant staleBefore) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StoryFilter noText = new StoryFilter(filter.desk(), filter.state(), filter.edition(), filter.section(),
                filter.createdBy(), null, filter.author(), ids.size());
        String sql = SUMMARY + " AND a.id IN (:ids)" + where(noText, params);
        params.put("ids", ids);
        Map<Long, StorySummary> byId = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> summary(rs, staleBefore))
                .list().forEach(summary -> byId.put(summary.id(), summary));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The stories after {@code condition} (conditions, order and limit of the query over articles {@code a},
     * sections {@code s} and stories {@code st}), with their text and their authors' names.
     */
    private List<Indexable> withText(String condition, Map<String, Object> params, Instant staleBefore) {
        String sql = """
                SELECT a.id, a.state, a.edition, s.slug AS section_slug, a.headline, a.updated_at, st.desk,
                       st.created_by, st.created_by_name, st.locked_by_name, st.locked_at, st.wire_source,
                       a.lead, a.body, a.body_format, a.credit
                FROM articles a JOIN sections s ON s.id = a.section_id JOIN stories st ON st.article_id = a.id
                WHERE 1 = 1""" + condition;
        List<Indexable> found = jdbc.sql(sql).params(params).query((rs, n) -> {
            List<String> blocks = split(rs.getString("body"), "\n\n");
            Body body = "plain".equals(rs.getString("body_format")) ? Body.plain(blocks) : Body.of(nz(rs.getString("body")));
            String text = nz(rs.getString("lead")) + "\n\n" + body.toPlainText() + "\n\n" + nz(rs.getString("credit"));
            long createdBy = rs.getLong("created_by");
            return new Indexable(summary(rs, staleBefore), rs.wasNull() ? null : createdBy, text, List.of());
        }).list();
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<String>> bylines = new HashMap<>();
        jdbc.sql("""
                SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position""")
                .param("ids", found.stream().map(f -> f.summary().id()).toList())
                .query((rs, n) -> bylines.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return found.stream().map(f -> new Indexable(f.summary(), f.createdBy(), f.text(),
                bylines.getOrDefault(f.summary().id(), List.of()))).toList();
    }

    private static StorySummary summary(ResultSet rs, Instant staleBefore) throws SQLException {
        boolean locked = rs.getObject("locked_at") != null && instant(rs, "locked_at").isAfter(staleBefore);
        return new StorySummary(rs.getLong("id"), ArticleState.valueOf(rs.getString("state")),
                rs.getString("desk"), rs.getString("edition"), rs.getString("section_slug"),
                rs.getString("headline"), instant(rs, "updated_at"), rs.getString("created_by_name"),
                locked ? rs.getString("locked_by_name") : null, rs.getString("wire_source"));
    }

    /** The conditions of a filter, each starting with AND; their values go into {@code params}. */
    private static String where(StoryFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.desk() != null) {
            sql.append(" AND st.desk = :desk");
            params.put("desk", filter.desk());
        }
        if (filter.state() != null) {
            sql.append(" AND a.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.edition() != null) {
            sql.append(" AND a.edition = :edition");
            params.put("edition", filter.edition());
        }
        if (filter.section() != null) {
            sql.append(" AND s.slug = :section");
            params.put("section", filter.section());
        }
        if (filter.createdBy() != null) {
            sql.append(" AND st.created_by = :createdBy");
            params.put("createdBy", filter.createdBy());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (LOWER(a.headline) LIKE :text OR LOWER(a.lead) LIKE :text)");
            params.put("text", contains(filter.text()));
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            sql.append(" AND a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au"
                    + " ON au.id = aa.author_id WHERE LOWER(au.name) LIKE :author)");
            params.put("author", contains(filter.author()));
        }
        return sql.toString();
    }

    /** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }

    private static Long accountOf(Actor actor) {
        return actor == null || actor.accountId() <= 0 ? null : actor.accountId();
    }

    private static String nameOf(Actor actor) {
        return actor == null ? "Dateline" : actor.displayName();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** A revision's body in blocks of markup; revisions saved before markup existed hold plain paragraphs. */
    private static List<String> body(String stored, String format) {
        List<String> blocks = split(stored, "\n\n");
        return "plain".equals(format) ? new ArrayList<>(Body.plain(blocks).blocks()) : blocks;
    }

    private static List<String> split(String joined, String separator) {
        if (joined == null || joined.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(joined.split(separator)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
