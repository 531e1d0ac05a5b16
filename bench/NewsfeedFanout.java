import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Newsfeed fan-out benchmark: N server-sent-event subscribers on {@code /en/newsfeed/stream}, K publishes through the
 * admin API, and for each publish how long every subscriber waited for the matching {@code data:} line.
 * <p>
 * JDK only. The subscribers are plain non-blocking sockets on one selector thread (a small HTTP/1.1 client that
 * decodes chunked transfer encoding), so the client itself holds thousands of streams with one thread and a few MB;
 * the publishes go through {@link HttpClient}.
 * <pre>
 * java bench/NewsfeedFanout.java &lt;baseUrl&gt; &lt;connections&gt; &lt;token&gt; [serverPid]
 *   -Dfanout.publishes=10      articles to publish, one by one
 *   -Dfanout.gapMs=3000        pause between one publish being fully received (or timing out) and the next
 *   -Dfanout.waitMs=10000      how long to wait for every subscriber after a publish's 201
 *   -Dfanout.pending=100       connects in flight at once (the server's accept backlog)
 *   -Dfanout.connectTimeoutS=600
 *   -Dfanout.edition=en -Dfanout.section=russia
 *   -Dfanout.jcmd=/path/to/jcmd  with serverPid: also print the server's GC.heap_info before and after connecting
 *   -Dfanout.holdMs=0          keep the streams open this long after the last publish (to inspect the server)
 * </pre>
 * Latency is measured from just before the POST is sent (what a reader experiences after the editor clicks
 * publish) and also from the moment the POST's 201 arrived (the server-side fan-out alone; it can be negative
 * when the event overtakes the 201).
 */
public class NewsfeedFanout {

    static final int PUBLISHES = Integer.getInteger("fanout.publishes", 10);
    static final long GAP_MS = Long.getLong("fanout.gapMs", 3000);
    static final long WAIT_MS = Long.getLong("fanout.waitMs", 10000);
    static final int PENDING = Integer.getInteger("fanout.pending", 100);
    static final long CONNECT_TIMEOUT_S = Long.getLong("fanout.connectTimeoutS", 600);
    static final String EDITION = System.getProperty("fanout.edition", "en");
    static final String SECTION = System.getProperty("fanout.section", "russia");
    static final int MAX_ATTEMPTS = 5;

    final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    final byte[] marker = ("FNT" + runId + "x").getBytes(StandardCharsets.US_ASCII);
    final InetSocketAddress address;
    final byte[] request;
    final int n;
    final Conn[] conns;
    final long[][] received; // [publish][connection] System.nanoTime() of the data line, 0 while not received
    final AtomicInteger[] receivedCount;
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger closedAfterConnect = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger badStatus = new AtomicInteger();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    volatile boolean stop;

