package org.dateline.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.Routes;
import org.dateline.testing.Routes.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string whose percent-encoding is not UTF-8 is refused with a 400 on every route the application maps (the
 * list read from the running application), in the format the client asks for, never with a 500.
 */
@IntegrationTest
class UndecodableParametersIT {

    /** Bad percent-encoding, and a NUL, which decodes but no text may hold (PostgreSQL fails a query with one). */
    static final List<String> BAD_QUERIES = List.of("before=%ff", "q=%C3%28", "x=%E0%A4", "%ff=1", "q=a%00b");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMappedRouteRefusesUndecodableParametersWithA400() throws Exception {
        List<Route> routes = Routes.of(context);
        assertThat(routes).hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (String query : BAD_QUERIES) {
                String path = route.path(variable -> "1") + "?" + query;
                HttpResponse<String> response = send(route.method(), path, "application/json");
                if (response.statusCode() != 400 || !response.body().contains("\"code\":\"invalid_encoding\"")) {
                    wrong.add(route.method() + " " + path + " → " + response.statusCode());
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
