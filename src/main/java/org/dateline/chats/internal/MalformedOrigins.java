package org.dateline.chats.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a chat socket handshake whose {@code Origin} is no origin at all ({@code http://ex ample.com},
 * {@code http://a:b:c}) with a 403 and one log line, before the origin check compares it: that check parses it and
 * would fail with a 500 and two stack traces. A well-formed origin of another site is the origin check's to refuse.
 */
class MalformedOrigins implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(MalformedOrigins.class);

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null || wellFormed(origin)) {
            return true;
        }
        log.info("Refused a chat socket handshake with a malformed Origin");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
        // nothing to do
    }

    /** {@code null} (an opaque origin) or scheme://host[:port], in printable ASCII. */
    static boolean wellFormed(String origin) {
        if ("null".equals(origin)) {
            return true;
        }
        if (origin.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
