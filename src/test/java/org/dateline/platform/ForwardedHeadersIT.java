package org.dateline.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLS-terminating proxy in front: the test context trusts 127.0.0.1 ({@code dateline.trusted-proxies}), so requests
 * from there stand for the proxy's, and the same requests from 127.0.0.2 for a stranger's who sends the headers
 * himself. Raw sockets, since the JDK's client cannot choose its local address.
 */
@IntegrationTest
class ForwardedHeadersIT {

    private static final String TRUSTED = "127.0.0.1";
    private static final String STRANGER = "127.0.0.2";
    private static final String[] OVER_TLS = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example.test",
            "X-Forwarded-Port", "8443", "X-Forwarded-For", "203.0.113.7"};
    private static final String PASSWORD = "a-Reader-passphrase-proxied";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void behindTheTrustedProxyOverTlsCookiesAreSecureHstsIsSentAndRedirectsStayOnHttps() throws IOException {
        Answer form = exchange(TRUSTED, "GET", "/account/login", null, OVER_TLS);
        assertThat(form.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(form.cookie("XSRF-TOKEN")).contains("; Secure").contains("SameSite=Lax");

        Answer login = logIn(TRUSTED, form);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(login.cookie("DATELINE_SESSION")).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.cookie("DATELINE_REMEMBER")).contains("; Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(login.cookie("DATELINE_READER")).contains("; Secure").contains("SameSite=Lax")
                .doesNotContain("HttpOnly");

        assertThat(exchange(TRUSTED, "GET", "/newsroom", null, OVER_TLS).header("Location"))
                .isEqualTo("https://news.example.test:8443/login");
    }

    @Test
    void fromAnyOtherAddressTheSameHeadersAreIgnored() throws IOException {
        Answer form = exchange(STRANGER, "GET", "/account/login", null, OVER_TLS);
        assertThat(form.header("Strict-Transport-Security")).isNull();
        assertThat(form.cookie("XSRF-TOKEN")).doesNotContain("Secure").contains("SameSite=Lax");

        Answer login = logIn(STRANGER, form);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Strict-Transport-Security")).isNull();
        assertThat(login.cookie("DATELINE_SESSION")).doesNotContain("Secure").contains("SameSite=Lax");
        assertThat(login.cookie("DATELINE_REMEMBER")).doesNotContain("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(login.cookie("DATELINE_READER")).doesNotContain("Secure").contains("SameSite=Lax");

        assertThat(exchange(STRANGER, "GET", "/newsroom", null, OVER_TLS).header("Location"))
                .isEqualTo("http://127.0.0.1:" + port + "/login");
    }

    @Test
    void theClientAddressIsTheForwardedOneOnlyFromTheTrustedProxy() throws IOException {
        long article = publishedArticle();

        assertThat(counted(TRUSTED, article, "198.51.100.1")).isTrue();
        assertThat(counted(TRUSTED, article, "198.51.100.1")).isFalse();
        assertThat(counted(TRUSTED, article, "198.51.100.2")).isTrue();
        // A client may put any address first; the proxy appends the one it saw, and that one is believed.
        assertThat(counted(TRUSTED, article, "198.51.100.9, 198.51.100.1")).isFalse();

        // A stranger's own X-Forwarded-For changes nothing: it is one viewer, at its socket's address.
        assertThat(counted(STRANGER, article, "198.51.100.3")).isTrue();
        assertThat(counted(STRANGER, article, "198.51.100.4")).isFalse();
    }

    @Test
    void aCachedPageCarriesHstsToSecureRequestsOnly() throws IOException {
        Answer plain = exchange(TRUSTED, "GET", "/ru/", null);
        Answer secure = exchange(TRUSTED, "GET", "/ru/", null, OVER_TLS);
        Answer plainAgain = exchange(TRUSTED, "GET", "/ru/", null);

        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(secure.header("X-Cache")).isEqualTo("hit");
        assertThat(secure.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(plainAgain.header("X-Cache")).isEqualTo("hit");
        assertThat(plainAgain.header("Strict-Transport-Security")).isNull();
    }

    // --- helpers

    /** A confirmed reader logs in with "remember me" through the form the answer carries. */
    private Answer logIn(String from, Answer form) throws IOException {
        String email = "proxied-" + System.nanoTime() + "@dateline.test";
        Timestamp created = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, 'Proxied Reader', ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, passwords.encode(PASSWORD), created, created, created).update();
        String csrf = Jsoup.parse(form.body()).select("form[action=/account/login] input[name=_csrf]").attr("value");
        String xsrfCookie = form.cookie("XSRF-TOKEN").split(";")[0];
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&remember-me=on&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(List.of(OVER_TLS));
        headers.addAll(List.of("Cookie", xsrfCookie, "Content-Type", "application/x-www-form-urlencoded"));
        return exchange(from, "POST", "/account/login", body, headers.toArray(String[]::new));
    }

    private long publishedArticle() {
        var created = new Http(port).postJson("/api/admin/articles", Http.article("en", "russia",
                "Counted behind a proxy " + System.nanoTime()), DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }

    private boolean counted(String from, long article, String forwardedFor) throws IOException {
        Answer view = exchange(from, "POST", "/api/views/" + article, "", "X-Forwarded-For", forwardedFor,
                "Sec-Fetch-Site", "same-origin");
        assertThat(view.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(view.body()).get("counted").asBoolean();
    }

    record Answer(int status, List<String[]> headers, String body) {

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        /** The {@code Set-Cookie} value that sets this cookie; fails when there is none. */
        String cookie(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase("Set-Cookie") && h[1].startsWith(name + "="))
                    .map(h -> h[1]).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
        }
    }

    /** One HTTP/1.0 exchange (so the answer ends with the connection) from the given local address. */
    private Answer exchange(String from, String method, String path, String body, String... headers)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            List<String[]> answerHeaders = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, raw.substring(end + 4));
        }
    }
}
