package org.dateline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Pictures, packages, ninjs associations and feed images, against the IPTC examples and real feeds. */
class WirePicturesTest {

    static final Path G2 = Conformance.dir("newsml-g2/2.35/examples");
    static final Path NINJS = Conformance.dir("ninjs/examples");
    static final Path FEEDS = Conformance.dir("feeds/rss-real/rss-parser");
    static final String G2_ITEM = "application/vnd.iptc.g2.newsitem+xml";
    static final String G2_MESSAGE = "application/vnd.iptc.g2.newsmessage+xml";
    static final String PACKAGE = "urn:newsml:iptc.org:20081007:tutorial";

    // NewsML-G2

    @Test
    void readsTheGettyPhotoExample() {
        WirePicture picture = onlyPicture(WireFormats.parse(G2.resolve("LISTING_3_Photo_in_NewsML-G2.xml")));
        assertThat(picture.guid()).isEqualTo("tag:gettyimages.com,2010:GYI0062134533");
        assertThat(picture.version()).isEqualTo(11);
        assertThat(picture.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(picture.headline()).isEqualTo("Variety Of Recessionary Forces Leave Las Vegas Economy Scarred");
        assertThat(picture.caption()).startsWith("A general view of part of downtown, including Las Vegas Boulevard,")
                .endsWith("(Photo by Spencer Platt/Getty Images)").doesNotContain("\n", "  ");
        assertThat(picture.credit()).isEqualTo("Getty Images");
        assertThat(picture.byline()).isEqualTo("Spencer Platt");
        assertThat(picture.copyright()).isEqualTo(
                "Copyright 2010 Getty Images. -- http://www.gettyimages.com/Corporate/LicenseInfo.aspx");
        assertThat(picture.created()).isEqualTo(Instant.parse("2010-10-20T23:45:58Z"));
        assertThat(picture.versionCreated()).isEqualTo(Instant.parse("2018-10-12T06:42:04Z"));
        assertThat(picture.format()).isEqualTo("newsml-g2");
        // read from a file, the relative href has no web address to resolve against; the others are file: URLs
        assertThat(picture.renditions()).isEmpty();
        assertThat(picture.best()).isEmpty();
    }

    @Test
    void resolvesRelativeRenditionsAgainstTheDocumentsWebAddressAndDropsFileUrls() {
        for (String name : List.of("LISTING_3_Photo_in_NewsML-G2.xml", "LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml")) {
            WirePicture picture = onlyPicture(WireFormats.parse(G2_ITEM, bytes(G2.resolve(name)),
                    "https://photos.example.com/getty/latest.xml"));
            WireRendition highRes = new WireRendition("https://photos.example.com/getty/GYI0062134533.jpg",
                    "image/jpeg", 1500, 1001, "highRes");
            assertThat(picture.renditions()).as(name).containsExactly(highRes);
            assertThat(picture.best()).as(name).contains(highRes);
        }
    }

    @Test
    void readsTheEmbeddedPhotoMetadataExample() {
        WirePicture picture = onlyPicture(WireFormats.parse(
                G2.resolve("LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml")));
        assertThat(picture.guid()).isEqualTo("tag:acmenews.com,2008:WORLD-NEWS:USA20081208098658");
        assertThat(picture.headline()).startsWith("A firefighter walks past the remains of a military jet");
        assertThat(picture.caption()).startsWith("A firefighter in a flameproof suit walks past");
        assertThat(picture.credit()).isEqualTo("Acme/John Smith");
        assertThat(picture.byline()).isEqualTo("John Smith");
        assertThat(picture.copyright()).isEqualTo("Copyright 2008 Thomson Reuters");
        assertThat(picture.best()).contains(new WireRendition(
                "http://www.acmenews.com/content/pictures/hires/20081208/USA-CRASH-MILITARY_001_HI.jpg",
                "image/jpeg", 2500, 1445, "highRes"));
    }

    @Test
    void aCanceledPictureKeepsItsStatusAndVersion() {
        String canceled = read(G2.resolve("LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml"))
                .replace("stat:usable", "stat:canceled").replace("version=\"11\"", "version=\"3\"");
        WirePicture picture = onlyPicture(WireFormats.parse(G2_ITEM, utf8(canceled), "push"));
        assertThat(picture.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(picture.version()).isEqualTo(3);

        String graphic = canceled.replace("ninat:picture", "ninat:graphic");
        assertThat(onlyPicture(WireFormats.parse(G2_ITEM, utf8(graphic), "push")).guid()).isEqualTo(picture.guid());
        String unknownStatus = canceled.replace("stat:canceled", "stat:maybe");
        assertThat(WireFormats.parse(G2_ITEM, utf8(unknownStatus), "push").errors()).extracting(ParseError::code)
                .containsExactly("schema_invalid");
        String noGuid = canceled.replace("guid=\"tag:acmenews.com,2008:WORLD-NEWS:USA20081208098658\"", "");
        assertThat(WireFormats.parse(G2_ITEM, utf8(noGuid), "push").errors()).extracting(ParseError::code)
                .containsExactly("missing_guid");
    }

    @Test
    void keepsOnlyWebAddressesOfRenditions() {
        String picture = """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:pic:1" version="1">
                  <itemMeta><itemClass qcode="ninat:picture"/><versionCreated>2026-11-28T10:00:00Z</versionCreated></itemMeta>
                  <contentMeta><description role="drol:caption">A <b>bold</b>  caption</description>
                    <description role="drol:alternativeText">Alt text</description></contentMeta>
                  <contentSet>
                    <remoteContent href="javascript:alert(1)" contenttype="image/jpeg" width="9000" height="9000"/>
                    <remoteContent href="data:image/png;base64,AAAA" contenttype="image/png"/>
                    <remoteContent href="file:///etc/passwd" contenttype="image/jpeg"/>
                    <remoteContent href="//cdn.example.com/x.jpg" contenttype="image/jpeg"/>
                    <remoteContent href="https://cdn.example.com/pic.webp" contenttype="image/webp" width="800" height="-1"/>
                    <remoteContent href="HTTPS://cdn.example.com/pic.tif" contenttype="image/tiff" width="4000" height="3000"/>
                  </contentSet>
                </newsItem>""";
        WirePicture read = onlyPicture(WireFormats.parse(G2_ITEM, utf8(picture), "folder.xml"));
        assertThat(read.renditions()).extracting(WireRendition::href)
                .containsExactly("https://cdn.example.com/pic.webp", "HTTPS://cdn.example.com/pic.tif");
        assertThat(read.renditions().get(0).height()).isNull();
        assertThat(read.best()).map(WireRendition::href).contains("https://cdn.example.com/pic.webp"); // TIFF is no web image
        assertThat(read.caption()).isEqualTo("A bold caption");
        assertThat(read.altText()).isEqualTo("Alt text");
        assertThat(read.headline()).isNull();
    }

    @Test
    void aPackageGivesTheTextItemsDeliveredWithItTheirPictures() {
        String pack = read(G2.resolve("LISTING_6_Simple_NewsML-G2_Package.xml"));
        String pictureB = read(G2.resolve("LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml"))
                .replace("tag:acmenews.com,2008:WORLD-NEWS:USA20081208098658", PACKAGE + "—item-B");
        ParseResult result = WireFormats.parse(G2_MESSAGE, message(pack, text(PACKAGE + "-item-A"), pictureB), "push");
        assertThat(result.errors()).isEmpty();
        assertThat(result.pictures()).extracting(WirePicture::guid).containsExactly(PACKAGE + "—item-B");
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.guid()).isEqualTo(PACKAGE + "-item-A");
            assertThat(item.pictures()).containsExactly(new PictureRef(PACKAGE + "—item-B", null, PictureRef.LEAD));
        });

