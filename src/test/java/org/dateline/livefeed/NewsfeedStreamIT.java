package org.dateline.livefeed;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsfeed stream's own protocol: headers, catch-up after a reconnect, unknown editions. */
@IntegrationTest
class NewsfeedStreamIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;

    @Test
    void reconnectingClientFirstReceivesWhatItMissedInOrder() throws Exception {
        Http http = new Http(port);
        List<ArticleSummary> latest = content.latest("ru", null, 3);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/ru/newsfeed/stream"))
                .header("Last-Event-ID", latest.get(2).cursor().encode()).build();
        var response = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> opened = response.get();
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        var reading = java.util.concurrent.CompletableFuture.runAsync(() -> opened.body().forEach(lines::add));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines.stream().filter(l -> l.startsWith("id: ")).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> ids = lines.stream().filter(l -> l.startsWith("id: ")).toList();
        assertThat(ids).containsExactly("id: " + latest.get(1).cursor().encode(), "id: " + latest.get(0).cursor().encode());
        assertThat(lines.get(0)).isEqualTo(":newsfeed");
        reading.cancel(true);
    }

    @Test
    void unknownEditionAnswers404() {
        assertThat(new Http(port).get("/xx/newsfeed/stream").statusCode()).isEqualTo(404);
    }
}
