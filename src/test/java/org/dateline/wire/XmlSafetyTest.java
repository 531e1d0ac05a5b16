package org.dateline.wire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and odd input: never an exception, never an entity expanded, always a code. */
class XmlSafetyTest {

    @TempDir
    Path dir;

    @Test
    void refusesExternalEntities(@TempDir Path secrets) throws Exception {
        Path secret = Files.writeString(secrets.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\"><itemMeta><itemClass qcode=\"ninat:text\"/>"
                + "</itemMeta><contentMeta><headline>&x;</headline></contentMeta></newsItem>";
        ParseResult result = WireFormats.parse("application/xml", xxe.getBytes(StandardCharsets.UTF_8), "xxe");
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).extracting(ParseError::code).containsExactly("doctype_refused");
        assertThat(result.errors().get(0).message()).doesNotContain("TOP-SECRET");

        String rss = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><rss version=\"2.0\"><channel>"
                + "<title>&x;</title><item><title>&x;</title><guid>g</guid></item></channel></rss>";
        assertThat(WireFormats.parse("application/rss+xml", rss.getBytes(StandardCharsets.UTF_8), "rss").errors())
                .extracting(ParseError::code).containsExactly("doctype_refused");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title></feed>");
        assertThat(WireFormats.parse("application/atom+xml", laughs.toString().getBytes(StandardCharsets.UTF_8), "l")
                .errors()).extracting(ParseError::code).containsExactly("doctype_refused");
    }

    @Test
    void namesUnknownEmptyAndOversizedInput() {
        assertThat(codes("text/html", "<html><body>hi</body></html>")).containsExactly("unknown_format");
        assertThat(codes("application/xml", "<html><body>hi</body></html>")).containsExactly("unknown_format");
        assertThat(codes(null, "just words")).containsExactly("unknown_format");
        assertThat(codes("application/xml", "")).containsExactly("unknown_format");
        assertThat(codes("application/xml", "<rss><channel>")).containsExactly("malformed_xml");
        assertThat(codes("application/json", "{\"uri\": ")).containsExactly("malformed_json");
        assertThat(codes("application/json", "42")).containsExactly("schema_invalid");
        byte[] huge = new byte[WireFormats.MAX_BYTES + 1];
        assertThat(WireFormats.parse("application/json", huge, "big").errors()).extracting(ParseError::code)
                .containsExactly("too_large");
    }

    @Test
    void sniffsWhenTheContentTypeSaysNothing() throws Exception {
        String ninjs = "{\"uri\":\"urn:n\",\"headline\":\"Sniffed\"}";
        assertThat(WireFormats.parse(null, ninjs.getBytes(StandardCharsets.UTF_8), "s").items())
                .extracting(WireItem::headline).containsExactly("Sniffed");
        Path file = Files.writeString(dir.resolve("drop.bin"), "\uFEFF  " + ninjs);
        assertThat(WireFormats.parse(file).items()).extracting(WireItem::guid).containsExactly("urn:n");
        assertThat(WireFormats.parse(dir.resolve("missing.xml")).errors()).extracting(ParseError::code)
                .containsExactly("unknown_format");
    }

    private static java.util.List<String> codes(String type, String body) {
        ParseResult result = WireFormats.parse(type, body.getBytes(StandardCharsets.UTF_8), "t");
        assertThat(result.items()).isEmpty();
        return result.errors().stream().map(ParseError::code).toList();
    }
}
