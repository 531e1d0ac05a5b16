package org.dateline.alerts.internal.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/**
 * The {@code Authorization} header of a push request (RFC 8292): {@code vapid t=<JWT>, k=<public key>}, the JWT
 * signed with ES256 (the JDK's {@code SHA256withECDSAinP1363Format}, whose 64-byte r||s is JWS's form) and claiming
 * the push service's origin ({@code aud}), an expiry within 24 hours ({@code exp}) and whom its operator may contact
 * ({@code sub}).
 */
final class VapidJwt {

    private static final String HEADER = P256.base64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.US_ASCII));

    private VapidJwt() {
    }

    /** The origin of an endpoint, the JWT's audience: {@code https://push.example.net}. */
    static String audience(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
                || ("http".equals(scheme) && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static String jwt(KeyPair key, String audience, Instant expires, String subject) {
        String claims = "{\"aud\":" + json(audience) + ",\"exp\":" + expires.getEpochSecond() + ",\"sub\":"
                + json(subject) + "}";
        String signed = HEADER + "." + P256.base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(key.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + P256.base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 is part of every JDK", e);
        }
    }

    static String authorization(KeyPair key, String audience, Instant expires, String subject) {
        return "vapid t=" + jwt(key, audience, expires, subject) + ", k="
                + P256.base64(P256.point((ECPublicKey) key.getPublic()));
    }

    /** The text as a JSON string. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
