package org.dateline.chats.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.dateline.identity.CurrentActor;
import org.dateline.platform.DatelineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Maps {@code /ws/chats} to {@link ChatSockets}. Registered by hand rather than with {@code @EnableWebSocket}, whose
 * SockJS task scheduler bean would take the place of the application's scheduler for {@code @Scheduled} jobs.
 * Ordered before the page controllers, whose {@code /{edition}/{section}} pattern would otherwise claim the path.
 */
@Configuration(proxyBeanMethods = false)
class ChatSocketConfiguration {

    static final String PATH = "/ws/chats";
    /** The session attribute naming the logged-in reader of a connection (absent for anonymous ones). */
    static final String READER = "dateline.reader";
    /** The id of the login session the connection was opened with; a post checks that it still stands. */
    static final String LOGIN_SESSION = "dateline.loginSession";
    /** The client's address as the request saw it (forwarded headers applied), for the rate limits of posts. */
    static final String ADDRESS = "dateline.address";

    /** A bean, so that the container hands it the servlet context and starts its handshake handler. */
    @Bean
    WebSocketHttpRequestHandler chatSocketHandler(ChatSockets sockets, DatelineSettings settings, CurrentActor actor) {
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(sockets, new DefaultHandshakeHandler());
        // Same origin (or no Origin header, as non-browser clients send), and the configured public origin, which a
        // TLS-terminating proxy in front makes differ from what this server sees: other sites' pages cannot listen in.
        String publicOrigin = settings.baseUrl() == null ? "" : settings.baseUrl().replaceAll("/+$", "");
        handler.getHandshakeInterceptors().add(new MalformedOrigins());
        handler.getHandshakeInterceptors().add(new OriginHandshakeInterceptor(
                publicOrigin.isBlank() ? List.of() : List.of(publicOrigin)));
        // The handshake is an HTTP request with the reader's session: remember who it is (for their unread counts and
        // posts), which session that is (a post checks it still stands) and the client's address (rate limits).
        handler.getHandshakeInterceptors().add(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler handler, Map<String, Object> attributes) {
                actor.get().ifPresent(reader -> attributes.put(READER, reader.accountId()));
                if (request instanceof ServletServerHttpRequest servlet) {
                    attributes.put(ADDRESS, servlet.getServletRequest().getRemoteAddr());
                    HttpSession session = servlet.getServletRequest().getSession(false);
                    if (session != null) {
                        attributes.put(LOGIN_SESSION, session.getId());
                    }
                }
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Exception failure) {
                // nothing to do
            }
        });
        return handler;
    }

    @Bean
    SimpleUrlHandlerMapping chatSocketMapping(WebSocketHttpRequestHandler handler) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(PATH, handler));
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}
