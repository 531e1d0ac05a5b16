package org.dateline.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Strict-Transport-Security} on every response to a secure request (TLS here, or at a trusted proxy: see
 * {@link ForwardedHeaders}), and never on a plain one, where browsers ignore it. Written by the security filter
 * chains and by the page cache for its hits, which replay a stored page's headers but not this one: the page may have
 * been stored from a request of the other kind.
 */
public final class StrictTransport {

    private static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000 ; includeSubDomains";

    private StrictTransport() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure()) {
            response.setHeader(HEADER, VALUE);
        }
    }
}