        // the picture not delivered: known by its guid only, or described by the reference when it has an address
        ParseResult byGuid = WireFormats.parse(G2_MESSAGE, message(pack, text(PACKAGE + "-item-A")), "push");
        assertThat(byGuid.items().get(0).pictures())
                .containsExactly(new PictureRef(PACKAGE + "—item-B", null, PictureRef.LEAD));
        String withAddress = pack.replace("size=\"300039\">", "size=\"300039\" href=\"https://a.example/b.jpg\">")
                .replaceFirst("(item-B\"\\s+contenttype=\")[^\"]+", "$1image/jpeg");
        PictureRef described = WireFormats.parse(G2_MESSAGE, message(withAddress, text(PACKAGE + "-item-A")), "push")
                .items().get(0).pictures().get(0);
        assertThat(described.isLead()).isTrue();
        assertThat(described.inline().headline()).isEqualTo("Barack Obama arrive à Washington");
        assertThat(described.inline().caption()).startsWith("Si nous avons aujourd'hui un afro-américain");
        assertThat(described.inline().best()).map(WireRendition::href).contains("https://a.example/b.jpg");

        // a package whose text items are not delivered with it is no story
        assertThat(WireFormats.parse(G2_MESSAGE, message(pack, pictureB), "push").errors())
                .extracting(ParseError::itemRef, ParseError::code)
                .containsExactly(tuple("tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658", "unsupported_content"));
    }

    @Test
    void eachStoryOfASequencePackageGetsThePicturesOfItsGroup() {
        String pack = packageOf(read(G2.resolve("LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml")));
        ParseResult result = WireFormats.parse(G2_MESSAGE, message(pack, text(PACKAGE + "-item-A"),
                text(PACKAGE + "-item-C"), text(PACKAGE + "—item-G")), "push");
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).extracting(WireItem::guid, item -> item.pictures().stream().map(PictureRef::guid).toList())
                .containsExactly(tuple(PACKAGE + "-item-A", List.of(PACKAGE + "—item-B")),
                        tuple(PACKAGE + "-item-C", List.of(PACKAGE + "—item-D")),
                        tuple(PACKAGE + "—item-G", List.of()));
    }

    @Test
    void aHierarchicalPackageGivesTheMainStoryItsSidebarsPicturesAfterItsOwn() {
        String pack = packageOf(read(G2.resolve("LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml")));
        ParseResult result = WireFormats.parse(G2_MESSAGE, message(pack, text(PACKAGE + "—item-A"),
                text(PACKAGE + "—item-C")), "push");
        WireItem main = result.items().get(0);
        assertThat(main.pictures()).extracting(PictureRef::guid, PictureRef::role).containsExactly(
                tuple(PACKAGE + "—item-B", PictureRef.LEAD), tuple(PACKAGE + "—item-D", PictureRef.BODY));
        assertThat(result.items().get(1).pictures()).extracting(PictureRef::guid, PictureRef::role)
                .containsExactly(tuple(PACKAGE + "—item-D", PictureRef.LEAD));
    }

    @Test
    void aLoneStoryGetsAllOfItsPackagesPicturesWhereverTheyAreGrouped() {
        String pack = packageOf("""
                <groupSet root="G1"><group id="G1"><groupRef idref="G2"/><groupRef idref="G3"/></group>
                <group id="G2"><itemRef residref="urn:t"/></group>
                <group id="G3"><itemRef residref="urn:p1" contenttype="image/jpeg" href="https://a.example/1.jpg"/>
                <itemRef residref="urn:p2"><itemClass qcode="ninat:graphic"/></itemRef>
                <itemRef residref="urn:v"><itemClass qcode="ninat:video"/></itemRef></group></groupSet>""");
        List<PictureRef> pictures = WireFormats.parse(G2_MESSAGE, message(pack, text("urn:t")), "push").items().get(0)
                .pictures();
        assertThat(pictures).extracting(PictureRef::guid, PictureRef::role)
                .containsExactly(tuple("urn:p1", PictureRef.LEAD), tuple("urn:p2", PictureRef.BODY));
        assertThat(pictures.get(0).inline().best()).map(WireRendition::href).contains("https://a.example/1.jpg");
        assertThat(pictures.get(1).inline()).isNull();
    }

    @Test
    void groupRefsThatLoopEndTheWalk() {
        String pack = packageOf("""
                <groupSet root="G1"><group id="G1"><itemRef residref="urn:t"/><groupRef idref="G2"/></group>
                <group id="G2"><groupRef idref="G1"/><itemRef residref="urn:p"><itemClass qcode="ninat:picture"/></itemRef>
                <groupRef idref="G2"/></group></groupSet>""");
        ParseResult result = WireFormats.parse(G2_MESSAGE, message(pack, text("urn:t")), "push");
        assertThat(result.items().get(0).pictures()).containsExactly(new PictureRef("urn:p", null, PictureRef.LEAD));
    }

    // ninjs

    @Test
    void readsNinjsPictureItemsOfEveryVersion() {
        for (String name : List.of("2.1/imageLinkedRights.json", "3.0/imageLinkedRights.json")) {
            WirePicture picture = onlyPicture(WireFormats.parse(NINJS.resolve(name)));
            assertThat(picture.guid()).as(name).isEqualTo("http://example.agency.com/item/TG346285");
            assertThat(picture.headline()).isEqualTo("MotoGP - Spain - Valentino Rossi");
            assertThat(picture.caption()).startsWith("Valentino Rossi (46) of Italy");
            assertThat(picture.byline()).isEqualTo("John Smith");
            assertThat(picture.versionCreated()).isEqualTo(Instant.parse("2013-07-08T08:12:00Z"));
            assertThat(picture.format()).isEqualTo("ninjs");
            assertThat(picture.best()).contains(new WireRendition("https://images.static.press.net/v2/image/preview/"
                    + "99bf1cf9b8c917876bf1ce7ac31a85c7/2.59562475.jpg?1", "image/jpeg", 512, 342, "main"));
        }
        WirePicture v1 = onlyPicture(WireFormats.parse(NINJS.resolve("1.4/ninjsExSimplePhoto1.json")));
        assertThat(v1.renditions()).extracting(WireRendition::name).containsExactly("main", "small");
        assertThat(v1.best()).map(WireRendition::width).contains(429);
        WirePicture sipa = onlyPicture(WireFormats.parse(NINJS.resolve("3.0/SIPA_image_3.json")));
        assertThat(sipa.copyright()).isNotBlank();
        // AP numbers a picture's first version 0
        assertThat(onlyPicture(WireFormats.parse(NINJS.resolve("3.0/ap_image.json"))).version()).isZero();
    }

    @Test
    void readsAssociatedPicturesOfNinjsStories() {
        for (String name : List.of("2.1/tt_text_image_2.json", "3.0/tt_text_image_3.json")) {
            ParseResult result = WireFormats.parse(NINJS.resolve(name));
            assertThat(result.pictures()).isEmpty();
            PictureRef ref = result.items().get(0).pictures().get(0);
            assertThat(result.items().get(0).pictures()).as(name).hasSize(1);
            assertThat(ref.guid()).isEqualTo("http://tt.se/media/image/sdlk2sirkPaauM");
            assertThat(ref.role()).isEqualTo(PictureRef.LEAD);
            assertThat(ref.inline().byline()).isEqualTo("Karl Melander/TT");
            assertThat(ref.inline().caption()).startsWith("En stor internationell försvarsövning planeras 2023");
            assertThat(ref.inline().renditions()).hasSize(4);
            assertThat(ref.inline().best()).map(WireRendition::href).contains(
                    "https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg");
        }
        // ninjs 1.x: associations and renditions are objects by name
        WireItem complex = WireFormats.parse(NINJS.resolve("1.4/ninjsExComplex2.json")).items().get(0);
        assertThat(complex.pictures()).extracting(PictureRef::guid, PictureRef::role).containsExactly(
                tuple("http://ninjs.example.com/newsitems/20130709simpPh123", PictureRef.LEAD),
                tuple("http://ninjs.example.com/newsitems/20130709simpPh456", "portrait"));
        assertThat(complex.pictures().get(1).inline().headline()).isEqualTo("Francesco Schettino at court");
        // graphics are pictures, video is not
        WireItem release = WireFormats.parse(NINJS.resolve("3.0/businesswire-newsml-20130731006140.json")).items().get(0);
        assertThat(release.pictures()).extracting(PictureRef::role).containsExactly(PictureRef.LEAD);
        assertThat(release.pictures().get(0).inline().best()).map(WireRendition::width).contains(216);
    }

    @Test
    void theFeaturedAssociationLeadsAndBadAddressesAreDropped() {
        String story = """
                {"uri":"urn:story","type":"text","headline":"Story","body_text":"Text.","associations":{
                  "gallery1":{"uri":"urn:g1","type":"picture","renditions":{"big":{"href":"https://a.example/g1.jpg"}}},
                  "featuremedia":{"uri":"urn:f","type":"picture","pubstatus":"canceled","version":"3",
                     "renditions":{"evil":{"href":"javascript:alert(1)","mimetype":"image/jpeg"},
                                   "ok":{"href":"pic.png","mimetype":"image/png","width":"640","height":480}}},
                  "clip":{"uri":"urn:v","type":"video"},
                  "noUri":{"type":"graphic","renditions":{"r":{"href":"https://a.example/chart.png"}}},
                  "nothing":{"type":"picture"}}}""";
        WireItem item = WireFormats.parse("application/json", utf8(story), "https://wire.example/api/items").items().get(0);
        assertThat(item.pictures()).extracting(PictureRef::guid, PictureRef::role).containsExactly(
                tuple("urn:f", PictureRef.LEAD), tuple("urn:g1", "gallery1"),
                tuple("https://a.example/chart.png", "noUri"));
        WirePicture featured = item.pictures().get(0).inline();
        assertThat(featured.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(featured.version()).isEqualTo(3);
        assertThat(featured.renditions()).containsExactly(
                new WireRendition("https://wire.example/api/pic.png", "image/png", 640, 480, "ok"));
        // without a type the rendition is not a known image: nothing to fetch
        assertThat(item.pictures().get(1).inline().best()).isEmpty();
    }

    // RSS and Atom

    @Test
    void readsTheGuardiansMediaContentAsOnePictureInTwoSizes() {
        ParseResult result = WireFormats.parse(FEEDS.resolve("guardian.rss"));
        assertThat(result.pictures()).isEmpty();
        assertThat(result.items()).allSatisfy(item -> assertThat(item.pictures()).hasSizeLessThanOrEqualTo(1));
        assertThat(result.items().stream().filter(item -> !item.pictures().isEmpty()).count()).isGreaterThan(40);
        PictureRef lead = result.items().get(0).pictures().get(0);
        assertThat(lead.role()).isEqualTo(PictureRef.LEAD);
        assertThat(lead.inline().credit()).isEqualTo("Photograph: Networ/Sipa USA/REX/Shutterstock");
        assertThat(lead.inline().format()).isEqualTo("rss");
        assertThat(lead.inline().renditions()).extracting(WireRendition::width).containsExactly(140, 460);
        assertThat(lead.inline().best()).map(WireRendition::href).hasValueSatisfying(href -> assertThat(href)
                .startsWith("https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/").contains("w=460&q=55"));
        assertThat(lead.guid()).isEqualTo(lead.inline().renditions().get(0).href());
    }

    @Test
    void readsAnAtomThumbnail() {
        WireItem item = WireFormats.parse(FEEDS.resolve("feedburner.atom")).items().stream()
                .filter(i -> !i.pictures().isEmpty()).findFirst().orElseThrow();
        assertThat(item.guid()).isEqualTo("tag:blogger.com,1999:blog-7815614485808579332.post-6226147313744312031");
        assertThat(item.pictures().get(0).inline().best()).contains(new WireRendition(
                "https://lh3.googleusercontent.com/-I5VHr9twxlU/AAAAAAAAAAI/AAAAAAAABoc/XKIvgIIEw7I/s72-c/photo.jpg",
                "image/jpeg", 72, 72, "thumbnail"));
    }

    @Test
    void feedEnclosuresAndMediaGroupsThatAreImagesBecomePictures() {
        String rss = """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Agency</title>
                <item><title>Podcast</title><guid>urn:1</guid>
                  <enclosure url="https://a.example/show.mp3" type="audio/mpeg" length="100"/></item>
                <item><title>Photo story</title><guid>urn:2</guid>
                  <media:title>Item level title</media:title>
                  <enclosure url="/images/lead.jpg" type="image/jpeg" length="100"/>
                  <enclosure url="javascript:alert(1)" type="image/jpeg" length="1"/>
                  <media:content url="https://a.example/video.mp4" medium="video"/>
                  <media:group>
                    <media:content url="https://a.example/g/2-large.png" type="image/png" width="1600" height="900"/>
                    <media:content url="https://a.example/g/2-small.png" type="image/png" width="320" height="180"/>
                    <media:description type="html">&lt;p&gt;The &lt;b&gt;second&lt;/b&gt; picture&lt;/p&gt;</media:description>
                    <media:credit role="photographer">Jane Doe/Agency</media:credit>
                    <media:copyright>© Agency 2026</media:copyright>
                  </media:group>
                </item></channel></rss>""";
        ParseResult result = WireFormats.parse("application/rss+xml", utf8(rss), "https://a.example/feeds/news.rss");
        assertThat(result.items().get(0).pictures()).isEmpty();
        List<PictureRef> pictures = result.items().get(1).pictures();
        assertThat(pictures).extracting(PictureRef::guid, PictureRef::role).containsExactly(
                tuple("https://a.example/images/lead.jpg", PictureRef.LEAD),
                tuple("https://a.example/g/2-large.png", PictureRef.BODY));
        assertThat(pictures.get(0).inline().headline()).isEqualTo("Item level title");
        WirePicture second = pictures.get(1).inline();
        assertThat(second.caption()).isEqualTo("The second picture");
        assertThat(second.credit()).isEqualTo("Jane Doe/Agency");
        assertThat(second.copyright()).isEqualTo("© Agency 2026");
        assertThat(second.best()).map(WireRendition::width).contains(1600);

        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:feed</id>
                <entry><id>urn:e1</id><title>Entry</title><updated>2026-11-28T10:00:00Z</updated>
                  <link rel="alternate" href="https://a.example/e1"/>
                  <link rel="enclosure" type="image/webp" href="https://a.example/e1.webp"/>
                  <link rel="enclosure" type="application/pdf" href="https://a.example/e1.pdf"/>
                </entry></feed>""";
        WireItem entry = WireFormats.parse("application/atom+xml", utf8(atom), "poll").items().get(0);
        assertThat(entry.pictures()).singleElement().satisfies(ref -> {
            assertThat(ref.inline().format()).isEqualTo("atom");
            assertThat(ref.inline().best()).map(WireRendition::href).contains("https://a.example/e1.webp");
            assertThat(ref.inline().versionCreated()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        });
    }

    @Test
    void bestPrefersTheLargestWebImageThenAFullSizeName() {
        WireRendition small = new WireRendition("https://a.example/s.jpg", "image/jpeg", 100, 100, "thumb");
        WireRendition big = new WireRendition("https://a.example/b.png", "image/png", 2000, 1000, null);
        WireRendition gif = new WireRendition("https://a.example/g.gif", "image/gif", 5000, 5000, null);
        WireRendition unsized = new WireRendition("https://a.example/o.jpg", "image/jpeg", null, null, "original");
        WireRendition plain = new WireRendition("https://a.example/p.jpg", "image/jpeg", null, null, "web");
        assertThat(picture(small, gif, big, unsized).best()).contains(big);
        assertThat(picture(plain, unsized).best()).contains(unsized);
        assertThat(picture(plain, new WireRendition("https://a.example/q.jpg", null, null, null, null)).best())
                .contains(plain);
        assertThat(picture(gif).best()).isEmpty();
    }

    private static WirePicture picture(WireRendition... renditions) {
        return new WirePicture("urn:p", 1, PubStatus.USABLE, null, null, null, null, null, null, null, null,
                List.of(renditions), "ninjs");
    }

    private static WirePicture onlyPicture(ParseResult result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).isEmpty();
        assertThat(result.pictures()).hasSize(1);
        return result.pictures().get(0);
    }

    /** The Text Document example as a text item with another guid. */
    private static String text(String guid) {
        return read(G2.resolve("LISTING_2_NewsML-G2_Text_Document.xml"))
                .replace("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", guid);
    }

    /** A groupSet of the guidelines in a packageItem of its own. */
    private static String packageOf(String groupSet) {
        return "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:package\" version=\"1\">"
                + "<itemMeta><itemClass qcode=\"ninat:composite\"/></itemMeta>"
                + groupSet.replace("<groupSet", "<groupSet xmlns=\"http://iptc.org/std/nar/2006-10-01/\"")
                + "</packageItem>";
    }

    private static byte[] message(String... items) {
        StringBuilder message = new StringBuilder("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                + "<header><sent>2026-11-28T12:00:00Z</sent></header><itemSet>");
        for (String item : items) {
            message.append(item.replaceFirst("<\\?xml[^>]*>", ""));
        }
        return utf8(message.append("</itemSet></newsMessage>").toString());
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
