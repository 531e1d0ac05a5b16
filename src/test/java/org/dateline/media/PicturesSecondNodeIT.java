package org.dateline.media;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.SecondNode;
import org.dateline.testing.TestPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: a picture uploaded on one is served by the other, which makes its own renditions from
 * the original in the database; a deletion on one empties the other's rendition cache.
 */
@IntegrationTest
class PicturesSecondNodeIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JsonMapper json;

    @Test
    void aPictureUploadedOnOneNodeIsServedByTheOtherAndLeavesBothWhenDeleted() throws Exception {
        Http first = new Http(port);
        HttpResponse<String> created = TestPictures.upload(first, "/api/admin/pictures", DatelineTestContext.ADMIN_TOKEN,
                TestPictures.jpeg(1400, 900), "two-nodes.jpg", "image/jpeg", Map.of("caption", "Seen twice"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode picture = json.readTree(created.body());
        String path = URI.create(picture.get("renditions").get("16x9").get(1).get("webp").asString()).getPath();
        HttpResponse<byte[]> onFirst = first.getBytes(path);
        assertThat(onFirst.statusCode()).isEqualTo(200);

        try (SecondNode node = SecondNode.start(environment, "pictures-second-node")) {
            Http second = new Http(node.port());
            HttpResponse<byte[]> onSecond = second.getBytes(path);
            assertThat(onSecond.statusCode()).isEqualTo(200);
            assertThat(onSecond.headers().firstValue("Content-Type")).hasValue("image/webp");
            // Made again from the same original, by the same encoder: the same bytes, the same ETag.
            assertThat(onSecond.headers().firstValue("ETag")).isEqualTo(onFirst.headers().firstValue("ETag"));
            Path secondFolder = Path.of(node.context().getEnvironment().getProperty("dateline.data-dir"))
                    .resolve("pictures/renditions").resolve(path.substring("/pictures/".length()));
            assertThat(Files.exists(secondFolder)).as("the second node keeps its own rendition").isTrue();

            HttpResponse<String> deleted = first.client().send(java.net.http.HttpRequest.newBuilder(
                            URI.create(first.base() + "/api/admin/pictures/" + picture.get("id").asLong()))
                    .header("Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            // At once, unless the other node's tailer waits out a position a rolled-back transaction took
            // (dateline.changes.gap-timeout, 3 s): the deadline leaves room for that on a loaded machine.
            await(() -> second.getBytes(path).statusCode() == 404, Duration.ofSeconds(15));
            assertThat(Files.exists(secondFolder)).as("the second node dropped its copy").isFalse();
        }
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(until);
            Thread.sleep(50);
        }
    }
}
