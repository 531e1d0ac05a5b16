package org.dateline.integrations.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dateline.integrations.DeliveryStatus;
import org.dateline.platform.scheduling.RoundThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries, on every node. Each round claims up to {@link #BATCH} due rows (a guarded update
 * with a lease, so another node skips them), posts them concurrently, and records each outcome: 2xx is delivered;
 * anything else (another status, a timeout, a refused connection) is retried on the {@link Backoff} schedule, then
 * FAILED. A node that dies mid-delivery leaves its lease to run out, and another node sends the row again: delivery
 * is at least once, so receivers deduplicate by {@code X-Dateline-Delivery}.
 * <p>
 * Rounds run on the worker's own thread, never on the shared scheduler thread, so a slow receiver cannot delay the
 * release of scheduled articles.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final int BATCH = 20;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any attempt can take, so a live holder never loses its lease. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcDeliveries deliveries;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final RoundThread rounds = new RoundThread("webhook-deliveries");

    DeliveryWorker(JdbcDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Starts a round unless one is under way; runs every {@link WebhookSettings#interval}. */
    void tick() {
        rounds.offer(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.warn("Webhook delivery round failed; the next round retries", e);
            }
        });
    }

    /** One round: claims what is due, sends it, records the outcomes. Returns how many this node attempted. */
    int deliverDue() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (long id : deliveries.due(now, BATCH)) {
            Optional<JdbcDeliveries.Claimed> claimed = deliveries.claim(id, claim, now, now.plus(LEASE));
            claimed.ifPresent(delivery -> sent.add(send(delivery, claim)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return sent.size();
    }

    private CompletableFuture<Void> send(JdbcDeliveries.Claimed delivery, String claim) {
        if (!delivery.integrationActive() || delivery.url() == null) {
            deliveries.finish(delivery.id(), claim, DeliveryStatus.FAILED, delivery.attempts(), clock.instant(), null,
                    "The integration was revoked before delivery.", null);
            return CompletableFuture.completedFuture(null);
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(READ_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Dateline-Webhooks/1")
                    .header("X-Dateline-Event", delivery.event())
                    .header("X-Dateline-Delivery", Long.toString(delivery.id()))
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException badUrl) {
            record(delivery, claim, null, "Invalid webhook URL.");
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        record(delivery, claim, null, describe(failure));
                    } else {
                        record(delivery, claim, response.statusCode(), null);
                    }
                    return null;
                });
    }

    private void record(JdbcDeliveries.Claimed delivery, String claim, Integer status, String error) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        try {
            if (status != null && status >= 200 && status < 300) {
                deliveries.finish(delivery.id(), claim, DeliveryStatus.DELIVERED, attempts, now, status, null, now);
                return;
            }
            String problem = error != null ? error : "HTTP " + status;
            Optional<Duration> retry = Backoff.after(attempts);
            deliveries.finish(delivery.id(), claim, retry.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                    attempts, retry.map(now::plus).orElse(now), status, problem, null);
        } catch (RuntimeException e) {
            // The lease runs out and another round tries again.
            log.warn("Could not record the outcome of webhook delivery {}", delivery.id(), e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "Timed out.";
        }
        if (cause instanceof java.net.ConnectException) {
            return "Connection refused or unreachable.";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void destroy() {
        rounds.close();
    }
}
