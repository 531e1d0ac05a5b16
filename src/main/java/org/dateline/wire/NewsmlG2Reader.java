package org.dateline.wire;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Element;

import static org.dateline.wire.SecureXml.attr;
import static org.dateline.wire.SecureXml.child;
import static org.dateline.wire.SecureXml.children;
import static org.dateline.wire.SecureXml.localName;
import static org.dateline.wire.SecureXml.path;
import static org.dateline.wire.SecureXml.text;

/**
 * IPTC NewsML-G2 {@code newsItem}, {@code packageItem} and {@code newsMessage}: text items with an XHTML or NITF
 * body in {@code inlineXML}, or plain text in {@code inlineData}; pictures and graphics with their
 * {@code remoteContent} renditions; packages, which give the text items delivered with them their pictures. Every
 * other item class or content type is named as {@code unsupported_content}; each item of a message stands or falls
 * alone.
 */
final class NewsmlG2Reader {

    static final String FORMAT = "newsml-g2";
    static final Set<String> ITEM_ROOTS = Set.of("newsItem", "packageItem", "conceptItem", "knowledgeItem",
            "planningItem", "catalogItem");
    /** Item classes read as pictures ({@code ninat:picture}, {@code ninat:graphic}). */
    static final Set<String> PICTURES = Set.of("picture", "graphic");

    private NewsmlG2Reader() {
    }

    /** A {@code newsMessage}, or a document that is one item. */
    static ParseResult read(Element root, String source) {
        Reading reading = new Reading(Renditions.base(source));
        if (!localName(root).equals("newsMessage")) {
            readItem(root, source, reading);
            return reading.result();
        }
        Element itemSet = child(root, "itemSet");
        if (itemSet == null) {
            reading.errors.add(new ParseError(source, ParseError.Codes.SCHEMA_INVALID,
                    "A newsMessage without an itemSet."));
            return reading.result();
        }
        int position = 0;
        for (Element item : SecureXml.elements(itemSet)) {
            position++;
            readItem(item, source + "#" + position, reading);
        }
        return reading.result();
    }

    private static void readItem(Element item, String positionRef, Reading reading) {
        String guid = PlainText.clean(attr(item, "guid"));
        String ref = guid != null ? guid : positionRef;
        if (Nesting.tooDeep(item)) {
            reading.errors.add(Nesting.error(ref));
            return;
        }
        try {
            if (localName(item).equals("packageItem")) {
                reading.packages.add(new Package(item, ref, reading.errors.size()));
                return;
            }
            ParseError problem = check(item, ref);
            if (problem != null) {
                reading.errors.add(problem);
                return;
            }
            if (PICTURES.contains(nature(item))) {
                reading.pictures.add(picture(item, guid, reading.base));
            } else {
                reading.items.add(textItem(item, guid));
            }
        } catch (Nesting.TooDeep tooDeep) { // markup in a string (inlineData text/html), parsed as it is read
            reading.errors.add(Nesting.error(ref));
        } catch (RuntimeException unexpected) {
            reading.errors.add(WireFormats.unreadable(ref, unexpected));
        }
    }

