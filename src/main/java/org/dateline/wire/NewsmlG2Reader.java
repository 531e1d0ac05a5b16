package org.dateline.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.w3c.dom.Element;

import static org.dateline.wire.SecureXml.attr;
import static org.dateline.wire.SecureXml.child;
import static org.dateline.wire.SecureXml.children;
import static org.dateline.wire.SecureXml.localName;
import static org.dateline.wire.SecureXml.path;
import static org.dateline.wire.SecureXml.text;

/**
 * IPTC NewsML-G2 {@code newsItem} and {@code newsMessage}: text items with an XHTML or NITF body in
 * {@code inlineXML}, or plain text in {@code inlineData}. Every other item class or content type is named as
 * {@code unsupported_content}; each item of a message stands or falls alone.
 */
final class NewsmlG2Reader {

    static final String FORMAT = "newsml-g2";
    static final Set<String> ITEM_ROOTS = Set.of("newsItem", "packageItem", "conceptItem", "knowledgeItem",
            "planningItem", "catalogItem");

    private NewsmlG2Reader() {
    }

    static void readMessage(Element message, String source, List<WireItem> items, List<ParseError> errors) {
        Element itemSet = child(message, "itemSet");
        if (itemSet == null) {
            errors.add(new ParseError(source, ParseError.Codes.SCHEMA_INVALID, "A newsMessage without an itemSet."));
            return;
        }
        int position = 0;
        for (Element item : SecureXml.elements(itemSet)) {
            position++;
            readItem(item, source + "#" + position, items, errors);
        }
    }

    static void readItem(Element item, String positionRef, List<WireItem> items, List<ParseError> errors) {
        String guid = PlainText.clean(attr(item, "guid"));
        String ref = guid != null ? guid : positionRef;
        if (Nesting.tooDeep(item)) {
            errors.add(Nesting.error(ref));
            return;
        }
        try {
            ParseError problem = check(item, ref);
            if (problem != null) {
                errors.add(problem);
                return;
            }
            items.add(textItem(item, guid));
        } catch (Nesting.TooDeep tooDeep) { // markup in a string (inlineData text/html), parsed as it is read
            errors.add(Nesting.error(ref));
        } catch (RuntimeException unexpected) {
            errors.add(WireFormats.unreadable(ref, unexpected));
        }
    }

