package org.dateline.livefeed;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** This node's open newsfeed streams, per edition, and the fan-out of new items to them. */
@Component
public class NewsfeedStreams implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewsfeedStreams.class);

    private final Map<String, Set<SseEmitter>> byEdition = new ConcurrentHashMap<>();
    private final ContentQueries content;
    private final JsonMapper json;
    private final AtomicLong delivered = new AtomicLong();

    private final java.util.function.Function<String, java.time.ZoneId> zones;

    NewsfeedStreams(ContentQueries content, JsonMapper json, Editions editions) {
        this.content = content;
        this.json = json;
        this.zones = code -> editions.find(code).map(Edition::zone).orElse(java.time.ZoneOffset.UTC);
    }

    SseEmitter open(String edition, List<NewsfeedEvent> missed) throws IOException {
        SseEmitter emitter = new SseEmitter(0L); // no server-side timeout: idle streams cost no thread
        Set<SseEmitter> streams = byEdition.computeIfAbsent(edition, e -> ConcurrentHashMap.newKeySet());
        Runnable remove = () -> streams.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // Opens the response at once, so the client knows it is connected; the retry hint paces reconnects.
        emitter.send(SseEmitter.event().comment("newsfeed").reconnectTime(3000));
        for (NewsfeedEvent event : missed) {
            send(emitter, SseEmitter.event().name("item").id(event.cursor())
                    .data(json.writeValueAsString(event), MediaType.APPLICATION_JSON));
        }
        streams.add(emitter);
        return emitter;
    }

    private volatile boolean running;

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
            streams.forEach(SseEmitter::complete);
            streams.clear();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
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
    public void onChange(Change change) {
        if (change.subjectId() == null) {
            return;
        }
        Set<SseEmitter> streams = byEdition.get(change.edition());
        if (streams == null || streams.isEmpty()) {
            return;
        }
        if (ChangeKinds.ARTICLE_REMOVED.equals(change.kind())) {
            String removed = "{\"id\":" + change.subjectId() + "}";
            for (SseEmitter emitter : streams) {
                if (!send(emitter, SseEmitter.event().name("removed").data(removed, MediaType.APPLICATION_JSON))) {
                    streams.remove(emitter);
                }
            }
            return;
        }
        if (!ChangeKinds.ARTICLE_PUBLISHED.equals(change.kind())) {
            return;
        }
        content.article(change.subjectId()).ifPresent(article -> {
            NewsfeedEvent event = NewsfeedEvent.of(article.summary(), zones.apply(article.edition()));
            var item = SseEmitter.event().name("item").id(event.cursor())
                    .data(json.writeValueAsString(event), MediaType.APPLICATION_JSON);
            for (SseEmitter emitter : streams) {
                if (!send(emitter, item)) {
                    streams.remove(emitter);
                }
            }
        });
    }

    private boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            delivered.incrementAndGet();
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("Newsfeed stream closed: {}", gone.getMessage());
            emitter.complete(); // the client is gone; nothing to report to it
            return false;
        }
    }

    /** One item as the stream and the items API send it. */
    public record NewsfeedEvent(long id, String headline, String url, String published, String time, String cursor) {

        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("HH:mm");

        static NewsfeedEvent of(ArticleSummary article, java.time.ZoneId zone) {
            return new NewsfeedEvent(article.id(), article.headline(), article.path(),
                    article.publishedAt().toString(), TIME.format(article.publishedAt().atZone(zone)),
                    article.cursor().encode());
        }
    }
}
