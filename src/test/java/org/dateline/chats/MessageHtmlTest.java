package org.dateline.chats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageHtmlTest {

    private static final String REL = "rel=\"nofollow ugc noopener\"";

    @Test
    void escapesEverythingTheAuthorTyped() {
        assertThat(MessageHtml.render("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(MessageHtml.render("<img src=x onerror=alert(1)>")).doesNotContain("<img");
    }

    @Test
    void linksWebAddressesWithNofollowUgcNoopener() {
        assertThat(MessageHtml.render("see https://example.org/a?b=1&c=2."))
                .isEqualTo("see <a href=\"https://example.org/a?b=1&amp;c=2\" " + REL
                        + ">https://example.org/a?b=1&amp;c=2</a>.");
        assertThat(MessageHtml.render("www.example.org"))
                .isEqualTo("<a href=\"https://www.example.org\" " + REL + ">www.example.org</a>");
    }

    @Test
    void keepsBalancedParenthesesInAddressesAndDropsSentencePunctuation() {
        assertThat(MessageHtml.render("(https://en.wikipedia.org/wiki/Foo_(bar))"))
                .isEqualTo("(<a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\" " + REL
                        + ">https://en.wikipedia.org/wiki/Foo_(bar)</a>)");
    }

    @Test
    void neverLinksOtherSchemes() {
        assertThat(MessageHtml.render("javascript:alert(1) data:text/html,<b>x</b>")).doesNotContain("<a");
        assertThat(MessageHtml.render("https://x.org/\"onmouseover=\"alert(1)"))
                .startsWith("<a href=\"https://x.org/\" " + REL + ">");
    }

    @Test
    void rendersBoldItalicAndLineBreaks() {
        assertThat(MessageHtml.render("*bold* and _italic_\nnext"))
                .isEqualTo("<strong>bold</strong> and <em>italic</em><br>next");
        assertThat(MessageHtml.render("snake_case_name and 2*3*4")).isEqualTo("snake_case_name and 2<strong>3</strong>4");
        assertThat(MessageHtml.render("* not bold *")).isEqualTo("* not bold *");
    }

    @Test
    void emphasisCannotSmuggleMarkup() {
        assertThat(MessageHtml.render("*<b onclick=x>*")).isEqualTo("<strong>&lt;b onclick=x&gt;</strong>");
    }
}
