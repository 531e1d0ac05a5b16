package org.dateline.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string whose percent-encoding is not UTF-8 is refused with a 400 on every route the application maps (the
 * list read from the running application), in the format the client asks for, never with a 500.
 */
@IntegrationTest
class UndecodableParametersIT {

    static final List<String> BAD_QUERIES = List.of("before=%ff", "q=%C3%28", "x=%E0%A4", "%ff=1");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every mapped path, its variables filled in, with every method it answers. */
    private List<String[]> routes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = filled(pattern).replace("/**", "/x");
                if (methods.isEmpty()) {
                    routes.add("GET " + path);
                }
                methods.forEach(m -> routes.add(m.name() + " " + path));
            }
        });
        List<String[]> list = new ArrayList<>();
        routes.forEach(r -> list.add(r.split(" ", 2)));
        return list;
    }

    /** The pattern with each variable (whose regex may hold braces of its own) as "1". */
    static String filled(String pattern) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    path.append('1');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString();
    }

    @Test
    void everyMappedRouteRefusesUndecodableParametersWithA400() throws Exception {
        List<String[]> routes = routes();
        assertThat(routes).hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes) {
            for (String query : BAD_QUERIES) {
                HttpResponse<String> response = send(route[0], route[1] + "?" + query, "application/json");
                if (response.statusCode() != 400 || !response.body().contains("\"code\":\"invalid_encoding\"")) {
                    wrong.add(route[0] + " " + route[1] + "?" + query + " → " + response.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBrowserGetsTheErrorPageAndAFormBodyIsCheckedToo() throws Exception {
        HttpResponse<String> page = send("GET", "/en/russia/?before=%ff", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base() + "/account/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("username=%ff&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("\"code\":\"invalid_encoding\"");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).header("Accept", accept)
                .header("Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
