package org.dateline.integrations.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void signsTheBodyWithHmacSha256InLowercaseHex() {
        // The well-known HMAC-SHA256 vector for key "key".
        assertThat(WebhookSignature.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aChangedBodyOrSecretChangesTheSignature() {
        byte[] body = "{\"event\":\"article.published\",\"id\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("dlwh_secret", body);
        assertThat(WebhookSignature.sign("dlwh_secret", body)).isEqualTo(signature);
        assertThat(WebhookSignature.sign("dlwh_other", body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("dlwh_secret", "{\"event\":\"article.killed\",\"id\":1}"
                .getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
    }

    @Test
    void tokensAreRandomPrefixedAndStoredOnlyAsTheirHash() {
        String token = Secrets.newToken();
        assertThat(token).startsWith("dl_").hasSize(3 + 43).doesNotContain("=").doesNotContain("+").doesNotContain("/");
        assertThat(Secrets.newToken()).isNotEqualTo(token);
        assertThat(Secrets.hash(token)).hasSize(64).isEqualTo(Secrets.hash(token)).doesNotContain(token.substring(3));
        assertThat(Secrets.hint(token)).isEqualTo(token.substring(0, 7) + "…");
        assertThat(Secrets.newWebhookSecret()).startsWith("dlwh_");
    }
}
