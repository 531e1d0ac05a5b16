package org.dateline.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.newsroom.CreateStory;
import org.dateline.newsroom.KillStory;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.StoryResult;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.SecondNode;
import org.dateline.testing.TestNodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.search.SearchIT.await;

/**
 * Each node keeps its own indexes from the one database: a second node builds its index from the database, finds what
 * the first publishes within a second and loses what it takes down within a second; restarted, it resumes from the
 * position in its index, applying what happened while it was down; with its index damaged, it builds a new one. The
 * newsroom's story index, of stories in every state, does the same.
 */
@IntegrationTest
class SearchOnTwoNodesIT {

    static final Duration SECOND = Duration.ofSeconds(1);
    private static final Actor EDITOR = new Actor(0, "", "Search test", Role.ADMIN);

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    CreateStory create;
    @Autowired
    KillStory kill;

    @Test
    void eachNodeFollowsTheOthersChangesAndSurvivesARestartOrADamagedIndex() throws Exception {
        Http first = new Http(port);
        String dataDir = TestNodes.dataDir("search-second");
        String word = "zqnode" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "x");
        long kept;
        long killed;
        try (SecondNode second = SecondNode.start(environment, "search-second", dataDir)) {
            Http other = new Http(second.port());
            IndexStatus status = awaitReady(second);
            assertThat(status.built()).isTrue();
            assertThat(status.documents()).isPositive(); // the demo content, read from the database
            kept = publish(first, "Harvest " + word + " report");
            killed = publish(first, "Harvest " + word + " forecast");
            await(() -> found(other, word).size() == 2, SECOND);
            kill(first, killed);
            await(() -> found(other, word).size() == 1, SECOND);
        }

        // While the second node is down, one story is published and one taken down.
        long whileDown = publish(first, "Harvest " + word + " estimate");
        kill(first, kept);
        try (SecondNode second = SecondNode.start(environment, "search-second", dataDir)) {
            IndexStatus status = awaitReady(second);
            assertThat(status.built()).as("resumed from its own index").isFalse();
            Http other = new Http(second.port());
            await(() -> found(other, word).equals(List.of("Harvest " + word + " estimate")), Duration.ofSeconds(5));
            assertThat(whileDown).isPositive();
        }

        damage(Path.of(dataDir, "search", "articles"));
        try (SecondNode second = SecondNode.start(environment, "search-second", dataDir)) {
            IndexStatus status = awaitReady(second);
            assertThat(status.built()).as("built afresh over the damaged index").isTrue();
            assertThat(found(new Http(second.port()), word)).containsExactly("Harvest " + word + " estimate");
        }
    }

    @Test
    void theStoryIndexFollowsTheOtherNodesStoriesAndSurvivesARestartOrADamagedIndex() throws Exception {
        String dataDir = TestNodes.dataDir("stories-second");
        String word = "zqstory" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "x");
        long first = draft("Quarry " + word + " plan");
        long killed;
        try (SecondNode second = SecondNode.start(environment, "stories-second", dataDir)) {
            StoryIndex stories = second.context().getBean(StoryIndex.class);
            await(() -> stories.status().ready(), Duration.ofSeconds(30));
            assertThat(stories.status().built()).isTrue();
            assertThat(stories(stories, word, null)).containsExactly(first); // read from the database
            killed = draft("Quarry " + word + " survey");
            await(() -> stories(stories, word, null).size() == 2, SECOND);
        }

        // While the second node is down, a draft is written and another killed.
        long whileDown = draft("Quarry " + word + " estimate");
        assertThat(kill.kill(EDITOR, killed)).isInstanceOf(StoryResult.Done.class);
        try (SecondNode second = SecondNode.start(environment, "stories-second", dataDir)) {
            StoryIndex stories = second.context().getBean(StoryIndex.class);
            await(() -> stories.status().ready(), Duration.ofSeconds(30));
            assertThat(stories.status().built()).as("resumed from its own index").isFalse();
            await(() -> stories(stories, word, "KILLED").equals(List.of(killed)), Duration.ofSeconds(5));
            assertThat(stories(stories, word, "DRAFT")).containsExactlyInAnyOrder(first, whileDown);
        }

        damage(Path.of(dataDir, "search", "stories"));
        try (SecondNode second = SecondNode.start(environment, "stories-second", dataDir)) {
            StoryIndex stories = second.context().getBean(StoryIndex.class);
            await(() -> stories.status().ready(), Duration.ofSeconds(30));
            assertThat(stories.status().built()).as("built afresh over the damaged index").isTrue();
            assertThat(stories(stories, word, "DRAFT")).containsExactlyInAnyOrder(first, whileDown);
            assertThat(stories(stories, word, "KILLED")).containsExactly(killed);
        }
    }

    private static List<Long> stories(StoryIndex index, String word, String state) {
        return index.search(word, new StoryIndex.Filter(state, null, null, null, null, null), 10).orElseThrow().ids();
    }

    private long draft(String headline) {
        StoryResult created = create.create(EDITOR, new PublishCommand("en", "economy", headline,
                "A lead.", List.of("A paragraph."), "OSLO", null, "Dateline", List.of(), List.of("Staff Writer"),
                null, null, null));
        assertThat(created).isInstanceOf(StoryResult.Done.class);
        return ((StoryResult.Done) created).storyId();
    }

    private static IndexStatus awaitReady(SecondNode node) throws InterruptedException {
        SearchQueries search = node.context().getBean(SearchQueries.class);
        await(() -> search.status().ready(), Duration.ofSeconds(30));
        return search.status();
    }

    private static List<String> found(Http node, String word) {
        HttpResponse<String> page = node.get("/en/search?q=" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select(".results h2").eachText();
    }

    private static long publish(Http node, String headline) {
        HttpResponse<String> created = node.postJson("/api/admin/articles", Http.article("en", "economy", headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Long.parseLong(last.substring(0, last.indexOf('-')));
    }

    private static void kill(Http node, long id) {
        assertThat(node.postJson("/api/admin/articles/" + id + "/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
    }

    /** Flips bytes inside every file of the index, as a failing disk would. */
    private static void damage(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".lock")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = bytes.length / 3; i < Math.min(bytes.length, bytes.length / 3 + 16); i++) {
                    bytes[i] = (byte) ~bytes[i];
                }
                Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
    }
}
