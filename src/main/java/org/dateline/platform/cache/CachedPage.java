package org.dateline.platform.cache;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered response as the page cache stores it: the bytes, their gzip form when smaller, a strong ETag, the
 * headers to replay, and the surrogate keys of the content it shows.
 */
public record CachedPage(byte[] body, byte[] gzipBody, String etag, List<Map.Entry<String, String>> headers,
                         Set<String> keys) {

    /** Approximate heap cost, for the cache's byte budget. */
    int weight() {
        int headerBytes = headers.stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum();
        return body.length + (gzipBody == null ? 0 : gzipBody.length) + headerBytes + 256;
    }
}
