package org.dateline.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories that show pictures, published through the admin API: a body figure is part of the markup the API takes;
 * the lead picture is set on the row right after publication, before any page shows the story (the API has no
 * field for it yet), so no cached page can hold the story without it.
 */
public final class StoriesWithPictures {

    private final Http http;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    public StoriesWithPictures(Http http, JsonMapper json, JdbcClient jdbc) {
        this.http = http;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** A JPEG uploaded with these fields; answers the picture as the admin API shows it. */
    public JsonNode picture(int width, int height, Map<String, String> fields) {
        HttpResponse<String> response = TestPictures.upload(http, "/api/admin/pictures",
                DatelineTestContext.ADMIN_TOKEN, TestPictures.jpeg(width, height), "photo.jpg", "image/jpeg", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    /** A live story in the section; its body holds the given blocks of markup; the lead picture may be null. */
    public long publish(String edition, String section, String headline, Long leadPictureId, String... blocks) {
        StringBuilder body = new StringBuilder();
        for (String block : blocks) {
            body.append(body.isEmpty() ? "" : ",").append(json.writeValueAsString(block));
        }
        String story = """
                {"edition":"%s","section":"%s","headline":%s,
                 "lead":"A lead sentence that sums the story up for readers in a hurry.",
                 "body":[%s],
                 "datelinePlace":"MOSCOW","credit":"Dateline","tags":["Test tag"],"authors":["Test Reporter"]}
                """.formatted(edition, section, json.writeValueAsString(headline), body);
        HttpResponse<String> created = http.postJson("/api/admin/articles", story, DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        if (leadPictureId != null) {
            jdbc.sql("UPDATE articles SET lead_picture_id = ? WHERE id = ?").params(leadPictureId, id).update();
        }
        return id;
    }

    /** Changes a picture's fields through the admin API (a {@code picture.updated} change). */
    public JsonNode update(long pictureId, String fieldsJson) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/pictures/" + pictureId))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(fieldsJson))
                .build();
        try {
            HttpResponse<String> response = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
