package org.dateline.wire;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Markup nested deeper than any real copy: every walker over a tree from outside refuses it with {@link Nesting.TooDeep}
 * (never a StackOverflowError), and in every format the too-deep item is one {@code too_deep} error while the item
 * beside it is read.
 */
class NestingTest {

    static final int VERY_DEEP = 100_000;

    static Stream<HostileCopy.Case> cases() {
        return HostileCopy.all("unit").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTooDeepItemIsRefusedAloneAndTheItemBesideItIsRead(HostileCopy.Case copy) {
        ParseResult result = WireFormats.parse(copy.contentType(), copy.body(), "hostile");
        assertThat(result.items()).extracting(WireItem::guid).containsExactly(copy.goodGuid());
        assertThat(result.items().get(0).headline()).isEqualTo(copy.goodHeadline());
        assertThat(result.items().get(0).paragraphs()).containsExactly("A fine story.");
        assertThat(result.errors()).containsExactly(new ParseError(copy.deepRef(), "too_deep", HostileCopy.TOO_DEEP));
    }

    static Stream<Arguments> walkers() {
        IntFunction<String> divs = depth -> HostileCopy.nested("div", depth, "deep words");
        IntFunction<String> bolds = depth -> HostileCopy.nested("b", depth, "deep words");
        IntFunction<String> quotes = depth -> HostileCopy.nested("blockquote", depth, "deep words");
        IntFunction<String> lists = depth -> "<ul><li>".repeat(depth / 2) + "deep words" + "</li></ul>".repeat(depth / 2);
        return Stream.of(
                Arguments.of("PlainText.fromHtml", (Function<String, Object>) PlainText::fromHtml, divs),
                Arguments.of("PlainText.fromHtml inline", (Function<String, Object>) PlainText::fromHtml, bolds),
                Arguments.of("PlainText.fromXmlString", (Function<String, Object>) PlainText::fromXmlString, divs),
                Arguments.of("PlainText.fromDom", (Function<String, Object>) x -> PlainText.fromDom(dom(x)), divs),
                Arguments.of("PlainText.htmlToLine", (Function<String, Object>) PlainText::htmlToLine, bolds),
                Arguments.of("WireMarkup.fromHtml", (Function<String, Object>) WireMarkup::fromHtml, divs),
                Arguments.of("WireMarkup.fromHtml inline", (Function<String, Object>) WireMarkup::fromHtml, bolds),
                Arguments.of("WireMarkup.fromHtml quotes", (Function<String, Object>) WireMarkup::fromHtml, quotes),
                Arguments.of("WireMarkup.fromHtml lists", (Function<String, Object>) WireMarkup::fromHtml, lists),
                Arguments.of("WireMarkup.fromXmlString", (Function<String, Object>) WireMarkup::fromXmlString, bolds),
                Arguments.of("WireMarkup.fromDom", (Function<String, Object>) x -> WireMarkup.fromDom(dom(x)), bolds),
                Arguments.of("SecureXml.text", (Function<String, Object>) x -> SecureXml.text(dom(x)), bolds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walkers")
    void everyWalkerRefusesMarkupNestedAHundredThousandDeep(String walker, Function<String, Object> walk,
                                                             IntFunction<String> markup) {
        if (walker.equals("SecureXml.text")) {
            // text is gathered without recursion: nothing to refuse
            assertThat(walk.apply(markup.apply(VERY_DEEP))).isEqualTo("deep words");
            return;
        }
        assertThatThrownBy(() -> walk.apply(markup.apply(VERY_DEEP))).isInstanceOf(Nesting.TooDeep.class)
                .hasMessage(HostileCopy.TOO_DEEP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walkers")
    void everyWalkerReadsMarkupAsDeepAsTheLimit(String walker, Function<String, Object> walk,
                                                IntFunction<String> markup) {
        assertThat(String.valueOf(walk.apply(markup.apply(Nesting.MAX_DEPTH)))).contains("deep words");
        if (!walker.equals("SecureXml.text") && !walker.endsWith("lists")) {
            assertThatThrownBy(() -> walk.apply(markup.apply(Nesting.MAX_DEPTH + 1)))
                    .isInstanceOf(Nesting.TooDeep.class);
        }
    }

    @Test
    void aNewsItemNestedTooDeepAnywhereIsRefused() {
        String deepHeadline = HostileCopy.newsItem("urn:deep:headline", HostileCopy.nested("b", VERY_DEEP, "x"),
                "text/plain", "body");
        assertThat(WireFormats.parse("application/xml", deepHeadline.getBytes(StandardCharsets.UTF_8), "h").errors())
                .containsExactly(new ParseError("urn:deep:headline", "too_deep", HostileCopy.TOO_DEEP));
        String deepMeta = HostileCopy.newsItem("urn:deep:meta", "Fine", "text/plain", "body")
                .replace("<language tag=\"en\"/>", HostileCopy.nested("keyword", VERY_DEEP, "x"));
        assertThat(WireFormats.parse("application/xml", deepMeta.getBytes(StandardCharsets.UTF_8), "m").errors())
                .extracting(ParseError::code).containsExactly("too_deep");
    }

    @Test
    void aFeedNestedTooDeepOutsideItsEntriesIsRefusedWhole() {
        String rss = "<rss version=\"2.0\"><channel><title>T</title>" + HostileCopy.nested("x", VERY_DEEP, "x")
                + "<item><title>A</title><guid>urn:a</guid></item></channel></rss>";
        assertThat(WireFormats.parse("application/rss+xml", rss.getBytes(StandardCharsets.UTF_8), "feed").errors())
                .containsExactly(new ParseError("feed", "too_deep", HostileCopy.TOO_DEEP));
        String title = "<rss version=\"2.0\"><channel><title>" + "&lt;b&gt;".repeat(VERY_DEEP) + "</title>"
                + "<item><title>A</title><guid>urn:a</guid></item></channel></rss>";
        assertThat(WireFormats.parse("application/rss+xml", title.getBytes(StandardCharsets.UTF_8), "feed").errors())
                .containsExactly(new ParseError("feed", "too_deep", HostileCopy.TOO_DEEP));
    }

    @Test
    void jsonDeeperThanItsParserGoesIsRefusedWholeInOurWords() {
        String json = "[{\"uri\":\"urn:a\",\"headline\":\"A\"}," + "[".repeat(Nesting.MAX_JSON_DEPTH + 1)
                + "]".repeat(Nesting.MAX_JSON_DEPTH + 1) + "]";
        assertThat(WireFormats.parse("application/json", json.getBytes(StandardCharsets.UTF_8), "j").errors())
                .containsExactly(new ParseError("j", "too_deep", HostileCopy.TOO_DEEP));
        // an item that is no object is named as such, however deep
        String array = "[{\"uri\":\"urn:a\",\"headline\":\"A\"}," + "[".repeat(VERY_DEEP / 2)
                + "]".repeat(VERY_DEEP / 2) + "]";
        ParseResult result = WireFormats.parse("application/json", array.getBytes(StandardCharsets.UTF_8), "j");
        assertThat(result.items()).extracting(WireItem::guid).containsExactly("urn:a");
        assertThat(result.errors()).containsExactly(new ParseError("j#2", "schema_invalid",
                "A ninjs item is a JSON object."));
    }

    private static Element dom(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    ("<root>" + markup + "</root>").getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
