package org.dateline.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.dateline.platform.scheduling.RoundThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the feeds that are due, once per cluster: a node claims a feed by moving its next poll to the end of a
 * lease with a guarded UPDATE, so a feed is polled by one node (or "poll now" request) at a time, and by another if
 * that node dies mid-poll (after the lease). A 304 leaves nothing to do; a 200 is parsed and ingested as transport {@code feed}; a failure
 * (no answer, a timeout, an error status, a body nothing can be read from) is counted, written to the ingest log and
 * backs the feed off: interval × 2^failures, at most {@link #MAX_BACKOFF}. One feed's trouble never stops the others
 * and nothing stops the poller.
 * <p>
 * Polls run on a thread of their own, one feed after another, so that a slow feed cannot hold up the application's
 * other scheduled work (the scheduler has a single thread on Java 17).
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Longer than a poll can take (redirects included), short enough that a dead node's feeds are soon taken over. */
    static final Duration LEASE = Duration.ofMinutes(3);
    static final int BATCH = 20;
    static final String TRANSPORT = "feed";

    private final FeedStore store;
    private final WireIngest ingest;
    private final WireLog wireLog;
    private final Clock clock;
    private final WireSettings settings;
    private final FeedFetcher fetcher;
    private final RoundThread thread = new RoundThread("wire-feed-poller");

    FeedPoller(FeedStore store, WireIngest ingest, WireLog wireLog, Clock clock, WireSettings settings) {
        this.store = store;
        this.ingest = ingest;
        this.wireLog = wireLog;
        this.clock = clock;
        this.settings = settings;
        this.fetcher = new FeedFetcher(userAgent(), settings.allowLocalFeeds());
    }

    static String userAgent() {
        String version = FeedPoller.class.getPackage().getImplementationVersion();
        return "Dateline/" + (version == null ? "dev" : version) + " (+wire)";
    }

    @Scheduled(initialDelay = 2000, fixedDelay = 2000)
    void tick() {
        if (!settings.pollFeeds()) {
            return;
        }
        thread.offer(() -> {
            try {
                pollDue();
            } catch (RuntimeException e) {
                log.warn("Wire feeds not polled: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        thread.close();
    }

    /** One round: polls every due feed this node can claim; returns how many it polled. */
    int pollDue() {
        int polled = 0;
        List<WireFeed> due = store.due(clock.instant(), BATCH);
        for (WireFeed feed : due) {
            try {
                if (poll(feed).isPresent()) {
                    polled++;
                }
            } catch (RuntimeException e) {
                log.warn("Wire feed {} not polled: {}", feed.name(), e.toString());
            }
        }
        return polled;
    }

    /** Claims the feed as last read and polls it; empty when another node or request has it. */
    Optional<WireFeed> poll(WireFeed feed) {
        Instant now = FeedStore.millis(clock.instant());
        Instant lease = now.plus(LEASE);
        if (!store.claim(feed.id(), feed.nextPollAt(), now, lease)) {
            return Optional.empty();
        }
        FeedStore.Polled polled;
        try {
            polled = fetchAndIngest(feed);
        } catch (RuntimeException e) { // never leave a feed leased for nothing
            log.warn("Wire feed {} failed: {}", feed.name(), e.toString());
            polled = failed(feed, null, "feed_failed", "The poll failed unexpectedly; it will be tried again.");
        }
        store.record(feed.id(), lease, polled);
        return store.find(feed.id());
    }

    private FeedStore.Polled fetchAndIngest(WireFeed feed) {
        FeedFetcher.Fetch fetch = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
        Instant now = FeedStore.millis(clock.instant());
        Instant next = now.plusSeconds(feed.intervalSeconds());
        if (fetch instanceof FeedFetcher.NotModified notModified) {
            return new FeedStore.Polled(notModified.etag(), notModified.lastModified(), next, 0, 304, null, now, 0);
        }
        if (fetch instanceof FeedFetcher.Failed failure) {
            return failed(feed, failure.status(), failure.code(), failure.message());
        }
        FeedFetcher.Fetched fetched = (FeedFetcher.Fetched) fetch;
        ParseResult parsed = WireFormats.parse(FeedFetcher.wireType(fetched.contentType()), fetched.body(), feed.url());
        List<WireOutcome> outcomes = ingest.ingest(parsed, TRANSPORT, feed.name());
        if (parsed.items().isEmpty() && !parsed.errors().isEmpty()) {
            // The parse errors are in the ingest log already; the validators are not kept, so it is read again.
            ParseError first = parsed.errors().get(0);
            return failed(feed, fetched.status(), first.code(), first.message(), false);
        }
        long refused = outcomes.stream().filter(o -> !o.accepted()).count();
        String note = refused == 0 ? null : refused + " of " + outcomes.size() + " items refused; see the ingest log.";
        return new FeedStore.Polled(fetched.etag(), fetched.lastModified(), next, 0, fetched.status(), note, now,
                parsed.items().size());
    }

    private FeedStore.Polled failed(WireFeed feed, Integer status, String code, String message) {
        return failed(feed, status, code, message, true);
    }

    /**
     * @param fetchFailed the fetch itself failed: logged here, validators kept. Otherwise the body was unreadable:
     *                    the ingest logged why, and the validators are dropped so the next poll reads it again
     */
    private FeedStore.Polled failed(WireFeed feed, Integer status, String code, String message, boolean fetchFailed) {
        Instant now = FeedStore.millis(clock.instant());
        int failures = feed.failures() + 1;
        if (fetchFailed) {
            wireLog.write(now, TRANSPORT, feed.name(), feed.url(), null, null, WireOutcome.REJECTED, null, code,
                    message);
        }
        return new FeedStore.Polled(fetchFailed ? feed.etag() : null, fetchFailed ? feed.lastModified() : null,
                now.plus(backoff(Duration.ofSeconds(feed.intervalSeconds()), failures)), failures, status,
                code + ": " + message, now, 0);
    }

    /**
     * How long to wait after {@code failures} failed polls in a row: the interval doubled for each, but never more
     * than {@link #MAX_BACKOFF} (nor less than the interval itself).
     */
    static Duration backoff(Duration interval, int failures) {
        if (failures <= 0) {
            return interval;
        }
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        int doublings = Math.min(failures, 30);
        long seconds = interval.toSeconds();
        if (seconds > cap.toSeconds() >> doublings) {
            return cap;
        }
        Duration wait = Duration.ofSeconds(seconds << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
