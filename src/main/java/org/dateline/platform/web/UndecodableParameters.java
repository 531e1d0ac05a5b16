package org.dateline.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters cannot be decoded (a query string or form with bad percent-encoding, such as
 * {@code ?before=%ff}) before anything reads them: the container throws when the first parameter is asked for, which a
 * controller or Spring Security would otherwise turn into a 500 and a stack trace in the log. A parameter that
 * decodes to text with a NUL ({@code %00}) is refused the same way: no field can hold one, and PostgreSQL fails any
 * query that carries one. The answer is a 400 in
 * the format the client asked for (the error page or a problem document, code {@value #CODE}), with one short log
 * line. Every security filter chain runs it right after its header writer (so the answer carries the security
 * headers) and before anything that reads a parameter (the CSRF check reads a form's token); the filters in front
 * of Spring Security (the page cache, the newsfeed stream) read none.
 */
public class UndecodableParameters extends OncePerRequestFilter {

    public static final String CODE = "invalid_encoding";

    private static final Logger log = LoggerFactory.getLogger(UndecodableParameters.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            if (tooLarge(undecodable)) {
                // A multipart body over the upload limit (a picture over 50 MB): its size, not its encoding.
                log.info("Refused {} {}: its body is over the upload limit", request.getMethod(),
                        request.getRequestURI());
                request.setAttribute(Problems.ERROR_CODE_ATTRIBUTE, "too_large");
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            // By where the parameters came from, the container throws one kind or the other.
            refuse(request, response, "are not valid percent-encoded UTF-8");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasNul(parameter.getKey())
                    || Arrays.stream(parameter.getValue()).anyMatch(UndecodableParameters::hasNul)) {
                refuse(request, response, "hold a NUL character");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether parsing failed on a multipart size limit: Jetty says so only in the message of an
     * {@code IllegalStateException} ("max file size exceeded", "max length exceeded"), as Spring's own multipart
     * resolver reads it; other containers throw size exceptions named as such.
     */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
                    || name.equals("MaxUploadSizeExceededException")
                    || message.contains("exceeded") && (message.contains("size") || message.contains("length"))) {
                return true;
            }
        }
        return false;
    }

    /** No text the application keeps can hold U+0000 (PostgreSQL refuses it in any query, with a 500 after it). */
    private static boolean hasNul(String text) {
        return text.indexOf(0) >= 0;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        log.info("Refused {} {}: its parameters {}", request.getMethod(), request.getRequestURI(), why);
        request.setAttribute(Problems.ERROR_CODE_ATTRIBUTE, CODE);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
