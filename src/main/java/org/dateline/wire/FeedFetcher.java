package org.dateline.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dateline.media.imaging.ImageInspector;

/**
 * One conditional GET of a feed, or one GET of a wire picture's file. Redirects are followed by hand (at most {@link #MAX_REDIRECTS}) so that every hop
 * passes the same address check as the feed's own URL. Each request, body included, must be done within the timeout
 * (20 s); bodies above {@link WireFormats#MAX_BYTES} are refused without being read further.
 */
final class FeedFetcher {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_REDIRECTS = 5;
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/vnd.iptc.g2.newsmessage+xml, "
            + "application/vnd.iptc.g2.newsitem+xml, application/ninjs+json, application/xml;q=0.9, text/xml;q=0.9, "
            + "application/json;q=0.8, */*;q=0.5";
    static final String PICTURE_ACCEPT = "image/jpeg, image/png, image/webp, image/*;q=0.8, */*;q=0.5";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String userAgent;
    private final boolean allowLocal;
    private final Duration timeout;

    FeedFetcher(String userAgent, boolean allowLocal) {
        this(userAgent, allowLocal, REQUEST_TIMEOUT);
    }

    /** @param timeout for each request, headers and body together */
    FeedFetcher(String userAgent, boolean allowLocal, Duration timeout) {
        this.userAgent = userAgent;
        this.allowLocal = allowLocal;
        this.timeout = timeout;
    }

    sealed interface Fetch {
    }

    record Fetched(int status, String contentType, byte[] body, String etag, String lastModified) implements Fetch {
    }

    record NotModified(String etag, String lastModified) implements Fetch {
    }

    /** @param status the HTTP status when an answer came */
    record Failed(Integer status, String code, String message) implements Fetch {
    }

    Fetch fetch(String url, String etag, String lastModified) {
        return get(url, Purpose.FEED, etag, lastModified);
    }

    /**
     * A picture's file, with the same address checks, redirects and timeout as a feed; bodies above
     * {@link ImageInspector#MAX_BYTES} are refused ({@code too_large}) without being read further. Failures are
     * {@code address_refused}, {@code fetch_timeout}, {@code too_large} or {@code fetch_failed}, the message saying
     * why.
     */
    Fetch fetchPicture(String url) {
        return get(url, Purpose.PICTURE, null, null);
    }

    /** What is fetched: its Accept header, its size limit, its name in messages and its failure codes. */
    private enum Purpose {
        FEED(ACCEPT, WireFormats.MAX_BYTES, "feed"),
        PICTURE(PICTURE_ACCEPT, (int) ImageInspector.MAX_BYTES, "picture");

        final String accept;
        final int maxBytes;
        final String noun;

        Purpose(String accept, int maxBytes, String noun) {
            this.accept = accept;
            this.maxBytes = maxBytes;
            this.noun = noun;
        }

        /** A feed's codes name the feed ({@code feed_timeout}); a picture's are those of the ingest log. */
        String code(String failure) {
            if (this == FEED) {
                return "feed_" + failure;
            }
            return failure.equals("address_refused") || failure.equals("too_large") ? failure
                    : failure.equals("timeout") ? "fetch_timeout" : "fetch_failed";
        }
    }

    private Fetch get(String url, Purpose purpose, String etag, String lastModified) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Failed(null, purpose.code("unreachable"), "The address " + url + " is not a web address.");
        }
        String the = "The " + purpose.noun;
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                Optional<String> refused = FeedAddresses.refusal(uri, allowLocal);
                if (refused.isPresent()) {
                    return new Failed(null, purpose.code("address_refused"), refused.get());
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("User-Agent", userAgent).header("Accept", purpose.accept).GET();
                if (etag != null) {
                    request.header("If-None-Match", etag);
                }
                if (lastModified != null) {
                    request.header("If-Modified-Since", lastModified);
                }
                HttpResponse<byte[]> response = send(request.build(), purpose.maxBytes);
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (redirect(status) && location.isPresent()) {
                    uri = next(uri, location.get());
                    if (uri == null) {
                        return new Failed(status, purpose.code("bad_redirect"),
                                the + " redirects to an address that is not http or https.");
                    }
                    continue;
                }
                if (status == 304 && purpose == Purpose.FEED) {
                    return new NotModified(header(response, "ETag").orElse(etag),
                            header(response, "Last-Modified").orElse(lastModified));
                }
                if (status < 200 || status > 299) {
                    return new Failed(status, purpose.code("http_" + status), the + " answered HTTP " + status + ".");
                }
                if (response.body() == null) {
                    return new Failed(status, purpose.code("too_large"),
                            the + " is larger than " + purpose.maxBytes + " bytes.");
                }
                return new Fetched(status, response.headers().firstValue("Content-Type").orElse(null),
                        response.body(), header(response, "ETag").orElse(null),
                        header(response, "Last-Modified").orElse(null));
            }
            return new Failed(null, purpose.code("too_many_redirects"), the + " redirects more than "
                    + MAX_REDIRECTS + " times.");
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Failed(null, purpose.code("timeout"), the + " did not answer in full within "
                    + timeout.toMillis() / 1000.0 + " seconds.");
        } catch (UnknownHostException e) {
            return new Failed(null, purpose.code("unreachable"), "The host " + uri.getHost() + " is not known.");
        } catch (IOException | IllegalArgumentException e) {
            return new Failed(null, purpose.code("unreachable"), the + " could not be reached: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(null, purpose.code("unreachable"), "Fetching was interrupted.");
        }
    }

    /**
     * One exchange, headers and body within the timeout (the client's own timeout ends when the headers come, so a
     * server trickling its body would otherwise hold the poller for ever). Only a 2xx body is kept; its body is null
     * when it passes {@code maxBytes}.
     */
    private HttpResponse<byte[]> send(HttpRequest request, int maxBytes)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> info.statusCode() >= 200 && info.statusCode() <= 299 ? new Limited(maxBytes)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e : cause);
        }
    }

    /** Collects a body up to a size; beyond it, stops reading and answers null. */
    static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    body.complete(null);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /**
     * The Content-Type to parse by: a wire type keeps its charset; anything else (text/html, text/plain and the like,
     * which real feeds are often served as) leaves the document's root element to decide.
     */
    static String wireType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.contains("xml") || media.contains("json") ? contentType : null;
    }

    private static boolean redirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI next(URI from, String location) {
        try {
            URI to = from.resolve(location.strip());
            String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && to.getHost() != null ? to : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(String::strip).filter(v -> !v.isEmpty() && v.length() <= 500);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
