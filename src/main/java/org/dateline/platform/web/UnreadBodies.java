package org.dateline.platform.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads what is left of a request body the application answered without reading (a refusal before the body: a
 * missing CSRF token, a bad id, a picture over the upload limit), up to {@value #MAX_BYTES} bytes, so that the
 * connection stays open for the client's next request. Jetty closes a connection whose request body is not all read
 * when the exchange ends; when the answer went out before the body arrived, it cannot say so in a
 * {@code Connection: close} header any more, and a client that sends its next request on that connection gets no
 * answer. A client that sends more than this after a refusal has the connection closed under it, as with any server.
 */
public final class UnreadBodies extends OncePerRequestFilter {

    /** As much as the largest upload a client may send whole before reading the answer (a picture, 50 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (request.getContentLengthLong() != 0 && !request.isAsyncStarted()) {
            drain(request);
        }
    }

    private static void drain(HttpServletRequest request) {
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[8192];
            long left = MAX_BYTES;
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IllegalStateException | IOException e) {
            // read as text already (then the reader has it all), or the client is gone: nothing to keep open
        }
    }
}
