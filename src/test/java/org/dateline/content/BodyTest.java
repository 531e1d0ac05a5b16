package org.dateline.content;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyTest {

    @Test
    void paragraphsAreSeparatedByBlankLines() {
        assertThat(Body.of("First one.\n\nSecond one.").toHtml())
                .isEqualTo("<p>First one.</p>\n<p>Second one.</p>");
    }

    @Test
    void headingsSitBelowTheHeadlineAsH2AndH3() {
        assertThat(Body.of("# Top\n\n## Part\n\n### Detail\n\n#### Deeper").toHtml())
                .isEqualTo("<h2>Top</h2>\n<h2>Part</h2>\n<h3>Detail</h3>\n<h3>Deeper</h3>");
    }

    @Test
    void quotesAndListsKeepTheirShape() {
        assertThat(Body.of("> He said so.\n> Twice.").toHtml())
                .isEqualTo("<blockquote>\n<p>He said so.\nTwice.</p>\n</blockquote>");
        assertThat(Body.of("- one\n- two").toHtml()).isEqualTo("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
        assertThat(Body.of("1. one\n2. two").toHtml()).isEqualTo("<ol>\n<li>one</li>\n<li>two</li>\n</ol>");
        assertThat(Body.of("3. three\n4. four").toHtml()).startsWith("<ol start=\"3\">");
        assertThat(Body.of("- one\n\n- two").toHtml())
                .isEqualTo("<ul>\n<li><p>one</p>\n</li>\n<li><p>two</p>\n</li>\n</ul>");
    }

    @Test
    void linksBoldAndItalic() {
        assertThat(Body.of("See [the report](https://example.org/a?b=1&c=2), *now* and **here**.").toHtml())
                .isEqualTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\">the report</a>, <em>now</em> and "
                        + "<strong>here</strong>.</p>");
        assertThat(Body.of("[Write](mailto:desk@example.org)").toHtml())
                .isEqualTo("<p><a href=\"mailto:desk@example.org\">Write</a></p>");
    }

    @Test
    void rawHtmlIsShownAsTypedNeverPassedThrough() {
        String html = Body.of("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b>bold</b>")
                .toHtml();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Body.of("<div onclick=\"x()\">\n\nhi\n</div>").toHtml()).doesNotContain("<div");
    }

    @Test
    void unsafeLinksKeepTheirTextAndLoseTheLink() {
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                "vbscript:x", "/relative", "//evil.example/", "file:///etc/passwd")) {
            String html = Body.of("[click](" + url + ")").toHtml();
            assertThat(html).as(url).isEqualTo("<p>click</p>");
        }
        assertThat(Body.of("<javascript:alert(1)>").toHtml()).doesNotContain("<a");
        assertThat(Body.of("![x](javascript:alert(1))").toHtml()).isEqualTo("<p>x</p>");
    }

    @Test
    void attributesCannotBeBrokenOutOf() {
        String html = Body.of("[x](<https://e.org/\" onmouseover=\"alert(1)>)").toHtml();
        assertThat(html).doesNotContain("\" onmouseover").contains("href=\"https://e.org/%22%20onmouseover=%22alert(1)\"");
        assertThat(Body.of("[x](https://e.org/'onmouseover='alert(1))").toHtml())
                .doesNotContain("'onmouseover").contains("&#39;onmouseover=&#39;");
        assertThat(Body.of("[x](https://e.org/ \"title\\\" onclick=\\\"y\")").toHtml()).doesNotContain("onclick=\"");
    }

    @Test
    void theDatelineOpensTheFirstParagraph() {
        assertThat(Body.of("Talks began.\n\nThey ended.").toHtml("MOSCOW, February 22 (RIA Novosti)"))
                .isEqualTo("<p><span class=\"dateline\">MOSCOW, February 22 (RIA Novosti)</span> - Talks began.</p>\n"
                        + "<p>They ended.</p>");
        assertThat(Body.of("## Start\n\nText.").toHtml("MOSCOW"))
                .isEqualTo("<p><span class=\"dateline\">MOSCOW</span></p>\n<h2>Start</h2>\n<p>Text.</p>");
    }

    @Test
    void plainTextKeepsTheWordsAndTheShape() {
        Body body = Body.of("## Part\n\nSee [it](https://e.org) *now*.\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n> on");
        assertThat(body.plainParagraphs()).containsExactly("Part", "See it now.", "- one\n- two",
                "3. three\n4. four", "quoted on");
        assertThat(body.toPlainText()).startsWith("Part\n\nSee it now.\n\n- one");
    }

    @Test
    void blocksSplitAtBlankLinesAndJoinBackToTheSameMarkup() {
        Body body = Body.of("One\r\n\r\n- a  \n- b\n \n\n> q");
        assertThat(body.blocks()).containsExactly("One", "- a\n- b", "> q");
        assertThat(Body.ofBlocks(body.blocks())).isEqualTo(body);
    }

    @Test
    void plainParagraphsRenderExactlyAsTheyWereWritten() {
        List<String> tricky = List.of("1990. The year it began.", "- a dash opens this line", "* a star", "+ plus",
                "# not a heading", "#hashtag stays", "> not a quote", "Price: 5 * 3 * 2 = 30", "snake_case_name and _x_",
                "AT&T and &amp; and &#169; and &copy;", "a [bracket](http://x) and ![img](y)", "back\\slash\\",
                "`code` and ``more``", "<b>tags</b> & <script>", "line one\nline two", "   padded   ", "***", "---",
                "___", "=== ", "1) first", "2024.", "[1]: http://example.org", "a <http://auto.link> b",
                "ends with two spaces  ", "~~~", "```", "    indented", "| a | b |", "**not bold**", "_not em_");
        for (String text : tricky) {
            assertThat(Body.plain(List.of(text)).toHtml()).as(text).isEqualTo(paragraph(text));
        }
    }

    @Test
    void randomPlainTextFromMarkupCharactersRendersLiterally() {
        String alphabet = "ab1 .*_-+#>[]()!<&;`\\|~=:/\"'\n";
        SplittableRandom random = new SplittableRandom(20261129);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder("x");
            int length = random.nextInt(1, 24);
            text.setLength(0);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String plain = text.toString();
            if (plain.isBlank()) {
                continue;
            }
            assertThat(Body.plain(List.of(plain)).toHtml()).as(plain).isEqualTo(paragraph(plain));
        }
    }

    @Test
    void plainParagraphsComeBackAsPlainText() {
        List<String> paragraphs = new ArrayList<>(List.of("1990. A year.", "Rates *rose* by 5%.", "<b>x</b>"));
        assertThat(Body.plain(paragraphs).plainParagraphs()).isEqualTo(paragraphs);
    }

    @Test
    void deepNestingIsBounded() {
        // the parser's nesting limits bound the tree the recursive renderers walk, whatever the source's depth
        for (String deep : List.of(">".repeat(100_000) + " deep", "- ".repeat(100_000) + "deep",
                "1. ".repeat(100_000) + "deep", "> - ".repeat(50_000) + "deep")) {
            Body body = Body.of(deep);
            assertThat(body.toHtml()).contains("deep");
            assertThat(body.toPlainText()).contains("deep");
        }
        // inline runs cost time beyond a few thousand (the parser's delimiter matching), never stack
        for (String deep : List.of("*".repeat(3000) + "x" + "*".repeat(3000), "[".repeat(3000) + "x"
                + "](https://a.example)".repeat(3000), "**a ".repeat(3000) + "x" + " b**".repeat(3000))) {
            assertThat(Body.of(deep).toHtml()).contains("x");
            assertThat(Body.of(deep).toPlainText()).contains("x");
        }
    }

    /** How the article page showed a plain paragraph before bodies were markup. */
    static String paragraph(String text) {
        String collapsed = text.strip().replaceAll("\\s*\\n\\s*", " ");
        return "<p>" + collapsed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;") + "</p>";
    }
}
