package org.dateline.platform.cache;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rendered response as the page cache stores it: the bytes, their gzip form when smaller, a strong ETag, the
 * headers to replay, the surrogate keys of the content it shows and, ready to send, their header value.
 */
public record CachedPage(byte[] body, byte[] gzipBody, String etag, List<Map.Entry<String, String>> headers,
                         Set<String> keys, String surrogateKeyHeader) {

    public static CachedPage of(byte[] body, byte[] gzipBody, String etag, List<Map.Entry<String, String>> headers,
                                Set<String> keys) {
        return new CachedPage(body, gzipBody, etag, headers, keys, String.join(" ", new TreeSet<>(keys)));
    }

    /** Approximate heap cost, for the cache's byte budget. */
    int weight() {
        int headerBytes = headers.stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum();
        return body.length + (gzipBody == null ? 0 : gzipBody.length) + headerBytes + 256;
    }
}
