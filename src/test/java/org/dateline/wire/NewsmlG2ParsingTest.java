package org.dateline.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NewsML-G2 against the official IPTC 2.35 examples and unit-test files in ../shared/conformance. */
class NewsmlG2ParsingTest {

    static final Path G2 = Conformance.dir("newsml-g2");
    static final Path EXAMPLES = G2.resolve("2.35/examples");
    static final String G2_ITEM = "application/vnd.iptc.g2.newsitem+xml";

    @Test
    void readsTheTextDocumentExampleWithNitfBody() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("LISTING_2_NewsML-G2_Text_Document.xml")));
        assertThat(item.guid()).isEqualTo("urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
        assertThat(item.version()).isEqualTo(11);
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(item.slugline()).isEqualTo("US-Finance-Fed");
        assertThat(item.paragraphs()).hasSize(2);
        assertThat(item.paragraphs().get(0)).startsWith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim")
                .doesNotContain("\n").doesNotContain("  ");
        assertThat(item.paragraphs().get(1)).endsWith("esto cons dolutpat, si.");
        assertThat(item.datelinePlace()).isEqualTo("New York, NY");
        assertThat(item.datelineDate()).isEqualTo(LocalDate.of(2016, 11, 21));
        assertThat(item.bylines()).containsExactly("Meredith Jameson");
        assertThat(item.credit()).isEqualTo("Acme News and Media LLC");
        assertThat(item.subjects()).containsExactly("economy, business and finance", "central bank",
                "money and monetary policy");
        assertThat(item.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.kind()).isEqualTo(ItemKind.TEXT);
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2018-11-21T21:25:32Z"));
        assertThat(item.firstCreated()).isEqualTo(item.versionCreated()); // no firstCreated in the file
        assertThat(item.format()).isEqualTo("newsml-g2");
    }

    @Test
    void readsTheSportsStoryWithLeadAndLocatedByCodeOnly() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")));
        assertThat(item.guid()).isEqualTo("tag:xmlteam.com,2016:xt.5932656-preview");
        assertThat(item.headline()).isEqualTo(
                "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.");
        assertThat(item.lead()).startsWith("A pair of teams coming off big weekend sweeps will square off tonight");
        assertThat(item.paragraphs()).hasSize(6);
        assertThat(item.paragraphs().get(0)).startsWith("(Sports Network) - A pair of teams");
        assertThat(item.datelinePlace()).isEqualTo("Philadelphia");
        assertThat(item.subjects()).contains("Baseball", "Philadelphia Phillies");
        assertThat(item.bylines()).containsExactly("The Sports Network");
    }

    @Test
    void readsTheNewsItemExampleWithAnEmptyBody() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("LISTING_1_A_NewsML-G2_News_Item.xml")));
        assertThat(item.paragraphs()).isEmpty();
        assertThat(item.headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(item.datelinePlace()).isEqualTo("Berlin");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2016-10-18T18:12:21Z"));
        assertThat(item.credit()).isEqualTo("Example Enews LLP");
        assertThat(item.subjects()).containsExactly("economy, business and finance", "labour market");
    }

    @Test
    void everyExampleIsReadOrNamedAndOnlyTextStoriesAndPicturesBecomeItems() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                ParseResult result = WireFormats.parse(file);
                assertThat(result.items().size() + result.pictures().size() + result.errors().size())
                        .as(file.toString()).isPositive();
                assertThat(result.errors()).as(file.toString()).extracting(ParseError::code)
                        .doesNotContain("malformed_xml", "doctype_refused");
            }
        }
        // a package alone pairs no text item with its pictures: not a story
        List<String> notStories = List.of("LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml",
                "LISTING_6_Simple_NewsML-G2_Package.xml", "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
                "LISTING_17_Planning_Item_a_CCL.xml", "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml",
                "LISTING_21_A_complete_sample_SportsML-G2_document.xml");
        for (String name : notStories) {
            ParseResult result = WireFormats.parse(EXAMPLES.resolve(name));
            assertThat(result.items()).as(name).isEmpty();
            assertThat(result.pictures()).as(name).isEmpty();
            assertThat(result.errors()).as(name).extracting(ParseError::code).containsExactly("unsupported_content");
        }
        // fragments of the guidelines, not documents
        assertThat(WireFormats.parse(EXAMPLES.resolve("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"))
                .errors()).extracting(ParseError::code).containsExactly("unknown_format");
    }

    @Test
    void anAbridgedNewsMessageNamesEachItemAndDoesNotCrash() {
        ParseResult result = WireFormats.parse(
                EXAMPLES.resolve("LISTING_24_News_Message_conveying_a_complete_News_Package.xml"));
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).extracting(ParseError::code)
                .containsExactly("unsupported_content", "schema_invalid", "schema_invalid", "schema_invalid",
                        "schema_invalid");
        assertThat(result.errors()).extracting(ParseError::itemRef).contains("N1", "N4");
    }

    @Test
    void aNewsMessageWithOneBrokenItemKeepsTheOthers() throws IOException {
        String item = Files.readString(EXAMPLES.resolve("LISTING_2_NewsML-G2_Text_Document.xml"))
                .replaceFirst("<\\?xml[^>]*>", "");
        String second = item.replace("US-FINANCE-FED\"", "US-FINANCE-FED-2\"").replace("version=\"11\"", "version=\"12\"");
        String broken = item.replace("guid=\"urn:newsml:acmenews.com:20161121:US-FINANCE-FED\"", "");
        String message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header><sent>2026-11-28T12:00:00Z"
                + "</sent></header><itemSet>" + item + broken + second + "</itemSet></newsMessage>";
        ParseResult result = WireFormats.parse("application/vnd.iptc.g2.newsmessage+xml",
                message.getBytes(StandardCharsets.UTF_8), "push-1");
        assertThat(result.items()).extracting(WireItem::guid).containsExactly(
                "urn:newsml:acmenews.com:20161121:US-FINANCE-FED", "urn:newsml:acmenews.com:20161121:US-FINANCE-FED-2");
        assertThat(result.items().get(1).version()).isEqualTo(12);
        assertThat(result.errors()).containsExactly(
                new ParseError("push-1#2", "missing_guid", "A newsItem needs a guid."));
    }

    @Test
    void readsTtsNoNamespaceNewsMessage() {
        ParseResult result = WireFormats.parse(Conformance.dir("ninjs/tools/xslt/TT_newsmlg2_sample.xml"));
        WireItem item = single(new ParseResult(result.items(), List.of()));
        assertThat(item.guid()).isEqualTo("http://tt.se/media/text/210919-janguillou-879f202b");
        assertThat(item.language()).isEqualTo("sv");
        assertThat(item.headline()).isEqualTo("Jan Guillou skriver på ny \"Hamilton\"-bok");
        assertThat(item.paragraphs()).hasSize(7);
        // the package gives the story the picture delivered with it
        assertThat(result.errors()).isEmpty();
        assertThat(result.pictures()).extracting(WirePicture::guid).containsExactly("http://tt.se/media/image/sdlm1btzmKu8WU");
        assertThat(item.pictures()).containsExactly(
                new PictureRef("http://tt.se/media/image/sdlm1btzmKu8WU", null, PictureRef.LEAD));
    }

    @Test
    void unitTestFilesNeverBreakTheParserAndTextItemsWithHeadlinesAreRead() throws IOException {
        Path units = G2.resolve("unit-tests/unit_test_files");
        int read = 0;
        try (Stream<Path> files = Files.walk(units)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                ParseResult result = WireFormats.parse(file);
                assertThat(result.items().size() + result.pictures().size() + result.errors().size())
                        .as(file.toString()).isPositive();
                assertThat(result.errors()).as(file.toString()).extracting(ParseError::code)
                        .doesNotContain("malformed_xml");
                read += result.items().size();
            }
        }
        assertThat(read).isPositive();
        WireItem item = single(WireFormats.parse(
                units.resolve("2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_newsItem.xml")));
        assertThat(item.guid()).isEqualTo("urn:newsml:acmenews.com:20231121:US-FINANCE-FED");
        assertThat(item.paragraphs()).hasSize(2);
        assertThat(item.language()).isEqualTo("en");
    }

    @Test
    void failCasesGetTheirCodes() {
        Path units = G2.resolve("unit-tests/unit_test_files");
        assertThat(WireFormats.parse(units.resolve("2.29/should_fail/001_incomplete_file.xml")).errors())
                .extracting(ParseError::code).containsExactly("schema_invalid");
        // a message whose only item has no headline
        ParseResult message = WireFormats.parse(units.resolve("NAR1.9/should_pass/CR00127_extend_newsmessage_header.xml"));
        assertThat(message.errors()).containsExactly(
                new ParseError("simplest-test", "missing_headline", "The item has no headline."));
        // a video among the unit tests
        assertThat(WireFormats.parse(units.resolve("2.33/should_pass/CR00217_digitalSourceType_on_contentMeta_partMeta.xml"))
                .errors()).extracting(ParseError::code).containsExactly("unsupported_content");
    }

    @Test
    void readsXhtmlBodiesStatusAndRefusesBadInput() throws IOException {
        String xhtml = """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="3" xml:lang="ru-RU">
                  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:X"><name>X News</name></provider>
                    <versionCreated>2026-11-28T10:00:00+03:00</versionCreated><pubStatus qcode="stat:withheld"/></itemMeta>
                  <contentMeta><headline>Заголовок</headline><dateline>MOSCOW, Nov 28</dateline></contentMeta>
                  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
                    <head><title>not body</title></head><body><h2>Part one</h2><p>First  <b>bold</b>
                    line.</p><ul><li>one</li><li>two</li></ul><script>x()</script></body></html></inlineXML></contentSet>
                </newsItem>""";
        WireItem item = single(WireFormats.parse(G2_ITEM, xhtml.getBytes(StandardCharsets.UTF_8), "x"));
        assertThat(item.paragraphs()).containsExactly("Part one", "First bold line.", "one", "two");
        assertThat(item.language()).isEqualTo("ru");
        assertThat(item.pubStatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.credit()).isEqualTo("X News");
        assertThat(item.datelinePlace()).isEqualTo("MOSCOW");
        assertThat(item.version()).isEqualTo(3);

        String canceled = Files.readString(EXAMPLES.resolve("LISTING_2_NewsML-G2_Text_Document.xml"))
                .replace("stat:usable", "stat:canceled");
        assertThat(single(WireFormats.parse("text/xml", canceled.getBytes(StandardCharsets.UTF_8), "c")).pubStatus())
                .isEqualTo(PubStatus.CANCELED);
        String unknownStatus = canceled.replace("stat:canceled", "stat:maybe");
        assertThat(WireFormats.parse(G2_ITEM, unknownStatus.getBytes(StandardCharsets.UTF_8), "u").errors())
                .extracting(ParseError::code).containsExactly("schema_invalid");
        assertThat(WireFormats.parse(G2_ITEM, "<newsItem><itemMeta>".getBytes(StandardCharsets.UTF_8), "m").errors())
                .extracting(ParseError::code).containsExactly("malformed_xml");
    }

    private static WireItem single(ParseResult result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }
}
