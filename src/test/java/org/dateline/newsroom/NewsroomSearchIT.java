package org.dateline.newsroom;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.newsroom.ScheduledPublishingIT.await;
import static org.dateline.newsroom.StoryFixtures.done;

/**
 * The newsroom search finds stories in every state by any form of their words, from the story index: however many
 * newer stories there are, and within a second of a save or a kill; only staff reach it.
 */
@IntegrationTest
class NewsroomSearchIT {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    CreateStory create;
    @Autowired
    SaveStory save;
    @Autowired
    KillStory kill;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aDraftIsFoundWithinASecondByAnotherFormOfItsWordsAndTheFiltersNarrow() throws InterruptedException {
        WebSession editor = staff(Role.EDITOR);
        String mark = unique();
        String russianPath = draft(editor, Map.of("edition", "ru", "section", "science",
                "headline", "Учёные обсудили новости " + mark, "lead", "Совещание прошло в Москве.",
                "body", "Первый абзац.", "authors", "Анна Петрова"));
        String englishPath = draft(editor, Map.of("edition", "en", "section", "science",
                "headline", "Delegates reviewed the treaties " + mark, "lead", "A lead.",
                "body", "The talks went on.", "authors", "Nora " + mark + "son"));

        // Stemmed: новость finds новости, ё is е; English plurals and tenses come off.
        await(() -> found(editor, mark, "").size() == 2, SECOND);
        assertThat(found(editor, "новость учеными " + mark, "")).containsExactly(russianPath);
        assertThat(found(editor, "review treaty " + mark, "")).containsExactly(englishPath);
        // Both stories share the mark; the byline is searched too.
        assertThat(found(editor, mark, "")).containsExactlyInAnyOrder(russianPath, englishPath);
        assertThat(found(editor, mark + "son", "")).containsExactly(englishPath);
        // Filters: status, edition and author narrow; a word the story lacks finds nothing.
        assertThat(found(editor, mark, "&state=DRAFT&edition=en")).containsExactly(englishPath);
        assertThat(found(editor, mark, "&state=READY")).isEmpty();
        assertThat(found(editor, mark, "&author=" + enc("Петрова"))).containsExactly(russianPath);
        assertThat(found(editor, mark, "&desk=incoming")).isEmpty();
        assertThat(found(editor, "ceasefire " + mark, "")).isEmpty();

        // A scheduled story is found too, and the status filter tells it from the drafts.
        Map<String, String> scheduled = new HashMap<>(Map.of("edition", "en", "section", "science",
                "headline", "Scheduled review of " + mark, "lead", "Delegates will meet.", "body", "Paragraph.",
                "datelinePlace", "GENEVA", "credit", "Dateline", "authors", "Staff Editor", "when", "schedule",
                "publishAt", LocalDateTime.now(ZoneOffset.UTC).plusYears(1).withNano(0).toString()));
        HttpResponse<String> stored = editor.submit("/newsroom/stories/new", "/newsroom/stories", scheduled);
        String id = WebSession.location(stored).replaceAll(".*stored=", "");
        await(() -> found(editor, mark, "&state=SCHEDULED").equals(List.of("/newsroom/stories/" + id)), SECOND);
        assertThat(found(editor, "reviews " + mark, "&state=DRAFT")).containsExactly(englishPath);
        assertThat(found(editor, "reviews " + mark, "")).hasSize(2).contains(englishPath, "/newsroom/stories/" + id);

        // The page is reachable from the newsroom's navigation and works without words (the form only).
        assertThat(Jsoup.parse(editor.get("/newsroom").body()).select("nav a[href=/newsroom/search]")).hasSize(1);
        assertThat(editor.get("/newsroom/search").statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = editor.get("/newsroom/search?q=" + "a".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("longer than 200 characters");
    }

    @Test
    void aStoryOlderThanAThousandNewerOnesThatPassTheFiltersIsFound() throws InterruptedException {
        String mark = unique();
        String byline = "Bulk " + unique();
        long old = done(create.create(StoryFixtures.SYSTEM, draft("Quarry ledger " + mark, byline)));
        // One transaction, each story in a savepoint of it, as the wire ingests a batch: quick on both databases.
        transactions().executeWithoutResult(status -> {
            for (int i = 0; i < StoryQueries.SEARCH_CANDIDATES; i++) {
                done(create.create(StoryFixtures.SYSTEM, draft("Filler number " + i, byline)));
            }
        });
        WebSession editor = staff(Role.EDITOR);
        String filters = "&edition=en&state=DRAFT&author=" + enc(byline);
        // Searched in memory, the newest thousand that pass the filters would all be fillers.
        await(() -> found(editor, mark, filters).equals(List.of("/newsroom/stories/" + old)), Duration.ofSeconds(20));
        String page = editor.get("/newsroom/search?q=" + enc(mark) + filters).body();
        assertThat(Jsoup.parse(page).select(".notice")).isEmpty();
    }

    @Test
    void aSaveIsFoundWithinASecondAndAKilledStoryIsFoundAsKilled() throws InterruptedException {
        String before = unique();
        String after = unique();
        long id = done(create.create(StoryFixtures.SYSTEM, draft("Harbour " + before + " works", "Staff Writer")));
        String path = "/newsroom/stories/" + id;
        WebSession editor = staff(Role.EDITOR);
        await(() -> found(editor, before, "").equals(List.of(path)), SECOND);

        done(save.save(StoryFixtures.SYSTEM, id, draft("Harbour " + after + " works", "Staff Writer"), null));
        await(() -> found(editor, after, "").equals(List.of(path)), SECOND);
        assertThat(found(editor, before, "")).isEmpty();

        done(kill.kill(StoryFixtures.SYSTEM, id));
        await(() -> found(editor, after, "&state=KILLED").equals(List.of(path)), SECOND);
        assertThat(found(editor, after, "&state=DRAFT")).isEmpty();
    }

    @Test
    void onlyStaffReachTheSearch() {
        HttpResponse<String> anonymous = new WebSession(port).get("/newsroom/search?q=news");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymous)).contains("/login");

        String email = "reader-" + System.nanoTime() + "@dateline.test";
        String password = "a-long-reader-passphrase-" + System.nanoTime();
        Timestamp created = Timestamp.from(Instant.now().minusSeconds(86_400));
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, 'Searching Reader', ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, encoder.encode(password), created, created, created).update();
        WebSession reader = new WebSession(port);
        HttpResponse<String> login = reader.submit("/account/login", "/account/login",
                Map.of("email", email, "password", password));
        assertThat(WebSession.location(login)).doesNotContain("error");
        assertThat(reader.get("/newsroom/search?q=news").statusCode()).isEqualTo(403);
    }

    private static PublishCommand draft(String headline, String author) {
        return new PublishCommand("en", "science", headline, "A lead.", List.of("A paragraph."), "OSLO", null,
                "Dateline", List.of(), List.of(author), null, null, null);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    private WebSession staff(Role role) {
        return WebSession.staff(port, accounts, role);
    }

    /** Saves a draft through the story form; its page's path. */
    private static String draft(WebSession session, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.putAll(Map.of("datelinePlace", "", "credit", "", "when", "draft"));
        HttpResponse<String> stored = session.submit("/newsroom/stories/new", "/newsroom/stories", form);
        String location = WebSession.location(stored);
        assertThat(location).matches(".*/newsroom/stories/\\d+\\?done=created");
        return location.substring(location.indexOf("/newsroom/stories/"), location.indexOf('?'));
    }

    /** The story pages the search lists, in order. */
    private static List<String> found(WebSession session, String words, String filters) {
        HttpResponse<String> page = session.get("/newsroom/search?q=" + enc(words) + filters);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select(".story-table tbody a").eachAttr("href");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A word no other story holds: letters only, so the analysis keeps it one word. */
    private static String unique() {
        StringBuilder word = new StringBuilder("zq");
        for (char digit : Long.toString(System.nanoTime()).toCharArray()) {
            word.append((char) ('a' + (digit - '0')));
        }
        return word.toString();
    }
}
