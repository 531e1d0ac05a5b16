package org.dateline.alerts.internal.push;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.dateline.alerts.internal.push.PushSender.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender against a local push service that checks the VAPID JWT as a push service does, decrypting what it
 * received with the test browser's key; the outcomes of the push service's answers; the endpoint address checks.
 */
class WebPushSenderTest {

    private static final String CONTACT = "mailto:desk@dateline.test";

    private final KeyPair vapid = P256.newKeyPair();
    private LocalPushService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private WebPushSender sender(boolean allowLocal) {
        return new WebPushSender(() -> vapid, () -> CONTACT, allowLocal, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void sendsAnEncryptedPayloadSignedWithTheVapidKeyWithItsHeaders() throws Exception {
        service = new LocalPushService();
        TestBrowser browser = new TestBrowser();
        byte[] payload = """
                {"title":"Breaking","body":"A story","url":"/en/world/a-story","tag":"story-12"}
                """.strip().getBytes(StandardCharsets.UTF_8);

        Outcome outcome = sender(true).send(browser.target(7, service.endpoint("abc")), payload,
                Duration.ofHours(6), "story-12");

        assertThat(outcome).isEqualTo(Outcome.SENT);
        assertThat(service.refusals()).isEmpty();
        LocalPushService.Received got = service.received().get(0);
        assertThat(got.path()).isEqualTo("/push/abc");
        assertThat(got.vapidKey()).isEqualTo(P256.base64(P256.point((ECPublicKey) vapid.getPublic())));
        assertThat(got.claims().path("sub").asString()).isEqualTo(CONTACT);
        assertThat(got.claims().path("exp").asLong()).isGreaterThan(Instant.now().plusSeconds(3600).getEpochSecond());
        assertThat(got.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(got.header("TTL")).isEqualTo("21600");
        assertThat(got.header("Topic")).isEqualTo("story-12");
        assertThat(got.header("Urgency")).isEqualTo("high");
        assertThat(browser.decrypt(got.body())).isEqualTo(payload);
    }

    @Test
    void aTopicPushServicesWouldRefuseIsSentAsADigestThatFits() throws Exception {
        service = new LocalPushService();
        TestBrowser browser = new TestBrowser();
        sender(true).send(browser.target(1, service.endpoint("t")), new byte[1], Duration.ZERO,
                "story:12 with spaces and far more than thirty-two characters");
        sender(true).send(browser.target(1, service.endpoint("n")), new byte[1], Duration.ZERO, null);

        String topic = service.received().get(0).header("Topic");
        assertThat(topic).matches("[A-Za-z0-9_-]{32}");
        assertThat(WebPushSender.topic("story:12 with spaces and far more than thirty-two characters"))
                .isEqualTo(topic);
        assertThat(service.received().get(1).header("Topic")).isNull();
        assertThat(service.received().get(1).header("TTL")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"201, SENT", "200, SENT", "202, SENT", "404, GONE", "410, GONE", "429, RETRY", "500, RETRY",
            "502, RETRY", "503, RETRY", "400, REFUSED", "403, REFUSED", "413, REFUSED"})
    void thePushServicesAnswerBecomesAnOutcome(int status, Outcome expected) throws Exception {
        service = new LocalPushService();
        service.answer(status);
        Outcome outcome = sender(true).send(new TestBrowser().target(1, service.endpoint("s")), new byte[10],
                Duration.ofMinutes(1), null);
        assertThat(outcome).isEqualTo(expected);
        assertThat(service.received()).hasSize(1);
    }

    @Test
    void aPushServiceThatCannotBeReachedIsTriedAgainLater() throws Exception {
        service = new LocalPushService();
        String endpoint = service.endpoint("gone");
        service.close();
        service = null;
        assertThat(sender(true).send(new TestBrowser().target(1, endpoint), new byte[1], Duration.ZERO, null))
                .isEqualTo(Outcome.RETRY);
    }

    @Test
    void keysThatAreNotAPointOfTheCurveAreRefusedWithoutARequest() throws Exception {
        service = new LocalPushService();
        PushSender.Target broken = new PushSender.Target(1, service.endpoint("k"), P256.base64(new byte[65]),
                P256.base64(new byte[16]));
        assertThat(sender(true).send(broken, new byte[1], Duration.ZERO, null)).isEqualTo(Outcome.REFUSED);
        assertThat(service.received()).isEmpty();
    }

    @Test
    void withoutLocalPushServicesAllowedALoopbackEndpointIsRefusedWithoutARequest() throws Exception {
        service = new LocalPushService();
        Outcome outcome = sender(false).send(new TestBrowser().target(1, service.endpoint("x")), new byte[1],
                Duration.ZERO, null);
        assertThat(outcome).isEqualTo(Outcome.REFUSED);
        assertThat(service.received()).isEmpty();
        assertThat(service.refusals()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/push/1", "https://localhost/push/1", "https://10.1.2.3/p",
            "https://172.16.0.1/p", "https://192.168.1.1/p", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/p", "https://0.0.0.0/p", "https://[::1]/p", "https://[fd00::1]/p",
            "https://[fe80::1]/p", "https://[::ffff:10.0.0.1]/p", "https://[64:ff9b::a00:1]/p",
            "https://224.0.0.1/p", "https://198.18.0.1/p", "https://255.255.255.255/p"})
    void endpointsInsideTheNetworkAreRefused(String endpoint) {
        assertThat(PushAddresses.check(endpoint, false)).contains(PushAddresses.Refusal.ENDPOINT_LOCAL);
        assertThat(PushAddresses.check(endpoint, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/push", "ftp://8.8.8.8/push", "http://127.0.0.1/push"})
    void endpointsThatAreNotHttpsAreRefused(String endpoint) {
        assertThat(PushAddresses.check(endpoint, false)).contains(PushAddresses.Refusal.ENDPOINT_NOT_HTTPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "push", "/relative/push", "https:///nohost", "https://user@8.8.8.8/p",
            "https://8.8.8.8/p#fragment", "https://exa mple.com/p", "mailto:someone@example.com"})
    void endpointsThatAreNotAbsoluteUrlsAreRefused(String endpoint) {
        assertThat(PushAddresses.check(endpoint, false)).contains(PushAddresses.Refusal.ENDPOINT_INVALID);
        assertThat(PushAddresses.check("https://push.example/" + "x".repeat(2000), false))
                .contains(PushAddresses.Refusal.ENDPOINT_INVALID);
    }

    @Test
    void aPublicHttpsEndpointPasses() {
        assertThat(PushAddresses.check("https://8.8.8.8/push/abc", false)).isEmpty();
        assertThat(PushAddresses.check("https://[2001:4860:4860::8888]/push/abc", false)).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedOnSubscribeAndTriedAgainOnSend() {
        String endpoint = "https://no-such-host.invalid/push/1";
        assertThat(PushAddresses.check(endpoint, false)).contains(PushAddresses.Refusal.ENDPOINT_UNRESOLVED);
        assertThat(sender(false).send(new TestBrowser().target(1, endpoint), new byte[1], Duration.ZERO, null))
                .isEqualTo(Outcome.RETRY);
    }
}
