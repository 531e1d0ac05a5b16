package org.dateline.livefeed;

import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.EditionTime;
import org.dateline.editions.Editions;
import org.dateline.platform.web.ApiException;
import org.dateline.shared.FeedCursor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Older newsfeed items by cursor; the live stream itself is opened by {@link NewsfeedStreamFilter}. */
@RestController
class NewsfeedController {

    static final int ITEMS_PAGE = 20;

    private final Editions editions;
    private final ContentQueries content;

    NewsfeedController(Editions editions, ContentQueries content) {
        this.editions = editions;
        this.content = content;
    }

    record ItemsPage(List<NewsfeedStreams.NewsfeedEvent> items, String next) {
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
                .map(a -> NewsfeedStreams.NewsfeedEvent.of(a, EditionTime.of(e))).toList();
        // Pages before a cursor never change except when an item is withdrawn: cache briefly.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic())
                .body(new ItemsPage(items, next));
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_edition",
                "No edition \"" + code + "\"."));
    }
}
