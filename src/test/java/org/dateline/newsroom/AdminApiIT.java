package org.dateline.newsroom;

import java.net.http.HttpResponse;

import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API publishes, refuses bad input with a stable code per problem, and writes nothing half-way. */
@IntegrationTest
class AdminApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void publishesAndAnswersWithTheCanonicalUrl() {
        HttpResponse<String> response = http.postJson("/api/admin/articles",
                Http.article("ru", "economy", "Новая статья о рынке"), DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(http.base() + "/ru/economy/").containsPattern("/\\d{8}/\\d+-novaya-statya-o-rynke$");
        assertThat(response.body()).contains("\"url\":\"" + location + "\"");
        assertThat(http.get(location.substring(http.base().length())).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongTokenWith401() {
        long before = content.count();
        HttpResponse<String> response = http.postJson("/api/admin/articles", Http.article("en", "world", "X"),
                "not-the-token");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
        assertThat(content.count()).isEqualTo(before);
    }

    @Test
    void refusesAMissingTokenWith401() {
        HttpResponse<String> response = http.postJson("/api/admin/articles", Http.article("en", "world", "X"), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void refusesMalformedJsonWith400() {
        long before = content.count();
        HttpResponse<String> response = http.postJson("/api/admin/articles", "{\"edition\": \"en\", ",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"malformed_json\"");
        assertThat(content.count()).isEqualTo(before);
    }

    @Test
    void namesEveryMissingFieldWithItsOwnCode() {
        long before = content.count();
        HttpResponse<String> response = http.postJson("/api/admin/articles", "{\"edition\":\"en\"}",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_request\"");
        for (String field : new String[] {"section", "headline", "lead", "body", "datelinePlace", "credit"}) {
            assertThat(response.body()).contains("{\"field\":\"" + field + "\",\"code\":\"required\"")
                    .as(field);
        }
        assertThat(content.count()).isEqualTo(before);
    }

    @Test
    void refusesUnknownEditionAndSection() {
        assertThat(http.postJson("/api/admin/articles", Http.article("xx", "world", "Story"),
                DatelineTestContext.ADMIN_TOKEN).body()).contains("\"code\":\"unknown_edition\"");
        assertThat(http.postJson("/api/admin/articles", Http.article("en", "nowhere", "Story"),
                DatelineTestContext.ADMIN_TOKEN).body()).contains("\"code\":\"unknown_section\"");
    }

    @Test
    void refusesWrongTypesNamingTheFieldAndOverlongFields() {
        long before = content.count();
        String[][] wrongTypes = {
                {"\"tags\":[\"Test tag\"]", "\"tags\":{\"a\":1}", "tags"},
                {"\"headline\":\"Story\"", "\"headline\":123", "headline"},
                {"\"credit\":\"Dateline\"", "\"credit\":true", "credit"},
                {"\"tags\":[\"Test tag\"]", "\"tags\":[\"Test tag\",7.5]", "tags[1]"},
                {"\"datelinePlace\":\"MOSCOW\"", "\"datelinePlace\":[\"MOSCOW\"]", "datelinePlace"}};
        for (String[] wrong : wrongTypes) {
            String body = Http.article("en", "world", "Story").replace(wrong[0], wrong[1]);
            assertThat(body).as(wrong[1]).contains(wrong[1]);
            HttpResponse<String> refused = http.postJson("/api/admin/articles", body, DatelineTestContext.ADMIN_TOKEN);
            assertThat(refused.statusCode()).as(wrong[1]).isEqualTo(400);
            assertThat(refused.body()).as(wrong[1]).contains("\"code\":\"invalid_request\"")
                    .contains("{\"field\":\"" + wrong[2] + "\",\"code\":\"invalid_type\"");
        }
        assertThat(content.count()).isEqualTo(before);
        String overlong = Http.article("en", "world", "H".repeat(301));
        HttpResponse<String> response = http.postJson("/api/admin/articles", overlong, DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"headline\",\"code\":\"too_long\"");
    }

    @Test
    void documentsTheApiWithOpenApi() {
        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/admin/articles").contains("\"openapi\"");
    }
}
