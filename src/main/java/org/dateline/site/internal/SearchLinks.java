package org.dateline.site.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dateline.search.Facet;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchSort;

/**
 * Addresses of search pages: the same query with a filter set, changed or dropped, another order, the next page.
 * Parameters come in one fixed order, so each page has one address (and one page-cache entry).
 */
final class SearchLinks {

    private final String path;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    SearchLinks(SearchRequest request) {
        this.path = path(request.edition());
        parameters.put("q", request.text());
        parameters.put(Facet.Dimension.SECTION.parameter(), request.section());
        parameters.put(Facet.Dimension.AUTHOR.parameter(), request.author());
        parameters.put(Facet.Dimension.TAG.parameter(), request.tag());
        parameters.put(Facet.Dimension.RANGE.parameter(), request.range() == null ? null : request.range().value());
        parameters.put("sort", request.sort() == SearchSort.RELEVANCE ? null : request.sort().value());
    }

    static String path(String edition) {
        return "/" + edition + "/search";
    }

    /** A query alone, no filter (the respelt query, the canonical address). */
    static String of(String edition, String query) {
        return path(edition) + "?q=" + encode(query);
    }

    /** This search narrowed by the value, or widened again when it is the one chosen. */
    String toggle(Facet.Dimension dimension, String value, boolean selected) {
        return with(dimension.parameter(), selected ? null : value);
    }

    /** This search without the dimension's filter. */
    String without(Facet.Dimension dimension) {
        return with(dimension.parameter(), null);
    }

    String sorted(SearchSort sort) {
        return with("sort", sort == SearchSort.RELEVANCE ? null : sort.value());
    }

    String next(String cursor) {
        return with("after", cursor);
    }

    /** Any change but the page's own starts again at the first page. */
    private String with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put("after", null);
        changed.put(name, value);
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : changed.entrySet()) {
            if (parameter.getValue() != null) {
                url.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
