package org.dateline.wire;

import java.util.List;

import org.dateline.content.Body;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WireMarkupTest {

    @Test
    void htmlKeepsHeadingsQuotesListsLinksAndEmphasisAndEscapesTheRest() {
        List<String> blocks = WireMarkup.fromHtml("<h2>Sub</h2><p>Text with <a href='https://x.org/a b'>link</a>,"
                + " <b>bold</b> and <i>it</i>.</p><blockquote><p>Quote</p></blockquote><ul><li>one</li>"
                + "<li>two</li></ul><ol><li>a</li></ol><p>1990. literal *star* [x]</p><script>x()</script>"
                + "<img src=x><p><a href='javascript:x()'>bad</a> <a href='/relative'>rel</a></p><h4>Small</h4>");
        assertThat(blocks).containsExactly("## Sub", "Text with [link](<https://x.org/a%20b>), **bold** and *it*.",
                "> Quote", "- one\n- two", "1. a", "1990\\. literal \\*star\\* \\[x\\]", "bad rel", "### Small");
        String html = Body.ofBlocks(blocks).toHtml();
        assertThat(html).contains("<h2>Sub</h2>").contains("<a href=\"https://x.org/a%20b\">link</a>")
                .contains("<blockquote>").contains("<ul>\n<li>one</li>").contains("<h3>Small</h3>")
                .contains("<p>1990. literal *star* [x]</p>").doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("javascript");
    }

    @Test
    void nitfSubheadingsQuotesAndBreaksKeepTheirShape() {
        List<String> blocks = WireMarkup.fromXmlString("<body><body.head><hedline><hl1>Headline</hl1></hedline>"
                + "</body.head><body.content><hl2>Part one</hl2><p>First<br/>second</p><bq><block><p>Quoted</p>"
                + "</block></bq><p><em>Emphasis</em> here</p></body.content></body>");
        assertThat(blocks).containsExactly("## Part one", "First", "second", "> Quoted", "*Emphasis* here");
    }

    @Test
    void theWordsAreThoseOfThePlainParagraphs() {
        String html = "<p>One &amp; <b>two</b></p><ul><li>three</li></ul><h3>four</h3>";
        assertThat(Body.ofBlocks(WireMarkup.fromHtml(html)).toPlainText().replaceAll("(?m)^- ", "")
                .replaceAll("\\s+", " ")).isEqualTo(String.join(" ", PlainText.fromHtml(html)));
    }
}
