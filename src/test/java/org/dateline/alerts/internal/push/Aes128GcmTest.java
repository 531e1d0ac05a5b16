package org.dateline.alerts.internal.push;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8291 message encryption against the RFC's own example, and back through a browser's decryption. */
class Aes128GcmTest {

    // RFC 8291 Appendix A.
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3v"
            + "CYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Q"
            + "ulcy4a-fN";

    @Test
    void encryptsTheExampleOfRfc8291AppendixAToItsVeryBytes() {
        KeyPair sender = P256.keyPair(P256.unbase64(AS_PRIVATE), P256.unbase64(AS_PUBLIC));
        byte[] body = Aes128Gcm.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), P256.unbase64(UA_PUBLIC),
                P256.unbase64(AUTH), sender, P256.unbase64(SALT));
        assertThat(P256.base64(body)).isEqualTo(BODY);
    }

    @Test
    void theBrowserOfTheExampleReadsTheExampleBack() {
        TestBrowser browser = new TestBrowser(P256.keyPair(P256.unbase64(UA_PRIVATE), P256.unbase64(UA_PUBLIC)),
                P256.unbase64(AUTH));
        assertThat(new String(browser.decrypt(P256.unbase64(BODY)), StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void everyMessageHasItsOwnKeyAndSaltAndOnlyItsBrowserReadsIt() {
        TestBrowser browser = new TestBrowser();
        byte[] payload = "{\"title\":\"Срочно\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = Aes128Gcm.encrypt(payload, P256.unbase64(browser.p256dh()), browser.auth);
        byte[] second = Aes128Gcm.encrypt(payload, P256.unbase64(browser.p256dh()), browser.auth);

        assertThat(first).isNotEqualTo(second);
        assertThat(browser.decrypt(first)).isEqualTo(payload);
        assertThat(browser.decrypt(second)).isEqualTo(payload);
        TestBrowser another = new TestBrowser();
        assertThatThrownBy(() -> another.decrypt(first)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadFillsAtMostTheBodyEveryPushServiceTakes() {
        TestBrowser browser = new TestBrowser();
        byte[] body = Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PAYLOAD], P256.unbase64(browser.p256dh()),
                browser.auth);
        assertThat(body).hasSize(4096);
        assertThatThrownBy(() -> Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PAYLOAD + 1],
                P256.unbase64(browser.p256dh()), browser.auth)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyThatIsNotAPointOfTheCurveIsRefused() {
        byte[] point = P256.unbase64(UA_PUBLIC);
        point[64] ^= 1;
        assertThatThrownBy(() -> P256.publicKey(point)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.publicKey(new byte[65])).isInstanceOf(IllegalArgumentException.class);
    }
}
