package org.dateline.platform.cache;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which requests the page cache answers, and the key of each: the path and the query parameters that select content,
 * in the order the request gave them. Every other parameter (a link's {@code utm_source}, {@code fbclid},
 * {@code gclid}, {@code yclid}, whatever a sharer added) is left out, so a link as readers really arrive finds the
 * page stored for the plain address; no page reads such a parameter, so its bytes are the same. Used alike by the hit
 * path in front of the servlet layer and by the filter that stores a miss, so both find the same entry.
 */
final class PageKeys {

    /** Query parameters that select different content. */
    static final Set<String> CONTENT_PARAMETERS = Set.of("before");
    /** A search page's and its suggestions': the query, the filters, the order and the page's cursor. */
    static final Set<String> SEARCH_PARAMETERS = Set.of("q", "section", "author", "tag", "range", "sort", "after");

    private PageKeys() {
    }

    /** Whether a request of this method to this path, with or without credentials, may be a cached page. */
    static boolean cacheable(String method, String path, boolean authorization) {
        return ("GET".equals(method) || "HEAD".equals(method)) && !authorization
                && !path.startsWith("/api/") && !path.startsWith("/ws/") && !path.startsWith("/actuator")
                && !path.startsWith("/v3/") && !path.startsWith("/assets/") && !path.startsWith("/pictures/")
                && !path.endsWith("/stream");
    }

    /**
     * The key of the page at this (still encoded) path and query, or null when the query must reach the application
     * as it is: a parameter left out of the key that the application would refuse (bad percent-encoding, a NUL) or
     * whose name is encoded (it might decode to one that selects content).
     */
    static String of(String path, String query) {
        if (query == null) {
            return path;
        }
        Set<String> selecting = path.endsWith("/search") || path.endsWith("/search/suggest") ? SEARCH_PARAMETERS
                : CONTENT_PARAMETERS;
        StringBuilder key = null;
        for (int start = 0; start <= query.length(); ) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int eq = query.indexOf('=', start);
            int nameEnd = eq >= 0 && eq < end ? eq : end;
            if (selecting.contains(query.substring(start, nameEnd))) {
                key = key == null ? new StringBuilder(path).append('?') : key.append('&');
                key.append(query, start, end);
            } else if (query.lastIndexOf('%', nameEnd - 1) >= start || !decodable(query, nameEnd, end)) {
                return null;
            }
            start = end + 1;
        }
        return key == null ? path : key.toString();
    }

    /** Whether this part of a query decodes to UTF-8 text without a NUL, as the container will want it to. */
    private static boolean decodable(String query, int from, int to) {
        int percent = query.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return true;
        }
        byte[] bytes = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = query.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? hex(query.charAt(i + 1)) : -1;
                int low = i + 2 < to ? hex(query.charAt(i + 2)) : -1;
                if (high < 0 || low < 0 || (high == 0 && low == 0)) {
                    return false;
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c > 0x7e) {
                return false;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException undecodable) {
            return false;
        }
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