    NewsfeedFanout(URI base, int n) {
        this.n = n;
        this.address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        String host = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        this.request = ("GET /" + EDITION + "/newsfeed/stream HTTP/1.1\r\nHost: " + host
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\nUser-Agent: NewsfeedFanout\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.conns = new Conn[n];
        this.received = new long[PUBLISHES][n];
        this.receivedCount = new AtomicInteger[PUBLISHES];
        for (int i = 0; i < PUBLISHES; i++) {
            receivedCount[i] = new AtomicInteger();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java NewsfeedFanout.java <baseUrl> <connections> <token> [serverPid]");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0]);
        int n = Integer.parseInt(args[1]);
        String token = args[2];
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        new NewsfeedFanout(base, n).run(base, token, pid);
    }

    void run(URI base, String token, long pid) throws Exception {
        System.out.printf(Locale.ROOT, "NewsfeedFanout: %d subscribers on %s/%s/newsfeed/stream, %d publishes; client %s, max heap %d MB%n",
                n, base, EDITION, PUBLISHES, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        Proc before = Proc.of(pid);
        if (before != null) {
            System.out.printf(Locale.ROOT, "server pid %d before connecting: RSS %.1f MB, %d threads%n", pid, before.rssKb / 1024.0, before.threads);
            heapInfo(pid, "before connecting");
        }

        Thread loop = new Thread(this::selectorLoop, "fanout-selector");
        loop.setDaemon(true);
        long connectStart = System.nanoTime();
        loop.start();
        long deadline = connectStart + CONNECT_TIMEOUT_S * 1_000_000_000L;
        long lastReport = System.nanoTime();
        while (connected.get() + failed.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "  ... %d/%d connected (%d failed, %d retries) after %.1f s%n", connected.get(), n,
                        failed.get(), retries.get(), (lastReport - connectStart) / 1e9);
            }
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.out.printf(Locale.ROOT, "connected %d/%d in %.1f s (%d failed, %d connect retries, %d non-200)%n",
                connected.get(), n, connectSeconds, failed.get(), retries.get(), badStatus.get());
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        Thread.sleep(3000); // let the server settle before measuring its memory
        Proc open = Proc.of(pid);
        if (open != null && before != null) {
            int c = Math.max(1, connected.get() - closedAfterConnect.get());
            System.out.printf(Locale.ROOT, "server with %d streams open: RSS %.1f MB (+%.1f MB, %.1f KB per connection), %d threads%n",
                    connected.get() - closedAfterConnect.get(), open.rssKb / 1024.0, (open.rssKb - before.rssKb) / 1024.0,
                    (open.rssKb - before.rssKb) / (double) c, open.threads);
            heapInfo(pid, "with all streams open");
        }
        System.out.printf(Locale.ROOT, "client: heap used %.1f MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);

        HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<long[]> allFromPost = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        long[] allLat = new long[0];
        for (int k = 0; k < PUBLISHES; k++) {
            String headline = "Fanout benchmark " + runId + " item " + (k + 1) + " FNT" + runId + "x" + k + "y";
            String json = "{\"edition\":\"" + EDITION + "\",\"section\":\"" + SECTION + "\",\"headline\":\"" + headline
                    + "\",\"lead\":\"A publish of the newsfeed fan-out benchmark.\",\"body\":[\"First paragraph.\",\"Second paragraph.\"],"
                    + "\"datelinePlace\":\"MOSCOW\",\"credit\":\"Dateline\",\"tags\":[\"Benchmark\"],\"authors\":[\"Bench Runner\"]}";
            HttpRequest post = HttpRequest.newBuilder(base.resolve("/api/admin/articles"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = admin.send(post, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 201) {
                System.out.printf("publish %d: status %d %s%n", k + 1, response.statusCode(), response.body());
                rows.add("| " + (k + 1) + " | status " + response.statusCode() + " | | | | | | | |");
                continue;
            }
            long waitUntil = t1 + WAIT_MS * 1_000_000L;
            int expected = connected.get() - closedAfterConnect.get();
            while (receivedCount[k].get() < expected && System.nanoTime() < waitUntil) {
                Thread.sleep(1);
                expected = connected.get() - closedAfterConnect.get();
            }
            Thread.sleep(50); // let stragglers that are already being read be counted
            long[] fromPost = new long[n];
            long[] from201 = new long[n];
            int got = 0;
            for (int i = 0; i < n; i++) {
                long at = received[k][i];
                if (at != 0) {
                    fromPost[got] = at - t0;
                    from201[got] = at - t1;
                    got++;
                }
            }
            fromPost = Arrays.copyOf(fromPost, got);
            from201 = Arrays.copyOf(from201, got);
            Arrays.sort(fromPost);
            Arrays.sort(from201);
            allFromPost.add(fromPost);
            String row = String.format(Locale.ROOT, "| %d | %.1f | %d/%d | %s | %s | %s | %s | %s | %s |", k + 1, (t1 - t0) / 1e6, got, n,
                    ms(pct(fromPost, 50)), ms(pct(fromPost, 99)), ms(max(fromPost)),
                    ms(pct(from201, 50)), ms(pct(from201, 99)), ms(max(from201)));
            rows.add(row);
            System.out.printf(Locale.ROOT, "publish %2d: POST→201 %.1f ms; received %d/%d; from POST start p50 %s p99 %s max %s ms; from 201 p50 %s p99 %s max %s ms%n",
                    k + 1, (t1 - t0) / 1e6, got, n, ms(pct(fromPost, 50)), ms(pct(fromPost, 99)), ms(max(fromPost)),
                    ms(pct(from201, 50)), ms(pct(from201, 99)), ms(max(from201)));
            if (k + 1 < PUBLISHES) {
                Thread.sleep(GAP_MS);
            }
        }
        int total = 0;
        for (long[] a : allFromPost) {
            total += a.length;
        }
        allLat = new long[total];
        int pos = 0;
        for (long[] a : allFromPost) {
            System.arraycopy(a, 0, allLat, pos, a.length);
            pos += a.length;
        }
        Arrays.sort(allLat);
        long within1s = Arrays.stream(allLat).filter(l -> l <= 1_000_000_000L).count();
        Proc after = Proc.of(pid);

        System.out.println();
        System.out.println("| publish | POST→201 ms | received / N | p50 ms | p99 ms | max ms | p50 from 201 | p99 from 201 | max from 201 |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nall publishes: %d deliveries of %d expected (%d × %d); from POST start p50 %s p99 %s max %s ms; within 1 s: %d (%.2f%%)%n",
                total, (long) PUBLISHES * n, PUBLISHES, n, ms(pct(allLat, 50)), ms(pct(allLat, 99)), ms(max(allLat)),
                within1s, 100.0 * within1s / Math.max(1, (long) PUBLISHES * n));
        System.out.printf(Locale.ROOT, "subscribers: %d connected, %d closed by the server afterwards, %d failed to connect%n",
                connected.get(), closedAfterConnect.get(), failed.get());
        if (before != null && open != null && after != null) {
            System.out.printf(Locale.ROOT, "server RSS MB: before %.1f, all open %.1f, after publishes %.1f; per connection %.1f KB; threads %d → %d%n",
                    before.rssKb / 1024.0, open.rssKb / 1024.0, after.rssKb / 1024.0,
                    (open.rssKb - before.rssKb) / (double) Math.max(1, connected.get()), before.threads, open.threads);
        }
        long hold = Long.getLong("fanout.holdMs", 0);
        if (hold > 0) {
            System.out.printf(Locale.ROOT, "holding the streams open for %d ms%n", hold);
            Thread.sleep(hold);
        }
        stop = true;
        loop.join(5000);
    }

    // ---- the subscribers: one selector thread ----

    static final class Conn {
        final int index;
        SocketChannel channel;
        int attempts;
        int state; // 0 headers, 1 chunk size, 2 chunk data, 3 chunk CRLF, 4 identity body, 5 done
        final ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int last4;
        long chunkLeft;
        int crlfLeft;
        final StringBuilder size = new StringBuilder(8);
        byte[] line = new byte[128];
        int lineLength;
        boolean open; // received the opening ":newsfeed" comment

        Conn(int index) {
            this.index = index;
        }
    }

    void selectorLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[64 * 1024];
        ArrayDeque<Conn> toOpen = new ArrayDeque<>();
        ArrayDeque<long[]> retryAt = new ArrayDeque<>(); // {due nanos, index}
        for (int i = 0; i < n; i++) {
            conns[i] = new Conn(i);
            toOpen.add(conns[i]);
        }
        int inFlight = 0;
        try (Selector selector = Selector.open()) {
            while (!stop) {
                long now = System.nanoTime();
                while (!retryAt.isEmpty() && retryAt.peek()[0] <= now) {
                    toOpen.addFirst(conns[(int) retryAt.poll()[1]]);
                }
                while (inFlight < PENDING && !toOpen.isEmpty()) {
                    Conn c = toOpen.poll();
                    try {
                        c.attempts++;
                        c.state = 0;
                        c.head.reset();
                        c.last4 = 0;
                        c.lineLength = 0;
                        c.channel = SocketChannel.open();
                        c.channel.configureBlocking(false);
                        c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        c.channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
                        if (c.channel.connect(address)) {
                            sendRequest(c);
                            c.channel.register(selector, SelectionKey.OP_READ, c);
                        } else {
                            c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                        }
                        inFlight++;
                    } catch (IOException e) {
                        handleFailure(c, e, retryAt);
                    }
                }
                selector.select(20);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    boolean wasOpen = c.open;
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            sendRequest(c);
                            key.interestOps(SelectionKey.OP_READ);
                            continue;
                        }
                        if (key.isReadable()) {
                            long at = System.nanoTime();
                            int read;
                            while ((read = c.channel.read(buffer)) > 0) {
                                buffer.flip();
                                buffer.get(bytes, 0, read);
                                buffer.clear();
                                feed(c, bytes, read, at);
                            }
                            if (!wasOpen && c.open) {
                                inFlight--;
                            }
                            if (read < 0 || c.state == 5) {
                                throw new IOException("closed by the server");
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        key.cancel();
                        closeQuietly(c);
                        if (c.open) {
                            if (!stop) {
                                closedAfterConnect.incrementAndGet();
                                errors.add("subscriber " + c.index + " closed after connecting: " + e.getMessage());
                            }
                        } else {
                            inFlight--;
                            handleFailure(c, e, retryAt);
                        }
                    }
                }
            }
            for (Conn c : conns) {
                closeQuietly(c);
            }
        } catch (IOException e) {
            errors.add("selector: " + e);
            e.printStackTrace();
        }
    }

    /** Schedules a retry with back-off, or counts the subscriber as failed. */
    boolean handleFailure(Conn c, Exception e, ArrayDeque<long[]> retryAt) {
        closeQuietly(c);
        if (c.attempts < MAX_ATTEMPTS) {
            retries.incrementAndGet();
            retryAt.add(new long[] {System.nanoTime() + 200_000_000L * c.attempts, c.index});
            return true;
        }
        failed.incrementAndGet();
        errors.add("subscriber " + c.index + " failed after " + c.attempts + " attempts: " + e);
        return false;
    }

    void sendRequest(Conn c) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        long until = System.nanoTime() + 1_000_000_000L;
        while (out.hasRemaining()) {
            c.channel.write(out);
            if (out.hasRemaining() && System.nanoTime() > until) {
                throw new IOException("request write stalled");
            }
        }
    }

    static void closeQuietly(Conn c) {
        if (c != null && c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** HTTP/1.1 response parsing: headers, then chunked (or identity) body, then SSE lines. */
    void feed(Conn c, byte[] b, int len, long at) throws IOException {
        int i = 0;
        while (i < len) {
            switch (c.state) {
                case 0 -> {
                    byte x = b[i++];
                    c.head.write(x);
                    c.last4 = (c.last4 << 8) | (x & 0xff);
                    int size = c.head.size();
                    if (c.last4 == 0x0d0a0d0a) {
                        String headers = c.head.toString(StandardCharsets.ISO_8859_1);
                        if (!headers.startsWith("HTTP/1.1 200")) {
                            badStatus.incrementAndGet();
                            throw new IOException("status " + headers.lines().findFirst().orElse(""));
                        }
                        c.state = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? 1 : 4;
                        c.head.reset();
                    }
                    if (size > 16 * 1024) {
                        throw new IOException("headers too long");
                    }
                }
                case 1 -> {
                    byte x = b[i++];
                    if (x == '\n') {
                        String s = c.size.toString().trim();
                        int semi = s.indexOf(';');
                        long chunk = Long.parseLong(semi < 0 ? s : s.substring(0, semi).trim(), 16);
                        c.size.setLength(0);
                        if (chunk == 0) {
                            c.state = 5;
                            return;
                        }
                        c.chunkLeft = chunk;
                        c.state = 2;
                    } else if (x != '\r') {
                        c.size.append((char) x);
                    }
                }
                case 2 -> {
                    int take = (int) Math.min(c.chunkLeft, len - i);
                    lines(c, b, i, take, at);
                    i += take;
                    c.chunkLeft -= take;
                    if (c.chunkLeft == 0) {
                        c.state = 3;
                        c.crlfLeft = 2;
                    }
                }
                case 3 -> {
                    i++;
                    if (--c.crlfLeft == 0) {
                        c.state = 1;
                    }
                }
                case 4 -> {
                    lines(c, b, i, len - i, at);
                    i = len;
                }
                default -> i = len;
            }
        }
    }

    void lines(Conn c, byte[] b, int from, int count, long at) {
        for (int i = from; i < from + count; i++) {
            byte x = b[i];
            if (x == '\n') {
                line(c, at);
                c.lineLength = 0;
            } else if (x != '\r') {
                if (c.lineLength == c.line.length) {
                    c.line = Arrays.copyOf(c.line, c.line.length * 2);
                }
                c.line[c.lineLength++] = x;
            }
        }
    }

    void line(Conn c, long at) {
        byte[] l = c.line;
        int len = c.lineLength;
        if (!c.open && len >= 9 && startsWith(l, len, ":newsfeed")) {
            c.open = true;
            connected.incrementAndGet();
            return;
        }
        if (len > 5 && startsWith(l, len, "data:")) {
            int m = indexOf(l, len, marker);
            if (m >= 0) {
                int k = 0;
                int p = m + marker.length;
                while (p < len && l[p] >= '0' && l[p] <= '9') {
                    k = k * 10 + (l[p++] - '0');
                }
                if (p < len && l[p] == 'y' && k < PUBLISHES && received[k][c.index] == 0) {
                    received[k][c.index] = at;
                    receivedCount[k].incrementAndGet();
                }
            }
        }
        if (c.line.length > 4096) {
            c.line = new byte[128];
        }
    }

    static boolean startsWith(byte[] l, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (l[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] l, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (l[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- figures ----

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    static String ms(long nanos) {
        return nanos == -1 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    record Proc(long rssKb, int threads) {
        static Proc of(long pid) {
            if (pid <= 0) {
                return null;
            }
            try {
                long rss = -1;
                int threads = -1;
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    } else if (line.startsWith("Threads:")) {
                        threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                    }
                }
                return new Proc(rss, threads);
            } catch (IOException | RuntimeException e) {
                System.out.println("cannot read /proc/" + pid + "/status: " + e);
                return null;
            }
        }
    }

    /** With -Dfanout.jcmd: a full GC in the server, then its heap figures (what the open streams retain). */
    static void heapInfo(long pid, String when) {
        String jcmd = System.getProperty("fanout.jcmd");
        if (jcmd == null || pid <= 0) {
            return;
        }
        try {
            run(jcmd, Long.toString(pid), "GC.run");
            run(jcmd, Long.toString(pid), "GC.heap_info").lines()
                    .filter(l -> l.contains("total") || l.contains("Metaspace"))
                    .forEach(l -> System.out.println("  server heap " + when + ", after a full GC: " + l.trim()));
        } catch (IOException e) {
            System.out.println("  jcmd failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
