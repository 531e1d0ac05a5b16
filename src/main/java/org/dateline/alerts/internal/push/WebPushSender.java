package org.dateline.alerts.internal.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Web Push messages with the JDK's HTTP client (RFC 8030): the payload encrypted for the browser
 * ({@link Aes128Gcm}), the request signed with the cluster's VAPID key ({@link VapidJwt}), {@code TTL}, {@code Topic}
 * and {@code Urgency} headers, no redirects followed. The endpoint passes {@link PushAddresses} before every send.
 * Endpoints are capability URLs: logs name their host only.
 */
class WebPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);
    /** RFC 8030 §5.4: at most 32 characters of the URL and file name safe base64 alphabet. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** The JWT's lifetime; RFC 8292 §2 allows at most 24 hours. */
    private static final Duration JWT_LIFETIME = Duration.ofHours(12);
    /**
     * How long one signed JWT serves a push service: RFC 8292 lets a JWT be used until it expires, and an ES256
     * signature per message was a tenth of a large send's time. Well inside the lifetime, so a JWT sent always has
     * more than eleven hours left.
     */
    private static final Duration JWT_REUSE = Duration.ofHours(1);
    /** Alerts are news the reader asked for: delivered at once, even to a device saving its battery. */
    static final String URGENCY = "high";

    private final Supplier<KeyPair> vapid;
    private final Supplier<String> contact;
    private final boolean allowLocal;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    /** The Authorization header per key, push service and contact (a handful in practice; bounded all the same). */
    private final Cache<Signer, String> authorizations = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(JWT_REUSE).build();

    private record Signer(KeyPair key, String audience, String subject) {
    }

    /**
     * @param vapid   the cluster's VAPID key pair
     * @param contact the JWT's {@code sub} claim
     */
    WebPushSender(Supplier<KeyPair> vapid, Supplier<String> contact, boolean allowLocal, Duration timeout,
                  Clock clock) {
        this.vapid = vapid;
        this.contact = contact;
        this.allowLocal = allowLocal;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Outcome send(Target target, byte[] payload, Duration ttl, String topic) {
        Optional<PushAddresses.Refusal> refusal = PushAddresses.check(target.endpoint(), allowLocal);
        if (refusal.isPresent()) {
            log.info("Push endpoint {} of {} refused: {}", target.endpointId(), host(target), refusal.get().code);
            return refusal.get() == PushAddresses.Refusal.ENDPOINT_UNRESOLVED ? Outcome.RETRY : Outcome.REFUSED;
        }
        URI endpoint = PushAddresses.parse(target.endpoint()).orElseThrow();
        byte[] body;
        try {
            body = Aes128Gcm.encrypt(payload, P256.unbase64(target.p256dh()), P256.unbase64(target.auth()));
        } catch (IllegalArgumentException badKeys) {
            if (payload.length > Aes128Gcm.MAX_PAYLOAD) {
                throw badKeys;
            }
            log.info("Push endpoint {} of {} has unusable keys", target.endpointId(), host(target));
            return Outcome.REFUSED;
        }
        String authorization = authorizations.get(new Signer(vapid.get(), VapidJwt.audience(endpoint), contact.get()),
                signer -> VapidJwt.authorization(signer.key(), signer.audience(), clock.instant().plus(JWT_LIFETIME),
                        signer.subject()));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("TTL", Long.toString(Math.max(0, ttl.toSeconds())))
                .header("Urgency", URGENCY)
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (topic != null) {
            request.header("Topic", topic(topic));
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            Outcome outcome = outcome(status);
            if (outcome != Outcome.SENT) {
                log.info("Push endpoint {} of {} answered {}: {}", target.endpointId(), host(target), status, outcome);
            }
            return outcome;
        } catch (IOException e) {
            log.info("Push endpoint {} of {} not reached: {}", target.endpointId(), host(target), e.toString());
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        }
    }

    /** What a push service's status means (RFC 8030 §5, §8.3 and the services' documented answers). */
    static Outcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.SENT;
        }
        if (status == 404 || status == 410) {
            return Outcome.GONE;
        }
        if (status == 429 || status >= 500 || status == 408) {
            return Outcome.RETRY;
        }
        return Outcome.REFUSED; // 400 malformed, 403 another VAPID key, 413 too large, redirects not followed
    }

    /** A topic as RFC 8030 takes it: kept when it fits, else a digest of it that does. */
    static String topic(String topic) {
        if (TOPIC.matcher(topic).matches()) {
            return topic;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(topic.getBytes(StandardCharsets.UTF_8));
            return P256.base64(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String host(Target target) {
        return PushAddresses.parse(target.endpoint()).map(URI::getHost).orElse("an invalid address");
    }
}
