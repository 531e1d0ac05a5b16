import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat fan-out benchmark: reader accounts log in, C WebSocket connections on {@code /ws/chats} subscribe across R
 * article rooms, then messages are posted over {@code POST /api/chats/rooms/{id}/messages} at M per second for T
 * seconds, and every delivery to every subscribed socket is timed from the moment its post was sent.
 * <p>
 * JDK only. Logins are plain blocking sockets bound to loopback addresses 127.0.0.2, .3, ... (the login throttle
 * allows 20 attempts per address and minute, as for real readers on their own addresses); posts go through one
 * {@link HttpClient} (HTTP/1.1) with each poster's session cookie and CSRF token, as {@code chat.js} sends them; the
 * sockets are non-blocking channels on one selector thread (a small RFC 6455 client: handshake, masked frames out,
 * ping answered with pong). Each socket carries the session cookie of one of the reader accounts, as a logged-in
 * reader's page does.
 * <p>
 * The message text carries the run id, the post's sequence number and its send time (microseconds since the
 * client's start on its monotonic clock), so a delivery's latency is read from the text itself.
 * <pre>
 * java bench/ChatFanout.java &lt;baseUrl&gt; &lt;accountsFile&gt; &lt;articlesFile&gt; [serverPid]
 *   accountsFile: one "email password" per line (the posting and socket accounts); articlesFile: article ids
 *   -Dchat.connections=5000  -Dchat.rooms=500  -Dchat.rate=1000 (posts per second)  -Dchat.seconds=60
 *   -Dchat.posters=500       accounts that post (the first lines of the accounts file)
 *   -Dchat.inFlight=512      posts in flight at most; a post due while the client is at the cap is not sent (counted)
 *   -Dchat.pending=100       socket handshakes in flight at once
 *   -Dchat.drainS=15         wait after the last post for the deliveries still on their way
 *   -Dchat.jcmd=/path/jcmd   with serverPid: a full GC then GC.heap_info before and after the sockets open
 *   -Dchat.threadDumpAtS=-1  with serverPid and jcmd: a thread dump of the server this many seconds into posting
 *   -Dchat.jfrFile=path      with serverPid and jcmd: a flight recording of the server for the seconds of posting
 * </pre>
 */
public class ChatFanout {

    static final int CONNECTIONS = Integer.getInteger("chat.connections", 5000);
    static final int ROOMS = Integer.getInteger("chat.rooms", 500);
    static final int RATE = Integer.getInteger("chat.rate", 1000);
    static final int SECONDS = Integer.getInteger("chat.seconds", 60);
    static final int POSTERS = Integer.getInteger("chat.posters", 500);
    static final int IN_FLIGHT = Integer.getInteger("chat.inFlight", 512);
    static final int PENDING = Integer.getInteger("chat.pending", 100);
    static final int DRAIN_S = Integer.getInteger("chat.drainS", 15);
    /** How posts are sent: "socket" (as a logged-in reader's page does) or "http" (the API, as without a socket). */
    static final String VIA = System.getProperty("chat.via", "socket");
    /** Seconds of posting at the rate before the measured run (the server's JIT warms up); 0: none. */
    static final int WARMUP_S = Integer.getInteger("chat.warmupS", 0);
    /** Whether each socket also asks for its reader's unread counts, as every page of a logged-in reader does. */
    static final boolean INBOX = Boolean.parseBoolean(System.getProperty("chat.inbox", "true"));
    static final int LOGINS_PER_ADDRESS = 15;
    static final int MAX_ATTEMPTS = 5;

    final URI base;
    final InetSocketAddress server;
    final String host;
    final long pid;
    /** CPU seconds the server and PostgreSQL used while posting (and draining); -1 when not read. */
    double serverCpuSeconds = -1;
    double postgresCpuSeconds = -1;
    final long clientStart = System.nanoTime();
    final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    final byte[] marker;
    /** Warm-up posts carry this instead of the marker (their deliveries are not counted) and refs "w<k>". */
    final String warmupMarker;
    final AtomicInteger warmupAcknowledged = new AtomicInteger();
    final AtomicInteger warmupAnswered = new AtomicInteger();
    /** Warm-up posts: nanos each was sent, and send to acknowledgement (0: not acknowledged). */
    long[] warmupSentAt = new long[0];
    long[] warmupLatency = new long[0];

    Reader[] readers;
    long[] roomIds;

    // sockets
    Conn[] conns;
    final AtomicInteger subscribed = new AtomicInteger();
    final AtomicInteger closedAfterSubscribe = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger errorFrames = new AtomicInteger();
    final AtomicInteger pingsAnswered = new AtomicInteger();
    final AtomicLong countFrames = new AtomicLong();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    volatile boolean stop;

    // posts and deliveries
    int total;
    int[] roomOfPost;
    AtomicLongArray ackedAt; // nanos of the 201, 0 while not acknowledged
    int[] receivedPerPost; // written by the selector thread only
    final AtomicLong received = new AtomicLong();
    final AtomicLong wrongRoom = new AtomicLong();
    final AtomicLong badTimestamp = new AtomicLong();
    long[] latencies = new long[1 << 20]; // nanos from send to receipt; selector thread only
    int latencyCount;
    int[] latencyPost = new int[1 << 20]; // the post of each delivery
    final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger notSent = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    long[] postLatency; // send to 201, nanos, 0 when not acknowledged
    long[] sendAt; // nanos when each post was sent
    Semaphore inFlight;

