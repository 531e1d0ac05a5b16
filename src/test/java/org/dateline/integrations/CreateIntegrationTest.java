package org.dateline.integrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreateIntegrationTest {

    @Test
    void acceptsOnlyAbsoluteHttpAndHttpsWebhookUrls() {
        assertThat(CreateIntegration.validWebhookUrl("https://partner.example/hooks/dateline")).isTrue();
        assertThat(CreateIntegration.validWebhookUrl("http://127.0.0.1:8081/hook?x=1")).isTrue();
        assertThat(CreateIntegration.validWebhookUrl("ftp://partner.example/hook")).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("file:///etc/passwd")).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("javascript:alert(1)")).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("/relative/hook")).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("https://user:pw@partner.example/")).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("https://partner.example/" + "x".repeat(2000))).isFalse();
        assertThat(CreateIntegration.validWebhookUrl("http://exa mple.com/")).isFalse();
    }
}
