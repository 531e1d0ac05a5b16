package org.dateline.platform.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.platform.web.StrictTransport;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The first filter of the chain: answers a cache hit from stored bytes and headers before Spring Security, sessions
 * and MVC run, and stores a miss that its controller marked cacheable. Every response that passes here as a page
 * carries a strong ETag, a Cache-Control with stale-while-revalidate, a Surrogate-Key header, and gzip when the
 * client accepts it.
 */
public class PageCacheFilter extends OncePerRequestFilter {

    static final String CACHE_CONTROL = "public, max-age=5, s-maxage=60, stale-while-revalidate=30";
    /** Headers that belong to one exchange, not to the page (HSTS: to a secure one). */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "content-encoding", "etag", "cache-control", "expires", "pragma", "vary",
            "keep-alive", "connection", "surrogate-key", "x-cache", "strict-transport-security");
    /** Query parameters that select different content; any other parameter makes the request uncacheable. */
    private static final Set<String> CONTENT_PARAMETERS = Set.of("before");
    /** A search page's and its suggestions': the query, the filters, the order and the page's cursor. */
    private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "section", "author", "tag", "range", "sort",
            "after");

    private final PageCache cache;

    public PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!cache.enabled() || !("GET".equals(method) || "HEAD".equals(method))) {
            return true;
        }
        String uri = request.getRequestURI();
        return uri.startsWith("/api/") || uri.startsWith("/ws/") || uri.startsWith("/actuator") || uri.startsWith("/v3/")
                || uri.startsWith("/assets/") || uri.startsWith("/pictures/") || uri.endsWith("/stream")
                || request.getHeader("Authorization") != null || !onlyContentParameters(uri, request.getQueryString());
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
        String key = cacheKey(request);
        CachedPage hit = cache.get(key);
        if (hit != null) {
            response.setHeader("X-Cache", "hit");
            write(hit, request, response);
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
        write(page, request, response);
    }

    private static String cacheKey(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static boolean onlyContentParameters(String uri, String query) {
        if (query == null) {
            return true;
        }
        Set<String> allowed = uri.endsWith("/search") || uri.endsWith("/search/suggest") ? SEARCH_PARAMETERS
                : CONTENT_PARAMETERS;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (!allowed.contains(eq < 0 ? pair : pair.substring(0, eq))) {
                return false;
            }
        }
        return true;
    }

    private static void write(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Map.Entry<String, String> header : page.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setHeader("ETag", page.etag());
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Surrogate-Key", page.surrogateKeyHeader());
        StrictTransport.write(request, response);
        if (matches(request.getHeader("If-None-Match"), page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        byte[] body = page.body();
        if (page.gzipBody() != null && acceptsGzip(request.getHeader("Accept-Encoding"))) {
            body = page.gzipBody();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    private static CachedPage page(ContentCachingResponseWrapper capture, Set<String> keys) throws IOException {
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
        byte[] gzip = gzip(body);
        return CachedPage.of(body, gzip.length < body.length ? gzip : null, etag(body), List.copyOf(headers), keys);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
