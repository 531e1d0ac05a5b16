package org.dateline.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureSearch;
import org.dateline.media.PictureState;
import org.dateline.shared.FeedCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The library's rows ({@code pictures}); the bytes are {@link JdbcOriginals}'. */
@Repository
public class JdbcPictures implements PictureQueries {

    private static final String COLUMNS = """
            SELECT id, original_key, media_type, width, height, byte_size, file_name, headline, caption, alt_text,
                   credit, byline, copyright, focal_x, focal_y, taken_at, created_at, updated_at, created_by,
                   created_by_name, source, wire_guid, wire_version, state
            FROM pictures
            """;
    private static final String INSERT = """
            INSERT INTO pictures (original_key, media_type, width, height, byte_size, file_name, headline, caption,
                                  alt_text, credit, byline, copyright, focal_x, focal_y, taken_at, created_at,
                                  updated_at, created_by, created_by_name, source, wire_guid, wire_version, state)
            VALUES (:key, :type, :width, :height, :size, :fileName, :headline, :caption, :alt, :credit, :byline,
                    :copyright, :focalX, :focalY, :takenAt, :now, :now, :createdBy, :createdByName, :source, :guid,
                    :version, 'ACTIVE')
            """;
    private static final String UPDATE_FIELDS = """
            UPDATE pictures SET headline = :headline, caption = :caption, alt_text = :alt, credit = :credit,
                   byline = :byline, copyright = :copyright, focal_x = :focalX, focal_y = :focalY, updated_at = :now
            WHERE id = :id
            """;
    /** Words are matched in one lower-cased haystack per row, so each word may appear in any of the fields. */
    private static final String HAYSTACK = """
            LOWER(CONCAT(headline, ' ', caption, ' ', credit, ' ', byline, ' ', copyright, ' ', COALESCE(file_name, '')))
            """;

    private final JdbcClient jdbc;

    JdbcPictures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Picture> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(JdbcPictures::picture).optional();
    }

    @Override
    public Map<Long, Picture> findAll(Collection<Long> ids) {
        Map<Long, Picture> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", List.copyOf(ids)).query(JdbcPictures::picture).list()
                .forEach(picture -> found.put(picture.id(), picture));
        return found;
    }

    @Override
    public Optional<Picture> byWireGuid(String guid) {
        return jdbc.sql(COLUMNS + " WHERE wire_guid = ?").param(guid).query(JdbcPictures::picture).optional();
    }

    @Override
    public List<Picture> search(PictureSearch search, FeedCursor before, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> words = words(search.words());
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND ").append(HAYSTACK.strip()).append(" LIKE :w").append(i).append(" ESCAPE '\\'");
            params.put("w" + i, "%" + likeEscaped(words.get(i)) + "%");
        }
        if (search.from() != null) {
            sql.append(" AND COALESCE(taken_at, created_at) >= :from");
            params.put("from", utc(search.from()));
        }
        if (search.to() != null) {
            sql.append(" AND COALESCE(taken_at, created_at) < :to");
            params.put("to", utc(search.to()));
        }
        if (before != null) {
            sql.append(" AND created_at <= :at AND (created_at < :at OR id < :id)");
            params.put("at", utc(before.publishedAt()));
            params.put("id", before.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(JdbcPictures::picture).list();
    }

    /** The usable picture whose original these bytes are, and whose crop tokens a rendition request may name. */
    public List<Picture> byOriginalKey(String originalKey) {
        return jdbc.sql(COLUMNS + " WHERE original_key = ? AND state = 'ACTIVE' ORDER BY id").param(originalKey)
                .query(JdbcPictures::picture).list();
    }

    public long insert(StoredPicture picture, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .param("key", picture.originalKey())
                .param("type", picture.mediaType())
                .param("width", picture.width())
                .param("height", picture.height())
                .param("size", picture.byteSize())
                .param("fileName", picture.fileName())
                .param("headline", picture.fields().headline())
                .param("caption", picture.fields().caption())
                .param("alt", picture.fields().altText())
                .param("credit", picture.fields().credit())
                .param("byline", picture.fields().byline())
                .param("copyright", picture.fields().copyright())
                .param("focalX", picture.fields().focalX())
                .param("focalY", picture.fields().focalY())
                .param("takenAt", picture.takenAt() == null ? null : utc(picture.takenAt()))
                .param("now", utc(now))
                .param("createdBy", picture.createdBy())
                .param("createdByName", picture.createdByName())
                .param("source", picture.source())
                .param("guid", picture.wireGuid())
                .param("version", picture.wireVersion())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateFields(long id, ValidFields fields, Instant now) {
        jdbc.sql(UPDATE_FIELDS)
                .param("headline", fields.headline())
                .param("caption", fields.caption())
                .param("alt", fields.altText())
                .param("credit", fields.credit())
                .param("byline", fields.byline())
                .param("copyright", fields.copyright())
                .param("focalX", fields.focalX())
                .param("focalY", fields.focalY())
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Puts other bytes under the entry (a provider's new version of the picture); its fields stay. */
    public void replaceFile(long id, String originalKey, String mediaType, int width, int height, long byteSize,
                            Instant takenAt, Instant now) {
        jdbc.sql("""
                UPDATE pictures SET original_key = :key, media_type = :type, width = :width, height = :height,
                       byte_size = :size, taken_at = COALESCE(:takenAt, taken_at), updated_at = :now
                WHERE id = :id
                """)
                .param("key", originalKey)
                .param("type", mediaType)
                .param("width", width)
                .param("height", height)
                .param("size", byteSize)
                .param("takenAt", takenAt == null ? null : utc(takenAt))
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Records the provider's version the entry now stands at. */
    public void wireVersion(long id, long version) {
        jdbc.sql("UPDATE pictures SET wire_version = ? WHERE id = ?").params(version, id).update();
    }

    /** Takes the entry out of every surface; the row and its original stay for the newsroom's record. */
    public boolean withdraw(long id, Instant now) {
        return jdbc.sql("UPDATE pictures SET state = 'WITHDRAWN', updated_at = ? WHERE id = ? AND state = 'ACTIVE'")
                .params(utc(now), id).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM pictures WHERE id = ?").param(id).update() == 1;
    }

    public boolean originalInUse(String originalKey) {
        return jdbc.sql("SELECT COUNT(*) FROM pictures WHERE original_key = ?").param(originalKey)
                .query(Long.class).single() > 0;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && words.size() < 8) {
                words.add(word);
            }
        }
        return words;
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Picture picture(ResultSet rs, int row) throws SQLException {
        long createdBy = rs.getLong("created_by");
        Long creator = rs.wasNull() ? null : createdBy;
        long version = rs.getLong("wire_version");
        Long wireVersion = rs.wasNull() ? null : version;
        return new Picture(rs.getLong("id"), rs.getString("original_key"), rs.getString("media_type"),
                rs.getInt("width"), rs.getInt("height"), rs.getLong("byte_size"), rs.getString("file_name"),
                rs.getString("headline"), rs.getString("caption"), rs.getString("alt_text"), rs.getString("credit"),
                rs.getString("byline"), rs.getString("copyright"), rs.getInt("focal_x"), rs.getInt("focal_y"),
                instant(rs, "taken_at"), instant(rs, "created_at"), instant(rs, "updated_at"), creator,
                rs.getString("created_by_name"), rs.getString("source"), rs.getString("wire_guid"), wireVersion,
                PictureState.valueOf(rs.getString("state")));
    }

}
