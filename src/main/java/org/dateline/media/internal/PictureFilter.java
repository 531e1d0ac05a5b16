package org.dateline.media.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves rendition bytes ahead of everything else in the servlet chain: no Spring Security, session or MVC per
 * request. Everything under {@code /pictures/} ends here. A rendition this node holds in memory is answered before
 * the servlet layer ({@link PictureHandler}); this filter answers the rest: one read from the folder or made now,
 * a query string, a method other than GET and HEAD, and what is no rendition. Headers: {@link RenditionAnswer}.
 */
class PictureFilter implements Filter {

    private static final byte[] NOT_FOUND = "No such picture.\n".getBytes(StandardCharsets.UTF_8);

    private final Renditions renditions;

    PictureFilter(Renditions renditions) {
        this.renditions = renditions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        RenditionAnswer.always(request.isSecure(), response::setHeader);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Pictures are only read.\n".getBytes(
                    StandardCharsets.UTF_8), head);
            return;
        }
        String uri = request.getRequestURI();
        Renditions.Served hit = request.getQueryString() == null ? renditions.inMemory(uri) : null;
        Optional<Renditions.Served> found = hit != null ? Optional.of(hit) : request.getQueryString() == null
                ? RenditionPath.parse(uri).flatMap(renditions::get) : Optional.empty();
        if (found.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND, head);
            return;
        }
        Renditions.Served served = found.get();
        RenditionAnswer.found(served, response::setHeader);
        if (RenditionAnswer.notModified(request.getHeader("If-None-Match"), served)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(served.contentType());
        response.setContentLength(served.bytes().length);
        if (!head) {
            response.getOutputStream().write(served.bytes());
        }
    }

    private static void plain(HttpServletResponse response, int status, byte[] body, boolean head) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }
}
