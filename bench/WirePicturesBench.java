import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;

/**
 * Wire pictures benchmark: photo-like JPEGs (distinct, with grain, so that they weigh what photos weigh) served from a
 * server on 127.0.0.1, described by NewsML-G2 picture items pushed to {@code POST /api/wire/items}: once as one
 * newsMessage of all of them, once as one newsItem per request, one after another. Dateline fetches each file,
 * inspects it (type, size, a full decode) and stores it in the library; the figures are the wall time of each
 * round and its cost per picture. Every outcome must be {@code created}. JDK only.
 * <p>
 * Usage: {@code java WirePicturesBench.java <base-url> <token> <pictures> <width> <height>}
 */
public class WirePicturesBench {

    static final int WARM_UP = 10;
    static final Pattern RESULT = Pattern.compile("\"result\":\"([a-z]+)\"");
    static final Pattern CODE = Pattern.compile("\"code\":\"([a-z_0-9]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int pictures = Integer.parseInt(args[2]);
        int width = Integer.parseInt(args[3]);
        int height = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);

        long generating = System.nanoTime();
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        long totalBytes = 0;
        for (int i = 0; i < WARM_UP + 2 * pictures; i++) {
            byte[] jpeg = jpeg(width, height, i * 7919L + run.hashCode());
            files.put("/p/" + run + "-" + i + ".jpg", jpeg);
            totalBytes += jpeg.length;
        }
        System.out.printf(Locale.ROOT, "- %d JPEGs of %dx%d made in %.1f s, %.2f MB each on average%n",
                files.size(), width, height, (System.nanoTime() - generating) / 1e9,
                totalBytes / (double) files.size() / 1e6);

        AtomicLong served = new AtomicLong();
        AtomicLong servedBytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/p/", exchange -> {
            byte[] file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                served.incrementAndGet();
                servedBytes.addAndGet(file.length);
            }
            exchange.close();
        });
        server.start();
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                warm.add(item(run, i, origin, width, height));
            }
            Round warmUp = push(client, base, token, List.of(message(warm)), WARM_UP);
            System.out.printf(Locale.ROOT, "- warm-up: %d pictures in one newsMessage, %.1f s%n", WARM_UP,
                    warmUp.seconds());

            System.out.println();
            System.out.println("| round | wall time | per picture | pictures/s | created |");
            System.out.println("|---|---:|---:|---:|---|");
            List<String> batch = new ArrayList<>();
            for (int i = WARM_UP; i < WARM_UP + pictures; i++) {
                batch.add(item(run, i, origin, width, height));
            }
            report("one newsMessage of " + pictures + " picture items", push(client, base, token,
                    List.of(message(batch)), pictures), pictures);

            List<String> single = new ArrayList<>();
            for (int i = WARM_UP + pictures; i < WARM_UP + 2 * pictures; i++) {
                single.add(item(run, i, origin, width, height));
            }
            report(pictures + " newsItems, one per request, one after another",
                    push(client, base, token, single, pictures), pictures);
            System.out.println();
            System.out.printf(Locale.ROOT, "- files served: %d, %.1f MB%n", served.get(), servedBytes.get() / 1e6);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    record Round(double seconds, int created, List<String> other) {
    }

    static void report(String what, Round round, int pictures) {
        System.out.printf(Locale.ROOT, "| %s | %.1f s | %.0f ms | %.2f | %d of %d%s |%n", what, round.seconds(),
                round.seconds() * 1000 / pictures, pictures / round.seconds(), round.created(), pictures,
                round.other().isEmpty() ? "" : " (other: " + round.other() + ")");
    }

    static Round push(HttpClient client, String base, String token, List<String> bodies, int expected)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int created = 0;
        List<String> other = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/wire/items"))
                    .timeout(Duration.ofMinutes(30))
                    .header("Content-Type", body.startsWith("<newsMessage") ? "application/vnd.iptc.g2.newsmessage+xml"
                            : "application/vnd.iptc.g2.newsitem+xml")
                    .header("Authorization", "Bearer " + token).header("X-Wire-Source", "Bench photos")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher results = RESULT.matcher(response.body());
            while (results.find()) {
                if (results.group(1).equals("created")) {
                    created++;
                } else {
                    Matcher code = CODE.matcher(response.body());
                    other.add(results.group(1) + (code.find() ? " " + code.group(1) : ""));
                }
            }
        }
        Round round = new Round((System.nanoTime() - start) / 1e9, created, other);
        if (created != expected) {
            System.out.println("- WARNING: " + created + " of " + expected + " created: " + other);
        }
        return round;
    }

    static String item(String run, int i, String origin, int width, int height) {
        return """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:photo:%s:%d" version="1"
                  standard="NewsML-G2" standardversion="2.35">
                  <itemMeta><itemClass qcode="ninat:picture"/><provider qcode="nprov:BENCH"/>
                    <versionCreated>2026-11-28T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                  <contentMeta><headline>Bench photo %d</headline>
                    <description role="drol:caption">A photo-like test picture, number %d of the run.</description>
                    <creditline>Bench Photos</creditline></contentMeta>
                  <contentSet><remoteContent href="%s/p/%s-%d.jpg" rendition="rnd:highRes" contenttype="image/jpeg"
                    width="%d" height="%d"/></contentSet>
                </newsItem>""".formatted(run, i, i, i, origin, run, i, width, height);
    }

    static String message(List<String> items) {
        return "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header><sent>2026-11-28T12:00:00Z</sent>"
                + "</header><itemSet>" + String.join("", items) + "</itemSet></newsMessage>";
    }

    /** A gradient, some shapes and grain: distinct per seed, and about as heavy as a photo once encoded. */
    static byte[] jpeg(int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 8, height / 8);
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(24) - 12;
                int p = row[x];
                row[x] = (clamp((p >> 16 & 0xff) + grain) << 16) | (clamp((p >> 8 & 0xff) + grain) << 8)
                        | clamp((p & 0xff) + grain);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
