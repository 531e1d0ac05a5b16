package org.dateline.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import org.dateline.platform.DatelineSettings;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile wire copy through every entrance: pushed over HTTP, dropped into the watched folder and polled from a
 * feed. An item nested ten thousand levels deep is refused alone (too_deep, one ingest-log line in our words) while
 * the item beside it becomes a story; bytes that are not the UTF-8 the document declares are refused whole, and a
 * Latin-1 document that says so is read right. Never a 500, never an ERROR in the application's log. Shares the
 * context of {@link WireFeedsIT} (feeds from this machine allowed, scheduled polling off).
 */
@IntegrationTest
@Import(FeedClock.class)
@TestPropertySource(properties = {"dateline.wire.allow-local-feeds=true", "dateline.wire.poll-feeds=false"})
class WireHostileCopyIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;
    static final String RUN = Long.toString(System.nanoTime(), 36);

    enum Entrance { PUSH, FOLDER, FEED }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    WireFolder folder;
    @Autowired
    DatelineSettings settings;

    Http http;
    HttpServer server;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final ListAppender<ILoggingEvent> appLog = new ListAppender<>();

    @BeforeEach
    void start() throws IOException {
        http = new Http(port);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] typeAndBody = exchange.getRequestURI().getPath().split("/", 3);
            byte[] body = served.get(typeAndBody[2]);
            exchange.getResponseHeaders().add("Content-Type", typeAndBody[1].replace('~', '/'));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        appLog.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appLog);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appLog);
        server.stop(0);
        assertThat(appLog.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    static Stream<Arguments> deepCopy() {
        List<Arguments> cases = new ArrayList<>();
        for (Entrance entrance : Entrance.values()) {
            HostileCopy.all(entrance.name().toLowerCase() + "-" + RUN).forEach(c -> cases.add(Arguments.of(entrance, c)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deepCopy")
    void aTooDeepItemIsRefusedAloneAndTheItemBesideItBecomesAStory(Entrance entrance, HostileCopy.Case copy) {
        List<JsonNode> lines = deliver(entrance, copy.name(), copy.contentType(), copy.extension(), copy.body(), true);

        JsonNode refused = single(lines, copy.deepRef());
        assertThat(refused.get("result").asString()).isEqualTo("rejected");
        assertThat(refused.get("code").asString()).isEqualTo("too_deep");
        assertThat(refused.get("message").asString()).isEqualTo(HostileCopy.TOO_DEEP);
        JsonNode created = single(lines, copy.goodGuid());
        assertThat(created.get("result").asString()).isEqualTo("created");
        JsonNode story = story(created.get("storyId").asLong());
        assertThat(story.get("headline").asString()).isEqualTo(copy.goodHeadline());
        assertThat(story.get("body").get(0).asString()).isEqualTo("A fine story.");
    }

    static Stream<Arguments> entrances() {
        return Stream.of(Entrance.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entrances")
    void bytesThatAreNotTheDeclaredUtf8AreRefusedAndLatin1ThatSaysSoIsRead(Entrance entrance) {
        String nonce = entrance.name().toLowerCase() + "-" + RUN;
        String guid = "urn:test:encoding:" + nonce;
        String[] item = HostileCopy.newsItem(guid, "@", "text/plain", "Body.").split("@");

        byte[] utf8 = latinAround("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + item[0], item[1]);
        List<JsonNode> refused = deliver(entrance, "utf-8 " + nonce, "application/vnd.iptc.g2.newsitem+xml", ".xml",
                utf8, false);
        assertThat(refused).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("result").asString()).isEqualTo("rejected");
            assertThat(line.get("code").asString()).isEqualTo("invalid_encoding");
            assertThat(line.get("message").asString()).isEqualTo("Not valid UTF-8 at byte offset "
                    + (item[0].length() + 41) + ".");
        });

        byte[] ninjs = latinAround("{\"uri\":\"" + guid + ":json\",\"headline\":\"", "\"}");
        assertThat(deliver(entrance, "ninjs " + nonce, "application/ninjs+json", ".json", ninjs, false))
                .extracting(line -> line.get("code").asString()).containsExactly("invalid_encoding");

        byte[] latin = latinAround("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + item[0], item[1]);
        JsonNode created = single(deliver(entrance, "latin-1 " + nonce, "application/vnd.iptc.g2.newsitem+xml",
                ".xml", latin, true), guid);
        assertThat(created.get("result").asString()).isEqualTo("created");
        assertThat(story(created.get("storyId").asLong()).get("headline").asString()).isEqualTo("Caf\u00e9 opens");
    }

    private static byte[] latinAround(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Caf\u00e9 opens".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * Sends a document through the entrance under a source name of its own, checks the entrance's own answer, and
     * returns the ingest log's lines for it.
     */
    private List<JsonNode> deliver(Entrance entrance, String name, String contentType, String extension, byte[] body,
                                   boolean anyTaken) {
        String source = "Hostile " + entrance + " " + name.replaceAll("\\W+", "-") + " " + RUN;
        switch (entrance) {
            case PUSH -> {
                HttpResponse<String> answer = push(body, contentType, source);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(anyTaken ? 200 : 400);
                JsonNode received = json.readTree(answer.body());
                if (!anyTaken) {
                    assertThat(received.get("code").asString()).isEqualTo("unreadable_wire");
                }
                received.get("outcomes").forEach(o -> assertThat(o.path("message").asString(""))
                        .matches(HostileCopy::ourWords, "in our words"));
            }
            case FOLDER -> {
                Path wire = settings.dataDir().resolve("wire");
                String file = source.replace(' ', '_') + extension;
                try {
                    // Written aside and moved in whole: this context's clock may run ahead of the file system's, so
                    // the scheduled round could otherwise take a file still being written as settled.
                    Path inbox = Files.createDirectories(wire.resolve("inbox"));
                    Path part = Files.write(inbox.resolve(file + ".part"), body);
                    Files.setLastModifiedTime(part, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
                    Files.move(part, inbox.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    folder.scan(); // the scheduled round may have taken it already: either way it is taken once
                    Path target = wire.resolve(anyTaken ? "done" : "failed");
                    assertThat(target.resolve(file)).exists();
                    List<JsonNode> lines = log(file);
                    Path reasons = target.resolve(file + (anyTaken ? ".errors.txt" : ".reason.txt"));
                    for (JsonNode refused : lines.stream().filter(l -> l.get("result").asString().equals("rejected"))
                            .toList()) {
                        assertThat(Files.readString(reasons)).contains(refused.get("code").asString() + ": "
                                + refused.get("message").asString());
                    }
                    return lines;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            case FEED -> {
                String path = source.replaceAll("\\W+", "-");
                served.put(path, body);
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + contentType.replace('/', '~')
                        + "/" + path;
                HttpResponse<String> added = http.postJson("/api/wire/feeds",
                        "{\"name\":\"" + source + "\",\"url\":\"" + url + "\",\"intervalSeconds\":600}", TOKEN);
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
                long id = json.readTree(added.body()).get("id").asLong();
                HttpResponse<String> polled = http.postJson("/api/wire/feeds/" + id + "/poll", "", TOKEN);
                assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
                JsonNode feed = json.readTree(polled.body());
                assertThat(feed.get("lastStatus").asInt()).isEqualTo(200);
                assertThat(feed.get("failures").asInt()).isEqualTo(anyTaken ? 0 : 1);
                assertThat(feed.path("lastError").asString(""))
                        .matches(HostileCopy::ourWords, "in our words");
                assertThat(send(HttpRequest.newBuilder(URI.create(http.base() + "/api/wire/feeds/" + id))
                        .header("Authorization", "Bearer " + TOKEN).DELETE().build()).statusCode()).isEqualTo(204);
            }
            default -> throw new IllegalArgumentException(entrance.name());
        }
        return log(source);
    }

    private JsonNode single(List<JsonNode> lines, String ref) {
        List<JsonNode> found = lines.stream().filter(l -> ref.equals(l.path("itemRef").asString(""))).toList();
        // a file the scheduled round and the test's own round both saw is ingested once more: a duplicate
        assertThat(found).as("log lines for " + ref + " in " + lines).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private List<JsonNode> log(String source) {
        JsonNode log = json.readTree(http.get("/api/wire/log?limit=200", "Authorization", "Bearer " + TOKEN).body());
        List<JsonNode> lines = new ArrayList<>();
        log.forEach(line -> {
            if (source.equals(line.path("source").asString(""))) {
                assertThat(line.path("message").asString("")).matches(HostileCopy::ourWords, "in our words");
                lines.add(line);
            }
        });
        return lines;
    }

    private JsonNode story(long id) {
        return json.readTree(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + TOKEN).body());
    }

    private HttpResponse<String> push(byte[] body, String contentType, String source) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + "/api/wire/items"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                .header("X-Wire-Source", source).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
