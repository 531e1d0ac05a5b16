package org.dateline.media.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bytes of originals ({@code picture_originals}): in the database, so that a picture uploaded on one node is
 * served by every other, and backed up with everything else. One row per distinct file.
 */
@Repository
public class JdbcOriginals {

    /** How many hex digits of the SHA-256 name an original (128 bits: rendition URLs carry them). */
    public static final int KEY_LENGTH = 32;

    private final JdbcClient jdbc;

    JdbcOriginals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SHA-256 of the bytes, in hex; its first {@link #KEY_LENGTH} digits are the original's key. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String keyOf(String sha256) {
        return sha256.substring(0, KEY_LENGTH);
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
