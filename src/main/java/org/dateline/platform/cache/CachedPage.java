package org.dateline.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.dateline.platform.web.ReadyAnswer;

/**
 * A rendered response as the page cache stores it: the answer ready to send (its bytes, their gzip form when smaller,
 * a strong ETag, the headers the page was rendered with and those of every cached page) and the surrogate keys of the
 * content it shows.
 */
public record CachedPage(ReadyAnswer answer, Set<String> keys) {

    static final String CACHE_CONTROL = "public, max-age=5, s-maxage=60, stale-while-revalidate=30";

    /** The page of this body, rendered with these headers (those that belong to the page, not to one exchange). */
    public static CachedPage of(byte[] body, List<Map.Entry<String, String>> rendered, Set<String> keys) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(rendered);
        headers.add(Map.entry("Cache-Control", CACHE_CONTROL));
        headers.add(Map.entry("Vary", "Accept-Encoding"));
        headers.add(Map.entry("Surrogate-Key", String.join(" ", new TreeSet<>(keys))));
        return new CachedPage(ReadyAnswer.of(headers, body, true), Set.copyOf(keys));
    }

    /** Approximate heap cost, for the cache's byte budget. */
    int weight() {
        return answer.weight() + 256;
    }
}
