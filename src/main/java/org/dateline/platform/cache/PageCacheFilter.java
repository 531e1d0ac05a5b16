package org.dateline.platform.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The first filter of the chain: stores a miss that its controller marked cacheable, and answers a hit the
 * {@link PageCacheHandler} in front of the servlet layer did not find (stored while the request was on its way), from
 * stored bytes and headers before Spring Security, sessions and MVC run. Every response that passes here as a page
 * carries a strong ETag, a Cache-Control with stale-while-revalidate, a Surrogate-Key header, and gzip when the
 * client accepts it, written alike by both.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    /** Headers that belong to one exchange, not to the page (HSTS: to a secure one). */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "content-encoding", "etag", "cache-control", "expires", "pragma", "vary",
            "keep-alive", "connection", "surrogate-key", "x-cache", "strict-transport-security");

    private final PageCache cache;

    public PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !cache.enabled()
                || !PageKeys.cacheable(request.getMethod(), request.getRequestURI(), request.getHeader("Authorization") != null)
                || PageKeys.of(request.getRequestURI(), request.getQueryString()) == null;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = PageKeys.of(request.getRequestURI(), request.getQueryString());
        CachedPage hit = cache.get(key);
        if (hit != null) {
            response.setHeader("X-Cache", "hit");
            hit.answer().send(request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        Set<String> keys = PageCache.tagsOf(request);
        if (keys == null || capture.getStatus() != HttpServletResponse.SC_OK || request.isAsyncStarted()
                || capture.getHeader("Set-Cookie") != null) {
            capture.copyBodyToResponse();
            return;
        }
        CachedPage page = page(capture, keys);
        cache.put(key, page, generation);
        capture.resetBuffer();
        response.reset(); // the stored headers are written again below, exactly as a hit will write them
        response.setHeader("X-Cache", "miss");
        page.answer().send(request, response);
    }

    private static CachedPage page(ContentCachingResponseWrapper capture, Set<String> keys) {
        byte[] body = capture.getContentAsByteArray();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : capture.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                for (String value : capture.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        if (capture.getContentType() != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", capture.getContentType()));
        }
        return CachedPage.of(body, headers, keys);
    }
}