    ChatFanout(URI base, long pid) {
        this.base = base;
        this.pid = pid;
        this.server = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.marker = ("CF" + runId + "-").getBytes(StandardCharsets.US_ASCII);
        this.warmupMarker = "WU" + runId + "-";
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java ChatFanout.java <baseUrl> <accountsFile> <articlesFile> [serverPid]");
            System.exit(2);
        }
        URI base = URI.create(args[0].replaceAll("/+$", ""));
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        List<String[]> accounts = Files.readAllLines(Path.of(args[1])).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.split("\\s+", 2)).toList();
        long[] articles = Files.readAllLines(Path.of(args[2])).stream().map(String::strip)
                .filter(l -> l.matches("\\d+")).mapToLong(Long::parseLong).toArray();
        new ChatFanout(base, pid).run(accounts, articles);
    }

    void run(List<String[]> accounts, long[] articles) throws Exception {
        System.out.printf(Locale.ROOT, "ChatFanout: %d sockets across %d rooms, %d posts/s for %d s from %d accounts on %s;"
                        + " client %s, max heap %d MB%n", CONNECTIONS, ROOMS, RATE, SECONDS, POSTERS, base,
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        if (articles.length < ROOMS || accounts.size() < POSTERS) {
            throw new IllegalStateException(articles.length + " articles and " + accounts.size() + " accounts for "
                    + ROOMS + " rooms and " + POSTERS + " posters");
        }
        login(accounts.subList(0, POSTERS));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        openRooms(http, articles);

        Proc before = Proc.of(pid);
        long heapBefore = heapInfo("before the sockets open");
        connectSockets();
        Thread.sleep(3000); // let the server settle before measuring its memory
        int open = subscribed.get() - closedAfterSubscribe.get();
        Proc withSockets = Proc.of(pid);
        long heapWith = heapInfo("with " + open + " sockets open");
        if (before != null && withSockets != null) {
            System.out.printf(Locale.ROOT, "server RSS: %.1f MB before the sockets, %.1f MB with %d open (%+.1f KB per connection); threads %d → %d%n",
                    before.rssKb / 1024.0, withSockets.rssKb / 1024.0, open,
                    (withSockets.rssKb - before.rssKb) / (double) Math.max(1, open), before.threads, withSockets.threads);
        }
        if (heapBefore > 0 && heapWith > 0) {
            System.out.printf(Locale.ROOT, "server heap used after a full GC: %.1f MB before, %.1f MB with %d sockets: %.1f KB per connection%n",
                    heapBefore / 1024.0, heapWith / 1024.0, open, (heapWith - heapBefore) / (double) Math.max(1, open));
        }

        if (WARMUP_S > 0) {
            warmUp();
        }
        post(http);
        report(before, withSockets, heapBefore, heapWith);
        stop = true;
        http.executor().ifPresent(e -> ((ExecutorService) e).shutdownNow());
    }

    // ---- accounts ----

    static final class Reader {
        final String email;
        final Map<String, String> cookies = new LinkedHashMap<>();
        String csrfHeader;
        String csrfToken;
        String cookieHeader;

        Reader(String email) {
            this.email = email;
        }
    }

    static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
    static final Pattern JSON_STRING = Pattern.compile("\"(csrfHeader|csrfToken|code)\"\\s*:\\s*\"([^\"]*)\"");

    void login(List<String[]> accounts) throws Exception {
        readers = new Reader[accounts.size()];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            int index = i;
            done.add(pool.submit(() -> {
                readers[index] = loginOne(accounts.get(index)[0], accounts.get(index)[1],
                        "127.0.0." + (2 + index / LOGINS_PER_ADDRESS));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "logged in %d readers in %.1f s (form login from %d loopback addresses, %d each)%n",
                readers.length, (System.nanoTime() - t0) / 1e9, (readers.length + LOGINS_PER_ADDRESS - 1) / LOGINS_PER_ADDRESS,
                LOGINS_PER_ADDRESS);
    }

    Reader loginOne(String email, String password, String localAddress) throws IOException {
        Reader reader = new Reader(email);
        Exchange form = exchange(localAddress, "GET", "/account/login", reader, null, null);
        Matcher csrf = CSRF_INPUT.matcher(form.body);
        if (form.status != 200 || !csrf.find()) {
            throw new IOException("login form for " + email + ": status " + form.status);
        }
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        Exchange login = exchange(localAddress, "POST", "/account/login", reader,
                "application/x-www-form-urlencoded", body);
        String location = login.headers.getOrDefault("location", "");
        if (login.status != 302 || location.contains("error") || location.contains("throttled")
                || location.contains("unconfirmed")) {
            throw new IOException("login of " + email + ": status " + login.status + " to " + location);
        }
        Exchange me = exchange(localAddress, "GET", "/api/chats/me", reader, null, null);
        Matcher m = JSON_STRING.matcher(me.body);
        while (m.find()) {
            if (m.group(1).equals("csrfHeader")) {
                reader.csrfHeader = m.group(2);
            } else if (m.group(1).equals("csrfToken")) {
                reader.csrfToken = m.group(2);
            }
        }
        if (me.status != 200 || !me.body.contains("\"loggedIn\":true") || reader.csrfToken == null) {
            throw new IOException("after login of " + email + ": " + me.status + " " + me.body);
        }
        reader.cookieHeader = cookieHeader(reader);
        return reader;
    }

    static String cookieHeader(Reader reader) {
        StringBuilder s = new StringBuilder();
        reader.cookies.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return s.toString();
    }

    record Exchange(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 exchange on its own connection from a chosen local address; keeps the reader's cookies. */
    Exchange exchange(String localAddress, String method, String path, Reader reader, String contentType, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nConnection: close\r\nUser-Agent: ChatFanout\r\nAccept: */*\r\n");
            if (!reader.cookies.isEmpty()) {
                request.append("Cookie: ").append(cookieHeader(reader)).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ")
                        .append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            byte[] raw = socket.getInputStream().readAllBytes();
            int headEnd = indexOf(raw, raw.length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (headEnd < 0) {
                throw new IOException(method + " " + path + ": no response head");
            }
            String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("set-cookie")) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String cookie = pair.substring(0, eq).trim();
                    String cookieValue = pair.substring(eq + 1).trim();
                    if (cookieValue.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        reader.cookies.remove(cookie);
                    } else {
                        reader.cookies.put(cookie, cookieValue);
                    }
                }
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
            byte[] payload = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
            if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
                payload = dechunk(payload);
            }
            return new Exchange(status, headers, new String(payload, StandardCharsets.UTF_8));
        }
    }

    static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int lineEnd = indexOf(in, in.length, new byte[] {'\r', '\n'}, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(in, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(in, lineEnd + 2, Math.min(n, in.length - lineEnd - 2));
            i = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    // ---- rooms: the first message under each article creates its room ----

    static final Pattern ROOM_ID = Pattern.compile("\"roomId\"\\s*:\\s*(\\d+)");

    void openRooms(HttpClient http, long[] articles) throws Exception {
        roomIds = new long[ROOMS];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                Reader reader = readers[index % readers.length];
                HttpResponse<String> response = http.send(postRequest(reader,
                        "/api/chats/articles/" + articles[index] + "/messages",
                        "Opening the conversation of the chat fan-out benchmark."), HttpResponse.BodyHandlers.ofString());
                Matcher m = ROOM_ID.matcher(response.body());
                if (response.statusCode() != 201 || !m.find()) {
                    throw new IOException("first message under article " + articles[index] + ": "
                            + response.statusCode() + " " + response.body());
                }
                roomIds[index] = Long.parseLong(m.group(1));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "opened %d article rooms (first message under each article) in %.1f s%n", ROOMS,
                (System.nanoTime() - t0) / 1e9);
    }

    HttpRequest postRequest(Reader reader, String path, String text) {
        String json = "{\"body\":\"" + text + "\"}";
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", reader.cookieHeader).header(reader.csrfHeader, reader.csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    // ---- posting at a fixed rate, open loop ----

    void post(HttpClient http) throws InterruptedException {
        total = RATE * SECONDS;
        roomOfPost = new int[total];
        ackedAt = new AtomicLongArray(total);
        postLatency = new long[total];
        receivedPerPost = new int[total];
        inFlight = new Semaphore(IN_FLIGHT);
        long threadDumpAt = Long.getLong("chat.threadDumpAtS", -1);
        long interval = 1_000_000_000L / RATE;
        long cpuBefore = serverCpuTicks();
        long clientCpuBefore = clientCpuNanos();
        long postgresBefore = processTicks("postgres");
        long[] machineBefore = machineTicks();
        double[] loadBefore = loadAverage();
        long t0 = System.nanoTime() + 100_000_000L;
        sendAt = new long[total];
        System.out.printf(Locale.ROOT, "posting %d messages at %d/s to %d rooms from %d accounts over %s ...%n", total,
                RATE, ROOMS, POSTERS, VIA.equals("http") ? "HTTP (POST /api/chats/rooms/{id}/messages)"
                        : "their sockets ({\"type\":\"post\"} frames)");
        boolean dumped = false;
        String jfr = System.getProperty("chat.jfrFile");
        if (jfr != null && pid > 0 && System.getProperty("chat.jcmd") != null) {
            try { // a CPU profile of the server while it takes the posts
                System.out.println("  " + run(System.getProperty("chat.jcmd"), Long.toString(pid), "JFR.start",
                        "duration=" + SECONDS + "s", "filename=" + jfr, "settings=profile", "method-profiling=max").lines().filter(l -> l.contains("Started"))
                        .findFirst().orElse("JFR.start: no answer"));
            } catch (IOException e) {
                System.out.println("  JFR.start failed: " + e);
            }
        }
        for (int k = 0; k < total; k++) {
            long due = t0 + k * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!dumped && threadDumpAt >= 0 && System.nanoTime() - t0 >= threadDumpAt * 1_000_000_000L) {
                dumped = true;
                Thread dump = new Thread(() -> threadDump("during posting", ""));
                dump.setDaemon(true);
                dump.start();
            }
            int room = (k + k / POSTERS) % ROOMS;
            roomOfPost[k] = room;
            if (!inFlight.tryAcquire()) {
                notSent.incrementAndGet();
                continue;
            }
            Reader reader = readers[k % POSTERS];
            long at = System.nanoTime();
            sendAt[k] = at;
            String text = new String(marker, StandardCharsets.US_ASCII) + k + "-" + (at - clientStart) / 1000
                    + " chat fan-out benchmark message";
            int seq = k;
            if (!VIA.equals("http")) {
                // one of the poster's own sockets (socket i is reader i mod POSTERS's), a different one each round
                Conn c = conns[k % POSTERS + POSTERS * ((k / POSTERS) % Math.max(1, CONNECTIONS / POSTERS))];
                if (!c.subscribed || c.closed) {
                    inFlight.release();
                    notSent.incrementAndGet();
                    continue;
                }
                try {
                    write(c, frame(1, ("{\"type\":\"post\",\"ref\":\"" + k + "\",\"room\":" + roomIds[room]
                            + ",\"body\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8)));
                    sent.incrementAndGet();
                } catch (IOException e) {
                    inFlight.release();
                    outcomes.computeIfAbsent("write failed", o -> new AtomicInteger()).incrementAndGet();
                }
                continue;
            }
            sent.incrementAndGet();
            http.sendAsync(postRequest(reader, "/api/chats/rooms/" + roomIds[room] + "/messages", text),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        String outcome;
                        if (failure != null) {
                            outcome = "error " + failure.getClass().getSimpleName();
                        } else if (response.statusCode() == 201) {
                            ackedAt.set(seq, now);
                            postLatency[seq] = now - at;
                            outcome = "201";
                        } else {
                            Matcher m = JSON_STRING.matcher(response.body());
                            String code = "";
                            while (m.find()) {
                                if (m.group(1).equals("code")) {
                                    code = " " + m.group(2);
                                }
                            }
                            outcome = response.statusCode() + code;
                        }
                        outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    });
        }
        long postingEnd = System.nanoTime();
        System.out.printf(Locale.ROOT, "posting took %.2f s (scheduled %d s); waiting for answers and deliveries%n",
                (postingEnd - t0) / 1e9, SECONDS);
        long deadline = postingEnd + DRAIN_S * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (inFlight.availablePermits() == IN_FLIGHT && received.get() >= expected()) {
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(200); // stragglers already being read
        long cpuAfter = serverCpuTicks();
        long clientCpuAfter = clientCpuNanos();
        long postgresAfter = processTicks("postgres");
        long[] machineAfter = machineTicks();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            serverCpuSeconds = (cpuAfter - cpuBefore) / 100.0;
            postgresCpuSeconds = (postgresAfter - postgresBefore) / 100.0;
            System.out.printf(Locale.ROOT, "CPU during posting and drain (%.1f s): server %.1f s (%.0f%% of one core), client %.1f s (%.0f%%); load average %.2f → %.2f%n",
                    seconds, (cpuAfter - cpuBefore) / 100.0, (cpuAfter - cpuBefore) / seconds, (clientCpuAfter - clientCpuBefore) / 1e9,
                    (clientCpuAfter - clientCpuBefore) / 1e7 / seconds, loadBefore[0], loadAverage()[0]);
            long busy = machineAfter[0] - machineBefore[0];
            long all = busy + machineAfter[1] - machineBefore[1];
            System.out.printf(Locale.ROOT, "  PostgreSQL (all its processes) %.1f s (%.0f%% of one core); the machine's %d cores busy %.0f%% of the time%n",
                    postgresCpuSeconds, postgresCpuSeconds * 100 / seconds, Runtime.getRuntime().availableProcessors(),
                    all == 0 ? 0.0 : 100.0 * busy / all);
        }
    }

    /**
     * Posts at the rate for WARMUP_S seconds over the sockets, as the measured run does, and waits until every
     * warm-up post is answered (or 30 s); their deliveries are not counted.
     */
    void warmUp() throws InterruptedException {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        inFlight = permits;
        int posts = RATE * WARMUP_S;
        warmupSentAt = new long[posts];
        warmupLatency = new long[posts];
        long interval = 1_000_000_000L / RATE;
        long clientCpu = clientCpuNanos();
        long serverCpu = serverCpuTicks();
        long t0 = System.nanoTime() + 100_000_000L;
        int sentNow = 0;
        for (int k = 0; k < posts; k++) {
            long due = t0 + k * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Conn c = conns[k % POSTERS + POSTERS * ((k / POSTERS) % Math.max(1, CONNECTIONS / POSTERS))];
            if (!c.subscribed || c.closed || !permits.tryAcquire()) {
                continue;
            }
            try {
                warmupSentAt[k] = System.nanoTime();
                write(c, frame(1, ("{\"type\":\"post\",\"ref\":\"w" + k + "\",\"room\":"
                        + roomIds[(k + k / POSTERS) % ROOMS] + ",\"body\":\"" + warmupMarker + k
                        + " chat fan-out warm-up message\"}").getBytes(StandardCharsets.UTF_8)));
                sentNow++;
            } catch (IOException e) {
                permits.release();
            }
        }
        long end = System.nanoTime() + 30_000_000_000L;
        while (warmupAnswered.get() < sentNow && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "warm-up: %d posts due over %d s, %d sent, %d acknowledged (%.1f/s) in %.1f s; server CPU %.0f%% of one core, client %.0f%%%n",
                posts, WARMUP_S, sentNow, warmupAcknowledged.get(), warmupAcknowledged.get() / seconds, seconds,
                (serverCpuTicks() - serverCpu) / seconds, (clientCpuNanos() - clientCpu) / 1e7 / seconds);
        warmupLatencies();
        Thread.sleep(2000); // the last warm-up deliveries
    }

    /**
     * The warm-up's acknowledgements by 10 s of posting: a server just started compiles its hot code during the
     * first minute or so under load, and these show how long that took (its deliveries are not timed).
     */
    void warmupLatencies() {
        if (warmupLatency.length == 0) {
            return;
        }
        System.out.println("  warm-up, post sent → acknowledgement by 10 s of posting:");
        for (int from = 0; from < WARMUP_S; from += 10) {
            int first = from * RATE;
            int last = Math.min(WARMUP_S, from + 10) * RATE;
            long[] window = new long[last - first];
            int n = 0;
            for (int k = first; k < last; k++) {
                if (warmupLatency[k] != 0) {
                    window[n++] = warmupLatency[k];
                }
            }
            window = Arrays.copyOf(window, n);
            Arrays.sort(window);
            System.out.printf(Locale.ROOT, "    %d–%d s: %d acknowledged, p50 %s p99 %s max %s ms%n", from,
                    Math.min(WARMUP_S, from + 10), n, ms(pct(window, 50)), ms(pct(window, 99)), ms(max(window)));
        }
    }

    long expected() {
        long expected = 0;
        int[] perRoom = subscribersPerRoom();
        for (int k = 0; k < total; k++) {
            if (ackedAt.get(k) != 0) {
                expected += perRoom[roomOfPost[k]];
            }
        }
        return expected;
    }

    int[] subscribersPerRoom() {
        int[] perRoom = new int[ROOMS];
        for (Conn c : conns) {
            if (c.subscribed && !c.closed) {
                perRoom[c.room]++;
            }
        }
        return perRoom;
    }

    // ---- figures ----

    void report(Proc before, Proc withSockets, long heapBefore, long heapWith) {
        int acked = 0;
        long[] ack = new long[total];
        for (int k = 0; k < total; k++) {
            if (postLatency[k] != 0) {
                ack[acked++] = postLatency[k];
            }
        }
        ack = Arrays.copyOf(ack, acked);
        Arrays.sort(ack);
        long expected = expected();
        long[] lat;
        int[] second;
        long[] fromAck;
        synchronized (this) {
            lat = Arrays.copyOf(latencies, latencyCount);
            second = Arrays.copyOf(latencyPost, latencyCount);
            for (int i = 0; i < second.length; i++) {
                second[i] /= RATE;
            }
            fromAck = new long[latencyCount];
            for (int i = 0; i < latencyCount; i++) {
                fromAck[i] = latencies[i] - postLatency[latencyPost[i]];
            }
        }
        long missing = 0;
        long duplicates = 0;
        long ofUnacknowledged = 0;
        List<String> missed = new ArrayList<>();
        int[] perRoom = subscribersPerRoom();
        for (int k = 0; k < total; k++) {
            if (ackedAt.get(k) != 0) {
                missing += Math.max(0, perRoom[roomOfPost[k]] - receivedPerPost[k]);
                if (receivedPerPost[k] < perRoom[roomOfPost[k]] && missed.size() < 10) {
                    missed.add(String.format(Locale.ROOT, "post %d (second %d of posting, room %d, acknowledged after %s ms): %d of %d",
                            k, k / RATE, roomIds[roomOfPost[k]], ms(postLatency[k]), receivedPerPost[k], perRoom[roomOfPost[k]]));
                }
                duplicates += Math.max(0, receivedPerPost[k] - perRoom[roomOfPost[k]]);
            } else {
                ofUnacknowledged += receivedPerPost[k];
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "posts: %d due, %d sent, %d not sent (client at %d in flight); outcomes %s%n",
                total, sent.get(), notSent.get(), IN_FLIGHT, new TreeMap<>(outcomes));
        System.out.printf(Locale.ROOT, "acknowledged: %d (%.1f/s over %d s); post sent → acknowledgement p50 %s p95 %s p99 %s max %s ms%n",
                acked, acked / (double) SECONDS, SECONDS, ms(pct(ack, 50)), ms(pct(ack, 95)), ms(pct(ack, 99)), ms(max(ack)));
        if (serverCpuSeconds >= 0 && acked > 0) {
            System.out.printf(Locale.ROOT, "CPU per acknowledged post (with its deliveries): server %.2f ms, PostgreSQL %.2f ms%n",
                    serverCpuSeconds * 1000 / acked, postgresCpuSeconds * 1000 / acked);
        }
        System.out.printf(Locale.ROOT, "deliveries: %d received of %d expected (acknowledged posts × sockets in their room); missing %d; more than once %d; in the wrong room %d; of posts not acknowledged %d; unreadable %d%n",
                received.get(), expected, missing, duplicates, wrongRoom.get(), ofUnacknowledged, badTimestamp.get());
        missed.forEach(m -> System.out.println("  not received by every socket: " + m));
        long[] sorted = lat.clone();
        Arrays.sort(sorted);
        long within = Arrays.stream(sorted).filter(l -> l < 250_000_000L).count();
        System.out.printf(Locale.ROOT, "delivery latency (post sent → frame read): p50 %s p95 %s p99 %s p99.9 %s max %s ms; under 250 ms: %.2f%%%n",
                ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(pct(sorted, 99.9)), ms(max(sorted)),
                100.0 * within / Math.max(1, sorted.length));
        Arrays.sort(fromAck);
        System.out.printf(Locale.ROOT, "delivery latency from the post's acknowledgement (the fan-out alone; negative when the frame overtook it): p50 %s p95 %s p99 %s max %s ms%n",
                ms(pct(fromAck, 50)), ms(pct(fromAck, 95)), ms(pct(fromAck, 99)), ms(max(fromAck)));
        System.out.println();
        System.out.println("| seconds of posting | deliveries | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        int window = Math.max(1, SECONDS / 6);
        for (int from = 0; from < SECONDS; from += window) {
            int f = from;
            int to = Math.min(SECONDS, from + window);
            long[] part = java.util.stream.IntStream.range(0, lat.length).filter(i -> second[i] >= f && second[i] < to)
                    .mapToLong(i -> lat[i]).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %d–%d | %d | %s | %s | %s | %s |%n", from, to, part.length, ms(pct(part, 50)),
                    ms(pct(part, 95)), ms(pct(part, 99)), ms(max(part)));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "sockets: %d subscribed, %d closed by the server afterwards, %d failed; %d error frames; %d pings answered; %s%n",
                subscribed.get(), closedAfterSubscribe.get(), failed.get(), errorFrames.get(), pingsAnswered.get(),
                INBOX ? "each asked for its reader's unread counts: " + countFrames.get() + " count frames received"
                        : "no unread counts asked for");
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        Proc after = Proc.of(pid);
        if (after != null && before != null) {
            System.out.printf(Locale.ROOT, "server RSS after posting: %.1f MB; threads %d%n", after.rssKb / 1024.0, after.threads);
        }
        heapInfo("after posting");
        System.out.printf(Locale.ROOT, "client: heap used %.1f MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
    }

    // ---- the sockets: one selector thread ----

    static final class Conn {
        final int index;
        final int room;
        SocketChannel channel;
        int attempts;
        boolean upgraded;
        boolean subscribed;
        boolean closed;
        ByteBuffer in = ByteBuffer.allocate(2048);
        final java.io.ByteArrayOutputStream fragments = new java.io.ByteArrayOutputStream();

        Conn(int index, int room) {
            this.index = index;
            this.room = room;
        }
    }

    void connectSockets() throws InterruptedException {
        conns = new Conn[CONNECTIONS];
        for (int i = 0; i < CONNECTIONS; i++) {
            conns[i] = new Conn(i, i % ROOMS);
        }
        Thread loop = new Thread(this::selectorLoop, "chat-selector");
        loop.setDaemon(true);
        long t0 = System.nanoTime();
        loop.start();
        long deadline = t0 + 600_000_000_000L;
        long lastReport = t0;
        boolean dumped = false;
        while (subscribed.get() + failed.get() < CONNECTIONS && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (!dumped && System.nanoTime() - t0 > 15_000_000_000L) {
                dumped = true; // slower than expected: show what the server is doing
                threadDump("15 s into subscribing", "-subscribing");
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "  ... %d/%d subscribed (%d failed, %d retries) after %.1f s%n",
                        subscribed.get(), CONNECTIONS, failed.get(), retries.get(), (lastReport - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "subscribed %d/%d sockets in %.1f s (%d failed, %d retries); %d per room%n",
                subscribed.get(), CONNECTIONS, (System.nanoTime() - t0) / 1e9, failed.get(), retries.get(),
                CONNECTIONS / ROOMS);
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
    }

    void selectorLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        ArrayDeque<Conn> toOpen = new ArrayDeque<>(Arrays.asList(conns));
        ArrayDeque<long[]> retryAt = new ArrayDeque<>();
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
                        c.upgraded = false;
                        c.in.clear();
                        c.channel = SocketChannel.open();
                        c.channel.configureBlocking(false);
                        c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        c.channel.setOption(StandardSocketOptions.SO_RCVBUF, 32 * 1024);
                        if (c.channel.connect(server)) {
                            write(c, handshake(c));
                            c.channel.register(selector, SelectionKey.OP_READ, c);
                        } else {
                            c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                        }
                        inFlight++;
                    } catch (IOException e) {
                        failure(c, e, retryAt);
                    }
                }
                selector.select(20);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    boolean wasSubscribed = c.subscribed;
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            write(c, handshake(c));
                            key.interestOps(SelectionKey.OP_READ);
                            continue;
                        }
                        if (key.isReadable()) {
                            long at = System.nanoTime();
                            int read;
                            while ((read = c.channel.read(buffer)) > 0) {
                                buffer.flip();
                                if (c.in.remaining() < buffer.remaining()) {
                                    ByteBuffer bigger = ByteBuffer.allocate(Math.max(c.in.capacity() * 2,
                                            c.in.position() + buffer.remaining() + 1024));
                                    c.in.flip();
                                    bigger.put(c.in);
                                    c.in = bigger;
                                }
                                c.in.put(buffer);
                                buffer.clear();
                                feed(c, at);
                            }
                            if (!wasSubscribed && c.subscribed) {
                                inFlight--;
                            }
                            if (read < 0) {
                                throw new IOException("closed by the server");
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        key.cancel();
                        close(c);
                        if (c.subscribed) {
                            if (!stop && !c.closed) {
                                c.closed = true;
                                closedAfterSubscribe.incrementAndGet();
                                errors.add("socket " + c.index + " closed after subscribing: " + e.getMessage());
                            }
                        } else {
                            inFlight--;
                            failure(c, e, retryAt);
                        }
                    }
                }
            }
            for (Conn c : conns) {
                close(c);
            }
        } catch (IOException e) {
            errors.add("selector: " + e);
        }
    }

    byte[] handshake(Conn c) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        Reader reader = readers[c.index % readers.length];
        return ("GET /ws/chats HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://" + host + "\r\nUser-Agent: ChatFanout\r\nCookie: " + reader.cookieHeader + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    void failure(Conn c, Exception e, ArrayDeque<long[]> retryAt) {
        close(c);
        if (c.attempts < MAX_ATTEMPTS) {
            retries.incrementAndGet();
            retryAt.add(new long[] {System.nanoTime() + 200_000_000L * c.attempts, c.index});
        } else {
            failed.incrementAndGet();
            errors.add("socket " + c.index + " failed after " + c.attempts + " attempts: " + e);
        }
    }

    /** Writes a whole frame; the posting thread and the selector thread both write, never interleaved. */
    static void write(Conn c, byte[] bytes) throws IOException {
        synchronized (c) {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            long until = System.nanoTime() + 1_000_000_000L;
            while (out.hasRemaining()) {
                c.channel.write(out);
                if (out.hasRemaining() && System.nanoTime() > until) {
                    throw new IOException("write stalled");
                }
            }
        }
    }

    static void close(Conn c) {
        if (c != null && c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A client frame: FIN, the opcode, masked as RFC 6455 asks of clients. */
    static byte[] frame(int opcode, byte[] payload) {
        int n = payload.length;
        int head = n < 126 ? 2 : 4;
        byte[] out = new byte[head + 4 + n];
        out[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            out[1] = (byte) (0x80 | n);
        } else {
            out[1] = (byte) (0x80 | 126);
            out[2] = (byte) (n >> 8);
            out[3] = (byte) n;
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, out, head, 4);
        for (int i = 0; i < n; i++) {
            out[head + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return out;
    }

    /** Consumes what is complete in the connection's input: the 101 response, then frames. */
    void feed(Conn c, long at) throws IOException {
        ByteBuffer in = c.in;
        in.flip();
        try {
            if (!c.upgraded) {
                byte[] data = new byte[in.remaining()];
                in.get(in.position(), data);
                int end = indexOf(data, data.length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
                if (end < 0) {
                    return;
                }
                String head = new String(data, 0, end, StandardCharsets.ISO_8859_1);
                if (!head.startsWith("HTTP/1.1 101")) {
                    throw new IOException("handshake: " + head.lines().findFirst().orElse(""));
                }
                in.position(in.position() + end + 4);
                c.upgraded = true;
                byte[] subscribe = ("{\"type\":\"subscribe\",\"room\":" + roomIds[c.room] + "}")
                        .getBytes(StandardCharsets.US_ASCII);
                write(c, frame(1, subscribe));
                if (INBOX) {
                    write(c, frame(1, "{\"type\":\"inbox\"}".getBytes(StandardCharsets.US_ASCII)));
                }
            }
            while (in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get(start) & 0xff;
                int b1 = in.get(start + 1) & 0xff;
                int opcode = b0 & 0x0f;
                long length = b1 & 0x7f;
                int head = 2;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        return;
                    }
                    length = ((in.get(start + 2) & 0xff) << 8) | (in.get(start + 3) & 0xff);
                    head = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        return;
                    }
                    length = in.getLong(start + 2);
                    head = 10;
                }
                if (in.remaining() < head + length) {
                    return;
                }
                byte[] payload = new byte[(int) length];
                in.get(start + head, payload);
                in.position(start + head + (int) length);
                boolean fin = (b0 & 0x80) != 0;
                if (opcode == 0x1 && !fin || opcode == 0x0) { // a text message in fragments: whole before it is read
                    c.fragments.write(payload, 0, payload.length);
                    if (!fin) {
                        continue;
                    }
                    payload = c.fragments.toByteArray();
                    c.fragments.reset();
                    opcode = 0x1;
                }
                switch (opcode) {
                    case 0x1 -> text(c, payload, at);
                    case 0x9 -> {
                        write(c, frame(0xA, payload));
                        pingsAnswered.incrementAndGet();
                    }
                    case 0x8 -> throw new IOException("close frame " + (payload.length >= 2
                            ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : 0));
                    default -> {
                    }
                }
            }
        } finally {
            in.compact();
        }
    }

    static final byte[] SUBSCRIBED = "\"type\":\"subscribed\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ERROR = "\"type\":\"error\"".getBytes(StandardCharsets.US_ASCII);

    static final byte[] UNREAD = "{\"type\":\"unread\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] INBOX_FRAME = "{\"type\":\"inbox\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] POSTED = "{\"type\":\"posted\",\"ref\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REFUSED = "{\"type\":\"refused\",\"ref\":\"".getBytes(StandardCharsets.US_ASCII);
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]*)\"");

    /** The answer to a post sent over a socket: {@code posted} (acknowledged) or {@code refused}. */
    boolean answer(byte[] p, long at) {
        boolean posted = startsWith(p, POSTED);
        if (!posted && !startsWith(p, REFUSED)) {
            return false;
        }
        int i = (posted ? POSTED : REFUSED).length;
        if (i < p.length && p[i] == 'w') { // a warm-up post's
            if (posted) {
                warmupAcknowledged.incrementAndGet();
                int w = 0;
                for (int j = i + 1; j < p.length && p[j] >= '0' && p[j] <= '9'; j++) {
                    w = w * 10 + (p[j] - '0');
                }
                if (w < warmupSentAt.length && warmupSentAt[w] != 0) {
                    warmupLatency[w] = Math.max(1, at - warmupSentAt[w]);
                }
            }
            warmupAnswered.incrementAndGet();
            inFlight.release();
            return true;
        }
        int k = 0;
        while (i < p.length && p[i] >= '0' && p[i] <= '9') {
            k = k * 10 + (p[i++] - '0');
        }
        if (k >= total) {
            badTimestamp.incrementAndGet();
            return true;
        }
        String outcome;
        if (posted) {
            ackedAt.set(k, at);
            postLatency[k] = at - sendAt[k];
            outcome = "posted";
        } else {
            Matcher m = CODE.matcher(new String(p, StandardCharsets.UTF_8));
            outcome = "refused " + (m.find() ? m.group(1) : "");
        }
        inFlight.release();
        outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    static boolean startsWith(byte[] p, byte[] prefix) {
        if (p.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (p[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    void text(Conn c, byte[] p, long at) {
        if (answer(p, at)) {
            return;
        }
        if (startsWith(p, UNREAD) || startsWith(p, INBOX_FRAME)) { // the reader's counts (their preview quotes posts)
            countFrames.incrementAndGet();
            return;
        }
        int m = indexOf(p, p.length, marker, 0);
        if (m >= 0) {
            int i = m + marker.length;
            long seq = 0;
            while (i < p.length && p[i] >= '0' && p[i] <= '9') {
                seq = seq * 10 + (p[i++] - '0');
            }
            long micros = 0;
            boolean ok = i < p.length && p[i++] == '-';
            while (ok && i < p.length && p[i] >= '0' && p[i] <= '9') {
                micros = micros * 10 + (p[i++] - '0');
            }
            if (!ok || seq >= total) {
                badTimestamp.incrementAndGet();
                return;
            }
            int k = (int) seq;
            received.incrementAndGet();
            receivedPerPost[k]++;
            if (roomOfPost[k] != c.room) {
                wrongRoom.incrementAndGet();
            }
            long sentAt = clientStart + micros * 1000;
            synchronized (this) {
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    latencyPost = Arrays.copyOf(latencyPost, latencyPost.length * 2);
                }
                latencyPost[latencyCount] = k;
                latencies[latencyCount++] = at - sentAt;
            }
            return;
        }
        if (!c.subscribed && indexOf(p, p.length, SUBSCRIBED, 0) >= 0) {
            c.subscribed = true;
            subscribed.incrementAndGet();
        } else if (indexOf(p, p.length, ERROR, 0) >= 0) {
            errorFrames.incrementAndGet();
            if (errorFrames.get() <= 5) {
                errors.add("socket " + c.index + ": " + new String(p, StandardCharsets.UTF_8));
            }
        }
    }

    static int indexOf(byte[] l, int len, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (l[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- the server process ----

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

    /** utime + stime of the server in clock ticks (100 per second here), or -1. */
    long serverCpuTicks() {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU ticks (1/100 s) of every process with this command name, as /proc has them now. */
    static long processTicks(String command) {
        long ticks = 0;
        try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    if (!stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals(command)) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** The machine's busy and idle (with I/O wait) ticks since boot, from /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return new long[] {busy, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException e) {
            return new double[] {-1, -1, -1};
        }
    }

    static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** With -Dchat.jcmd: a full GC in the server, then its heap; returns the KB used (or -1). */
    long heapInfo(String when) {
        String jcmd = System.getProperty("chat.jcmd");
        if (jcmd == null || pid <= 0) {
            return -1;
        }
        try {
            run(jcmd, Long.toString(pid), "GC.run");
            long used = -1;
            for (String line : run(jcmd, Long.toString(pid), "GC.heap_info").lines().toList()) {
                if (line.contains("heap") && line.contains("total")) {
                    System.out.println("  server heap " + when + ", after a full GC: " + line.trim());
                    Matcher m = HEAP_USED.matcher(line);
                    if (m.find()) {
                        used = Long.parseLong(m.group(1));
                    }
                }
            }
            return used;
        } catch (IOException e) {
            System.out.println("  jcmd failed: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void threadDump(String when, String suffix) {
        String jcmd = System.getProperty("chat.jcmd");
        String file = System.getProperty("chat.threadDumpFile") == null ? null
                : System.getProperty("chat.threadDumpFile").replaceAll("\\.txt$", "") + suffix + ".txt";
        if (jcmd == null || pid <= 0 || file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), run(jcmd, Long.toString(pid), "Thread.print"));
            System.out.println("  server thread dump " + when + " written to " + file);
        } catch (IOException e) {
            System.out.println("  thread dump failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroy();
        }
        return out;
    }
}
