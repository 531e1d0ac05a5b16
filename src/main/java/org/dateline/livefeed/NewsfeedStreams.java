package org.dateline.livefeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.content.LiveCoverageQueries;
import org.dateline.content.LiveEntry;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's open newsfeed streams, per edition, and the fan-out of new items to them. Each event is encoded once
 * and the same bytes are written to every subscriber's raw servlet stream: no per-subscriber framework objects, so
 * an open stream costs little more than its connection.
 */
@Component
public class NewsfeedStreams implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewsfeedStreams.class);
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Set<Subscriber>> byEdition = new ConcurrentHashMap<>();
    private final ContentQueries content;
    private final LiveCoverageQueries liveCoverage;
    private final JsonMapper json;
    private final Function<String, ZoneId> zones;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;

    NewsfeedStreams(ContentQueries content, LiveCoverageQueries liveCoverage, JsonMapper json, Editions editions) {
        this.content = content;
        this.liveCoverage = liveCoverage;
        this.json = json;
        this.zones = code -> editions.find(code).map(Edition::zone).orElse(ZoneOffset.UTC);
    }

    /** One open stream: its async context and output, written by one thread at a time. */
    static final class Subscriber {
        private final AsyncContext context;
        private final ServletOutputStream out;

        Subscriber(AsyncContext context) throws IOException {
            this.context = context;
            this.out = context.getResponse().getOutputStream();
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() {
            try {
                context.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container ended it first
            }
        }
    }

    /** Registers an opened stream after writing its opening and the events it missed. */
    void open(String edition, AsyncContext context, Iterable<NewsfeedEvent> missed) throws IOException {
        Subscriber subscriber = new Subscriber(context);
        // Opens the response at once, so the client knows it is connected; the retry hint paces reconnects.
        subscriber.write(":newsfeed\nretry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
        for (NewsfeedEvent event : missed) {
            subscriber.write(encode("item", event.cursor(), json.writeValueAsString(event)));
        }
        Set<Subscriber> streams = byEdition.computeIfAbsent(edition, e -> ConcurrentHashMap.newKeySet());
        streams.add(subscriber);
        context.addListener(new jakarta.servlet.AsyncListener() {
            @Override
            public void onComplete(jakarta.servlet.AsyncEvent event) {
                streams.remove(subscriber);
            }

            @Override
            public void onTimeout(jakarta.servlet.AsyncEvent event) {
                streams.remove(subscriber);
            }

            @Override
            public void onError(jakarta.servlet.AsyncEvent event) {
                streams.remove(subscriber);
            }

            @Override
            public void onStartAsync(jakarta.servlet.AsyncEvent event) {
            }
        });
    }

    @Override
    public void onChange(Change change) {
        if (change.subjectId() == null || change.edition() == null) {
            return; // a newsfeed is per edition; some changes (a reader's chat ban) belong to none
        }
        Set<Subscriber> streams = byEdition.get(change.edition());
        if (streams == null || streams.isEmpty()) {
            return;
        }
        if (ChangeKinds.ARTICLE_REMOVED.equals(change.kind())) {
            broadcast(streams, encode("removed", null, "{\"id\":" + change.subjectId() + "}"));
        } else if (ChangeKinds.ARTICLE_PUBLISHED.equals(change.kind())) {
            content.article(change.subjectId()).ifPresent(article -> {
                NewsfeedEvent event = NewsfeedEvent.of(article.summary(), zones.apply(article.edition()));
                broadcast(streams, encode("item", event.cursor(), json.writeValueAsString(event)));
            });
        } else if (ChangeKinds.LIVE_ENTRY.equals(change.kind())) {
            // Without an id: a reconnecting client's Last-Event-ID stays the newsfeed's cursor.
            byte[] event = liveCoverage.entry(change.subjectId())
                    .map(entry -> encode("entry", null, json.writeValueAsString(
                            LiveEntryEvent.of(entry, zones.apply(change.edition())))))
                    .orElseGet(() -> encode("entry-removed", null, "{\"id\":" + change.subjectId() + "}"));
            broadcast(streams, event);
        }
    }

    /** Keeps idle streams alive through proxies and finds clients that left without closing. */
    @Scheduled(fixedDelayString = "PT25S", initialDelayString = "PT25S")
    void heartbeat() {
        byEdition.values().forEach(streams -> broadcast(streams, HEARTBEAT));
    }

    private void broadcast(Set<Subscriber> streams, byte[] event) {
        for (Subscriber subscriber : streams) {
            try {
                subscriber.write(event);
                delivered.incrementAndGet();
            } catch (IOException | IllegalStateException gone) {
                log.debug("Newsfeed stream closed: {}", gone.getMessage());
                streams.remove(subscriber);
                subscriber.close();
            }
        }
    }

    static byte[] encode(String name, String id, String data) {
        StringBuilder event = new StringBuilder(data.length() + 64).append("event: ").append(name).append('\n');
        if (id != null) {
            event.append("id: ").append(id).append('\n');
        }
        return event.append("data: ").append(data).append("\n\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How many streams this node holds, per edition. */
    public Map<String, Integer> connections() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byEdition.forEach((edition, streams) -> counts.put(edition, streams.size()));
        return counts;
    }

    public long delivered() {
        return delivered.get();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait for these
     * never-ending responses; clients reconnect, to another node if this one is going away.
     */
    @Override
    public void stop() {
        running = false;
        byEdition.values().forEach(streams -> {
            streams.forEach(Subscriber::close);
            streams.clear();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * One item as the stream and the items API send it.
     *
     * @param thumb the path of the lead picture's small square JPEG, as the panel shows it; null for none */
    public record NewsfeedEvent(long id, String headline, String url, String published, String time, String cursor,
                                String thumb) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

        static NewsfeedEvent of(ArticleSummary article, ZoneId zone) {
            return new NewsfeedEvent(article.id(), article.headline(), article.path(),
                    article.publishedAt().toString(), TIME.format(article.publishedAt().atZone(zone)),
                    article.cursor().encode(),
                    article.leadPicture() == null ? null : article.leadPicture().squareThumbnail().path());
        }
    }

    /**
     * An entry of a live story, posted or corrected, as the stream sends it to every page of the edition; the page of
     * {@code article} shows it. The text is plain: the page escapes it.
     *
     * @param time        the posting time as the page shows today's entries (HH:mm in the edition's time zone)
     * @param updated     the time of its last correction, null if never corrected
     * @param updatedTime that time as the page shows it
     */
    public record LiveEntryEvent(long id, long article, String text, String link, String posted, String time,
                                 String updated, String updatedTime) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

        static LiveEntryEvent of(LiveEntry entry, ZoneId zone) {
            return new LiveEntryEvent(entry.id(), entry.articleId(), entry.text(), entry.link(),
                    entry.postedAt().toString(), TIME.format(entry.postedAt().atZone(zone)),
                    entry.wasUpdated() ? entry.updatedAt().toString() : null,
                    entry.wasUpdated() ? TIME.format(entry.updatedAt().atZone(zone)) : null);
        }
    }
}
