package org.dateline.platform.cache;

import org.dateline.platform.web.AssetAnswers;
import org.dateline.platform.web.HitPathHandler;
import org.dateline.platform.web.ReadyAnswer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The hit path of pages and of this build's assets, in front of the servlet layer: a cached page (by the rules and
 * key of {@link PageKeys}, whatever cookies come with the request, as {@link PageCacheFilter} answers one) or a
 * versioned asset is answered from memory by Jetty's own request and response. A miss goes on to the servlet layer,
 * where the filter renders and stores it; so does an asset request the servlet layer answers better (a range, a
 * conditional GET by date alone, a query, credentials).
 */
final class PageCacheHandler extends HitPathHandler {

    private static final HttpField HIT = new PreEncodedHttpField("X-Cache", "hit");

    private final PageCache cache;
    private final AssetAnswers assets;

    PageCacheHandler(PageCache cache, AssetAnswers assets, Handler next) {
        super(next);
        this.cache = cache;
        this.assets = assets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        HttpFields headers = request.getHeaders();
        boolean authorization = headers.contains(HttpHeader.AUTHORIZATION);
        ReadyAnswer answer = null;
        if (PageKeys.cacheable(method, path, authorization)) {
            String key = cache.enabled() ? PageKeys.of(path, uri.getQuery()) : null;
            CachedPage page = key == null ? null : cache.get(key);
            if (page != null) {
                response.getHeaders().add(HIT);
                answer = page.answer();
            }
        } else if ((HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) && !authorization
                && uri.getQuery() == null && !headers.contains(HttpHeader.RANGE)
                && (headers.contains(HttpHeader.IF_NONE_MATCH) || !headers.contains(HttpHeader.IF_MODIFIED_SINCE))) {
            answer = assets.find(path);
        }
        if (answer == null) {
            return passOn(request, response, callback);
        }
        answer.send(request, response, callback);
        return true;
    }
}
