package org.dateline.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.jsoup.Jsoup;

/** A browser-like HTTP session for form tests: keeps cookies, posts forms with the page's CSRF token. */
public final class WebSession {

    private final int port;
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public WebSession(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts the form fields with the CSRF token found in the form on {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        var page = Jsoup.parse(get(formPage).body());
        var token = page.select("form[action=" + action + "] input[name=_csrf]").first();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token.attr("value"));
        }
        return post(action, all);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public int port() {
        return port;
    }

    /** The client with this session's cookies, for requests the methods here do not make. */
    public HttpClient client() {
        return client;
    }

    /** A new staff account of the role, with a password it need not change, logged in to the newsroom. */
    public static WebSession staff(int port, Accounts accounts, Role role) {
        return staff(port, accounts, role, "/newsroom");
    }

    /** The same, for a role whose login lands elsewhere than the story desk. */
    public static WebSession staff(int port, Accounts accounts, Role role, String landing) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Staff " + role, role, "start-Password-123", false);
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("username", email, "password", "start-Password-123"));
        if (!location(login).endsWith(landing)) {
            throw new AssertionError("staff login went to " + location(login));
        }
        return session;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
