package org.dateline.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search on a running site: a story is found within a second of its publication and update and is gone within a
 * second of its removal (cached result pages included); the page's states and refusals; suggestions; related stories.
 */
@IntegrationTest
class SearchIT {

    static final Duration SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    SearchQueries search;
    @Autowired
    ContentQueries content;
    Http http;

    @BeforeEach
    void ready() throws InterruptedException {
        http = new Http(port);
        await(() -> search.status().ready(), Duration.ofSeconds(30));
    }

    @Test
    void aStoryIsFoundWithinASecondOfItsPublicationAndUpdateAndGoneWithinASecondOfItsRemoval() throws Exception {
        String word = word();
        String path = publish("Quarterly " + word + " figures", "The " + word + " figures were released today.");
        long id = idOf(path);
        long published = System.nanoTime();
        await(() -> headlines("/en/search?q=" + word).contains("Quarterly " + word + " figures"), SECOND);
        Document found = page("/en/search?q=" + word);
        assertThat(found.select(".results h2 mark").text()).isEqualToIgnoringCase(word);
        assertThat(found.select(".results a").attr("href")).isEqualTo(path);
        assertThat(found.select(".results .result-meta").text()).contains("Economy");
        // Suggestions take the word being typed as a prefix.
        assertThat(http.get("/en/search/suggest?q=quarterly%20" + word.substring(0, 5)).body()).contains(path);
        assertThat(http.get("/en/search?q=" + word).headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(System.nanoTime() - published).isPositive();

        String renamed = word();
        assertThat(http.send("PUT", "/api/admin/articles/" + id, article("Revised " + renamed + " figures",
                "Nothing here about the old word."), DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        await(() -> headlines("/en/search?q=" + renamed).contains("Revised " + renamed + " figures"), SECOND);
        await(() -> headlines("/en/search?q=" + word).isEmpty(), SECOND); // the cached page went with the update

        assertThat(http.postJson("/api/admin/articles/" + id + "/unpublish", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        await(() -> headlines("/en/search?q=" + renamed).isEmpty(), SECOND);
        await(() -> !http.get("/en/search/suggest?q=" + renamed).body().contains("/" + id + "-"), SECOND);
    }

    @Test
    void resultsPageNarrowsPagesAndRespells() {
        Document page = page("/en/search?q=surveys");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.title()).startsWith("Search: surveys —");
        assertThat(page.select("#site-search-q").val()).isEqualTo("surveys");
        assertThat(page.select(".search-summary").text()).containsPattern("\\d+ stories found for “surveys”");
        assertThat(page.select(".results li")).hasSize(10)
                .allSatisfy(result -> assertThat(result.select("mark").text().toLowerCase()).startsWith("survey"));

        String next = page.select("a[rel~=next]").attr("href");
        assertThat(next).startsWith("/en/search?q=surveys&after=");
        List<String> second = page(next).select(".results a:has(h2)").eachAttr("href");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(page.select(".results a:has(h2)").eachAttr("href"));

        String section = page.select(".facet:has(h2:contains(Section)) a").first().attr("href");
        Document narrowed = page(section);
        String name = narrowed.select(".facet a[aria-current]").text();
        assertThat(narrowed.select(".results .result-meta")).isNotEmpty()
                .allSatisfy(meta -> assertThat(meta.text()).startsWith(name));
        assertThat(narrowed.select(".facet:has(h2:contains(Section)) a").eachText()).contains("Any");

        Document byDate = page("/en/search?q=surveys&sort=date");
        List<String> times = byDate.select(".results time").eachAttr("datetime");
        assertThat(times).hasSize(10).isSortedAccordingTo((a, b) -> b.compareTo(a));

        Document respelt = page("/en/search?q=bugdet");
        assertThat(respelt.select(".did-you-mean a").text()).isEqualTo("budget");
        assertThat(respelt.select(".did-you-mean a").attr("href")).isEqualTo("/en/search?q=budget");

        Document russian = page("/ru/search?q=" + encode("бюджеты"));
        assertThat(russian.select(".results h2 mark").eachText()).isNotEmpty()
                .allSatisfy(mark -> assertThat(mark.toLowerCase()).startsWith("бюджет"));
    }

    @Test
    void pageStatesAndRefusals() {
        Document empty = page("/en/search");
        assertThat(empty.select(".results")).isEmpty();
        assertThat(empty.title()).startsWith("Search —");
        assertThat(page("/en/").select("header form[role=search][action=/en/search][method=get] input[name=q]"))
                .hasSize(1);
        assertThat(page("/ru/search?q=" + encode("щщщщщщщ")).select(".search-summary").text())
                .contains("ничего не найдено");

        HttpResponse<String> tooLong = http.get("/en/search?q=" + "a".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.body()).select(".search-message").text()).contains("200 characters");
        assertThat(http.get("/en/search?q=budget&after=not-a-cursor").statusCode()).isEqualTo(400);
        assertThat(http.get("/en/search?q=budget&range=century").statusCode()).isEqualTo(400);
        assertThat(http.get("/en/search?q=budget&sort=random").statusCode()).isEqualTo(400);
        assertThat(http.get("/xx/search?q=budget").statusCode()).isEqualTo(404);
        for (String nasty : List.of("\"", "budget AND (", "title:x*", "\\", "[a TO", "~~~", "%00")) {
            assertThat(http.get("/en/search?q=" + encode(nasty)).statusCode()).as(nasty).isEqualTo(200);
        }

        HttpResponse<String> suggestTooLong = http.get("/en/search/suggest?q=" + "a".repeat(201));
        assertThat(suggestTooLong.statusCode()).isEqualTo(400);
        assertThat(suggestTooLong.body()).contains("\"code\":\"query_too_long\"");
        assertThat(http.get("/xx/search/suggest?q=budget").statusCode()).isEqualTo(404);
        assertThat(http.get("/en/search/suggest?q=b").body()).isEqualTo("{\"suggestions\":[]}");
    }

    @Test
    void relatedStoriesAreOtherLiveStoriesOfTheEdition() throws Exception {
        // The newest Russian story of some substance: other tests of this context publish nearly empty ones.
        ArticleSummary story = content.latest("ru", null, 30).stream()
                .filter(candidate -> !search.related(candidate.id(), "ru", 5).isEmpty()).findFirst().orElseThrow();
        List<ArticleSummary> related = search.related(story.id(), "ru", 5);
        assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(r.edition()).isEqualTo("ru"))
                .extracting(ArticleSummary::id).doesNotContain(story.id());
        // Under the article's page, in the stable hook, as links; never the story itself.
        List<String> shown = relatedLinks(story.path());
        assertThat(shown).isNotEmpty().doesNotContain(story.path())
                .isSubsetOf(related.stream().map(ArticleSummary::path).toList());
        long gone = related.get(0).id();
        String gonePath = related.get(0).path();
        assertThat(shown).contains(gonePath);
        assertThat(http.postJson("/api/admin/articles/" + gone + "/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        await(() -> search.related(story.id(), "ru", 5).stream().noneMatch(r -> r.id() == gone), SECOND);
        assertThat(search.related(gone, "ru", 5)).isEmpty();
        // the cached page carried the killed story's key: it is gone from the block at once
        assertThat(relatedLinks(story.path())).isNotEmpty().doesNotContain(gonePath);
    }

    @Test
    void aPageOpenedTheMomentItsStoryIsPublishedGetsItsRelatedStoriesOnceTheStoryIsIndexed() throws Exception {
        String word = word();
        String first = publish("Harbour " + word + " dredging plan approved", "The harbour " + word
                + " dredging plan was approved by the port council on Monday.");
        await(() -> !search.suggest("en", word, 1).isEmpty(), Duration.ofSeconds(5));
        String second = publish("Harbour " + word + " dredging starts", "Dredging of the harbour " + word
                + " began on Tuesday, as the port council planned.");
        // Opened at once, before the index may have the story: the page waits on the edition's search key.
        HttpResponse<String> opened = http.get(second);
        assertThat(opened.headers().firstValue("Surrogate-Key").orElseThrow()).contains(SearchKeys.results("en"));
        await(() -> relatedLinks(second).contains(first), Duration.ofSeconds(5));
        assertThat(relatedLinks(first)).contains(second);
    }

    private List<String> relatedLinks(String path) {
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("#related a[href]").eachAttr("href");
    }

    private String publish(String headline, String text) {
        HttpResponse<String> created = http.postJson("/api/admin/articles", article(headline, text),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static String article(String headline, String text) {
        return """
                {"edition":"en","section":"economy","headline":"%s","lead":"%s","body":["%s"],
                 "datelinePlace":"MOSCOW","credit":"Dateline","tags":["Statistics"],"authors":["Test Reporter"]}
                """.formatted(headline, text, text);
    }

    /** A word no story holds: letters only, so no analysis splits it. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : Long.toString(System.nanoTime(), 26).toCharArray()) {
            word.append((char) (Character.isDigit(c) ? 'a' + (c - '0') : c + 10));
        }
        return word.toString();
    }

    private static long idOf(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Long.parseLong(last.substring(0, last.indexOf('-')));
    }

    private Document page(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private List<String> headlines(String path) {
        return page(path).select(".results h2").eachText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }
}
