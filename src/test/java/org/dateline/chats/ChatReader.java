package org.dateline.chats;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's browser for chat tests: an account made in the database, a form login, then the chat API with the
 * session cookie and the CSRF token from {@code GET /api/chats/me}, as {@code chat.js} does.
 */
public final class ChatReader {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public final long accountId;
    final String name;
    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String csrfHeader;
    private String csrfToken;

    private ChatReader(int port, long accountId, String name) {
        this.base = "http://localhost:" + port;
        this.accountId = accountId;
        this.name = name;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An anonymous visitor (still gets a CSRF token, like any page's script). */
    static ChatReader anonymous(int port) {
        ChatReader reader = new ChatReader(port, 0, null);
        reader.fetchToken();
        return reader;
    }

    /** A reader account, older than a day unless {@code createdAt} says otherwise, logged in. */
    static ChatReader register(int port, JdbcClient jdbc, PasswordEncoder encoder, String role, Instant createdAt) {
        String email = "reader-" + System.nanoTime() + "@dateline.test";
        String name = "Reader " + (System.nanoTime() % 100_000);
        String password = "a-long-reader-passphrase-" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, ?, ?, ?, TRUE, FALSE, ?, ?, ?)
                """).params(email, name, encoder.encode(password), role, Timestamp.from(createdAt),
                Timestamp.from(createdAt), Timestamp.from(createdAt)).update();
        long id = jdbc.sql("SELECT id FROM accounts WHERE email = ?").params(email).query(Long.class).single();
        ChatReader reader = new ChatReader(port, id, name);
        reader.login(email, password);
        return reader;
    }

    public static ChatReader register(int port, JdbcClient jdbc, PasswordEncoder encoder) {
        return register(port, jdbc, encoder, "READER", Instant.now().minus(Duration.ofDays(3)));
    }

    private void login(String email, String password) {
        var form = Jsoup.parse(send(HttpRequest.newBuilder(URI.create(base + "/account/login")).GET().build()).body());
        String token = form.select("form[action=/account/login] input[name=_csrf]").attr("value");
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/account/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        JsonNode me = fetchToken();
        assertThat(me.get("loggedIn").asBoolean()).isTrue();
    }

    JsonNode fetchToken() {
        HttpResponse<String> response = call("GET", "/api/chats/me", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        csrfHeader = me.get("csrfHeader").asString();
        csrfToken = me.get("csrfToken").asString();
        return me;
    }

    public HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (csrfHeader != null && !"GET".equals(method)) {
            request.header(csrfHeader, csrfToken);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    /** The id of the reader's login session, as Spring Session stores it (the cookie holds it in base64). */
    String sessionId() {
        String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("DATELINE_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /**
     * A public page as every visitor gets it (from the page cache, perhaps), once it shows what the test waits for:
     * the cache evicts after a change asynchronously. After five seconds, the page as it is.
     */
    static org.jsoup.nodes.Document publicPage(int port, String path,
                                               java.util.function.Predicate<org.jsoup.nodes.Document> ready) {
        ChatReader visitor = anonymous(port);
        long deadline = System.nanoTime() + 5_000_000_000L;
        org.jsoup.nodes.Document page = Jsoup.parse(visitor.get(path).body());
        while (!ready.test(page) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
            page = Jsoup.parse(visitor.get(path).body());
        }
        return page;
    }

    /** Posts a form as a browser without scripts does: url-encoded fields, no CSRF header. */
    HttpResponse<String> submit(String path, java.util.Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The cookies this browser sends, as a {@code Cookie} header (for a WebSocket handshake). */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Opens a chat socket as this reader's browser, with its session. */
    ChatSocket socket(int port) {
        return new ChatSocket(port, cookieHeader());
    }

    /** Posts under the article (creating its room on the first message); returns the response. */
    HttpResponse<String> postToArticle(long articleId, String body) {
        return call("POST", "/api/chats/articles/" + articleId + "/messages", message(body, null));
    }

    HttpResponse<String> postToRoom(long roomId, String body, Long replyTo) {
        return call("POST", "/api/chats/rooms/" + roomId + "/messages", message(body, replyTo));
    }

    /** Posts and expects 201; the stored message. */
    JsonNode posted(long articleId, String body) {
        HttpResponse<String> response = postToArticle(articleId, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    static String message(String body, Long replyTo) {
        var node = JSON.createObjectNode();
        node.put("body", body);
        if (replyTo != null) {
            node.put("replyTo", replyTo);
        }
        return JSON.writeValueAsString(node);
    }

    static String code(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("code").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
