package org.dateline.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Wire documents in every format Dateline reads, each holding one good item beside one that is nested far too deep
 * at the place where that format carries markup or values: a parsed XHTML or NITF body, markup in a string, or JSON
 * itself. Used by the parsing tests and by the tests of every entrance (push, watched folder, polled feed).
 */
final class HostileCopy {

    /** Deep enough to overflow the stack of a recursive walker; real copy nests fewer than 30 levels. */
    static final int DEEP = 10_000;
    static final String TOO_DEEP = "Nested too deep (more than " + Nesting.MAX_DEPTH + " levels).";

    /**
     * @param goodGuid    the guid of the item that must be read
     * @param deepRef     how the refused item is named in the error (its guid, or the source with its position)
     * @param extension   the file name's ending in a watched folder
     */
    record Case(String name, String contentType, String extension, byte[] body, String goodGuid, String goodHeadline,
                String deepRef) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCopy() {
    }

    /** Every case, with guids made unique by {@code nonce} so that each run creates its own stories. */
    static List<Case> all(String nonce) {
        return List.of(newsmlXhtml(nonce), newsmlNitf(nonce), newsmlHtmlString(nonce), ninjsHtml(nonce),
                ninjsNitf(nonce), ninjsDeepJson(nonce), rssDescription(nonce), rssExtensionElement(nonce),
                atomXhtml(nonce), atomHtml(nonce));
    }

    static String nested(String element, int depth, String text) {
        return ("<" + element + ">").repeat(depth) + text + ("</" + element + ">").repeat(depth);
    }

    static String newsItem(String guid, String headline, String contentType, String content) {
        return """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="1" standard="NewsML-G2"
                  standardversion="2.35" xml:lang="en"><itemMeta><itemClass qcode="ninat:text"/>
                  <provider qcode="nprov:TEST"/><versionCreated>2026-11-28T10:00:00Z</versionCreated>
                  <pubStatus qcode="stat:usable"/></itemMeta><contentMeta><language tag="en"/>
                  <headline>%s</headline></contentMeta>
                  <contentSet>%s</contentSet></newsItem>""".formatted(guid, headline, content.isEmpty() ? ""
                : contentType.startsWith("text/") ? "<inlineData contenttype=\"" + contentType + "\">" + content
                + "</inlineData>" : "<inlineXML contenttype=\"" + contentType + "\">" + content + "</inlineXML>");
    }

    static String newsMessage(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                + "<header><sent>2026-11-28T10:00:00Z</sent></header><itemSet>" + String.join("", items)
                + "</itemSet></newsMessage>";
    }

    private static String xhtml(String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>" + body
                + "</body></html>";
    }

    private static Case newsmlXhtml(String nonce) {
        String good = "urn:test:deep:newsml-xhtml:good:" + nonce;
        String deep = "urn:test:deep:newsml-xhtml:deep:" + nonce;
        return g2("newsml-g2 xhtml body", good, deep, newsMessage(
                newsItem(good, "Good XHTML " + nonce, "application/xhtml+xml", xhtml("<p>A fine story.</p>")),
                newsItem(deep, "Deep XHTML", "application/xhtml+xml", xhtml(nested("div", DEEP, "lost")))));
    }

    private static Case newsmlNitf(String nonce) {
        String good = "urn:test:deep:newsml-nitf:good:" + nonce;
        String deep = "urn:test:deep:newsml-nitf:deep:" + nonce;
        String nitf = "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>%s</body.content>"
                + "</body></nitf>";
        return g2("newsml-g2 nitf body", good, deep, newsMessage(
                newsItem(good, "Good NITF " + nonce, "application/nitf+xml", nitf.formatted("<p>A fine story.</p>")),
                newsItem(deep, "Deep NITF", "application/nitf+xml",
                        nitf.formatted(nested("block", DEEP, "<p>lost</p>")))));
    }

    private static Case newsmlHtmlString(String nonce) {
        String good = "urn:test:deep:newsml-html:good:" + nonce;
        String deep = "urn:test:deep:newsml-html:deep:" + nonce;
        return g2("newsml-g2 html in inlineData", good, deep, newsMessage(
                newsItem(good, "Good inline HTML " + nonce, "text/html", "&lt;p&gt;A fine story.&lt;/p&gt;"),
                newsItem(deep, "Deep inline HTML", "text/html",
                        ("&lt;b&gt;").repeat(DEEP) + "lost" + ("&lt;/b&gt;").repeat(DEEP))));
    }

    private static Case g2(String name, String good, String deep, String message) {
        return new Case(name, "application/vnd.iptc.g2.newsmessage+xml", ".xml", bytes(message), good,
                headline(message, good), deep);
    }

    private static String headline(String document, String guid) {
        int at = document.indexOf("<headline>", document.indexOf(guid)) + "<headline>".length();
        return document.substring(at, document.indexOf("</headline>", at));
    }