    /** Why an item cannot become a story or a picture, or null when it can. */
    private static ParseError check(Element item, String ref) {
        String root = localName(item);
        if (!root.equals("newsItem")) {
            return ITEM_ROOTS.contains(root)
                    ? new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT, "A " + root + " is not a text story.")
                    : new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "A " + root + " is not a NewsML-G2 item.");
        }
        if (path(item, "itemMeta", "itemClass") == null) {
            return new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "A newsItem needs itemMeta/itemClass.");
        }
        String nature = nature(item);
        boolean text = "text".equals(nature);
        if (!text && (nature == null || !PICTURES.contains(nature))) {
            return new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT,
                    "Item class " + nature + " is neither a text story nor a picture.");
        }
        if (PlainText.clean(attr(item, "guid")) == null) {
            return new ParseError(ref, ParseError.Codes.MISSING_GUID, "A newsItem needs a guid.");
        }
        if (text && headline(path(item, "contentMeta"), body(item)) == null) {
            return new ParseError(ref, ParseError.Codes.MISSING_HEADLINE, "The item has no headline.");
        }
        Element contentSet = child(item, "contentSet");
        if (text && contentSet != null && !SecureXml.elements(contentSet).isEmpty() && body(item) == null) {
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

    /** The item class's code ({@code text}, {@code picture} ...) of an item or an {@code itemRef}, or null. */
    private static String nature(Element itemOrRef) {
        Element itemClass = child(itemOrRef, "itemClass");
        if (itemClass == null) {
            itemClass = path(itemOrRef, "itemMeta", "itemClass");
        }
        return Values.code(attr(itemClass, "qcode") != null ? attr(itemClass, "qcode") : attr(itemClass, "uri"));
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
                body == null ? List.of() : body.text.markup(), List.of());
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

    private static WirePicture picture(Element item, String guid, URI base) {
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        Element pubStatus = child(itemMeta, "pubStatus");
        Instant versionCreated = Values.instant(text(child(itemMeta, "versionCreated")));
        List<String> creators = new ArrayList<>();
        for (Element creator : children(contentMeta, "creator")) {
            String name = text(child(creator, "name"));
            if (name != null) {
                creators.add(name);
            }
        }
        String copyright = text(path(item, "rightsInfo", "copyrightNotice"));
        return new WirePicture(guid, Values.version(attr(item, "version"), 1),
                pubStatus == null ? PubStatus.USABLE : pubStatus(pubStatus), headline(contentMeta, null),
                caption(contentMeta), altText(contentMeta),
                credit(item, itemMeta, contentMeta), creators.isEmpty() ? null : String.join(", ", creators),
                copyright != null ? copyright : text(path(item, "rightsInfo", "copyrightHolder", "name")),
                Values.instant(text(child(contentMeta, "contentCreated"))),
                versionCreated != null ? versionCreated : Values.instant(text(child(itemMeta, "firstCreated"))),
                renditions(child(item, "contentSet"), base), FORMAT);
    }

    /** The description whose role is caption, else any but alternative text. */
    private static String caption(Element meta) {
        String caption = described(meta, "caption"::equals);
        return caption != null ? caption : described(meta, role -> role == null || !role.startsWith("alt"));
    }

    /** A description whose role is alternative text ({@code drol:alternativeText}, {@code alt} ...). */
    private static String altText(Element meta) {
        return described(meta, role -> role != null && role.startsWith("alt"));
    }

    private static String described(Element meta, Predicate<String> role) {
        for (Element description : children(meta, "description")) {
            if (role.test(Values.code(attr(description, "role")))) {
                String text = text(description);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The {@code remoteContent} renditions of a contentSet (or of an itemRef that carries them). */
    private static List<WireRendition> renditions(Element parent, URI base) {
        List<WireRendition> renditions = new ArrayList<>();
        for (Element remote : children(parent, "remoteContent")) {
            String code = attr(remote, "rendition") != null ? attr(remote, "rendition") : attr(remote, "renditionuri");
            renditions.add(new WireRendition(Renditions.href(attr(remote, "href"), base),
                    Renditions.contentType(attr(remote, "contenttype")), Renditions.side(attr(remote, "width")),
                    Renditions.side(attr(remote, "height")), code == null ? null : PlainText.clean(
                    code.substring(Math.max(code.lastIndexOf(':'), code.lastIndexOf('/')) + 1))));
        }
        return Renditions.kept(renditions);
    }

    /**
     * Gives the text items of the document the pictures its packages pair them with: a text item's pictures are
     * those of its own group and the groups it refers to (the main story's group holds its pictures or a group of
     * them); when that finds none and the package holds one text item, all of the package's pictures. A package
     * that pairs no text item delivered with it yields nothing and is named {@code unsupported_content}.
     */
    private static void link(Reading reading) {
        Map<String, WirePicture> delivered = new HashMap<>();
        reading.pictures.forEach(picture -> delivered.putIfAbsent(picture.guid(), picture));
        Set<String> texts = new HashSet<>();
        reading.items.forEach(item -> texts.add(item.guid()));
        Map<String, List<PictureRef>> pictures = new LinkedHashMap<>();
        List<ParseError> packageErrors = new ArrayList<>();
        for (Package pack : reading.packages) {
            ParseError error = null;
            try {
                if (!link(pack.item, texts, delivered, reading.base, pictures)) {
                    error = new ParseError(pack.ref, ParseError.Codes.UNSUPPORTED_CONTENT,
                            "A packageItem is not a story: its text items must come with it in one newsMessage.");
                }
            } catch (RuntimeException unexpected) {
                error = WireFormats.unreadable(pack.ref, unexpected);
            }
            packageErrors.add(error);
        }
        for (int i = reading.packages.size() - 1; i >= 0; i--) { // from the last, so that earlier positions hold
            if (packageErrors.get(i) != null) {
                reading.errors.add(reading.packages.get(i).errorIndex, packageErrors.get(i));
            }
        }
        reading.items.replaceAll(item -> pictures.containsKey(item.guid())
                ? item.withPictures(pictures.get(item.guid())) : item);
    }

    private static boolean link(Element pack, Set<String> texts, Map<String, WirePicture> delivered, URI base,
                                Map<String, List<PictureRef>> pictures) {
        Map<String, Element> groups = new HashMap<>();
        List<Element> allGroups = children(child(pack, "groupSet"), "group");
        allGroups.forEach(group -> groups.putIfAbsent(attr(group, "id"), group));
        Map<String, Element> textGroups = new LinkedHashMap<>();
        List<Element> allPictures = new ArrayList<>();
        for (Element group : allGroups) {
            for (Element itemRef : children(group, "itemRef")) {
                String residref = PlainText.clean(attr(itemRef, "residref"));
                if (residref != null && texts.contains(residref)) {
                    textGroups.putIfAbsent(residref, group);
                } else if (isPicture(itemRef, delivered)) {
                    allPictures.add(itemRef);
                }
            }
        }
        for (Map.Entry<String, Element> text : textGroups.entrySet()) {
            List<Element> own = picturesUnder(text.getValue(), groups, delivered);
            List<PictureRef> refs = pictures.computeIfAbsent(text.getKey(), guid -> new ArrayList<>());
            for (Element itemRef : own.isEmpty() && textGroups.size() == 1 ? allPictures : own) {
                PictureRef ref = pictureRef(itemRef, delivered, base, refs.isEmpty() ? PictureRef.LEAD : PictureRef.BODY);
                if (ref != null && refs.size() < Renditions.MAX_PICTURES
                        && refs.stream().noneMatch(r -> r.guid().equals(ref.guid()))) {
                    refs.add(ref);
                }
            }
        }
        return !textGroups.isEmpty();
    }

    /** The picture itemRefs of a group and of the groups it refers to, in document order; without recursion. */
    private static List<Element> picturesUnder(Element group, Map<String, Element> groups,
                                               Map<String, WirePicture> delivered) {
        List<Element> found = new ArrayList<>();
        Set<Element> visited = new HashSet<>();
        Deque<Iterator<Element>> open = new ArrayDeque<>();
        visited.add(group);
        open.push(SecureXml.elements(group).iterator());
        while (!open.isEmpty()) {
            if (!open.peek().hasNext()) {
                open.pop();
                continue;
            }
            Element next = open.peek().next();
            if (localName(next).equals("itemRef") && isPicture(next, delivered)) {
                found.add(next);
            } else if (localName(next).equals("groupRef")) {
                Element target = groups.get(attr(next, "idref"));
                if (target != null && visited.add(target)) {
                    open.push(SecureXml.elements(target).iterator());
                }
            }
        }
        return found;
    }

    /** A picture delivered in the document, or one its reference calls a picture or graphic or gives an image type. */
    private static boolean isPicture(Element itemRef, Map<String, WirePicture> delivered) {
        String residref = PlainText.clean(attr(itemRef, "residref"));
        if (residref != null && delivered.containsKey(residref)) {
            return true;
        }
        String nature = nature(itemRef);
        return nature != null ? PICTURES.contains(nature)
                : Renditions.isImage(Renditions.contentType(attr(itemRef, "contenttype")));
    }

    /**
     * The picture by guid when the document delivers it or its reference has no address; else the picture as the
     * reference describes it: its title, description, status and its own address or {@code remoteContent}.
     */
    private static PictureRef pictureRef(Element itemRef, Map<String, WirePicture> delivered, URI base, String role) {
        String type = Renditions.contentType(attr(itemRef, "contenttype"));
        String href = Renditions.href(attr(itemRef, "href"), base);
        String guid = PlainText.clean(attr(itemRef, "residref"));
        guid = guid != null ? guid : href;
        if (guid == null) {
            return null;
        }
        if (delivered.containsKey(guid)) {
            return new PictureRef(guid, null, role);
        }
        List<WireRendition> renditions = new ArrayList<>();
        if (href != null && (Renditions.isImage(type) || type == null && Renditions.typeByExtension(href) != null)) {
            renditions.add(new WireRendition(href, type != null ? type : Renditions.typeByExtension(href),
                    Renditions.side(attr(itemRef, "width")), Renditions.side(attr(itemRef, "height")), null));
        }
        renditions.addAll(renditions(itemRef, base));
        if (renditions.isEmpty()) {
            return new PictureRef(guid, null, role);
        }
        Element pubStatus = child(itemRef, "pubStatus");
        PubStatus status = pubStatus == null ? null : pubStatus(pubStatus);
        String title = text(child(itemRef, "title"));
        return new PictureRef(guid, new WirePicture(guid, Math.max(1, Values.version(attr(itemRef, "version"), 1)),
                status == null ? PubStatus.USABLE : status, title != null ? title : PlainText.clean(attr(itemRef, "title")),
                caption(itemRef), altText(itemRef), null, null,
                null, null, null, Renditions.kept(renditions), FORMAT), role);
    }

    /** What a document's items yielded, and its packages, linked once every item is read. */
    private static final class Reading {
        final URI base;
        final List<WireItem> items = new ArrayList<>();
        final List<WirePicture> pictures = new ArrayList<>();
        final List<ParseError> errors = new ArrayList<>();
        final List<Package> packages = new ArrayList<>();

        Reading(URI base) {
            this.base = base;
        }

        ParseResult result() {
            link(this);
            return new ParseResult(items, pictures, errors);
        }
    }

    /** A packageItem met at {@code errorIndex} of the errors, so that its own error keeps its place. */
    private record Package(Element item, String ref, int errorIndex) {
    }

    private record Body(WireBody text, Element nitfHead) {
    }
}
