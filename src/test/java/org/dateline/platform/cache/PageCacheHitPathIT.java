package org.dateline.platform.cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.Invocable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached pages as readers really ask for them: a hit answered in front of the servlet layer with the headers of the
 * miss that stored it, and a shared link (its {@code utm_*}, {@code fbclid}...) answered from the page of the plain
 * address, while the parameters that select content still select it.
 */
@IntegrationTest
class PageCacheHitPathIT {

    private static final String SHARED = "utm_source=a&utm_medium=social&fbclid=IwAR0b&gclid=c&yclid=1";

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    PageCache cache;
    @Autowired
    ApplicationContext context;
    Http http;
    ArticleSummary seed;

    @BeforeEach
    void connect() {
        http = new Http(port);
        seed = content.allById(0, 1).get(0);
    }

    @Test
    void aSharedLinkAfterThePlainAddressIsAHitWithTheSameBytes() {
        HttpResponse<String> plain = http.cachedHit(seed.path());
        HttpResponse<String> shared = http.get(seed.path() + "?" + SHARED);

        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(shared.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
        assertThat(shared.body()).isEqualTo(plain.body());
    }

    @Test
    void aSharedLinkRenderedFirstStoresThePageOfThePlainAddress() {
        cache.clear();
        HttpResponse<String> shared = http.get("/ru/?" + SHARED);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.headers().firstValue("X-Cache")).hasValue("miss");
        assertThat(shared.body()).doesNotContain("utm_", "fbclid", "IwAR0b");

        HttpResponse<String> plain = http.cachedHit("/ru/");
        assertThat(plain.body()).isEqualTo(shared.body());
    }

    @Test
    void theParametersThatSelectContentStillSelectIt() {
        String more = Jsoup.parse(http.get("/en/newsfeed").body()).select("#newsfeed-more").attr("href");
        assertThat(more).startsWith("/en/newsfeed?before=");
        HttpResponse<String> first = http.cachedHit("/en/newsfeed");
        HttpResponse<String> older = http.cachedHit(more + "&" + SHARED);

        assertThat(older.body()).isNotEqualTo(first.body());
        assertThat(http.get(more).body()).isEqualTo(older.body());
        assertThat(http.get(more).headers().firstValue("X-Cache")).hasValue("hit");
    }

    @Test
    void aLeftOutParameterTheApplicationWouldRefuseIsStillRefused() {
        http.cachedHit("/en/");
        assertThat(http.get("/en/?utm_source=%ff").statusCode()).isEqualTo(400);
        assertThat(http.get("/en/?utm_source=a%00").statusCode()).isEqualTo(400);
        // Decoded, this is ?before=garbage: a bad cursor, not the cached first page.
        assertThat(http.get("/en/?%62efore=garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void aHitIsAnsweredInFrontOfTheServletLayerWithTheHeadersOfItsMiss() throws Exception {
        Server server = ((JettyWebServer) ((WebServerApplicationContext) context).getWebServer()).getServer();
        assertThat(server.getDescendant(PageCacheHandler.class)).isNotNull();
        assertThat(server.getInvocationType()).isEqualTo(Invocable.InvocationType.NON_BLOCKING);

        cache.clear();
        HttpResponse<String> miss = http.get(seed.path());
        HttpResponse<String> hit = http.get(seed.path());
        assertThat(miss.headers().firstValue("X-Cache")).hasValue("miss");
        assertThat(hit.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(pageHeaders(hit.headers())).isEqualTo(pageHeaders(miss.headers()));
        assertThat(hit.body()).isEqualTo(miss.body());

        HttpResponse<Void> head = http.client().send(HttpRequest.newBuilder(URI.create(http.base() + seed.path()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(pageHeaders(head.headers())).isEqualTo(pageHeaders(hit.headers()));

        String etag = hit.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = http.get(seed.path(), "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void requestsWithCredentialsOrOtherMethodsAreNeverAnsweredFromTheCache() throws IOException, InterruptedException {
        http.cachedHit(seed.path());
        HttpResponse<String> withCredentials = http.get(seed.path(), "Authorization", "Bearer not-a-token");
        assertThat(withCredentials.headers().firstValue("X-Cache")).isEmpty();
        HttpResponse<String> post = http.client().send(HttpRequest.newBuilder(URI.create(http.base() + seed.path()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.headers().firstValue("X-Cache")).isEmpty();
        assertThat(post.statusCode()).isNotEqualTo(200);
    }

    /** The headers of a page's answer, but those of the one exchange (its date, hit or miss) and the body's length. */
    private static Map<String, List<String>> pageHeaders(HttpHeaders headers) {
        Map<String, List<String>> page = new TreeMap<>(headers.map());
        page.keySet().removeIf(name -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("x-cache")
                || name.equalsIgnoreCase("content-length"));
        return page;
    }
}
