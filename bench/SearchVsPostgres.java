import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search latency of Dateline beside PostgreSQL's own full-text search, on the same data and machine, and the time
 * from a publish on one node until another node finds the story. JDK only, plus the PostgreSQL JDBC driver on the
 * class path. One client, one request at a time.
 * <p>
 * {@code latency BASE_URL JDBC_URL}: for each language and query class (one word, two words, a phrase), several
 * different queries, each asked in turn of (1) Dateline's results page {@code GET /{edition}/search?q=} (the whole
 * stack: search, the read of the shown stories, the page's render; the page cache must be off), (2) Dateline's
 * suggestions answer {@code GET /{edition}/search/suggest?q=} (search and headlines, JSON), (3) the SQL a user of
 * PostgreSQL's full-text search would write: {@code websearch_to_tsquery} on the edition's text search configuration
 * against the generated column {@code bench_tsv} (GIN index), ranked by {@code ts_rank}, {@code LIMIT 10}. The three
 * alternate request by request, so that both engines see the same machine. A warm-up pass asks every query
 * {@code -Dbench.warmup=5} times of each; then {@code -Dbench.rounds=30} rounds. Prints one table row per class and
 * engine (p50, p90, p99, max in ms), the CPU time per request of the server process ({@code -Dbench.pid}: the
 * Dateline JVM, for its two; the PostgreSQL backend of the client's connection for the SQL; from /proc, clock ticks
 * of 10 ms summed over the requests, so an average) and the number of matching stories per query (PostgreSQL's
 * count).
 * <p>
 * {@code propagation BASE_A BASE_B TOKEN N}: publishes N stories, one at a time, through node A's admin API, each with a
 * word of its own in the headline, and asks node B's suggestions every 2 ms until the story is there; prints
 * p50/p99/max of publish acknowledged → found on B, and of request sent → found.
 */
public class SearchVsPostgres {

    record Query(String edition, String kind, String text) {
    }

    static final String[] KINDS = {"one word", "two words", "phrase"};

    static final List<Query> QUERIES = List.of(
            q("en", "one word", "budget"), q("en", "one word", "ceasefire"), q("en", "one word", "vaccine"),
            q("en", "one word", "hockey"), q("en", "one word", "refugee"), q("en", "one word", "treaty"),
            q("en", "one word", "stadium"), q("en", "one word", "housing"),
            q("en", "two words", "healthcare budget"), q("en", "two words", "interest rate"),
            q("en", "two words", "climate accord"), q("en", "two words", "chess tournament"),
            q("en", "two words", "naval exercise"), q("en", "two words", "genome sequencing"),
            q("en", "two words", "border settlement"), q("en", "two words", "grain quota"),
            q("en", "phrase", "\"healthcare budget\""), q("en", "phrase", "\"key interest rate\""),
            q("en", "phrase", "\"trade dispute\""), q("en", "phrase", "\"arms control treaty\""),
            q("en", "phrase", "\"football cup final\""), q("en", "phrase", "\"lunar research mission\""),
            q("en", "phrase", "\"housing reform\""), q("en", "phrase", "\"gas supply contract\""),
            q("ru", "one word", "бюджет"), q("ru", "one word", "беженцев"), q("ru", "one word", "вакцины"),
            q("ru", "one word", "хоккею"), q("ru", "one word", "договор"), q("ru", "one word", "стадиона"),
            q("ru", "one word", "реформа"), q("ru", "one word", "биржи"),
            q("ru", "two words", "бюджет здравоохранения"), q("ru", "two words", "ключевая ставка"),
            q("ru", "two words", "климатическое соглашение"), q("ru", "two words", "шахматный турнир"),
            q("ru", "two words", "торговый спор"), q("ru", "two words", "жилищная реформа"),
            q("ru", "two words", "пограничное урегулирование"), q("ru", "two words", "секвенирования генома"),
            q("ru", "phrase", "\"бюджет здравоохранения\""), q("ru", "phrase", "\"ключевую ставку\""),
            q("ru", "phrase", "\"торговый спор\""), q("ru", "phrase", "\"контроле над вооружениями\""),
            q("ru", "phrase", "\"финал кубка\""), q("ru", "phrase", "\"лунную исследовательскую миссию\""),
            q("ru", "phrase", "\"жилищную реформу\""), q("ru", "phrase", "\"поставку газа\""));

