package org.dateline.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.wire.ParseResult;
import org.dateline.wire.PubStatus;
import org.dateline.wire.WireFormats;
import org.dateline.wire.WireItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NewsML-G2 read API, validated against the IPTC NewsML-G2 2.35 XML Schema from ../shared/conformance (its
 * xml.xsd import resolved to the local copy, never the network) and read back with Dateline's own wire parser.
 */
@IntegrationTest
class NewsmlApiIT {

    static final Path SPEC = Path.of(System.getProperty("dateline.shared.dir", "../shared"),
            "conformance/newsml-g2/2.35/specification");

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    JsonMapper json;

    @Test
    void aPublishedStoryIsValidNewsmlG2AndReadsBackTheSame() throws Exception {
        Http http = new Http(port);
        String story = """
                {"edition":"en","section":"world","headline":"Talks resume in Geneva & Vienna <today>",
                 "lead":"Negotiators meet again after a month-long pause.",
                 "body":["First paragraph of the story.","Second paragraph, with \\"quotes\\" and ümlauts."],
                 "datelinePlace":"GENEVA","credit":"Dateline","tags":["Diplomacy"],"authors":["Ann Reporter"]}""";
        var created = http.postJson("/api/admin/articles", story, DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        HttpResponse<byte[]> response = http.getBytes("/api/newsml/items/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.iptc.g2.newsitem+xml");
        byte[] xml = response.body();
        validator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        ParseResult parsed = WireFormats.parse("application/vnd.iptc.g2.newsitem+xml", xml, "api");
        assertThat(parsed.errors()).isEmpty();
        WireItem item = parsed.items().get(0);
        assertThat(item.headline()).isEqualTo("Talks resume in Geneva & Vienna <today>");
        assertThat(item.paragraphs()).containsExactly("First paragraph of the story.",
                "Second paragraph, with \"quotes\" and ümlauts.");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.lead()).isEqualTo("Negotiators meet again after a month-long pause.");
        assertThat(item.datelinePlace()).isEqualTo("GENEVA");
        assertThat(item.credit()).isEqualTo("Dateline");
        assertThat(item.subjects()).containsExactly("Diplomacy");
        assertThat(item.bylines()).containsExactly("Ann Reporter");
        assertThat(item.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.guid()).startsWith("urn:newsml:localhost:").endsWith(":" + id);
        assertThat(item.version()).isPositive();
    }

    @Test
    void theRussianSeedStoryIsValidAndInRussian() throws Exception {
        Http http = new Http(port);
        ArticleSummary seed = content.allById(0, 1).get(0);
        byte[] xml = http.getBytes("/api/newsml/items/" + seed.id()).body();
        validator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        WireItem item = WireFormats.parse("application/xml", xml, "seed").items().get(0);
        assertThat(item.headline()).isEqualTo(seed.headline());
        assertThat(item.language()).isEqualTo(seed.edition());
        assertThat(item.paragraphs().get(0)).startsWith("Senior Russian and U.S. security");
    }

    @Test
    void theSchemaCanRefuseAndUnknownOrKilledIdsAnswerProblems() throws Exception {
        String broken = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" standard=\"NewsML-G2\""
                + " standardversion=\"2.35\"><contentMeta/></newsItem>";
        assertThatThrownBy(() -> validator().validate(new StreamSource(new java.io.StringReader(broken))))
                .isInstanceOf(SAXException.class);

        Http http = new Http(port);
        var missing = http.get("/api/newsml/items/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"code\":\"unknown_article\"");

        var created = http.postJson("/api/admin/articles", Http.article("en", "world", "Soon withdrawn"),
                DatelineTestContext.ADMIN_TOKEN);
        long id = json.readTree(created.body()).get("id").asLong();
        assertThat(http.get("/api/newsml/items/" + id).statusCode()).isEqualTo(200);
        http.postJson("/api/admin/articles/" + id + "/kill", "", DatelineTestContext.ADMIN_TOKEN);
        var gone = http.get("/api/newsml/items/" + id);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("\"code\":\"killed\"");
    }

    /** The 2.35 schema; its one import (xml.xsd) comes from the same local folder, and nothing else may be fetched. */
    static Validator validator() throws SAXException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(new LocalOnly());
        Schema schema = factory.newSchema(SPEC.resolve("NewsML-G2_2.35-spec-All-Power.xsd").toFile());
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return validator;
    }

    private static final class LocalOnly implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            if (!XMLConstants.XML_NS_URI.equals(namespace)) {
                throw new IllegalStateException("Unexpected schema import " + namespace + " " + systemId);
            }
            return new LocalInput(SPEC.resolve("xml.xsd"), publicId, systemId, baseUri);
        }
    }

    private record LocalInput(Path file, String publicId, String systemId, String baseURI) implements LSInput {
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String getSystemId() {
            return file.toUri().toString();
        }

        public String getPublicId() {
            return publicId;
        }

        public String getBaseURI() {
            return baseURI;
        }

        public java.io.Reader getCharacterStream() {
            return null;
        }

        public String getStringData() {
            return null;
        }

        public String getEncoding() {
            return null;
        }

        public boolean getCertifiedText() {
            return false;
        }

        public void setCharacterStream(java.io.Reader characterStream) {
        }

        public void setByteStream(InputStream byteStream) {
        }

        public void setStringData(String stringData) {
        }

        public void setSystemId(String systemId) {
        }

        public void setPublicId(String publicId) {
        }

        public void setBaseURI(String baseURI) {
        }

        public void setEncoding(String encoding) {
        }

        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
