import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire ingest benchmark: the IPTC NewsML-G2 text example (LISTING_2), each copy with its own guid, pushed to
 * {@code POST /api/wire/items}; items per second one item per request and fifty per newsMessage, from several
 * connections at once; then the time from a push to the story's public page (push, publish through the admin API,
 * first 200 of its address). JDK only.
 * <p>
 * Usage: {@code java WireIngestBench.java <base-url> <token> <listing.xml> <items> <connections> <samples>}
 */
public class WireIngestBench {

    static final String OLD_GUID = "urn:newsml:acmenews.com:20161121:US-FINANCE-FED";
    static final Pattern STORY = Pattern.compile("\"storyId\":(\\d+)");
    static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String item = Files.readString(Path.of(args[2])).replaceFirst("<\\?xml[^>]*\\?>", "").strip();
        int items = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int samples = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.nanoTime(), 36);

        // Warm-up: the server's first requests compile the parse and store paths.
        throughput(client, base, token, item, run + "w", 200, connections, 1);
        System.out.println("| mode | items | connections | seconds | items/s | rejected |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        throughput(client, base, token, item, run + "a", items, connections, 1);
        throughput(client, base, token, item, run + "b", items, connections, 50);

        List<Long> total = new ArrayList<>();
        List<Long> ingest = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            HttpResponse<String> pushed = post(client, base + "/api/wire/items", token,
                    "application/vnd.iptc.g2.newsitem+xml", withGuid(item, run + "p" + i));
            long stored = System.nanoTime();
            Matcher story = STORY.matcher(pushed.body());
            if (pushed.statusCode() != 200 || !story.find()) {
                throw new IllegalStateException("push refused: " + pushed.statusCode() + " " + pushed.body());
            }
            HttpResponse<String> published = post(client, base + "/api/admin/articles/" + story.group(1) + "/publish",
                    token, "application/json", "");
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/articles/"
                    + story.group(1))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher url = URL.matcher(read.body());
            if (published.statusCode() != 200 || !url.find()) {
                throw new IllegalStateException("publish refused: " + published.body());
            }
            String path = URI.create(url.group(1)).getPath();
            while (client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(2);
            }
            total.add(System.nanoTime() - started);
            ingest.add(stored - started);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "push to stored draft (one item): p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d samples)%n",
                pct(ingest, 50), pct(ingest, 90), pct(ingest, 100), samples);
        System.out.printf(Locale.ROOT, "push, publish, first 200 of the public page: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                pct(total, 50), pct(total, 90), pct(total, 100));
    }

    static void throughput(HttpClient client, String base, String token, String item, String run, int items,
                           int connections, int perRequest) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        int requests = (items + perRequest - 1) / perRequest;
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            done.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                    String body;
                    String type;
                    if (perRequest == 1) {
                        body = withGuid(item, run + r);
                        type = "application/vnd.iptc.g2.newsitem+xml";
                    } else {
                        StringBuilder message = new StringBuilder("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                                + "<header><sent>2026-11-29T00:00:00Z</sent></header><itemSet>");
                        for (int k = 0; k < perRequest; k++) {
                            message.append(withGuid(item, run + r + "-" + k));
                        }
                        body = message.append("</itemSet></newsMessage>").toString();
                        type = "application/vnd.iptc.g2.newsmessage+xml";
                    }
                    HttpResponse<String> response = post(client, base + "/api/wire/items", token, type, body);
                    if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
                        rejected.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (!run.endsWith("w")) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.0f | %d |%n",
                    perRequest == 1 ? "one newsItem per request" : perRequest + " items per newsMessage",
                    requests * perRequest, connections, seconds, requests * perRequest / seconds, rejected.get());
        }
    }

    static String withGuid(String item, String suffix) {
        return item.replace(OLD_GUID, OLD_GUID + ":" + suffix);
    }

    static HttpResponse<String> post(HttpClient client, String url, String token, String type, String body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double pct(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
