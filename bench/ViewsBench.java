import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Article views against a running Dateline, beside the page they come with. JDK only; plain HTTP/1.1 keep-alive
 * sockets, each bound to its own loopback address (127.0.0.2, .3, ...) so that the server sees many anonymous
 * readers. Closed loop: C connections, each sending its next request as soon as the last is answered, for S seconds
 * per phase:
 * <ol>
 *   <li>{@code page}: {@code GET} of one cached article page (what every view comes with);</li>
 *   <li>{@code view (new)}: {@code POST /api/views/{id}} for (address, article) pairs never sent before: each is
 *   counted (a mark, the total moved);</li>
 *   <li>{@code view (again)}: the same pairs again, the same day: answered, not counted;</li>
 *   <li>{@code view (new reader)}: every view from an address not seen before, on a connection of its own (what a
 *   server shows to many readers who each read one story; the cost of a per-address rate limit's first check);</li>
 *   <li>{@code read}: {@code GET /api/views/{id}}.</li>
 * </ol>
 * Prints, per phase, requests per second, latency p50/p99, answers other than 200, how many views were counted, the
 * CPU the server (and PostgreSQL's processes) spent per request, from /proc, and on PostgreSQL the transactions of
 * the server's database per request (of that database only; the CPU of PostgreSQL's processes counts every user).
 * <p>
 * Usage: {@code java ViewsBench.java BASE_URL PAGE_PATH SERVER_PID}; {@code -Dviews.connections=16
 * -Dviews.seconds=20 -Dviews.pgdb=NAME}. The live articles are found by asking {@code GET /api/views/{id}} for ids 1, 2, ... until 200
 * ids in a row answer 404.
 */
public class ViewsBench {

    static final int CONNECTIONS = Integer.getInteger("views.connections", 16);
    static final int SECONDS = Integer.getInteger("views.seconds", 20);
    static final long TICKS = 100; // USER_HZ of /proc/<pid>/stat

    final String host;
    final int port;
    final String pagePath;
    final long[] articles;
    final long serverPid;

    ViewsBench(String base, String pagePath, long[] articles, long serverPid) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.pagePath = pagePath;
        this.articles = articles;
        this.serverPid = serverPid;
    }

    public static void main(String[] args) throws Exception {
        long[] ids = liveArticles(URI.create(args[0]));
        ViewsBench bench = new ViewsBench(args[0], args[1], ids, Long.parseLong(args[2]));
        System.out.printf(Locale.ROOT, "ViewsBench: %d connections, %d s per phase, %d live articles; client %s%n",
                CONNECTIONS, SECONDS, ids.length, System.getProperty("java.runtime.version"));
        System.out.println();
        System.out.println("| phase | requests | requests/s | p50 ms | p99 ms | not 200 | counted | server CPU per request | PostgreSQL CPU per request | transactions per request | rows written per request |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        bench.phase("page (cached article, warm-up)", Kind.PAGE, 0, 5, false);
        bench.phase("view (new, warm-up)", Kind.VIEW, 0, 5, false);
        bench.phase("page (cached article)", Kind.PAGE, 0, SECONDS, true);
        int firstAddress = bench.lastAddress.get() + 1;
        bench.phase("view (new: counted)", Kind.VIEW, firstAddress, SECONDS, true);
        int used = bench.lastAddress.get() - firstAddress + 1;
        bench.phase("view (again: not counted)", Kind.VIEW_AGAIN, firstAddress, Math.max(1, SECONDS), true,
                used);
        bench.phase("view (new reader: one per address, own connection)", Kind.VIEW_FRESH, 0, SECONDS, true);
        bench.phase("read (GET /api/views/{id})", Kind.READ, 0, SECONDS, true);
    }

    enum Kind { PAGE, VIEW, VIEW_AGAIN, VIEW_FRESH, READ }

    /** 127.0.0.2 to 127.0.255.251: the loopback addresses {@link Conn} binds to. */
    static final int ADDRESSES = 250 * 256;

    static long[] liveArticles(URI base) throws IOException {
        List<Long> live = new ArrayList<>();
        Conn conn = new Conn(base.getHost(), base.getPort(), 1);
        try {
            int misses = 0;
            for (long id = 1; misses < 200; id++) {
                Response answer = conn.call("GET /api/views/" + id + " HTTP/1.1\r\nHost: " + base.getHost()
                        + ":" + base.getPort() + "\r\n\r\n");
                if (answer.status == 200) {
                    live.add(id);
                    misses = 0;
                } else {
                    misses++;
                }
            }
        } finally {
            conn.close();
        }
        return live.stream().mapToLong(Long::longValue).toArray();
    }

    final AtomicInteger lastAddress = new AtomicInteger(1);

    void phase(String name, Kind kind, int firstAddress, int seconds, boolean print) throws Exception {
        phase(name, kind, firstAddress, seconds, print, 0);
    }

    /**
     * Runs one phase. Views take (address, article) pairs from a shared counter: pair p is address
     * firstAddress + p / articles, article p mod articles; VIEW_AGAIN cycles through the pairs of {@code reuse}
     * addresses from firstAddress.
     */
    void phase(String name, Kind kind, int firstAddress, int seconds, boolean print, int reuse) throws Exception {
        long[] db0 = print ? databaseCounts() : null; // first: it waits for the database's counts to settle
        AtomicLong pairs = new AtomicLong();
        AtomicInteger notOk = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = cpuTicks(serverPid);
        long pg0 = postgresTicks();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        int start = kind == Kind.VIEW || kind == Kind.VIEW_FRESH ? Math.max(firstAddress, lastAddress.get() + 1)
                : firstAddress;
        for (int c = 0; c < CONNECTIONS; c++) {
            long[] mine = new long[500_000];
            latencies.add(mine);
            int connection = c;
            Thread thread = new Thread(() -> {
                Conn conn = null;
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length) {
                        String request;
                        int address;
                        if (kind == Kind.VIEW || kind == Kind.VIEW_AGAIN || kind == Kind.VIEW_FRESH) {
                            long p = pairs.getAndIncrement();
                            int a = kind == Kind.VIEW ? (int) (p / articles.length)
                                    : kind == Kind.VIEW_FRESH ? (int) p
                                    : (int) ((p / articles.length) % Math.max(1, reuse));
                            address = start + a;
                            if (address >= ADDRESSES) {
                                break; // out of loopback addresses: the phase ends early
                            }
                            long id = articles[(int) (p % articles.length)];
                            request = "POST /api/views/" + id + " HTTP/1.1\r\nHost: " + host + ":" + port
                                    + "\r\nAccept: application/json\r\nSec-Fetch-Site: same-origin\r\nContent-Length: 0\r\n\r\n";
                            if (kind == Kind.VIEW || kind == Kind.VIEW_FRESH) {
                                lastAddress.accumulateAndGet(address, Math::max);
                            }
                        } else {
                            address = 2 + connection;
                            String path = kind == Kind.PAGE ? pagePath
                                    : "/api/views/" + articles[(int) (pairs.getAndIncrement() % articles.length)];
                            request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                                    + "\r\nAccept-Encoding: gzip\r\n\r\n";
                        }
                        if (conn == null || conn.address != address) {
                            if (conn != null) {
                                conn.close();
                            }
                            conn = new Conn(host, port, address);
                        }
                        long sent = System.nanoTime();
                        Response response = conn.call(request);
                        mine[n++] = System.nanoTime() - sent;
                        if (response.status != 200) {
                            notOk.incrementAndGet();
                        } else if (response.body.contains("\"counted\":true")) {
                            counted.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    System.err.println("connection " + connection + ": " + e);
                } finally {
                    if (conn != null) {
                        conn.close();
                    }
                    mine[mine.length - 1] = n; // how many were filled
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = cpuTicks(serverPid) - cpu0;
        long pg = postgresTicks() - pg0;
        long[] db1 = db0 == null ? null : databaseCounts();
        long tx = db0 == null || db0[0] < 0 || db1[0] < 0 ? -1 : db1[0] - db0[0];
        long rows = db0 == null || db0[1] < 0 || db1[1] < 0 ? -1 : db1[1] - db0[1];
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        if (print) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %d | %d | %.3f ms | %s | %s | %s |%n", name, total,
                    total / elapsed, pct(all, 50) / 1e6, pct(all, 99) / 1e6, notOk.get(), counted.get(),
                    total == 0 ? 0.0 : cpu * 1000.0 / TICKS / total,
                    pg == 0 ? "–" : String.format(Locale.ROOT, "%.3f ms", pg * 1000.0 / TICKS / total),
                    tx < 0 || total == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) tx / total),
                    rows < 0 || total == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) rows / total));
        }
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Transactions committed and rolled back so far in the server's PostgreSQL database ({@code -Dviews.pgdb}), and
     * rows inserted, updated and deleted there; -1 each without it. Unlike the CPU of PostgreSQL's processes, no
     * other user of the same server counts here. Each backend reports its counts at most once a second, and an idle
     * one after ten: read after 11 s of quiet.
     */
    static long[] databaseCounts() {
        String database = System.getProperty("views.pgdb");
        if (database == null) {
            return new long[] {-1, -1};
        }
        try {
            Thread.sleep(11_000);
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atc",
                    "SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database"
                            + " WHERE datname = current_database()")
                    .redirectErrorStream(true).start();
            String[] out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split("\\|");
            psql.waitFor();
            return new long[] {Long.parseLong(out[0]), Long.parseLong(out[1])};
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** utime + stime of every process named postgres (0 when there is none). */
    static long postgresTicks() {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres".equals(Files.readString(p.resolve("comm")).trim())) {
                        ticks += cpuTicks(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** @param last the server said it closes the connection after this answer */
    record Response(int status, String body, boolean last) {
    }

    /** The server closed the connection before answering. */
    static final class Closed extends IOException {
        Closed() {
            super("connection closed");
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection from a given loopback address (127.0.0.address), opened again when the
     * server closes it.
     */
    static final class Conn {
        final int address;
        final String host;
        final int port;
        Socket socket;
        InputStream in;
        OutputStream out;

        Conn(String host, int port, int address) throws IOException {
            this.address = address;
            this.host = host;
            this.port = port;
            open();
        }

        Response call(String request) throws IOException {
            Response response;
            try {
                response = exchange(request);
            } catch (IOException closed) { // closed by the server since the last answer: once more on a new one
                close();
                open();
                response = exchange(request);
            }
            if (response.last()) {
                close();
                open();
            }
            return response;
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress("127.0." + (address / 250) + "." + (2 + address % 250), 0));
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        Response exchange(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean last = false;
            String header;
            while (!(header = line()).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    last = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                int size;
                while ((size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8), last);
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (b == -1 && line.length() == 0) {
                throw new Closed();
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
