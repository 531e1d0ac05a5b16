package org.dateline.feeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The ninjs read API, validated against the IPTC ninjs 2.1 JSON Schema from ../shared/conformance. */
@IntegrationTest
class NinjsApiIT {

    static final Path SCHEMA = Path.of(System.getProperty("dateline.shared.dir", "../shared"),
            "conformance/ninjs/specification/ninjs-schema_2.1.json");

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    JsonMapper json;

    static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA));
    }

    @Test
    void everyItemIsValidNinjsAndTheSchemaCanRefuse() throws Exception {
        Schema schema = schema();
        assertThat(schema.validate(json.readTree("{\"uri\":\"x\",\"pubstatus\":\"nonsense\"}"))).isNotEmpty();
        Http http = new Http(port);
        JsonNode page = json.readTree(http.get("/api/ninjs/items?edition=ru").body());
        assertThat(page.get("items").size()).isEqualTo(NinjsController.PAGE);
        for (JsonNode item : page.get("items")) {
            assertThat(schema.validate(item)).as(item.get("uri").asString()).isEmpty();
            assertThat(item.get("language").asString()).isEqualTo("ru");
        }
        ArticleSummary seed = content.allById(0, 1).get(0);
        JsonNode one = json.readTree(http.get("/api/ninjs/items/" + seed.id()).body());
        assertThat(schema.validate(one)).isEmpty();
        assertThat(one.get("headlines").get(0).get("value").asString()).isEqualTo(seed.headline());
        assertThat(one.get("located").asString()).isEqualTo("MOSCOW");
        assertThat(one.get("infosources").get(0).get("name").asString()).isEqualTo("RIA Novosti");
        assertThat(one.get("bodies").get(0).get("value").asString()).startsWith("Senior Russian and U.S. security");
    }

    @Test
    void sinceAndCursorPageWithoutGapsAndBadInputIsRefused() throws Exception {
        Http http = new Http(port);
        List<ArticleSummary> latest = content.latest("en", null, 10);
        String since = latest.get(4).publishedAt().toString();
        JsonNode recent = json.readTree(http.get("/api/ninjs/items?edition=en&since=" + since).body());
        assertThat(recent.get("items").size()).isEqualTo(5);
        assertThat(recent.get("next")).isNull(); // no more pages: the field is left out

        JsonNode first = json.readTree(http.get("/api/ninjs/items?edition=en").body());
        JsonNode second = json.readTree(http.get("/api/ninjs/items?edition=en&before=" + first.get("next").asString()).body());
        List<ArticleSummary> expected = content.latest("en", null, 2 * NinjsController.PAGE);
        assertThat(second.get("items").get(0).get("uri").asString()).endsWith(expected.get(NinjsController.PAGE).path());

        assertThat(http.get("/api/ninjs/items?since=yesterday").body()).contains("\"code\":\"invalid_since\"");
        assertThat(http.get("/api/ninjs/items?edition=xx").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/ninjs/items/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void killedArticlesAnswer410() throws Exception {
        Http http = new Http(port);
        var created = http.postJson("/api/admin/articles", Http.article("en", "world", "Soon withdrawn"),
                DatelineTestContext.ADMIN_TOKEN);
        long id = json.readTree(created.body()).get("id").asLong();
        assertThat(http.get("/api/ninjs/items/" + id).statusCode()).isEqualTo(200);
        http.postJson("/api/admin/articles/" + id + "/kill", "", DatelineTestContext.ADMIN_TOKEN);
        var gone = http.get("/api/ninjs/items/" + id);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("\"code\":\"killed\"");
    }
}
