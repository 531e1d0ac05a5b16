package org.dateline.media.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bytes of originals ({@code picture_originals}): in the database, so that a picture uploaded on one node is
 * served by every other, and backed up with everything else. One row per distinct file.
 */
@Repository
public class JdbcOriginals {

    private final JdbcClient jdbc;

    JdbcOriginals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the bytes unless a row of this key exists (the same file uploaded before, or by another node at this
     * moment: the same bytes either way).
     */
    public void storeIfAbsent(String key, String sha256, String mediaType, byte[] bytes, Instant now) {
        Integer present = jdbc.sql("SELECT COUNT(*) FROM picture_originals WHERE original_key = ?").param(key)
                .query(Integer.class).single();
        if (present == 0) {
            jdbc.sql("""
                    INSERT INTO picture_originals (original_key, sha256, media_type, byte_size, bytes, stored_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(key, sha256, mediaType, (long) bytes.length, bytes, now.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    public Optional<byte[]> bytes(String key) {
        return jdbc.sql("SELECT bytes FROM picture_originals WHERE original_key = ?").param(key)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    public void delete(String key) {
        jdbc.sql("DELETE FROM picture_originals WHERE original_key = ?").param(key).update();
    }
}
