package org.dateline.search.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.editions.Editions;
import org.dateline.platform.cache.PageCache;
import org.dateline.platform.web.ApiException;
import org.dateline.search.SearchKeys;
import org.dateline.search.SearchQueries;
import org.dateline.search.SearchRefusal;
import org.dateline.search.Suggestion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stories offered under the search box as the reader types ({@code search.js}). The same for everyone, so the page
 * cache keeps each answer (by the query string) until the edition's index changes; it writes nothing and needs no
 * limit of its own.
 */
@RestController
class SuggestController {

    static final int SUGGESTIONS = 6;

    private final SearchQueries search;
    private final Editions editions;

    SuggestController(SearchQueries search, Editions editions) {
        this.search = search;
        this.editions = editions;
    }

    /** @param suggestions best first; empty for fewer than two letters */
    record Suggestions(List<Suggestion> suggestions) {
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/search/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    Suggestions suggest(@PathVariable String edition, @RequestParam(name = "q", required = false) String q,
                        HttpServletRequest request) {
        if (editions.find(edition).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "edition_not_found", "There is no edition " + edition + ".");
        }
        if (q != null && q.length() > SearchQueries.MAX_QUERY_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, SearchRefusal.QUERY_TOO_LONG.code(),
                    SearchRefusal.QUERY_TOO_LONG.message());
        }
        if (search.status().ready()) {
            PageCache.tag(request, List.of(SearchKeys.results(edition)));
        }
        return new Suggestions(search.suggest(edition, q, SUGGESTIONS));
    }
}