    static final String SQL = """
            SELECT a.id, a.headline, a.lead
              FROM articles a, websearch_to_tsquery(CAST(? AS regconfig), ?) q
             WHERE a.edition = ? AND a.state = 'LIVE' AND a.bench_tsv @@ q
             ORDER BY ts_rank(a.bench_tsv, q) DESC, a.id DESC
             LIMIT 10""";
    static final String COUNT_SQL = """
            SELECT count(*) FROM articles a
             WHERE a.edition = ? AND a.state = 'LIVE' AND a.bench_tsv @@ websearch_to_tsquery(CAST(? AS regconfig), ?)""";

    static Query q(String edition, String kind, String text) {
        return new Query(edition, kind, text);
    }

    static String config(String edition) {
        return edition.equals("ru") ? "russian" : "english";
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("latency")) {
            latency(args[1], args[2]);
        } else if (args.length == 5 && args[0].equals("propagation")) {
            propagation(args[1], args[2], args[3], Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: latency BASE_URL JDBC_URL | propagation BASE_A BASE_B TOKEN N");
            System.exit(2);
        }
    }

    // ---- latency

    static void latency(String base, String jdbc) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 30);
        int warmup = Integer.getInteger("bench.warmup", 5);
        long serverPid = Long.getLong("bench.pid", -1);
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            PreparedStatement sql = db.prepareStatement(SQL);
            long backendPid;
            try (ResultSet rs = db.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backendPid = rs.getLong(1);
            }
            for (int w = 0; w < warmup; w++) {
                for (Query query : QUERIES) {
                    page(base, query);
                    suggest(base, query);
                    postgres(sql, query);
                }
            }
            System.out.println("| language | query | engine | p50 ms | p90 ms | p99 ms | max ms | requests | CPU ms per request | matching stories (PostgreSQL count, min–max) |");
            System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
            for (String edition : List.of("en", "ru")) {
                for (String kind : KINDS) {
                    List<Query> queries = QUERIES.stream()
                            .filter(query -> query.edition().equals(edition) && query.kind().equals(kind)).toList();
                    long[] pages = new long[rounds * queries.size()];
                    long[] suggests = new long[pages.length];
                    long[] sqls = new long[pages.length];
                    long[] cpu = new long[3];
                    int i = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (Query query : queries) {
                            long before = ticks(serverPid);
                            pages[i] = page(base, query);
                            long after = ticks(serverPid);
                            cpu[0] += after - before;
                            suggests[i] = suggest(base, query);
                            cpu[1] += ticks(serverPid) - after;
                            before = ticks(backendPid);
                            sqls[i] = postgres(sql, query);
                            cpu[2] += ticks(backendPid) - before;
                            i++;
                        }
                    }
                    String matches = matches(db, queries);
                    String examples = queries.get(0).text() + ", " + queries.get(1).text() + ", …";
                    row(edition, kind + " (" + queries.size() + " queries: " + examples + ")",
                            "Dateline results page (HTTP)", pages, serverPid < 0 ? -1 : cpu[0], matches);
                    row(edition, kind, "Dateline suggestions (HTTP)", suggests, serverPid < 0 ? -1 : cpu[1], matches);
                    row(edition, kind, "PostgreSQL ts_rank LIMIT 10 (JDBC)", sqls, cpu[2], matches);
                }
            }
        }
    }

    static String matches(Connection db, List<Query> queries) throws SQLException {
        long min = Long.MAX_VALUE;
        long max = 0;
        try (PreparedStatement count = db.prepareStatement(COUNT_SQL)) {
            for (Query query : queries) {
                count.setString(1, query.edition());
                count.setString(2, config(query.edition()));
                count.setString(3, query.text());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    min = Math.min(min, rs.getLong(1));
                    max = Math.max(max, rs.getLong(1));
                }
            }
        }
        return min + "–" + max;
    }

    static void row(String edition, String kind, String engine, long[] nanos, long ticks, String matches) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %d | %s | %s |%n", edition, kind,
                engine, ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]),
                sorted.length, ticks < 0 ? "" : String.format(Locale.ROOT, "%.1f", ticks * 1000.0 / TICKS_PER_SECOND
                        / sorted.length), matches);
    }

    /** Clock ticks a Linux process has spent on the CPU (user and system), from /proc; 0 without a process. */
    static long ticks(long pid) throws java.io.IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** USER_HZ: 100 on Linux. */
    static final int TICKS_PER_SECOND = 100;

    static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long page(String base, Query query) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(base + "/" + query.edition() + "/search?q=" + encode(query.text()));
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + ": results page answered " + response.statusCode());
        }
        if (response.headers().firstValue("X-Cache").orElse("").equalsIgnoreCase("hit")) {
            throw new IllegalStateException(query + ": the results page came from the page cache");
        }
        if (!response.body().contains("href=\"/" + query.edition() + "/")) {
            throw new IllegalStateException(query + ": the results page links no story");
        }
        return took;
    }

    static long suggest(String base, Query query) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(base + "/" + query.edition() + "/search/suggest?q=" + encode(query.text()));
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200 || response.body().length() < 20) {
            throw new IllegalStateException(query + ": suggestions answered " + response.statusCode() + " "
                    + response.body());
        }
        return took;
    }

    static long postgres(PreparedStatement sql, Query query) throws SQLException {
        long start = System.nanoTime();
        sql.setString(1, config(query.edition()));
        sql.setString(2, query.text());
        sql.setString(3, query.edition());
        int rows = 0;
        try (ResultSet rs = sql.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1);
                rs.getString(2);
                rs.getString(3);
                rows++;
            }
        }
        long took = System.nanoTime() - start;
        if (rows == 0) {
            throw new IllegalStateException(query + ": PostgreSQL found nothing");
        }
        return took;
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- propagation

    static void propagation(String baseA, String baseB, String token, int n) throws Exception {
        long run = System.currentTimeMillis() / 1000 % (26L * 26 * 26 * 26);
        List<Long> acknowledgedToFound = new ArrayList<>();
        List<Long> sentToFound = new ArrayList<>();
        List<Long> acknowledgements = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < n; i++) {
            String edition = i % 2 == 0 ? "en" : "ru";
            String word = "zq" + letters(run, 4) + letters(i, 4);
            String body = """
                    {"edition":"%s","section":"science","headline":"Bench story %s",
                     "lead":"A lead sentence that sums the story up for readers in a hurry.",
                     "body":["First paragraph of the story.","Second paragraph, with more detail."],
                     "datelinePlace":"MOSCOW","credit":"Dateline","tags":["Bench"],"authors":["Bench Reporter"]}
                    """.formatted(edition, word);
            long sent = System.nanoTime();
            HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(baseA + "/api/admin/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long acknowledged = System.nanoTime();
            if (published.statusCode() / 100 != 2) {
                throw new IllegalStateException("publish answered " + published.statusCode() + " " + published.body());
            }
            String url = baseB + "/" + edition + "/search/suggest?q=" + word;
            long deadline = acknowledged + 10_000_000_000L;
            long found = -1;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> answer = get(url);
                if (answer.statusCode() == 200 && answer.body().contains(word)) {
                    found = System.nanoTime();
                    break;
                }
                Thread.sleep(2);
            }
            acknowledgements.add(acknowledged - sent);
            if (found < 0) {
                missed++;
                continue;
            }
            acknowledgedToFound.add(found - acknowledged);
            sentToFound.add(found - sent);
        }
        System.out.println("| interval | p50 ms | p90 ms | p99 ms | max ms | stories |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        summary("publish request → acknowledged by node A", acknowledgements);
        summary("acknowledged → found on node B", acknowledgedToFound);
        summary("request sent → found on node B", sentToFound);
        System.out.println();
        System.out.println("published " + n + " (alternately en and ru), found on node B within 10 s: "
                + acknowledgedToFound.size() + ", not found: " + missed);
    }

    static void summary(String label, List<Long> values) {
        if (values.isEmpty()) {
            System.out.println("| " + label + " | | | | | 0 |");
            return;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", label, ms(pct(sorted, 50)),
                ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]), sorted.length);
    }

    static String letters(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (char) ('a' + value % 26);
            value /= 26;
        }
        return new String(out);
    }
}
