package org.dateline.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Integration tokens and webhook secrets: 32 random bytes, base64url, with a prefix that tells a leaked string for
 * what it is ({@code dl_} a Dateline API token, {@code dlwh_} a webhook signing secret; secret scanners can match them).
 */
public final class Secrets {

    public static final String TOKEN_PREFIX = "dl_";
    public static final String WEBHOOK_SECRET_PREFIX = "dlwh_";
    /** How much of a token the newsroom shows to recognise it: the prefix and four characters. */
    static final int HINT_LENGTH = TOKEN_PREFIX.length() + 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newToken() {
        return TOKEN_PREFIX + random32();
    }

    public static String newWebhookSecret() {
        return WEBHOOK_SECRET_PREFIX + random32();
    }

    public static String hint(String token) {
        return token.substring(0, Math.min(HINT_LENGTH, token.length())) + "…";
    }

    /** The hex SHA-256 of a token: what is stored and looked up; the token itself is never stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
