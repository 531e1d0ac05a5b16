package org.dateline.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import jakarta.servlet.ServletRequest;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.Routes;
import org.dateline.testing.Routes.Route;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input on every route the application maps (the list read from the running application, so a route added
 * tomorrow is covered): each path variable, each declared query parameter or form field and each field of a JSON body
 * gets values that are too long, hold control characters, are no UTF-8, or are of the wrong type; JSON bodies also
 * come nested 10,000 deep, 5 MB long or not as JSON at all. No answer may be a 5xx, an API's refusal is a problem
 * document with a code, nothing may be logged at ERROR and no log line may carry a client's long value. Requests go as the route's caller would send them: an administrator's session with its CSRF token for the
 * newsroom, reader pages and the chat API, the admin token for the admin and wire APIs, anonymous elsewhere.
 */
@IntegrationTest
// Its own context, closed after the class: hundreds of registrations, resets and posts from 127.0.0.1 would use up the
// limits the shared context's tests rely on, and here they are raised so that each request reaches its handler.
@TestPropertySource(properties = {"dateline.readers.per-address-per-hour=1000000",
        "dateline.readers.per-email-per-hour=1000000", "dateline.chats.rate.messages-per-minute=1000000",
        "dateline.chats.rate.new-account-messages-per-minute=1000000",
        "dateline.chats.rate.messages-per-address-per-minute=1000000",
        "dateline.readership.views-per-address-per-minute=1000000", "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext
class MalformedInputIT {

    /** What every path variable, query parameter and form field gets, one at a time, by what it is. */
    static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("100 KB", "a".repeat(100_000));
        VALUES.put("4 KB", "a".repeat(4_000));
        VALUES.put("NUL", "a\u0000b");
        VALUES.put("line break", "a\r\nSet-Cookie: injected=1");
        VALUES.put("escape", "a\u001bb");
        VALUES.put("non-ASCII", "Жё中😀");
        VALUES.put("overflowing number", "99999999999999999999");
        VALUES.put("negative number", "-1");
        VALUES.put("word for a number", "abc");
        VALUES.put("empty", "");
    }

    /** What every field of a JSON body gets: for any field, most are of the wrong type. */
    static final List<String> JSON_VALUES = List.of("123", "99999999999999999999", "1e400", "true", "\"abc\"", "{}",
            "[]", "[{}]", "null", "\"a\\u0000\\u001b\\nb\"", "\"" + "a".repeat(100_000) + "\"");

    static final int DEPTH = 10_000;
    static final String DEEP_ARRAYS = "[".repeat(DEPTH) + "]".repeat(DEPTH);
    static final String DEEP_OBJECTS = "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
    static final String FIVE_MB = "a".repeat(5 * 1024 * 1024);
    static final String PASSWORD = "malformed-Input-passphrase-1";
    static final Pattern CODE = Pattern.compile("\"code\":\"([a-z_]+)\"");

    /** Longer than any URL the server takes (8 KB): only a body's value can make a log line this long. */
    static final int LONGEST_LOG_LINE = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;

    /** A caller: its client (with its cookies), its token, the CSRF token of its session. */
    private record Caller(HttpClient client, String bearer, String csrfHeader, String csrfToken) {
    }

    private record Probe(Route route, String what, Caller caller, HttpRequest request) {
        @Override
        public String toString() {
            return route + " with " + what.replaceAll("a{50,}", "a…");
        }
    }

    private Caller anonymous;
    private Caller staff;
    private Caller api;
    private final Map<String, String> fillers = new HashMap<>();

    @Test
    void noRouteAnswersMalformedInputWithA5xxOrLogsAnError() throws Exception {
        anonymous = caller(new WebSession(port));
        staff = caller(loggedInAdministrator());
        api = new Caller(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), DatelineTestContext.ADMIN_TOKEN, null, null);
        fillRealValues();
        List<Route> routes = Routes.of(context);
        assertThat(routes).hasSizeGreaterThan(100);
        List<Probe> probes = new ArrayList<>();
        for (Route route : routes) {
            probes.addAll(probes(route));
        }

        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String message = event.getFormattedMessage();
                IThrowableProxy thrown = event.getThrowableProxy();
                if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    logged.add(event.getLoggerName() + ": " + message
                            + (thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")"));
                } else if (message.length() > LONGEST_LOG_LINE) {
                    logged.add(event.getLevel() + " of " + message.length() + " characters from "
                            + event.getLoggerName() + ": " + message.substring(0, 200));
                }
            }
        };
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.start();
        root.addAppender(appender);
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Probe probe : probes) {
                answers.add(pool.submit(() -> answer(probe)));
            }
            for (Future<String> answer : answers) {
                String failure = answer.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } finally {
            pool.shutdown();
            root.detachAppender(appender);
        }
        assertThat(probes).hasSizeGreaterThan(1000);
        assertThat(failures).as("answers to " + probes.size() + " malformed requests").isEmpty();
        assertThat(logged).as("ERROR lines, and lines that hold a client's long value, logged meanwhile").isEmpty();
    }

    @Test
    void aPageParameterOfTheWrongTypeAnswers400InvalidParameterInThePagesFormat() throws Exception {
        HttpClient browser = loggedInAdministrator().client();
        String path = "http://localhost:" + port + "/newsroom/stories/1/compare?a=abc&b=1";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(path)).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> problem = browser.send(HttpRequest.newBuilder(URI.create(path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.body()).contains("\"code\":\"invalid_parameter\"");
    }

    /** Even in a field that publishing ignores (a correction note), so that nothing after the reading refuses it. */
    @Test
    void textWithANulIsRefusedNamingTheField() {
        String article = Http.article("en", "russia", "A headline").replaceFirst("\\{",
                "{\"correction\":\"A NUL \\\\u0000 in a note\",");
        HttpResponse<String> refused = new Http(port).postJson("/api/admin/articles", article,
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("{\"field\":\"correction\",\"code\":\"invalid_characters\"");
    }

    /**
     * Null when the answer is as it should be: below 500, and from the API a problem document with a code. Else what
     * was sent and what came back.
     */
    private static String answer(Probe probe) {
        try {
            HttpResponse<String> response = send(probe);
            int status = response.statusCode();
            String body = response.body();
            if (status >= 500) {
                return probe + " → " + status + " " + body.substring(0, Math.min(300, body.length()));
            }
            boolean problem = response.headers().firstValue("Content-Type").orElse("")
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE) && CODE.matcher(body).find();
            if (status >= 400 && probe.route().pattern().startsWith("/api/") && !problem) {
                return probe + " → " + status + " without a problem document and its code: "
                        + body.substring(0, Math.min(300, body.length()));
            }
            return null;
        } catch (IOException e) {
            // At most 64 MB of a body the application did not want is read (UnreadBodies), then the connection closes:
            // the answer may be lost.
            if (probe.request().bodyPublisher().map(b -> b.contentLength() > 64L * 1024 * 1024).orElse(false)) {
                return null;
            }
            return probe + " → no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return probe + " → interrupted";
        }
    }

    /**
     * Sends the probe; once more if the pooled connection it went out on had been closed by the server before a byte
     * came back (the server closes a connection after a body it did not read, and the client may hand that connection
     * out again before it sees the close: a race of the client's pool, not an answer). A second silence is reported.
     */
    private static HttpResponse<String> send(Probe probe) throws IOException, InterruptedException {
        try {
            return probe.caller().client().send(probe.request(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return probe.caller().client().send(probe.request(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private List<Probe> probes(Route route) {
        List<Probe> probes = new ArrayList<>();
        Caller caller = callerOf(route.pattern());
        HandlerMethod handler = route.handler();
        Class<?> body = handler == null ? null : body(handler);
        for (String variable : route.variables()) {
            VALUES.forEach((what, value) -> probes.add(probe(route, "{" + variable + "} = " + what, caller,
                    route.path(name -> name.equals(variable) ? encoded(value).replace("+", "%20") : filler(name)),
                    body == null ? null : MediaType.APPLICATION_JSON_VALUE, body == null ? null : bytes("{}"))));
        }
        String path = route.path(this::filler);
        List<String> parameters = handler == null ? List.of() : parameters(handler);
        boolean form = "POST".equals(route.method());
        if ("GET".equals(route.method()) || !parameters.isEmpty()) {
            probes.add(probe(route, "nothing", caller, path, form ? MediaType.APPLICATION_FORM_URLENCODED_VALUE : null,
                    form ? form(caller, "") : null));
        }
        for (String parameter : parameters) {
            VALUES.forEach((what, value) -> {
                String pair = encoded(parameter) + "=" + encoded(value);
                probes.add(form ? probe(route, parameter + " = " + what, caller, path,
                        MediaType.APPLICATION_FORM_URLENCODED_VALUE, form(caller, pair))
                        : probe(route, parameter + " = " + what, caller, path + "?" + pair, null, null));
            });
        }
        if (form && !parameters.isEmpty()) {
            byte[] invalid = join(form(caller, encoded(parameters.get(0)) + "="), new byte[] {(byte) 0xff, (byte) 0xfe});
            probes.add(probe(route, "bytes that are no UTF-8 in " + parameters.get(0), caller, path,
                    MediaType.APPLICATION_FORM_URLENCODED_VALUE, invalid));
        }
        if (body != null) {
            List<String> fields = fields(body);
            for (String field : fields) {
                for (String value : JSON_VALUES) {
                    String json = "{\"" + field + "\":" + value + "}";
                    probes.add(json(route, field + " = " + abbreviated(value), caller, path, json));
                }
            }
            String first = fields.isEmpty() ? "x" : fields.get(0);
            probes.add(json(route, first + " nested " + DEPTH + " deep", caller, path,
                    "{\"" + first + "\":" + DEEP_ARRAYS + "}"));
            probes.add(probe(route, "a body of another type", caller, path, MediaType.TEXT_PLAIN_VALUE, bytes("{}")));
        }
        if (body != null || readsItsBody(route)) {
            String field = body == null ? "x" : firstText(body);
            probes.add(json(route, "a body that is no JSON", caller, path, "this is not JSON {"));
            probes.add(json(route, "no body", caller, path, ""));
            probes.add(json(route, "arrays nested " + DEPTH + " deep", caller, path, DEEP_ARRAYS));
            probes.add(json(route, "objects nested " + DEPTH + " deep", caller, path, DEEP_OBJECTS));
            probes.add(json(route, "a 5 MB " + field, caller, path, "{\"" + field + "\":\"" + FIVE_MB + "\"}"));
            probes.add(probe(route, "bytes that are no UTF-8 in " + field, caller, path,
                    MediaType.APPLICATION_JSON_VALUE, join(bytes("{\"" + field + "\":\""),
                            new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28}, bytes("\"}"))));
        }
        return probes;
    }

    /** The parameters a handler reads from the query or form: its request parameters and its form objects' fields. */
    private static List<String> parameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null && !Map.class.isAssignableFrom(type)) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameter().getName();
                names.add(name);
            } else if (type.isRecord() && !parameter.hasParameterAnnotation(RequestBody.class)
                    && (parameter.hasParameterAnnotation(ModelAttribute.class) || !parameter.hasParameterAnnotations())) {
                names.addAll(fields(type));
            }
        }
        return names;
    }

    private static Class<?> body(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType();
            }
        }
        return null;
    }

    /** A write that takes the raw request and declares nothing else it reads: it reads its body itself. */
    private static boolean readsItsBody(Route route) {
        if (route.handler() == null || "GET".equals(route.method()) || "DELETE".equals(route.method())
                || !parameters(route.handler()).isEmpty()) {
            return false;
        }
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            if (ServletRequest.class.isAssignableFrom(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fields(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static String firstText(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class) {
                    return component.getName();
                }
            }
        }
        return fields(type).isEmpty() ? "x" : fields(type).get(0);
    }

    private Probe json(Route route, String what, Caller caller, String path, String json) {
        return probe(route, what, caller, path, MediaType.APPLICATION_JSON_VALUE, bytes(json));
    }

    private Probe probe(Route route, String what, Caller caller, String pathAndQuery, String contentType,
                        byte[] body) {
        boolean api = route.pattern().startsWith("/api/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", api ? "application/json,*/*;q=0.5" : "text/html,application/xhtml+xml,*/*;q=0.8")
                .method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (caller.bearer() != null) {
            request.header("Authorization", "Bearer " + caller.bearer());
        }
        if (caller.csrfHeader() != null && !"GET".equals(route.method())) {
            request.header(caller.csrfHeader(), caller.csrfToken());
        }
        return new Probe(route, what, caller, request.build());
    }

    /** The admin token for the APIs that take one; an administrator's session where a login is needed. */
    private Caller callerOf(String pattern) {
        if (pattern.startsWith("/api/admin") || pattern.startsWith("/api/wire")) {
            return api;
        }
        if (pattern.startsWith("/newsroom") || pattern.startsWith("/account") || pattern.startsWith("/api/chats")
                || pattern.startsWith("/api/views")) {
            return staff;
        }
        return anonymous;
    }

    private byte[] form(Caller caller, String pair) {
        return bytes(caller.csrfToken() == null ? pair : "_csrf=" + encoded(caller.csrfToken()) + "&" + pair);
    }

    private WebSession loggedInAdministrator() {
        String email = "malformed-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Malformed Input", Role.ADMIN, PASSWORD, false);
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        assertThat(WebSession.location(login)).endsWith("/newsroom");
        return session;
    }

    /** A caller with the session's CSRF token, as the site's scripts get it. */
    private Caller caller(WebSession session) {
        HttpResponse<String> me = session.get("/api/chats/me");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(me.body());
        return new Caller(session.client(), null, token.get("csrfHeader").asString(),
                token.get("csrfToken").asString());
    }

    /** Values that exist for the variables of the public pages, so that a malformed neighbour is what fails. */
    private void fillRealValues() {
        fillers.put("edition", "en");
        String home = new WebSession(port).get("/en/").body();
        Matcher article = Pattern.compile("href=\"/en/([a-z0-9-]+)/(\\d{8})/([^\"/?#]+)\"").matcher(home);
        assertThat(article.find()).as("an article on the home page").isTrue();
        fillers.put("section", article.group(1));
        fillers.put("date", article.group(2));
        fillers.put("idSlug", article.group(3));
    }

    private String filler(String variable) {
        return fillers.getOrDefault(variable, "1");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "… (" + value.length() + " characters)" : value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
