package org.dateline.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests against the real server. Never follows redirects: tests look at them. */
public final class Http {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    /**
     * GETs the page until this node's page cache answers it ({@code X-Cache: hit}), for at most five seconds, and
     * returns that answer. A change applied just after the first render (the publish that made the page, read by
     * the change log a few milliseconds later) rightly evicts it once; a test that wants a cached page waits that
     * out instead of racing it. Fails if the page never comes from the cache.
     */
    public HttpResponse<String> cachedHit(String path, String... headers) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> response = get(path, headers);
        while (!"hit".equals(response.headers().firstValue("X-Cache").orElse(""))) {
            if (System.nanoTime() > until) {
                throw new AssertionError(path + " was never answered from the page cache: X-Cache "
                        + response.headers().firstValue("X-Cache").orElse("absent"));
            }
            response = get(path, headers);
        }
        return response;
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Any method with a JSON body (empty for none) and a bearer token. */
    public HttpResponse<String> send(String method, String path, String json, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpClient client() {
        return client;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A publishable article in JSON for the admin API. */
    public static String article(String edition, String section, String headline) {
        return """
                {"edition":"%s","section":"%s","headline":"%s",
                 "lead":"A lead sentence that sums the story up for readers in a hurry.",
                 "body":["First paragraph of the story.","Second paragraph, with more detail."],
                 "datelinePlace":"MOSCOW","credit":"Dateline","tags":["Test tag"],"authors":["Test Reporter"]}
                """.formatted(edition, section, headline);
    }
}
