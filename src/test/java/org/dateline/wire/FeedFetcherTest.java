package org.dateline.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.dateline.media.imaging.ImageInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One feed request against a server on this machine: redirects, limits, timeouts. No Spring. */
class FeedFetcherTest {

    HttpServer server;
    final FeedFetcher fetcher = new FeedFetcher("Dateline/test (+wire)", true, Duration.ofMillis(800));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "W/\"7\"");
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 31 Jan 2018 20:15:15 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feed.xml");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/to-ftp", exchange -> {
            exchange.getResponseHeaders().add("Location", "ftp://wire.example/feed.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i <= WireFormats.MAX_BYTES / chunk.length; i++) {
                    out.write(chunk);
                }
            } catch (IOException stoppedReading) {
                // the client hung up, as it should
            }
        });
        server.createContext("/huge-picture", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long i = 0; i <= ImageInspector.MAX_BYTES / chunk.length; i++) {
                    out.write(chunk);
                }
            } catch (IOException stoppedReading) {
                // the client hung up, as it should
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(5_000);
            } catch (IOException | InterruptedException hungUp) {
                // the client gave up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void followsRedirectsAndKeepsTheValidators() {
        var fetch = fetcher.fetch(url("/moved"), null, null);
        assertThat(fetch).isInstanceOf(FeedFetcher.Fetched.class);
        var fetched = (FeedFetcher.Fetched) fetch;
        assertThat(fetched.etag()).isEqualTo("W/\"7\"");
        assertThat(fetched.lastModified()).isEqualTo("Wed, 31 Jan 2018 20:15:15 GMT");
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).startsWith("<rss");
    }

    @Test
    void refusesRedirectsOutOfHttpAndEndlessOnes() {
        assertThat(fetcher.fetch(url("/to-ftp"), null, null)).extracting("code").isEqualTo("feed_bad_redirect");
        assertThat(fetcher.fetch(url("/loop"), null, null)).extracting("code").isEqualTo("feed_too_many_redirects");
    }

    @Test
    void refusesBodiesAboveTheLimitAndSlowBodies() {
        FeedFetcher patient = new FeedFetcher("Dateline/test (+wire)", true, Duration.ofSeconds(20));
        assertThat(patient.fetch(url("/huge"), null, null)).extracting("code").isEqualTo("feed_too_large");
        long started = System.nanoTime();
        assertThat(fetcher.fetch(url("/trickle"), null, null)).extracting("code").isEqualTo("feed_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusesLocalAddressesUnlessAllowed() {
        FeedFetcher strict = new FeedFetcher("Dateline/test (+wire)", false, Duration.ofSeconds(2));
        assertThat(strict.fetch(url("/feed.xml"), null, null)).extracting("code").isEqualTo("feed_address_refused");
        assertThat(fetcher.fetch(url("/nothing-here"), null, null)).extracting("code").isEqualTo("feed_http_404");
    }

    @Test
    void picturesHaveTheirOwnLimitAndTheIngestLogsCodes() {
        FeedFetcher patient = new FeedFetcher("Dateline/test (+wire)", true, Duration.ofSeconds(20));
        // Above a feed's limit, within a picture's.
        var fetched = (FeedFetcher.Fetched) patient.fetchPicture(url("/huge"));
        assertThat(fetched.body().length).isGreaterThan(WireFormats.MAX_BYTES);
        assertThat(patient.fetchPicture(url("/huge-picture"))).extracting("code").isEqualTo("too_large");
        assertThat(fetcher.fetchPicture(url("/nothing-here"))).extracting("code", "message")
                .containsExactly("fetch_failed", "The picture answered HTTP 404.");
        assertThat(fetcher.fetchPicture(url("/to-ftp"))).extracting("code").isEqualTo("fetch_failed");
        assertThat(fetcher.fetchPicture(url("/trickle"))).extracting("code").isEqualTo("fetch_timeout");
        assertThat(fetcher.fetchPicture("not a url")).extracting("code").isEqualTo("fetch_failed");
    }

    @Test
    void refusesPicturesAtLocalAddressesBeforeConnecting() {
        FeedFetcher strict = new FeedFetcher("Dateline/test (+wire)", false, Duration.ofSeconds(2));
        for (String url : java.util.List.of(url("/feed.xml"), "http://10.0.0.1/a.jpg",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.jpg", "http://100.64.0.1/a.jpg")) {
            assertThat(strict.fetchPicture(url)).as(url).extracting("code").isEqualTo("address_refused");
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
