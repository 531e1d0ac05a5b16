package org.dateline.media.internal;

import java.util.function.BiConsumer;

/**
 * The headers of a rendition's answer, for both ways one is served: the container-level hit path
 * ({@link PictureHandler}) and the filter that makes renditions ({@link PictureFilter}). A URL names bytes that never
 * change, so the answer is {@code immutable} for a year with a strong ETag; the bytes are pictures this node made
 * itself from inspected originals, sent with {@code nosniff} and a policy that lets nothing in them run.
 */
final class RenditionAnswer {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String POLICY = "default-src 'none'; sandbox";
    /** As {@code platform.web.StrictTransport} writes it on every other answer to a secure request. */
    private static final String STRICT_TRANSPORT = "max-age=31536000 ; includeSubDomains";

    private RenditionAnswer() {
    }

    /** The headers every answer under {@code /pictures/} carries, found or not. */
    static void always(boolean secure, BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Content-Security-Policy", POLICY);
        if (secure) {
            header.accept("Strict-Transport-Security", STRICT_TRANSPORT);
        }
    }

    /** The headers of a found rendition, before its body or its 304. */
    static void found(Renditions.Served served, BiConsumer<String, String> header) {
        header.accept("Cache-Control", CACHE_CONTROL);
        header.accept("ETag", served.etag());
        header.accept("Cross-Origin-Resource-Policy", "cross-origin");
    }

    /** Whether the client holds these bytes already. */
    static boolean notModified(String ifNoneMatch, Renditions.Served served) {
        return ifNoneMatch != null && (ifNoneMatch.contains(served.etag()) || ifNoneMatch.strip().equals("*"));
    }
}
