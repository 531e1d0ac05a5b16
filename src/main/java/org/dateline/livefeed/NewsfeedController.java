package org.dateline.livefeed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.platform.web.ApiException;
import org.dateline.shared.FeedCursor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The newsfeed's live stream and its older items by cursor. */
@RestController
class NewsfeedController {

    static final int ITEMS_PAGE = 20;
    /** A reconnecting client gets at most this many missed items; beyond that the page is stale anyway. */
    static final int MAX_CATCH_UP = 50;

    private final Editions editions;
    private final ContentQueries content;
    private final NewsfeedStreams streams;

    NewsfeedController(Editions editions, ContentQueries content, NewsfeedStreams streams) {
        this.editions = editions;
        this.content = content;
        this.streams = streams;
    }

    record ItemsPage(List<NewsfeedStreams.NewsfeedEvent> items, String next) {
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/newsfeed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String edition,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId)
            throws IOException {
        Edition e = edition(edition);
        List<NewsfeedStreams.NewsfeedEvent> missed = List.of();
        FeedCursor last = FeedCursor.parse(lastEventId).orElse(null);
        if (last != null) {
            missed = newerThan(e, last);
        }
        return streams.open(e.code(), missed);
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/newsfeed/items", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ItemsPage> items(@PathVariable String edition, @RequestParam(required = false) String before) {
        Edition e = edition(edition);
        FeedCursor cursor = null;
        if (before != null) {
            cursor = FeedCursor.parse(before).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "invalid_cursor", "The 'before' parameter is not a newsfeed cursor."));
        }
        List<ArticleSummary> page = content.latest(e.code(), cursor, ITEMS_PAGE);
        String next = page.size() < ITEMS_PAGE ? null : page.get(page.size() - 1).cursor().encode();
        List<NewsfeedStreams.NewsfeedEvent> items = page.stream()
                .map(a -> NewsfeedStreams.NewsfeedEvent.of(a, e.zone())).toList();
        // Pages before a cursor never change except when an item is withdrawn: cache briefly.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic())
                .body(new ItemsPage(items, next));
    }

    /** Items published after the cursor, oldest first, so the client adds them in order. */
    private List<NewsfeedStreams.NewsfeedEvent> newerThan(Edition edition, FeedCursor last) {
        List<NewsfeedStreams.NewsfeedEvent> newer = new ArrayList<>();
        for (ArticleSummary article : content.latest(edition.code(), null, MAX_CATCH_UP)) {
            boolean after = article.publishedAt().isAfter(last.publishedAt())
                    || article.publishedAt().equals(last.publishedAt()) && article.id() > last.id();
            if (!after) {
                break;
            }
            newer.add(NewsfeedStreams.NewsfeedEvent.of(article, edition.zone()));
        }
        Collections.reverse(newer);
        return newer;
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_edition",
                "No edition \"" + code + "\"."));
    }
}
