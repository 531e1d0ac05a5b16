package org.dateline.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Dateline-Signature} header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the exact body bytes,
 * keyed with the UTF-8 bytes of the integration's webhook secret (the whole string, prefix included).
 */
final class WebhookSignature {

    static final String HEADER = "X-Dateline-Signature";

    private WebhookSignature() {
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