    private static Case ninjs(String name, String nonce, String deepItem) {
        String good = "urn:test:deep:ninjs-" + name + ":good:" + nonce;
        String headline = "Good ninjs " + name + " " + nonce;
        String json = "[{\"uri\":\"" + good + "\",\"type\":\"text\",\"language\":\"en\",\"headline\":\"" + headline
                + "\",\"body_html\":\"<p>A fine story.</p>\"}," + deepItem + "]";
        return new Case("ninjs " + name, "application/ninjs+json", ".json", bytes(json), good, headline,
                "urn:test:deep:ninjs-" + name + ":deep:" + nonce);
    }

    private static Case ninjsHtml(String nonce) {
        return ninjs("body_html", nonce, "{\"uri\":\"urn:test:deep:ninjs-body_html:deep:" + nonce
                + "\",\"type\":\"text\",\"headline\":\"Deep\",\"body_html\":\"" + nested("div", DEEP, "lost") + "\"}");
    }

    private static Case ninjsNitf(String nonce) {
        return ninjs("nitf", nonce, "{\"uri\":\"urn:test:deep:ninjs-nitf:deep:" + nonce
                + "\",\"type\":\"text\",\"headlines\":[{\"value\":\"Deep\"}],\"bodies\":[{\"contenttype\":"
                + "\"application/nitf+xml\",\"value\":\"<body><body.content>" + nested("block", DEEP, "lost")
                + "</body.content></body>\"}]}");
    }

    private static Case ninjsDeepJson(String nonce) {
        return ninjs("json", nonce, "{\"uri\":\"urn:test:deep:ninjs-json:deep:" + nonce
                + "\",\"type\":\"text\",\"headline\":\"Deep\",\"subject\":" + "[".repeat(DEEP) + "]".repeat(DEEP)
                + "}");
    }

    /** A feed of two entries, {@code template} taking the good headline, the good guid, the deep guid and content. */
    private static Case feed(String kind, String name, String nonce, String template, String deepContent) {
        String good = "urn:test:deep:" + kind + "-" + name + ":good:" + nonce;
        String deep = "urn:test:deep:" + kind + "-" + name + ":deep:" + nonce;
        String headline = "Good " + kind + " " + name + " " + nonce;
        return new Case(kind + " " + name, "application/" + kind + "+xml", "." + kind,
                bytes(template.formatted(headline, good, deep, deepContent)), good, headline, deep);
    }

    private static Case rss(String name, String nonce, String deepItemContent) {
        return feed("rss", name, nonce, """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xmlns:x="urn:test:extension"><channel><title>Hostile wire</title>
                <link>https://wire.example/</link><language>en</language>
                <item><title>%s</title><guid isPermaLink="false">%s</guid><description>&lt;p&gt;A fine story.&lt;/p&gt;</description></item>
                <item><title>Deep</title><guid isPermaLink="false">%s</guid>%s</item>
                </channel></rss>""", deepItemContent);
    }

    private static Case rssDescription(String nonce) {
        return rss("escaped html", nonce, "<description>" + ("&lt;div&gt;").repeat(DEEP) + "lost"
                + ("&lt;/div&gt;").repeat(DEEP) + "</description>");
    }

    private static Case rssExtensionElement(String nonce) {
        return rss("extension element", nonce, "<description>x</description>" + nested("x:a", DEEP, "lost"));
    }

    private static Case atom(String name, String nonce, String deepContent) {
        return feed("atom", name, nonce, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Hostile wire</title><id>urn:test:feed</id>
                <updated>2026-11-28T10:00:00Z</updated>
                <entry><title>%s</title><id>%s</id><updated>2026-11-28T10:00:00Z</updated>
                <content type="html">&lt;p&gt;A fine story.&lt;/p&gt;</content></entry>
                <entry><title>Deep</title><id>%s</id><updated>2026-11-28T10:00:00Z</updated>%s</entry>
                </feed>""", deepContent);
    }

    private static Case atomXhtml(String nonce) {
        return atom("xhtml content", nonce, "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + nested("div", DEEP, "lost") + "</div></content>");
    }

    private static Case atomHtml(String nonce) {
        return atom("html content", nonce, "<content type=\"html\">" + ("&lt;div&gt;").repeat(DEEP) + "lost"
                + ("&lt;/div&gt;").repeat(DEEP) + "</content>");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text in the ingest log and in answers is ours: no parser's class, method, property or message code. */
    static boolean ourWords(String message) {
        return message != null && !message.matches("(?s).*(Exception|Error\\b|StackOverflow|`|JAXP|jdk\\.xml|"
                + "jackson|xerces|StreamRead|getMax|org\\.|java\\.|\\w\\(\\)).*");
    }
}
