package org.dateline.wire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RSS and Atom against real feeds in ../shared/conformance/feeds. */
class FeedParsingTest {

    static final Path FEEDS = Conformance.dir("feeds/rss-real/rss-parser");

    @Test
    void readsTheGuardianRss() {
        ParseResult result = WireFormats.parse(FEEDS.resolve("guardian.rss"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(55);
        WireItem first = result.items().get(0);
        assertThat(first.guid()).isEqualTo(
                "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord");
        assertThat(first.headline()).isEqualTo("Trump State of the Union address promised unity but emphasized discord");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.credit()).isEqualTo("The Guardian");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.format()).isEqualTo("rss");
        assertThat(first.link()).isEqualTo(first.guid());
        assertThat(first.paragraphs()).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("<", "\n"));
        assertThat(first.bylines()).isNotEmpty();
    }

    @Test
    void readsAtomWithIdsAndUpdatedTimes() {
        ParseResult result = WireFormats.parse("application/atom+xml",
                bytes(FEEDS.resolve("heise.atom")), "heise");
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(15);
        WireItem first = result.items().get(0);
        assertThat(first.format()).isEqualTo("atom");
        assertThat(first.guid()).isEqualTo("http://heise.de/-3088438");
        assertThat(first.headline()).isEqualTo("Java-Anwendungsserver: Red Hat gibt WildFly 10 frei");
        assertThat(first.firstCreated()).isEqualTo(Instant.parse("2016-02-01T16:22:00Z"));
        assertThat(first.versionCreated()).isEqualTo(Instant.parse("2016-02-01T16:54:50Z"));
        assertThat(WireFormats.parse(FEEDS.resolve("feedburner.atom")).items()).hasSize(25);
    }

    @Test
    void readsLatinFeedsWithAndWithoutDeclaration() {
        ParseResult declared = WireFormats.parse(FEEDS.resolve("encoding.rss"));
        assertThat(declared.items()).hasSize(40);
        assertThat(declared.items().get(0).headline()).isEqualTo("Mãe de utente é a nova presidente da Raríssimas");
        assertThat(declared.items().get(0).language()).isEqualTo("pt");
        ParseResult undeclared = WireFormats.parse(FEEDS.resolve("uolNoticias.rss"));
        assertThat(undeclared.errors()).isEmpty();
        assertThat(undeclared.items()).hasSize(15);
        assertThat(undeclared.items().get(0).headline()).contains("simulações de 2º turno");
    }

    @Test
    void readsRss1AndContentEncoded() {
        assertThat(WireFormats.parse(FEEDS.resolve("rss-1.rss")).items()).hasSize(69)
                .first().extracting(WireItem::headline).isEqualTo("Food for fungi");
        WireItem medium = WireFormats.parse(FEEDS.resolve("content-encoded.rss")).items().get(0);
        assertThat(medium.headline()).isEqualTo("THE CREATIVE FORAGER");
        assertThat(medium.paragraphs()).hasSizeGreaterThan(10);
    }

    @Test
    void aFeedWithOneBrokenEntryKeepsTheRest() {
        String feed = """
                <rss version="2.0"><channel><title>Agency</title><link>https://a.example</link><language>ru</language>
                <item><title>One</title><guid>urn:1</guid><description>&lt;p&gt;Lead one&lt;/p&gt;</description></item>
                <item><description>neither title nor guid nor link</description></item>
                <item><title>Three</title><link>https://a.example/3</link></item>
                </channel></rss>""";
        ParseResult result = WireFormats.parse("application/rss+xml", feed.getBytes(StandardCharsets.UTF_8), "poll");
        assertThat(result.items()).extracting(WireItem::guid).containsExactly("urn:1", "https://a.example/3");
        assertThat(result.items().get(0).lead()).isEqualTo("Lead one");
        assertThat(result.items().get(0).language()).isEqualTo("ru");
        assertThat(result.errors()).extracting(ParseError::itemRef, ParseError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("poll#2", "missing_guid"));
    }

    private static byte[] bytes(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
