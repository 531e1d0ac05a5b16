package org.dateline.livefeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.dateline.editions.EditionTime;
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
    /** Each edition's breaking bar as this node last read it; refreshed by the change log, read by every opening. */
    private final Map<String, BreakingBar> breaking = new ConcurrentHashMap<>();
    private final ContentQueries content;
    private final LiveCoverageQueries liveCoverage;
    private final JsonMapper json;
    private final Function<String, EditionTime> times;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;

    NewsfeedStreams(ContentQueries content, LiveCoverageQueries liveCoverage, JsonMapper json, Editions editions) {
        this.content = content;
        this.liveCoverage = liveCoverage;
        this.json = json;
        this.times = code -> EditionTime.of(editions.find(code).orElseThrow());
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
        // The opening carries the bar's state: a cached page stays the same for everyone and learns the bar from the
        // stream it opens anyway, with no second request, and with no gap in which a change could fall between an
        // answer and the stream's first event. Read and written under the subscriber's lock, after registering: a
        // change broadcast meanwhile either comes after this write or was stored before this read.
        synchronized (subscriber) {
            subscriber.write(encodeBreaking(breaking(edition)));
        }
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
        if (ChangeKinds.ARTICLE_BREAKING.equals(change.kind())
                || ChangeKinds.ARTICLE_UPDATED.equals(change.kind()) && showsInBar(change)) {
            refreshBreaking(change.edition());
            return;
        }
        Set<Subscriber> streams = byEdition.get(change.edition());
        if (streams == null || streams.isEmpty()) {
            return;
        }
        if (ChangeKinds.ARTICLE_REMOVED.equals(change.kind())) {
            broadcast(streams, encode("removed", null, "{\"id\":" + change.subjectId() + "}"));
        } else if (ChangeKinds.ARTICLE_PUBLISHED.equals(change.kind())) {
            content.article(change.subjectId()).ifPresent(article -> {
                NewsfeedEvent event = NewsfeedEvent.of(article.summary(), times.apply(article.edition()));
                broadcast(streams, encode("item", event.cursor(), json.writeValueAsString(event)));
            });
        } else if (ChangeKinds.LIVE_ENTRY.equals(change.kind())) {
            // Without an id: a reconnecting client's Last-Event-ID stays the newsfeed's cursor.
            byte[] event = liveCoverage.entry(change.subjectId())
                    .map(entry -> encode("entry", null, json.writeValueAsString(
                            LiveEntryEvent.of(entry, times.apply(change.edition())))))
                    .orElseGet(() -> encode("entry-removed", null, "{\"id\":" + change.subjectId() + "}"));
            broadcast(streams, event);
        }
    }

    /** A change to the story the bar shows (a new headline or address) changes the bar. */
    private boolean showsInBar(Change change) {
        BreakingBar shown = breaking.get(change.edition());
        return shown != null && change.subjectId().equals(shown.id());
    }

    private BreakingBar breaking(String edition) {
        return breaking.computeIfAbsent(edition, this::readBreaking);
    }

    private BreakingBar readBreaking(String edition) {
        return content.breaking(edition).map(a -> new BreakingBar(a.id(), a.headline(), a.path()))
                .orElse(BreakingBar.NONE);
    }

    private void refreshBreaking(String edition) {
        BreakingBar now = readBreaking(edition);
        BreakingBar before = breaking.put(edition, now);
        Set<Subscriber> streams = byEdition.get(edition);
        if (!now.equals(before) && streams != null && !streams.isEmpty()) {
            broadcast(streams, encodeBreaking(now));
        }
    }

    private byte[] encodeBreaking(BreakingBar bar) {
        return encode("breaking", null, json.writeValueAsString(bar));
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
     * The edition's breaking bar as the {@code breaking} event sends it: the story to link to, or all null when there
     * is none. The event carries no id, so a reconnect's {@code Last-Event-ID} still names the last item.
     */
    public record BreakingBar(Long id, String headline, String url) {

        static final BreakingBar NONE = new BreakingBar(null, null, null);
    }

    /**
     * One item as the stream and the items API send it, with what the panel groups it by: the script puts it under
     * the heading of its day (making one when it is a new day), as the server renders the panel.
     *
     * @param time     hours and minutes in the edition's zone with the zone's name ("20:40 МСК")
     * @param thumb    the path of the lead picture's small square JPEG, as the panel shows it; null for none
     * @param day      the day of publication in the edition's zone (ISO date)
     * @param dayLabel that day as a heading names it when it is neither today nor yesterday
     */
    public record NewsfeedEvent(long id, String headline, String url, String published, String time, String cursor,
                                String thumb, String day, String dayLabel) {

        static NewsfeedEvent of(ArticleSummary article, EditionTime times) {
            java.time.LocalDate day = times.day(article.publishedAt());
            return new NewsfeedEvent(article.id(), article.headline(), article.path(),
                    article.publishedAt().toString(), times.time(article.publishedAt()),
                    article.cursor().encode(),
                    article.leadPicture() == null ? null : article.leadPicture().squareThumbnail().path(),
                    day.toString(), times.dayLabel(day));
        }
    }

    /**
     * An entry of a live story, posted or corrected, as the stream sends it to every page of the edition; the page of
     * {@code article} shows it. The text is plain: the page escapes it.
     *
     * @param time        the posting time as the page shows today's entries ("20:40 МСК": the edition's zone)
     * @param updated     the time of its last correction, null if never corrected
     * @param updatedTime that time as the page shows it
     */
    public record LiveEntryEvent(long id, long article, String text, String link, String posted, String time,
                                 String updated, String updatedTime) {

        static LiveEntryEvent of(LiveEntry entry, EditionTime times) {
            return new LiveEntryEvent(entry.id(), entry.articleId(), entry.text(), entry.link(),
                    entry.postedAt().toString(), times.time(entry.postedAt()),
                    entry.wasUpdated() ? entry.updatedAt().toString() : null,
                    entry.wasUpdated() ? times.time(entry.updatedAt()) : null);
        }
    }
}
