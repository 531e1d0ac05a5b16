package org.dateline.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security headers every response carries. Spring Security writes them on every answer of the application
 * (the identity module's security configuration reads the policies here); {@link TomcatRefusals} writes the same on
 * the answers Tomcat gives itself, to requests it refuses before the application sees them.
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
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
    }
}
