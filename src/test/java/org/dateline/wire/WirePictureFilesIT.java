package org.dateline.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.platform.DatelineSettings;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire pictures with local feeds not allowed: renditions at private and link-local addresses are refused before any
 * connection; picture files pushed as bytes or dropped in the watched folder become library entries, and files
 * that are no picture (SVG, broken JPEG) are refused with a code and store nothing.
 */
@IntegrationTest
@TestPropertySource(properties = "dateline.wire.fetch-pictures=true")
class WirePictureFilesIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    PictureQueries library;
    @Autowired
    WireFolder folder;
    @Autowired
    DatelineSettings settings;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void renditionsAtPrivateAndLinkLocalAddressesAreRefusedUnfetched() {
        long n = System.nanoTime();
        String batch = "[" + picture("urn:private:" + n, "http://10.0.0.1/photos/a.jpg") + ","
                + picture("urn:metadata:" + n, "http://169.254.169.254/latest/meta-data/b.jpg") + "]";
        long started = System.nanoTime();
        JsonNode refused = push(batch.getBytes(StandardCharsets.UTF_8), "application/ninjs+json", "", 400);
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused before connecting").isLessThan(5000);
        assertThat(refused.get("code").asString()).isEqualTo("unreadable_wire");
        List<JsonNode> lines = list(refused.get("outcomes"));
        assertThat(lines).extracting(l -> l.get("code").asString())
                .containsExactly("address_refused", "address_refused");
        assertThat(lines.get(1).get("message").asString()).contains("169.254.169.254");
        assertThat(library.byWireGuid("urn:private:" + n)).isEmpty();
        assertThat(library.byWireGuid("urn:metadata:" + n)).isEmpty();
    }

    @Test
    void aPushedFileIsAnEntryVersionedByItsGuidAndAnSvgOrBrokenFileIsRefused() {
        String guid = "urn:push:" + System.nanoTime();
        JsonNode created = push(TestPictures.jpeg(900, 600), "image/jpeg", "?guid=" + guid, 200);
        JsonNode line = created.get("outcomes").get(0);
        assertThat(line.get("kind").asString()).isEqualTo("picture");
        assertThat(line.get("result").asString()).isEqualTo("created");
        long id = line.get("pictureId").asLong();
        assertThat(library.byWireGuid(guid)).map(Picture::id).contains(id);

        assertThat(push(TestPictures.jpeg(900, 600), "image/jpeg", "?guid=" + guid, 200).get("outcomes").get(0)
                .get("result").asString()).isEqualTo("duplicate");
        JsonNode updated = push(TestPictures.png(640, 480), "image/png", "?guid=" + guid + "&version=2", 200);
        assertThat(updated.get("outcomes").get(0).get("result").asString()).isEqualTo("updated");
        assertThat(library.find(id)).hasValueSatisfying(p -> {
            assertThat(p.mediaType()).isEqualTo("image/png");
            assertThat(p.wireVersion()).isEqualTo(2);
        });

        String svgGuid = "urn:svg:" + System.nanoTime();
        JsonNode svg = push("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), "image/svg+xml", "?guid=" + svgGuid, 400);
        assertThat(svg.get("outcomes").get(0).get("code").asString()).isEqualTo("svg_refused");
        assertThat(library.byWireGuid(svgGuid)).isEmpty();

        String brokenGuid = "urn:broken:" + System.nanoTime();
        byte[] jpeg = TestPictures.jpeg(900, 600);
        JsonNode broken = push(Arrays.copyOf(jpeg, jpeg.length / 3), "image/jpeg", "?guid=" + brokenGuid, 400);
        assertThat(broken.get("outcomes").get(0).get("code").asString()).isEqualTo("corrupt_image");
        assertThat(broken.get("outcomes").get(0).get("kind").asString()).isEqualTo("picture");
        assertThat(library.byWireGuid(brokenGuid)).isEmpty();
    }

    @Test
    void aJpegDroppedInTheWatchedFolderIsAnEntryWithTheWordsItCarries() throws Exception {
        Path wire = settings.dataDir().resolve("wire");
        Path inbox = Files.createDirectories(wire.resolve("inbox"));
        String name = "harbour-" + System.nanoTime() + ".jpg";
        Path photo = Files.write(inbox.resolve(name), withXmp(TestPictures.jpeg(1024, 768),
                "Cranes at the harbour at dawn.", "Harbour Photo Agency"));
        String broken = "broken-" + System.nanoTime() + ".png";
        Path bad = Files.write(inbox.resolve(broken), "not a picture".getBytes(StandardCharsets.UTF_8));
        FileTime settled = FileTime.from(Instant.now().minusSeconds(5));
        Files.setLastModifiedTime(photo, settled);
        Files.setLastModifiedTime(bad, settled);

        folder.scan(); // the scheduled round may have taken them already; either way each is taken once
        assertThat(wire.resolve("done/" + name)).exists();
        assertThat(wire.resolve("failed/" + broken)).exists();
        assertThat(Files.readString(wire.resolve("failed/" + broken + ".reason.txt"))).contains("unsupported_type");

        List<JsonNode> lines = list(json.readTree(http.get("/api/wire/log?limit=200", "Authorization",
                "Bearer " + TOKEN).body())).stream().filter(l -> name.equals(l.get("itemRef").asString())).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("transport").asString()).isEqualTo("folder");
        assertThat(lines.get(0).get("kind").asString()).isEqualTo("picture");
        assertThat(lines.get(0).get("result").asString()).isEqualTo("created");
        Picture picture = library.find(lines.get(0).get("pictureId").asLong()).orElseThrow();
        assertThat(picture.caption()).isEqualTo("Cranes at the harbour at dawn.");
        assertThat(picture.credit()).isEqualTo("Harbour Photo Agency");
        assertThat(picture.fileName()).isEqualTo(name);
        assertThat(picture.wireGuid()).isNull();
        assertThat(picture.width()).isEqualTo(1024);
    }

    /** The JPEG with an XMP packet (APP1) right after its start marker, as photo desks' tools write it. */
    static byte[] withXmp(byte[] jpeg, String description, String credit) {
        String xmp = """
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="%s">
                <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                </rdf:Description></rdf:RDF></x:xmpmeta>
                """.formatted(credit, description);
        byte[] payload = ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String picture(String uri, String href) {
        return """
                {"uri":"%s","type":"picture","version":"1","headline":"A picture",
                 "renditions":{"main":{"href":"%s","mimetype":"image/jpeg","width":800,"height":600}}}
                """.formatted(uri, href);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private JsonNode push(byte[] body, String contentType, String query, int status) {
        try {
            HttpResponse<String> response = http.client().send(HttpRequest.newBuilder(
                            URI.create(http.base() + "/api/wire/items" + query))
                    .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                    .header("X-Wire-Source", "Picture desk")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return json.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
