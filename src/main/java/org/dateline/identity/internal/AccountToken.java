package org.dateline.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The rules of single-use links sent by mail. A token is 32 random bytes, URL-safe; the database holds only its
 * SHA-256, so a copy of the database cannot confirm or reset anything. A slow hash is not needed: the token has 256
 * bits of entropy, nothing to guess.
 */
final class AccountToken {

    enum Purpose {
        CONFIRM(Duration.ofHours(48)), RESET(Duration.ofHours(1));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** What a presented token is worth. */
    enum Redemption {
        VALID, USED, EXPIRED
    }

    /** A stored token, found by the hash of a presented one. */
    record Stored(long id, long accountId, Purpose purpose, Instant expiresAt, Instant usedAt) {

        Redemption redemption(Instant now) {
            if (usedAt != null) {
                return Redemption.USED;
            }
            return now.isBefore(expiresAt) ? Redemption.VALID : Redemption.EXPIRED;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountToken() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether a presented string can be a token at all, before any database look-up. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                && c < 128 || c == '-' || c == '_');
    }
}
