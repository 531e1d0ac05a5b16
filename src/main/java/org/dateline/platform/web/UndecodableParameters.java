package org.dateline.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters cannot be decoded (a query string or form with bad percent-encoding, such as
 * {@code ?before=%ff}) before anything reads them: Tomcat throws when the first parameter is asked for, which a
 * controller or Spring Security would otherwise turn into a 500 and a stack trace in the log. The answer is a 400 in
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
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            // Tomcat's InvalidParameterException is an IllegalStateException; other containers throw the other kind.
            log.info("Refused {} {}: its parameters are not valid percent-encoded UTF-8", request.getMethod(),
                    request.getRequestURI());
            request.setAttribute(Problems.ERROR_CODE_ATTRIBUTE, CODE);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
