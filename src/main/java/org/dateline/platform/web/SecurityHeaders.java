package org.dateline.platform.web;

import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security headers every response carries. Spring Security writes them on every answer of the application
 * (the identity module's security configuration reads the policies here); {@link ContainerRefusals} writes the same on
 * the answers the container gives itself, to requests it refuses before the application sees them.
 */
public final class SecurityHeaders {

    /** No inline script or style, nothing from other origins, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    /**
     * Spring Security's firewall refuses a path it will not match (a {@code ;}, {@code //}, an encoded {@code %} or
     * line break) before any chain's header writer runs: its 400 carries the headers all the same, and the error
     * page or problem document of any other 400.
     */
    public static RequestRejectedHandler onRejectedRequest() {
        return (request, response, rejected) -> {
            write(response);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }

    /** The headers as Spring Security writes them, for a response the application's filters never see. */
    static void write(HttpServletResponse response) {
        each(response::setHeader);
    }

    /** Each header's name and value, in the order Spring Security writes them. */
    static void each(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-XSS-Protection", "0");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("Referrer-Policy", REFERRER_POLICY);
    }
}
