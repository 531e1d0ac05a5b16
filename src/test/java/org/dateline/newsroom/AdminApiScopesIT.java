package org.dateline.newsroom;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dateline.content.ArticleState;
import org.dateline.content.LiveEntryStore;
import org.dateline.identity.Role;
import org.dateline.identity.Scopes;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope matrix of the API's reads: every scope (read from {@link Scopes#NAMES}), a token with none, the bootstrap
 * token and no token at all, against every GET route of the API (read from the handler mappings) and a story in
 * every state a partner must not see, beside a live one. What each scope reads is stated here on its own, as the
 * README's table says it, so that the code is checked against it rather than against itself; a new scope or a new
 * route fails until it is placed in the matrix.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiScopesIT {

    /** How much of the newsroom's stories a caller reads. */
    enum Reach { NOTHING, PUBLISHED, NEWSROOM }

    /** Each scope's reach, as README's scope table states it. */
    static final Map<String, Reach> READS = Map.of(
            "articles:read", Reach.PUBLISHED,
            "stories:read", Reach.NEWSROOM,
            "articles:write", Reach.NEWSROOM,
            "wire:push", Reach.NOTHING,
            "integrations:manage", Reach.NOTHING);

    /** What a GET route is, for the matrix. */
    enum Route {
        /** The admin API's story list: published articles for articles:read, any state for the newsroom. */
        STORY_LIST,
        /** One story of the admin API: the same split. */
        STORY,
        /** Reads of the newsroom's work only (revisions): stories:read. */
        NEWSROOM_ONLY,
        /** Public syndication (ninjs, NewsML-G2): the same for every caller, token or not. */
        SYNDICATION_LIST,
        SYNDICATION,
        /** A picture a live story shows, as a NewsML-G2 item: public, and an unknown id answers alike to all. */
        SYNDICATED_PICTURE,
        /** The picture library: the newsroom's, read with stories:read (and articles:write, which includes it). */
        PICTURES,
        /** An edition's front page: only live stories, so whoever reads published articles reads it. */
        FRONT,
        /** Reads that concern no story, behind one scope. */
        INTEGRATIONS,
        WIRE,
        /** Public reads that concern no story (the VAPID public key browsers subscribe with): 200 to every caller. */
        PUBLIC
    }

    static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry("/api/admin/articles", Route.STORY_LIST),
            Map.entry("/api/admin/articles/{id}", Route.STORY),
            Map.entry("/api/admin/articles/{id}/revisions", Route.NEWSROOM_ONLY),
            Map.entry("/api/admin/articles/{id}/revisions/{number}", Route.NEWSROOM_ONLY),
            Map.entry("/api/admin/articles/{id}/entries", Route.NEWSROOM_ONLY),
            Map.entry("/api/admin/articles/{id}/entries/{entryId}", Route.NEWSROOM_ONLY),
            Map.entry("/api/ninjs/items", Route.SYNDICATION_LIST),
            Map.entry("/api/ninjs/items/{id}", Route.SYNDICATION),
            Map.entry("/api/newsml/items/{id}", Route.SYNDICATION),
            Map.entry("/api/newsml/pictures/{id}", Route.SYNDICATED_PICTURE),
            Map.entry("/api/admin/pictures", Route.PICTURES),
            Map.entry("/api/admin/pictures/{id}", Route.PICTURES),
            Map.entry("/api/admin/editions/{edition}/front", Route.FRONT),
            Map.entry("/api/admin/integrations", Route.INTEGRATIONS),
            Map.entry("/api/admin/integrations/{id}", Route.INTEGRATIONS),
            Map.entry("/api/admin/integrations/{id}/deliveries", Route.INTEGRATIONS),
            Map.entry("/api/wire/log", Route.WIRE),
            Map.entry("/api/wire/feeds", Route.WIRE),
            Map.entry("/api/wire/feeds/{id}", Route.WIRE),
            Map.entry("/api/alerts/push-key", Route.PUBLIC));

    /** The readers' browser API (session and CSRF cookie, its own security chain): no token reaches it. */
    static final List<String> READERS_API = List.of("/api/chats", "/api/views");

    /** The stories of the matrix; an id that never existed is the yardstick of "nothing to see". */
    enum Kind { DRAFT, SCHEDULED, EMBARGOED, LIVE, UNPUBLISHED, KILLED, UNKNOWN }

    record Caller(String name, String token, Set<String> scopes) {

        Reach reach() {
            return scopes.stream().map(READS::get).max(Enum::compareTo).orElse(Reach.NOTHING);
        }

        boolean holds(String scope) {
            return scopes.contains(scope);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Http http;
    String marker;
    Instant start;
    final Map<Kind, Long> ids = new EnumMap<>(Kind.class);
    final Map<Kind, Integer> revisions = new EnumMap<>(Kind.class);
    final Map<Kind, Long> entries = new EnumMap<>(Kind.class);
    final List<Caller> callers = new ArrayList<>();
    long integrationId;

    @BeforeAll
    void storiesAndCallers() {
        http = new Http(port);
        marker = "scopematrix" + System.nanoTime();
        start = clock.instant();
        stories();
        callers.add(new Caller("no token", null, Set.of()));
        callers.add(new Caller("bootstrap token", DatelineTestContext.ADMIN_TOKEN, Set.copyOf(Scopes.NAMES)));
        for (String scope : Scopes.NAMES) {
            JsonNode integration = integration(scope);
            integrationId = integration.get("id").asLong(); // any one will do for the integrations' routes
            callers.add(new Caller(scope, integration.get("token").asString(), Set.of(scope)));
        }
        // An integration that holds nothing (the newsroom never creates one; a row could still say so).
        JsonNode none = integration("wire:push");
        jdbc.sql("UPDATE integrations SET scopes = '' WHERE id = ?").params(none.get("id").asLong()).update();
        callers.add(new Caller("no scope", none.get("token").asString(), Set.of()));
    }

    private void stories() {
        CreateStory create = context.getBean(CreateStory.class);
        ScheduleStory schedule = context.getBean(ScheduleStory.class);
        PublishStory publish = context.getBean(PublishStory.class);
        UnpublishStory unpublish = context.getBean(UnpublishStory.class);
        KillStory kill = context.getBean(KillStory.class);
        StoryQueries queries = context.getBean(StoryQueries.class);
        StoryFixtures fixtures = new StoryFixtures(context);
        Instant later = clock.instant().plus(Duration.ofDays(2));
        for (Kind kind : Kind.values()) {
            if (kind == Kind.UNKNOWN) {
                continue;
            }
            PublishCommand fields = StoryFixtures.fields(headline(kind));
            long id = switch (kind) {
                case LIVE, UNPUBLISHED, KILLED -> StoryFixtures.done(publish.publishNew(StoryFixtures.SYSTEM, fields));
                default -> StoryFixtures.done(create.create(StoryFixtures.SYSTEM, fields));
            };
            StoryResult moved = switch (kind) {
                case SCHEDULED -> schedule.schedule(StoryFixtures.SYSTEM, id, later, false);
                case EMBARGOED -> schedule.schedule(StoryFixtures.SYSTEM, id, later, true);
                case UNPUBLISHED -> unpublish.unpublish(StoryFixtures.SYSTEM, id);
                case KILLED -> kill.kill(StoryFixtures.SYSTEM, id); // killed once it was public: the kill notice case
                default -> new StoryResult.Done(id, null, 0);
            };
            StoryFixtures.done(moved);
            assertThat(queries.find(id).orElseThrow().state()).isEqualTo(state(kind));
            ids.put(kind, id);
            revisions.put(kind, queries.find(id).orElseThrow().revision());
            // Every story holds an entry (as stored, whatever its state), so an entry's read is a story's read.
            entries.put(kind, context.getBean(LiveEntryStore.class).post(id, "Entry of " + headline(kind), null,
                    clock.instant(), null, "Matrix"));
        }
        // Someone in the newsroom is editing the live story: the newsroom sees who, partners do not.
        fixtures.lockedBy(fixtures.staff(Role.EDITOR, "Matrix Editor"), ids.get(Kind.LIVE));
        // The English front names every one of them as stored (the API would refuse all but the live one).
        int slot = 1;
        for (Map.Entry<Kind, Long> story : ids.entrySet()) {
            jdbc.sql("INSERT INTO front_stories (edition, slot, article_id) VALUES ('en', ?, ?)")
                    .params(slot++, story.getValue()).update();
        }
        ids.put(Kind.UNKNOWN, jdbc.sql("SELECT MAX(id) FROM articles").query(Long.class).single() + 1_000_000);
        revisions.put(Kind.UNKNOWN, 1);
        entries.put(Kind.UNKNOWN, entries.get(Kind.LIVE));
    }

    @AfterAll
    void clearTheFront() {
        // through the API, so that the change log evicts any home page cached with them
        assertThat(http.send("PUT", "/api/admin/editions/en/front", "{}", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
    }

    private String headline(Kind kind) {
        return marker + " " + kind.name().toLowerCase();
    }

    private static ArticleState state(Kind kind) {
        return switch (kind) {
            case DRAFT -> ArticleState.DRAFT;
            case SCHEDULED, EMBARGOED -> ArticleState.SCHEDULED;
            case LIVE -> ArticleState.LIVE;
            case UNPUBLISHED -> ArticleState.UNPUBLISHED;
            case KILLED -> ArticleState.KILLED;
            case UNKNOWN -> throw new IllegalArgumentException();
        };
    }

    /** A new integration holding one scope, with its token. */
    private JsonNode integration(String scope) {
        HttpResponse<String> created = http.postJson("/api/admin/integrations",
                "{\"name\":\"Matrix " + scope + "\",\"scopes\":[\"" + scope + "\"]}", DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    /** Every GET route under /api/ the application maps. */
    private Set<String> getRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                        .filter(p -> READERS_API.stream().noneMatch(p::startsWith)).forEach(routes::add);
            }
        });
        return routes;
    }

    @Test
    void everyGetRouteOfTheApiIsInTheMatrix() {
        Set<String> routes = getRoutes();
        assertThat(routes).as("GET routes not placed in the scope matrix").isSubsetOf(ROUTES.keySet());
        assertThat(ROUTES.keySet()).as("routes of the matrix the application no longer maps").isSubsetOf(routes);
        assertThat(READS.keySet()).as("scopes placed in the matrix").isEqualTo(Set.copyOf(Scopes.NAMES));
    }

    @Test
    void everyCallerReadsOfEveryStoryWhatItsScopesAllow() {
        List<String> wrong = new ArrayList<>();
        for (String route : getRoutes()) {
            Route kind = ROUTES.get(route);
            if (kind == null) {
                continue; // the other test names it
            }
            for (Caller caller : callers) {
                switch (kind) {
                    case STORY_LIST -> storyList(caller, wrong);
                    case STORY, NEWSROOM_ONLY, SYNDICATION -> oneStory(route, kind, caller, wrong);
                    case SYNDICATION_LIST -> syndicationList(route, caller, wrong);
                    case PICTURES -> pictures(route, caller, wrong);
                    case SYNDICATED_PICTURE -> syndicatedPicture(route, caller, wrong);
                    case FRONT -> front(route, caller, wrong);
                    case INTEGRATIONS -> scoped(route, caller, "integrations:manage", wrong);
                    case WIRE -> scoped(route, caller, "wire:push", wrong);
                    case PUBLIC -> open(route, caller, wrong);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the scope table").isEmpty();
    }

    /**
     * One story per kind: what the route shows of it; and a story the caller may not see, or a refusal that does not
     * depend on the story, answers to the byte as an unknown id does.
     */
    private void oneStory(String route, Route kind, Caller caller, List<String> wrong) {
        String unknown = answer(get(path(route, Kind.UNKNOWN), caller), ids.get(Kind.UNKNOWN));
        for (Kind story : Kind.values()) {
            HttpResponse<String> response = get(path(route, story), caller);
            String seen = caller.name() + " GET " + route + " of a " + story + " story → " + response.statusCode()
                    + " " + response.body();
            Expected expected = expected(kind, caller, story);
            if (expected == Expected.AS_UNKNOWN || expected == expected(kind, caller, Kind.UNKNOWN)) {
                String answer = answer(response, ids.get(story));
                if (!answer.equals(unknown)) {
                    wrong.add(caller.name() + " GET " + route + " of a " + story + " story → " + answer
                            + ", not the answer to an unknown id: " + unknown);
                }
            }
            if (expected == Expected.AS_UNKNOWN) {
                continue;
            }
            if (response.statusCode() != expected.status || !code(response).equals(expected.code)) {
                wrong.add(seen + ", expected " + expected);
            } else if (kind == Route.STORY && expected == Expected.OK) {
                JsonNode body = json.readTree(response.body());
                boolean newsroom = caller.reach() == Reach.NEWSROOM;
                if (!body.get("state").asString().equals(state(story).name())
                        || absent(body, "lockedBy") == (newsroom && story == Kind.LIVE)
                        || absent(body, "createdBy") == newsroom) {
                    wrong.add(seen + ", expected " + (newsroom ? "every" : "no") + " newsroom field");
                }
            }
        }
    }

    /** What a caller gets of one story on a route: an answer, or exactly what an unknown id gets. */
    enum Expected {
        OK(200, ""), GONE(410, "killed"), NOT_FOUND(404, "unknown_article"), FORBIDDEN(403, "insufficient_scope"),
        UNAUTHORIZED(401, "unauthorized"), AS_UNKNOWN(0, "");

        final int status;
        final String code;

        Expected(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private static Expected expected(Route route, Caller caller, Kind story) {
        if (route == Route.SYNDICATION) { // public, whoever asks
            return story == Kind.LIVE ? Expected.OK : story == Kind.KILLED ? Expected.GONE
                    : story == Kind.UNKNOWN ? Expected.NOT_FOUND : Expected.AS_UNKNOWN;
        }
        if (caller.token() == null) {
            return Expected.UNAUTHORIZED;
        }
        Reach reach = caller.reach();
        if (reach == Reach.NOTHING || route == Route.NEWSROOM_ONLY && reach != Reach.NEWSROOM) {
            return Expected.FORBIDDEN;
        }
        if (story == Kind.UNKNOWN) {
            return Expected.NOT_FOUND;
        }
        return reach == Reach.NEWSROOM || story == Kind.LIVE ? Expected.OK : Expected.AS_UNKNOWN;
    }

    /** The list with every filter a partner could use to find a story it may not see. */
    private void storyList(Caller caller, List<String> wrong) {
        Map<String, Set<Kind>> queries = new TreeMap<>();
        Set<Kind> all = new LinkedHashSet<>(ids.keySet());
        all.remove(Kind.UNKNOWN);
        queries.put("q=" + marker, all);
        for (ArticleState state : ArticleState.values()) {
            Set<Kind> inState = new LinkedHashSet<>();
            all.stream().filter(k -> state(k) == state).forEach(inState::add);
            queries.put("q=" + marker + "&state=" + state.name().toLowerCase(), inState);
        }
        for (Kind kind : all) {
            queries.put("q=" + encoded(headline(kind)), Set.of(kind));
            queries.put("q=" + marker + "&author=Test+Reporter&edition=en&section=science&desk=newsroom&state="
                    + state(kind).name(), all.stream().filter(k -> state(k) == state(kind))
                    .collect(Collectors.toSet()));
        }
        String nothing = null;
        for (Map.Entry<String, Set<Kind>> query : queries.entrySet()) {
            HttpResponse<String> response = get("/api/admin/articles?limit=200&" + query.getKey(), caller);
            String seen = caller.name() + " GET /api/admin/articles?" + query.getKey() + " → "
                    + response.statusCode() + " " + response.body();
            Expected expected = expected(Route.STORY_LIST, caller, Kind.LIVE);
            if (expected != Expected.OK) {
                if (response.statusCode() != expected.status || !code(response).equals(expected.code)) {
                    wrong.add(seen + ", expected " + expected);
                }
                continue;
            }
            Set<Kind> shown = new HashSet<>(query.getValue());
            if (caller.reach() != Reach.NEWSROOM) {
                shown.retainAll(Set.of(Kind.LIVE));
            }
            Set<Kind> listed = new HashSet<>();
            for (JsonNode line : json.readTree(response.body())) {
                ids.forEach((kind, id) -> {
                    if (id == line.get("id").asLong()) {
                        listed.add(kind);
                        if (absent(line, "lockedBy") == (caller.reach() == Reach.NEWSROOM && kind == Kind.LIVE)) {
                            wrong.add(seen + ": lockedBy of " + kind + " shown to the wrong caller");
                        }
                    }
                });
            }
            if (!listed.equals(shown)) {
                wrong.add(seen + ", expected the " + shown + " stories");
            }
            if (shown.isEmpty()) {
                // A search that finds nothing a caller may see looks like one that finds nothing at all.
                nothing = nothing == null ? response.statusCode() + " " + response.body() : nothing;
                if (!nothing.equals(response.statusCode() + " " + response.body())) {
                    wrong.add(seen + ", not the same as " + nothing);
                }
            }
        }
    }

    /** The public ninjs list shows the live story to everyone, and nothing else of the matrix. */
    private void syndicationList(String route, Caller caller, List<String> wrong) {
        HttpResponse<String> response = get(route + "?since=" + start, caller);
        Set<Kind> shown = new HashSet<>();
        ids.forEach((kind, id) -> {
            if (kind != Kind.UNKNOWN && response.body().contains(headline(kind))) {
                shown.add(kind);
            }
        });
        if (response.statusCode() != 200 || !shown.equals(Set.of(Kind.LIVE))) {
            wrong.add(caller.name() + " GET " + route + " → " + response.statusCode() + " showed " + shown);
        }
    }

    /** A read about no story: 200 or 404 to the scope's holder, 403 to another token, 401 without one. */
    private void scoped(String route, Caller caller, String scope, List<String> wrong) {
        HttpResponse<String> response = get(route.replace("{id}", String.valueOf(integrationId)), caller);
        int status = response.statusCode();
        boolean right = caller.token() == null ? status == 401
                : caller.holds(scope) ? status == 200 || status == 404 : status == 403
                && code(response).equals("insufficient_scope");
        if (!right) {
            wrong.add(caller.name() + " GET " + route + " → " + status + " " + response.body());
        }
    }

    /**
     * The front page answers every caller that reads published articles (an unknown edition: 404) and shows none of
     * the stories a partner may not see, even when the stored arrangement names them.
     */
    private void open(String route, Caller caller, List<String> wrong) {
        HttpResponse<String> response = get(route, caller);
        if (response.statusCode() != 200) {
            wrong.add(caller.name() + " GET " + route + " → " + response.statusCode() + " " + response.body());
        }
    }

    private void front(String route, Caller caller, List<String> wrong) {
        for (String edition : List.of("en", "xx")) {
            HttpResponse<String> response = get(route.replace("{edition}", edition), caller);
            int status = response.statusCode();
            boolean right = caller.token() == null ? status == 401
                    : caller.reach() == Reach.NOTHING ? status == 403 && code(response).equals("insufficient_scope")
                    : edition.equals("en") ? status == 200 : status == 404 && code(response).equals("unknown_edition");
            for (Kind kind : Kind.values()) {
                if (kind != Kind.LIVE && kind != Kind.UNKNOWN && response.body().contains(headline(kind))) {
                    right = false;
                }
            }
            if (!right) {
                wrong.add(caller.name() + " GET " + route + " of " + edition + " → " + status + " " + response.body());
            }
        }
    }

    /** The library answers the newsroom's readers (an unknown id: 404) and refuses everyone else alike. */
    private void pictures(String route, Caller caller, List<String> wrong) {
        HttpResponse<String> response = get(route.replace("{id}", String.valueOf(ids.get(Kind.UNKNOWN))), caller);
        int status = response.statusCode();
        boolean right = caller.token() == null ? status == 401
                : caller.reach() == Reach.NEWSROOM ? status == (route.endsWith("{id}") ? 404 : 200)
                : status == 403 && code(response).equals("insufficient_scope");
        if (!right) {
            wrong.add(caller.name() + " GET " + route + " → " + status + " " + response.body());
        }
    }

    /** Public: whoever asks, a token or none, learns the same of a picture that is not (or not yet) shown. */
    private void syndicatedPicture(String route, Caller caller, List<String> wrong) {
        HttpResponse<String> response = get(route.replace("{id}", String.valueOf(ids.get(Kind.UNKNOWN))), caller);
        if (response.statusCode() != 404 || !code(response).equals("unknown_picture")) {
            wrong.add(caller.name() + " GET " + route + " → " + response.statusCode() + " " + response.body());
        }
    }

    private String path(String route, Kind story) {
        return route.replace("{id}", String.valueOf(ids.get(story)))
                .replace("{number}", String.valueOf(revisions.get(story)))
                .replace("{entryId}", String.valueOf(entries.get(story)));
    }

    private HttpResponse<String> get(String path, Caller caller) {
        String accept = "application/json, */*;q=0.1";
        return caller.token() == null ? http.get(path, "Accept", accept)
                : http.get(path, "Accept", accept, "Authorization", "Bearer " + caller.token());
    }

    private String code(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return "";
        }
        JsonNode code = json.readTree(response.body()).get("code");
        return code == null ? "" : code.asString();
    }

    /**
     * Status, headers and body, the story's id written as {id}; without the date and what belongs to the connection
     * (a server may close a kept-alive one) or to the id's length.
     */
    private static String answer(HttpResponse<String> response, long id) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeAll(Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive"));
        return response.statusCode() + " " + headers + " " + response.body().replace(String.valueOf(id), "{id}");
    }

    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
