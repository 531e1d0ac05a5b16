package org.dateline.wire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ninjs 1.x, 2.x and 3.x against the IPTC examples and validation cases in ../shared/conformance. */
class NinjsParsingTest {

    static final Path EXAMPLES = Conformance.dir("ninjs/examples");
    static final Path SUITE = Conformance.dir("ninjs/validation/test_suite");

    @Test
    void readsNinjs1WithXhtmlBody() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("1.4/ninjsExMediumText1.json")));
        assertThat(item.guid()).isEqualTo("http://ninjs.example.com/newsitems/20130709med123");
        assertThat(item.version()).isEqualTo(1); // no version in the file
        assertThat(item.headline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.paragraphs()).hasSize(4);
        assertThat(item.paragraphs().get(3)).endsWith("Schettino has denied wrongdoing.");
        assertThat(item.datelinePlace()).isEqualTo("Grossetto, Italy");
        assertThat(item.bylines()).containsExactly("Paulo Santalucia and Frances d'Emilio");
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
        assertThat(item.format()).isEqualTo("ninjs");
    }

    @Test
    void readsNinjs2FromDpa() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("2.1/dpa_text.json")));
        assertThat(item.guid()).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.language()).isEqualTo("de");
        assertThat(item.headline()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
        assertThat(item.paragraphs()).hasSize(9);
        assertThat(item.paragraphs().get(0)).startsWith("Für Lucien Favre war es «der größte Skandal im Fußball");
        assertThat(item.credit()).isEqualTo("dpa");
        assertThat(item.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2019-05-10T14:02:28Z"));
    }

    @Test
    void readsNinjs3CamelCaseFields() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve("3.0/ntb_text.json")));
        assertThat(item.guid()).isEqualTo("urn:8d19cf88-b3ab-4972-8fec-1207599f2872");
        assertThat(item.version()).isEqualTo(6);
        assertThat(item.language()).isEqualTo("nb");
        assertThat(item.headline()).isEqualTo("Google har kjøpt giganttomt i Skien");
        assertThat(item.lead()).startsWith("IT-giganten Google har kjøpt en tomt");
        assertThat(item.paragraphs()).isEmpty(); // NTB sent no body
        assertThat(item.slugline()).isEqualTo("skien-google");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2019-08-09T09:30:04Z"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2019-08-09T09:46:53Z"));
        assertThat(item.credit()).isEqualTo("NTB");
        assertThat(item.subjects()).containsExactly("Innenriks", "Teknologi", "Industri", "Olje og energi");

        WireItem tt = single(WireFormats.parse(EXAMPLES.resolve("3.0/tt_text_image_3.json")));
        assertThat(tt.paragraphs()).hasSize(6).first().isEqualTo("Militärövning i jätteformat hålls 2023");
    }

    @Test
    void readsANitfBodyInsideNinjs3() {
        WireItem item = single(WireFormats.parse(EXAMPLES.resolve(
                "3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json")));
        assertThat(item.paragraphs()).hasSize(18);
        assertThat(item.paragraphs().get(0)).startsWith("The Australian Sports Anti-Doping Authority (ASADA) today");
        assertThat(item.paragraphs()).doesNotContain(item.headline()); // NITF <head><title> is not body
        assertThat(item.datelinePlace()).isEqualTo("Oslo, Norway");
        assertThat(item.subjects()).contains("Sport");
    }

    @Test
    void sameStoryReadsTheSameInEveryMajorVersion() {
        WireItem v1 = single(WireFormats.parse(EXAMPLES.resolve("1.4/ninjsExSimpleText1.json")));
        WireItem v2 = single(WireFormats.parse(EXAMPLES.resolve("2.1/ninjsExSimpleText_2.json")));
        WireItem v3 = single(WireFormats.parse(EXAMPLES.resolve("3.0/ninjsExSimpleText_3.json")));
        for (WireItem item : new WireItem[] {v1, v2, v3}) {
            assertThat(item.guid()).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
            assertThat(item.headline()).isEqualTo(v1.headline());
            assertThat(item.paragraphs()).isEqualTo(v1.paragraphs()).hasSize(4);
            assertThat(item.bylines()).isEqualTo(v1.bylines());
            assertThat(item.versionCreated()).isEqualTo(v1.versionCreated());
        }
    }

    @Test
    void eventsAndVideoAreNotStories() {
        for (String name : new String[] {"2.1/ap_video.json", "3.0/ap_video.json", "3.0/simpleEvent.json",
                "3.0/20231004-UEFA-ChampionLeague.json"}) {
            ParseResult result = WireFormats.parse(EXAMPLES.resolve(name));
            assertThat(result.items()).as(name).isEmpty();
            assertThat(result.pictures()).as(name).isEmpty();
            assertThat(result.errors()).as(name).extracting(ParseError::code).containsExactly("unsupported_content");
        }
        // a text story with pictures attached is kept, as a composite
        assertThat(single(WireFormats.parse(EXAMPLES.resolve("1.4/ninjsExComplex1.json"))).kind())
                .isEqualTo(ItemKind.COMPOSITE);
    }

    @Test
    void validationSuiteFailCasesGetTheirCodes() {
        assertThat(codes(SUITE.resolve("1.0/should_fail/009_body_text_with_cr.json"))).containsExactly("malformed_json");
        assertThat(codes(SUITE.resolve("1.0/should_fail/001_no_uri_declared.json"))).containsExactly("missing_guid");
        assertThat(codes(SUITE.resolve("1.0/should_fail/015_pubstatus_commissioned.json")))
                .containsExactly("schema_invalid");
        assertThat(codes(SUITE.resolve("1.0/should_fail/014_type_component.json")))
                .containsExactly("unsupported_content");
    }

    @Test
    void aBatchWithOneBrokenItemKeepsTheRest() {
        String batch = """
                [{"uri":"urn:a","headline":"First","body_text":"One.\\n\\nTwo."},
                 {"uri":"urn:b","body_text":"no headline"},
                 {"uri":"urn:c","version":"7","headlines":[{"value":"Third"}],"pubStatus":"canceled"}]""";
        ParseResult result = WireFormats.parse("application/ninjs+json", batch.getBytes(StandardCharsets.UTF_8), "b");
        assertThat(result.items()).extracting(WireItem::guid).containsExactly("urn:a", "urn:c");
        assertThat(result.items().get(0).paragraphs()).containsExactly("One.", "Two.");
        assertThat(result.items().get(1).pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(result.items().get(1).version()).isEqualTo(7);
        assertThat(result.errors()).containsExactly(new ParseError("urn:b", "missing_headline",
                "The item has no headline."));
        assertThat(WireFormats.parse("application/json", "<rss/>".getBytes(StandardCharsets.UTF_8), "x").errors())
                .extracting(ParseError::code).containsExactly("malformed_json");
    }

    private static java.util.List<String> codes(Path file) {
        ParseResult result = WireFormats.parse(file);
        assertThat(result.items()).isEmpty();
        return result.errors().stream().map(ParseError::code).toList();
    }

    private static WireItem single(ParseResult result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }
}
