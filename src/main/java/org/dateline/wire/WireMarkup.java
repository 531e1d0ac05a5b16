package org.dateline.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.dateline.content.Body;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * Markup to Dateline's body markup ({@link Body}): the shape {@link PlainText} flattens is kept. Headings (HTML
 * {@code h1}-{@code h6}, NITF {@code hl2}) become {@code ##}/{@code ###} headings, {@code blockquote} and NITF
 * {@code bq} quotes, {@code ul}/{@code ol} lists, {@code a} with an http, https or mailto address links,
 * {@code b}/{@code strong} and {@code i}/{@code em} bold and italic; every text is escaped, so a wire's literal
 * {@code *} or {@code 1990.} stays literal. What {@link PlainText} leaves out (media, scripts, NITF
 * {@code body.head}) is left out here too, and markup nested deeper than {@link Nesting#MAX_DEPTH} is refused the
 * same way ({@link Nesting.TooDeep}), so the recursion below stays shallow.
 */
final class WireMarkup {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "img", "picture", "video", "audio", "source", "svg", "math", "head", "title", "form",
            "button", "input", "select", "textarea", "figure", "body.head", "body.end", "media",
            "nitf-table-metadata");
    private static final Set<String> BLOCKS = Set.of("p", "div", "dt", "dd", "pre", "tr", "section", "article",
            "header", "footer", "aside", "address", "dl", "table", "caption", "figcaption", "hr", "body", "main",
            "nav", "body.content", "block", "note", "fn", "tagline", "nitf-table", "html", "nitf", "hl1", "root");

    private WireMarkup() {
    }

    /** An HTML fragment or document (ninjs {@code body_html}, feed content). */
    static List<String> fromHtml(String html) {
        return html == null ? List.of() : blocks(Nesting.check(Jsoup.parseBodyFragment(html).body()));
    }

    /** An XML fragment (NITF or XHTML as a string). */
    static List<String> fromXmlString(String xml) {
        return xml == null ? List.of() : blocks(Nesting.check(Jsoup.parse(xml, "", Parser.xmlParser())));
    }

    /** XHTML or NITF already parsed (NewsML-G2 {@code inlineXML}): its children, read as an XML fragment. */
    static List<String> fromDom(org.w3c.dom.Node parent) {
        // The parsed DOM written out (in memory, nothing fetched) and read by the one walker below.
        Nesting.check(parent);
        org.w3c.dom.Document document = parent.getOwnerDocument() != null ? parent.getOwnerDocument()
                : (org.w3c.dom.Document) parent;
        LSSerializer serializer = ((DOMImplementationLS) document.getImplementation()).createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        StringBuilder xml = new StringBuilder("<root>");
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            xml.append(serializer.writeToString(child));
        }
        return blocks(Nesting.check(Jsoup.parse(xml.append("</root>").toString(), "", Parser.xmlParser()).child(0)));
    }

    private static List<String> blocks(Node parent) {
        Collector out = new Collector();
        for (Node child : parent.childNodes()) {
            block(child, out);
        }
        out.flush();
        return out.blocks;
    }

    private static void block(Node node, Collector out) {
        if (node instanceof TextNode text) {
            out.text.append(Body.escapeInline(space(text.getWholeText())));
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String name = localName(element.tagName());
        if (SKIP.contains(name)) {
            return;
        }
        switch (name) {
            case "h1", "h2", "hl2" -> out.add(heading("## ", element));
            case "h3", "h4", "h5", "h6" -> out.add(heading("### ", element));
            case "blockquote", "bq" -> {
                List<String> inner = blocks(element);
                out.add(inner.isEmpty() ? "" : ("> " + String.join("\n\n", inner).replace("\n", "\n> "))
                        .replace("\n> \n", "\n>\n"));
            }
            case "ul", "ol" -> out.add(list(element, name.equals("ol")));
            case "br" -> out.flush(); // as in PlainText: a line break ends a paragraph
            default -> {
                if (BLOCKS.contains(name) || name.equals("li")) {
                    out.flush();
                    for (Node child : element.childNodes()) {
                        block(child, out);
                    }
                    out.flush();
                } else if (name.equals("td") || name.equals("th")) {
                    out.text.append(' ').append(inline(element)).append(' ');
                } else {
                    out.text.append(inline(element));
                }
            }
        }
    }

    private static String heading(String marker, Element element) {
        String text = clean(inline(element));
        return text.isEmpty() ? "" : marker + text;
    }

    private static String list(Element list, boolean ordered) {
        List<String> items = new ArrayList<>();
        int number = 1;
        for (Element item : list.children()) {
            if (!localName(item.tagName()).equals("li")) {
                continue;
            }
            String text = String.join(" ", blocks(item).stream().map(WireMarkup::clean).toList());
            if (!text.isEmpty()) {
                items.add((ordered ? number++ + ". " : "- ") + text);
            }
        }
        return String.join("\n", items);
    }

    private static String inline(Node node) {
        if (node instanceof TextNode text) {
            return Body.escapeInline(space(text.getWholeText()));
        }
        if (!(node instanceof Element element)) {
            return "";
        }
        String name = localName(element.tagName());
        if (SKIP.contains(name)) {
            return "";
        }
        if (name.equals("br")) {
            return " ";
        }
        StringBuilder inner = new StringBuilder();
        for (Node child : element.childNodes()) {
            inner.append(inline(child));
        }
        String text = inner.toString();
        return switch (name) {
            case "a" -> {
                String href = element.attr("href").strip();
                boolean safe = href.regionMatches(true, 0, "https://", 0, 8)
                        || href.regionMatches(true, 0, "http://", 0, 7)
                        || href.regionMatches(true, 0, "mailto:", 0, 7);
                yield safe && !text.isBlank() ? "[" + text.strip() + "](<" + href.replace(">", "%3E")
                        .replace("<", "%3C").replace(" ", "%20") + ">)" : text;
            }
            case "b", "strong" -> mark("**", text);
            case "i", "em" -> mark("*", text);
            default -> text;
        };
    }

    /** Marks around a run, its outer spaces left outside ({@code ** x **} would not be bold). */
    private static String mark(String marker, String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return text;
        }
        int start = text.indexOf(stripped);
        return text.substring(0, start) + marker + stripped + marker + text.substring(start + stripped.length());
    }

    private static String space(String text) {
        return SPACE.matcher(text).replaceAll(" ");
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static final class Collector {
        final StringBuilder text = new StringBuilder();
        final List<String> blocks = new ArrayList<>();

        void flush() {
            String paragraph = Body.escapeBlockStart(clean(text.toString()));
            if (!paragraph.isEmpty()) {
                blocks.add(paragraph);
            }
            text.setLength(0);
        }

        void add(String block) {
            flush();
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }
    }
}