    /** Why an item cannot become a story, or null when it can. */
    private static ParseError check(Element item, String ref) {
        String root = localName(item);
        if (!root.equals("newsItem")) {
            return ITEM_ROOTS.contains(root)
                    ? new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT, "A " + root + " is not a text story.")
                    : new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "A " + root + " is not a NewsML-G2 item.");
        }
        Element itemClass = path(item, "itemMeta", "itemClass");
        if (itemClass == null) {
            return new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "A newsItem needs itemMeta/itemClass.");
        }
        String nature = Values.code(attr(itemClass, "qcode") != null ? attr(itemClass, "qcode")
                : attr(itemClass, "uri"));
        if (!"text".equals(nature)) {
            return new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT, "Item class " + nature + " is not a text story.");
        }
        if (PlainText.clean(attr(item, "guid")) == null) {
            return new ParseError(ref, ParseError.Codes.MISSING_GUID, "A newsItem needs a guid.");
        }
        if (headline(path(item, "contentMeta"), body(item)) == null) {
            return new ParseError(ref, ParseError.Codes.MISSING_HEADLINE, "The item has no headline.");
        }
        Element contentSet = child(item, "contentSet");
        if (contentSet != null && !SecureXml.elements(contentSet).isEmpty() && body(item) == null) {
            return new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT, "No rendition is XHTML, NITF or plain text.");
        }
        long version = Values.version(attr(item, "version"), 1);
        if (version < 0) {
            return new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "The version is not a positive whole number.");
        }
        Element pubStatus = path(item, "itemMeta", "pubStatus");
        if (pubStatus != null && pubStatus(pubStatus) == null) {
            return new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "Unknown pubStatus.");
        }
        return null;
    }

    private static WireItem textItem(Element item, String guid) {
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        Body body = body(item);
        Element nitfHead = body != null ? body.nitfHead : null;

        String language = null;
        Element languageTag = child(contentMeta, "language");
        if (languageTag != null) {
            language = Values.language(attr(languageTag, "tag"));
        }
        if (language == null) {
            language = Values.language(SecureXml.xmlLang(item));
        }

        Element pubStatus = child(itemMeta, "pubStatus");
        Instant versionCreated = Values.instant(text(child(itemMeta, "versionCreated")));
        Instant firstCreated = Values.instant(text(child(itemMeta, "firstCreated")));
        String created = text(child(contentMeta, "contentCreated"));

        String place = placeOf(contentMeta, nitfHead);
        LocalDate day = created != null ? Values.day(created)
                : Values.day(text(child(itemMeta, "firstCreated")));

        List<String> bylines = new ArrayList<>();
        for (Element creator : children(contentMeta, "creator")) {
            String name = text(child(creator, "name"));
            if (name != null) {
                bylines.add(name);
            }
        }
        if (bylines.isEmpty() && nitfHead != null) {
            for (Element byline : children(nitfHead, "byline")) {
                String name = byline(byline);
                if (name != null) {
                    bylines.add(name);
                }
            }
        }

        return new WireItem(guid, Values.version(attr(item, "version"), 1),
                pubStatus == null ? PubStatus.USABLE : pubStatus(pubStatus), ItemKind.TEXT, language,
                headline(contentMeta, body), text(child(contentMeta, "slugline")), lead(contentMeta, nitfHead),
                body == null ? List.of() : body.text.paragraphs(), place, day, credit(item, itemMeta, contentMeta),
                subjects(contentMeta), bylines, firstCreated != null ? firstCreated : versionCreated,
                versionCreated != null ? versionCreated : firstCreated, null, FORMAT,
                body == null ? List.of() : body.text.markup());
    }

    private static PubStatus pubStatus(Element pubStatus) {
        String code = attr(pubStatus, "qcode") != null ? attr(pubStatus, "qcode") : attr(pubStatus, "uri");
        return Values.pubStatus(Values.code(code));
    }

    private static String headline(Element contentMeta, Body body) {
        List<Element> headlines = children(contentMeta, "headline");
        for (Element headline : headlines) {
            String role = Values.code(attr(headline, "role"));
            if (role == null || role.equals("main")) {
                String text = text(headline);
                if (text != null) {
                    return text;
                }
            }
        }
        for (Element headline : headlines) {
            String text = text(headline);
            if (text != null) {
                return text;
            }
        }
        return body == null || body.nitfHead == null ? null : text(path(body.nitfHead, "hedline", "hl1"));
    }

    private static String lead(Element contentMeta, Element nitfHead) {
        List<Element> descriptions = children(contentMeta, "description");
        for (Element description : descriptions) {
            String role = Values.code(attr(description, "role"));
            if (role == null || Set.of("summary", "abstract", "lead").contains(role)) {
                String text = text(description);
                if (text != null) {
                    return text;
                }
            }
        }
        if (!descriptions.isEmpty()) {
            return text(descriptions.get(0));
        }
        Element nitfAbstract = nitfHead == null ? null : child(nitfHead, "abstract");
        return nitfAbstract == null ? null : PlainText.clean(String.join(" ", PlainText.fromDom(nitfAbstract)));
    }

    /** {@code located} names the place; failing that the dateline's text before its first comma, then located's code. */
    private static String placeOf(Element contentMeta, Element nitfHead) {
        Element located = child(contentMeta, "located");
        String place = located == null ? null : text(child(located, "name"));
        if (place != null) {
            return place;
        }
        String dateline = text(child(contentMeta, "dateline"));
        if (dateline == null && nitfHead != null) {
            Element nitfDateline = child(nitfHead, "dateline");
            String location = text(child(nitfDateline, "location"));
            dateline = location != null ? location : text(nitfDateline);
        }
        if (dateline == null) {
            // a located concept given by code only ("city:Philadelphia"): its code is the best name there is
            String qcode = attr(located, "qcode");
            return qcode == null ? null : PlainText.clean(qcode.substring(qcode.indexOf(':') + 1));
        }
        int comma = dateline.indexOf(',');
        return PlainText.clean(comma > 0 ? dateline.substring(0, comma) : dateline);
    }

    /** NITF bylines say "By Meredith Jameson, Staff Reporter": the name without the "By" and the title. */
    private static String byline(Element byline) {
        StringBuilder own = new StringBuilder();
        for (org.w3c.dom.Node n = byline.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                own.append(n.getNodeValue());
            } else if (n instanceof Element e && localName(e).equals("person")) {
                own.append(SecureXml.textContent(e));
            }
        }
        String name = PlainText.clean(own.toString());
        if (name == null) {
            return null;
        }
        name = name.replaceFirst("(?i)^by\\s+", "").replaceFirst("[,\\s]+$", "");
        return name.isEmpty() ? null : name;
    }

    private static String credit(Element item, Element itemMeta, Element contentMeta) {
        String creditline = text(child(contentMeta, "creditline"));
        if (creditline != null) {
            return creditline;
        }
        Element provider = child(itemMeta, "provider");
        String name = text(child(provider, "name"));
        if (name != null) {
            return name;
        }
        String holder = text(path(item, "rightsInfo", "copyrightHolder", "name"));
        if (holder != null) {
            return holder;
        }
        if (attr(provider, "qcode") != null) {
            String qcode = attr(provider, "qcode");
            return qcode.substring(qcode.indexOf(':') + 1);
        }
        return attr(provider, "uri");
    }

    /** Names where given (the first, or the one in the item's language), else the qcode, URI or literal. */
    private static List<String> subjects(Element contentMeta) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Element subject : children(contentMeta, "subject")) {
            Element concept = child(subject, "mainConcept");
            String value = conceptLabel(concept != null ? concept : subject);
            if (value != null) {
                subjects.add(value);
            }
        }
        return new ArrayList<>(subjects);
    }

    private static String conceptLabel(Element concept) {
        String name = text(child(concept, "name"));
        if (name != null) {
            return name;
        }
        for (String attribute : List.of("qcode", "uri", "literal")) {
            if (attr(concept, attribute) != null) {
                return attr(concept, attribute);
            }
        }
        return null;
    }

    /** The body: XHTML preferred, then NITF, then plain text; null when no rendition is one of those. */
    private static Body body(Element item) {
        Element contentSet = child(item, "contentSet");
        if (contentSet == null) {
            return null;
        }
        Body nitf = null;
        Body plain = null;
        for (Element rendition : SecureXml.elements(contentSet)) {
            String type = attr(rendition, "contenttype");
            type = type == null ? null : type.toLowerCase(Locale.ROOT).split(";")[0].trim();
            switch (localName(rendition)) {
                case "inlineXML" -> {
                    if (type == null || type.equals("application/xhtml+xml") || type.equals("text/html")) {
                        Element html = SecureXml.elements(rendition).stream()
                                .filter(e -> localName(e).equals("html")).findFirst().orElse(null);
                        Element from = html != null && child(html, "body") != null ? child(html, "body") : rendition;
                        return new Body(WireBody.dom(from), null);
                    }
                    if (type.equals("application/nitf+xml")) {
                        Element nitfRoot = child(rendition, "nitf");
                        Element nitfBody = nitfRoot == null ? null : child(nitfRoot, "body");
                        nitf = new Body(nitfBody == null ? WireBody.dom(rendition)
                                : WireBody.dom(nitfBody), nitfBody == null ? null : child(nitfBody, "body.head"));
                    }
                }
                case "inlineData" -> {
                    if (type == null || type.equals("text/plain")) {
                        plain = new Body(WireBody.plain(SecureXml.textContent(rendition)), null);
                    } else if (type.equals("text/html")) {
                        plain = new Body(WireBody.html(SecureXml.textContent(rendition)), null);
                    }
                }
                default -> {
                    // remoteContent and the like: not text we can read here
                }
            }
        }
        return nitf != null ? nitf : plain;
    }

    private record Body(WireBody text, Element nitfHead) {
    }
}
