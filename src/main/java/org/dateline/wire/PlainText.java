package org.dateline.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.w3c.dom.Node;

/**
 * Markup to Dateline's body shape: plain-text paragraphs. Block elements (paragraphs, headings, list items, NITF
 * {@code hl1}/{@code block} ...) end a paragraph, {@code br} too; media, scripts and NITF's {@code body.head}
 * (headline, byline, abstract: read separately) are left out. Whitespace, no-break spaces included, collapses.
 * Markup nested deeper than {@link Nesting#MAX_DEPTH} is refused with {@link Nesting.TooDeep} before the walk.
 */
final class PlainText {

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t\\u00A0]*\\r?\\n");
    private static final Pattern LINE = Pattern.compile("\\r?\\n");

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt",
            "dd", "blockquote", "pre", "tr", "section", "article", "header", "footer", "aside", "address", "ul",
            "ol", "dl", "table", "caption", "figcaption", "hr", "body", "main", "nav",
            // NITF
            "body.content", "block", "hl1", "hl2", "bq", "note", "fn", "tagline", "nitf-table");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "img", "picture", "video", "audio", "source", "svg", "math", "head", "title", "form",
            "button", "input", "select", "textarea", "figure",
            // NITF: headline, byline and abstract are read on their own; media and end matter are not body text
            "body.head", "body.end", "media", "nitf-table-metadata");

    private PlainText() {
    }

    /** Collapsed and trimmed, or {@code null} when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = SPACE.matcher(text).replaceAll(" ").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** An HTML fragment or document (ninjs {@code body_html}, RSS descriptions). */
    static List<String> fromHtml(String html) {
        if (html == null) {
            return List.of();
        }
        Collector out = new Collector();
        walk(Nesting.check(Jsoup.parseBodyFragment(html).body()), out);
        return out.done();
    }

    /** An XML fragment (NITF or XHTML as a string, as ninjs carries it). */
    static List<String> fromXmlString(String xml) {
        if (xml == null) {
            return List.of();
        }
        Collector out = new Collector();
        for (org.jsoup.nodes.Node node : Nesting.check(Jsoup.parse(xml, "", Parser.xmlParser())).childNodes()) {
            walk(node, out);
        }
        return out.done();
    }

    /** XHTML or NITF already parsed (NewsML-G2 {@code inlineXML}). */
    static List<String> fromDom(Node parent) {
        Collector out = new Collector();
        for (Node child = Nesting.check(parent).getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(child, out);
        }
        return out.done();
    }

    /** Plain text: blank lines separate paragraphs; without any, each line is one. */
    static List<String> fromPlain(String text) {
        if (text == null) {
            return List.of();
        }
        Pattern split = BLANK_LINE.matcher(text).find() ? BLANK_LINE : LINE;
        List<String> paragraphs = new ArrayList<>();
        for (String part : split.split(text)) {
            String cleaned = clean(part);
            if (cleaned != null) {
                paragraphs.add(cleaned);
            }
        }
        return paragraphs;
    }

    /** One line of text from markup, for headlines and leads. */
    static String htmlToLine(String html) {
        return html == null ? null : clean(String.join(" ", fromHtml(html)));
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static void walk(org.jsoup.nodes.Node node, Collector out) {
        if (node instanceof TextNode text) {
            out.text.append(text.getWholeText());
        } else if (node instanceof Element element) {
            String name = localName(element.tagName());
            if (SKIP.contains(name)) {
                return;
            }
            if (name.equals("br")) {
                out.flush();
                return;
            }
            boolean block = BLOCKS.contains(name);
            if (block) {
                out.flush();
            } else if (name.equals("td") || name.equals("th")) {
                out.text.append(' ');
            }
            for (org.jsoup.nodes.Node child : element.childNodes()) {
                walk(child, out);
            }
            if (block) {
                out.flush();
            }
        }
    }

    private static void walk(Node node, Collector out) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.text.append(node.getNodeValue());
            case Node.ELEMENT_NODE -> {
                String name = localName(node.getLocalName() == null ? node.getNodeName() : node.getLocalName());
                if (SKIP.contains(name)) {
                    return;
                }
                if (name.equals("br")) {
                    out.flush();
                    return;
                }
                boolean block = BLOCKS.contains(name);
                if (block) {
                    out.flush();
                } else if (name.equals("td") || name.equals("th")) {
                    out.text.append(' ');
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    walk(child, out);
                }
                if (block) {
                    out.flush();
                }
            }
            default -> {
                // comments and processing instructions are not text
            }
        }
    }

    private static final class Collector {
        final StringBuilder text = new StringBuilder();
        final List<String> paragraphs = new ArrayList<>();

        void flush() {
            String cleaned = clean(text.toString());
            if (cleaned != null) {
                paragraphs.add(cleaned);
            }
            text.setLength(0);
        }

        List<String> done() {
            flush();
            return paragraphs;
        }
    }
}
