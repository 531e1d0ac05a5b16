package org.dateline.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes against the encoding a document declares: UTF-8 (declared, or the default) that is not UTF-8 is refused with
 * where it breaks, never read as Windows-1252; a document declaring another charset is read by its declaration.
 */
class WireEncodingTest {

    /** "Café" in Latin-1: 0xE9 is no UTF-8 sequence. */
    static final byte[] LATIN_CAFE = "Caf\u00e9 opens".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    /** A document whose bytes are {@code before}, Latin-1 "Café opens", then {@code after}. */
    private static byte[] withLatin(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(LATIN_CAFE);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String[] newsItemAround(String declaration) {
        String item = HostileCopy.newsItem("urn:test:encoding", "@", "text/plain", "Body text.");
        int at = item.indexOf('@');
        return new String[] {declaration + item.substring(0, at), item.substring(at + 1)};
    }

    static Stream<Arguments> utf8Documents() {
        String[] declared = newsItemAround("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String[] defaulted = newsItemAround("<?xml version=\"1.0\"?>");
        String[] bom = newsItemAround("\uFEFF");
        String[] undeclared = newsItemAround("");
        String rss = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><guid>urn:a</guid><title>@</title></item></channel></rss>";
        String atom = "<?xml version='1.0' encoding='utf-8'?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T"
                + "</title><entry><id>urn:a</id><title>@</title></entry></feed>";
        String ninjs = "[{\"uri\":\"urn:a\",\"headline\":\"A\"},{\"uri\":\"urn:b\",\"headline\":\"@\"}]";
        return Stream.of(
                Arguments.of("newsml-g2 declaring UTF-8", "application/vnd.iptc.g2.newsitem+xml", declared),
                Arguments.of("newsml-g2 declaring no encoding", "application/vnd.iptc.g2.newsitem+xml", defaulted),
                Arguments.of("newsml-g2 with a UTF-8 byte order mark", "application/xml", bom),
                Arguments.of("newsml-g2 sent as charset=utf-8", "application/xml; charset=utf-8", undeclared),
                Arguments.of("rss declaring utf-8", "application/rss+xml", rss.split("@")),
                Arguments.of("atom declaring utf-8", "application/atom+xml", atom.split("@")),
                Arguments.of("ninjs (always UTF-8)", "application/ninjs+json", ninjs.split("@")),
                Arguments.of("ninjs with a UTF-8 byte order mark", "application/json", ("\uFEFF" + ninjs).split("@")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf8Documents")
    void utf8ThatIsNotIsRefusedSayingWhere(String name, String contentType, String[] around) throws Exception {
        byte[] body = withLatin(around[0], around[1]);
        int offset = around[0].getBytes(StandardCharsets.UTF_8).length + 3; // "Caf" then the é
        ParseResult result = WireFormats.parse(contentType, body, "push");
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).containsExactly(new ParseError("push", "invalid_encoding",
                "Not valid UTF-8 at byte offset " + offset + "."));

        if (!contentType.contains("charset")) { // a file says what it is in itself only
            String file = "drop" + (contentType.contains("json") ? ".json" : ".xml");
            assertThat(WireFormats.parse(Files.write(dir.resolve(file), body)).errors()).containsExactly(
                    new ParseError(file, "invalid_encoding", "Not valid UTF-8 at byte offset " + offset + "."));
        }
    }

    static Stream<Arguments> otherCharsets() {
        return Stream.of(Arguments.of("ISO-8859-1", null), Arguments.of("windows-1252", null),
                Arguments.of(null, "ISO-8859-1"), Arguments.of("iso-8859-1", "ISO-8859-1"));
    }

    @ParameterizedTest(name = "declared {0}, sent as {1}")
    @MethodSource("otherCharsets")
    void aDocumentDeclaringAnotherCharsetIsReadByIt(String declared, String sentAs) {
        String[] around = newsItemAround(declared == null ? "" : "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>");
        ParseResult result = WireFormats.parse("application/vnd.iptc.g2.newsitem+xml"
                + (sentAs == null ? "" : "; charset=" + sentAs), withLatin(around[0], around[1]), "push");
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).extracting(WireItem::headline).containsExactly("Caf\u00e9 opens");
    }

    @Test
    void aDocumentThatDeclaresNothingAndIsNotUtf8IsReadAsWindows1252() {
        // real feeds do this (see FeedParsingTest, uolNoticias.rss): no declaration, no BOM, no charset sent
        String[] around = newsItemAround("");
        assertThat(WireFormats.parse("application/xml", withLatin(around[0], around[1]), "old").items())
                .extracting(WireItem::headline).containsExactly("Caf\u00e9 opens");
    }

    @Test
    void bytesNotValidInTheDeclaredCharsetAreRefused() {
        String[] ascii = newsItemAround("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>");
        ParseResult result = WireFormats.parse("application/xml", withLatin(ascii[0], ascii[1]), "a");
        assertThat(result.errors()).extracting(ParseError::code).containsExactly("invalid_encoding");
        assertThat(result.errors().get(0).message()).isEqualTo("Not valid US-ASCII at byte offset "
                + (ascii[0].length() + 3) + ".");

        String[] unknown = newsItemAround("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>");
        assertThat(WireFormats.parse("application/xml", (unknown[0] + "Cafe" + unknown[1])
                .getBytes(StandardCharsets.UTF_8), "u").errors())
                .containsExactly(new ParseError("u", "invalid_encoding",
                        "The declared encoding x-no-such-charset is not one Dateline reads."));
    }

    @Test
    void utf16IsStillRead() {
        String ninjs = "{\"uri\":\"urn:a\",\"headline\":\"Caf\u00e9\"}";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
            byte[] bom = "\uFEFF".getBytes(charset);
            byte[] text = ninjs.getBytes(charset);
            byte[] body = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, body, 0, bom.length);
            System.arraycopy(text, 0, body, bom.length, text.length);
            assertThat(WireFormats.parse("application/json", body, "u").items()).extracting(WireItem::headline)
                    .as(charset.name()).containsExactly("Caf\u00e9");
        }
        String[] around = newsItemAround("<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        byte[] xml = (around[0] + "Caf\u00e9" + around[1]).getBytes(StandardCharsets.UTF_16);
        assertThat(WireFormats.parse("application/xml", xml, "u").items()).extracting(WireItem::headline)
                .containsExactly("Caf\u00e9");
    }

    @Test
    void parserLimitsAreNamedInOurWords() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            attributes.append(" a").append(i).append("=\"\"");
        }
        for (String[] document : new String[][] {
                {"application/json", "{\"uri\":\"urn:a\",\"headline\":\"A\",\"n\":" + "1".repeat(2000) + "}"},
                {"application/json", "{\"" + "k".repeat(60_000) + "\":1}"},
                {"application/json", "{\"uri\": "},
                {"application/json", "[{\"uri\": \"urn:a\"}"},
                {"application/xml", "<" + "n".repeat(2000) + "/>"},
                {"application/xml", "<newsItem" + attributes + "/>"},
                {"application/xml", "<newsItem><itemMeta>"}}) {
            ParseResult result = WireFormats.parse(document[0], document[1].getBytes(StandardCharsets.UTF_8), "l");
            assertThat(result.errors()).hasSize(1);
            assertThat(result.errors().get(0).message()).as(document[1].substring(0, Math.min(20, document[1].length())))
                    .matches(HostileCopy::ourWords, "in our words");
        }
    }
}
