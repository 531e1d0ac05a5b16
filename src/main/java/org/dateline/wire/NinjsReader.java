package org.dateline.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IPTC ninjs 1.x, 2.x and 3.x: text (and {@code composite} with a body) as stories, with the pictures and graphics
 * of their {@code associations}; {@code picture} and {@code graphic} items as pictures. Renditions are an object by
 * name (1.x) or an array of objects with a {@code name} (2.x, 3.x); both are read whatever the version says. The versions name the same things differently ({@code headline} then
 * {@code headlines}, {@code body_html} then {@code bodies}, {@code versioncreated} then {@code versionCreated}), so
 * property names are matched without regard to case and both generations are read. A document may hold one item,
 * an array of items, or an object with an {@code items} array (Dateline's own list API).
 * <p>
 * JSON is UTF-8 (or UTF-16/32 with its byte order mark): bytes that are not are refused ({@code invalid_encoding})
 * before parsing. An item nested deeper than {@link Nesting#MAX_DEPTH} is refused alone ({@code too_deep}); the
 * parser itself reads down to {@link Nesting#MAX_JSON_DEPTH} levels, and a document deeper than that is refused
 * whole.
 */
final class NinjsReader {

    static final String FORMAT = "ninjs";
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Nesting.MAX_JSON_DEPTH).build())
            .build()).build();
    private static final Set<String> LEAD_ROLES = Set.of("summary", "lead", "abstract", "text", "main");
    private static final Set<String> CAPTION_ROLES = Set.of("caption", "text", "summary", "main");
    private static final Set<String> PICTURE_TYPES = Set.of("picture", "graphic");
    /** Association names that say which picture leads the story. */
    private static final Set<String> LEAD_ASSOCIATIONS = Set.of("featureimage", "featuremedia");

    private NinjsReader() {
    }

    static ParseResult read(byte[] body, String source) {
        if (!wide(body)) {
            long invalid = Decoding.firstInvalidByte(body, StandardCharsets.UTF_8);
            if (invalid >= 0) {
                return ParseResult.failed(source, ParseError.Codes.INVALID_ENCODING,
                        Decoding.notValid(StandardCharsets.UTF_8, invalid));
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            // The parser's own limits name its internals; the document is told in our words.
            return e.getMessage().contains("nesting depth") ? new ParseResult(List.of(), List.of(Nesting.error(source)))
                    : ParseResult.failed(source, ParseError.Codes.TOO_LARGE,
                    "A number, name or string in the document is longer than Dateline reads.");
        } catch (JacksonException e) {
            return ParseResult.failed(source, ParseError.Codes.MALFORMED_JSON, malformed(e));
        }
        List<JsonNode> documents = new ArrayList<>();
        if (root != null && root.isArray()) {
            documents.addAll(root.values());
        } else if (root != null && root.isObject() && root.get("items") != null && root.get("items").isArray()
                && root.get("uri") == null) {
            documents.addAll(root.get("items").values());
        } else if (root != null && root.isObject()) {
            documents.add(root);
        } else {
            return ParseResult.failed(source, ParseError.Codes.SCHEMA_INVALID, "A ninjs document is a JSON object.");
        }
        URI base = Renditions.base(source);
        List<WireItem> items = new ArrayList<>();
        List<WirePicture> pictures = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        int position = 0;
        for (JsonNode document : documents) {
            position++;
            String ref = source + "#" + position;
            if (!document.isObject()) {
                errors.add(new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "A ninjs item is a JSON object."));
                continue;
            }
            Fields item = new Fields(document);
            String guid = item.string("uri");
            if (guid != null) {
                ref = guid;
            }
            if (Nesting.tooDeep(document)) {
                errors.add(Nesting.error(ref));
                continue;
            }
            try {
                read(item, ref, base, items, pictures, errors);
            } catch (Nesting.TooDeep tooDeep) { // markup in a body or headline string
                errors.add(Nesting.error(ref));
            } catch (RuntimeException unexpected) {
                errors.add(WireFormats.unreadable(ref, unexpected));
            }
        }
        return new ParseResult(items, pictures, errors);
    }

    private static void read(Fields item, String ref, URI base, List<WireItem> items, List<WirePicture> pictures,
                             List<ParseError> errors) {
        String type = item.string("type");
        type = type == null ? (item.has("eventdetails") ? "event" : "text") : type.toLowerCase(Locale.ROOT);
        WireBody body = body(item);
        List<String> paragraphs = body.paragraphs();
        boolean storyWithMedia = type.equals("composite") && !paragraphs.isEmpty();
        boolean picture = PICTURE_TYPES.contains(type);
        if (!type.equals("text") && !storyWithMedia && !picture) {
            errors.add(new ParseError(ref, ParseError.Codes.UNSUPPORTED_CONTENT,
                    "A ninjs " + type + " item is neither a text story nor a picture."));
            return;
        }
        String guid = item.string("uri");
        if (guid == null) {
            errors.add(new ParseError(ref, ParseError.Codes.MISSING_GUID, "A ninjs item needs a uri."));
            return;
        }
        String headline = headline(item);
        if (headline == null && !picture) {
            errors.add(new ParseError(ref, ParseError.Codes.MISSING_HEADLINE, "The item has no headline."));
            return;
        }
        long version = Values.version(item.string("version"), 1);
        if (version < 0 && picture && "0".equals(PlainText.clean(item.string("version")))) {
            version = 0; // AP numbers a picture's first version 0
        }
        if (version < 0) {
            errors.add(new ParseError(ref, ParseError.Codes.SCHEMA_INVALID,
                    "The version is not a positive whole number."));
            return;
        }
        String status = item.string("pubstatus");
        PubStatus pubStatus = status == null ? PubStatus.USABLE : Values.pubStatus(status);
        if (pubStatus == null) {
            errors.add(new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "Unknown pubstatus '" + status + "'."));
            return;
        }
        if (picture) {
            pictures.add(picture(item, guid, version, pubStatus, base));
            return;
        }
        Instant versionCreated = Values.instant(item.string("versioncreated"));
        Instant firstCreated = Values.instant(item.string("firstcreated"));
        if (firstCreated == null) {
            firstCreated = Values.instant(item.string("contentcreated"));
        }
        String by = PlainText.clean(item.string("by") != null ? item.string("by") : item.string("byline"));
        List<String> bylines = by == null ? List.of() : List.of(by.replaceFirst("(?i)^by\\s+", ""));
        items.add(new WireItem(guid, version, pubStatus, type.equals("text") ? ItemKind.TEXT : ItemKind.COMPOSITE,
                Values.language(item.string("language")), headline, PlainText.clean(item.string("slugline")),
                lead(item), paragraphs, nameOf(item.get("located")), null, credit(item, by), subjects(item), bylines,
                firstCreated != null ? firstCreated : versionCreated,
                versionCreated != null ? versionCreated : firstCreated,
                guid.startsWith("http://") || guid.startsWith("https://") ? guid : null, FORMAT, body.markup(),
                associations(item, base)));
    }

    /** The copyright holder, else the first source, else the byline. */
    private static String credit(Fields item, String by) {
        String credit = nameOf(item.get("copyrightholder"));
        if (credit == null) {
            JsonNode sources = item.get("infosources");
            if (sources != null && sources.isArray() && !sources.isEmpty()) {
                credit = nameOf(sources.get(0));
            }
        }
        return credit != null ? credit : by;
    }

    private static WirePicture picture(Fields item, String guid, long version, PubStatus pubStatus, URI base) {
        String by = PlainText.clean(item.string("by") != null ? item.string("by") : item.string("byline"));
        String notice = PlainText.clean(item.string("copyrightnotice"));
        Instant created = Values.instant(item.string("contentcreated"));
        return new WirePicture(guid, version, pubStatus, headline(item),
                description(item, CAPTION_ROLES, true), altText(item), credit(item, by), by,
                notice != null ? notice : nameOf(item.get("copyrightholder")),
                created != null ? created : Values.instant(item.string("firstcreated")),
                Values.instant(item.string("versioncreated")), renditions(item.get("renditions"), base), FORMAT);
    }

    /** ninjs 1.x: an object of renditions by name; 2.x and 3.x: an array of renditions that carry their name. */
    private static List<WireRendition> renditions(JsonNode renditions, URI base) {
        List<WireRendition> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> named : named(renditions)) {
            Fields rendition = new Fields(named.getValue());
            String type = rendition.string("contenttype") != null ? rendition.string("contenttype")
                    : rendition.string("mimetype");
            found.add(new WireRendition(Renditions.href(rendition.string("href"), base), Renditions.contentType(type),
                    Renditions.side(rendition.string("width")), Renditions.side(rendition.string("height")),
                    PlainText.clean(named.getKey())));
        }
        return Renditions.kept(found);
    }

    /**
     * The pictures and graphics among a story's associations, described inline. The one named featureimage or
     * featuremedia leads, else the first; the others keep their association's name as their role.
     */
    private static List<PictureRef> associations(Fields item, URI base) {
        List<Map.Entry<String, WirePicture>> pictures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> named : named(item.get("associations"))) {
            Fields association = new Fields(named.getValue());
            String type = association.string("type");
            if (type == null || !PICTURE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<WireRendition> renditions = renditions(association.get("renditions"), base);
            String guid = PlainText.clean(association.string("uri"));
            guid = guid != null ? guid : renditions.isEmpty() ? null : renditions.get(0).href();
            if (guid != null && pictures.size() < Renditions.MAX_PICTURES) {
                String status = association.string("pubstatus");
                PubStatus pubStatus = status == null ? null : Values.pubStatus(status);
                pictures.add(Map.entry(named.getKey() == null ? "" : named.getKey(), picture(association, guid,
                        Math.max(1, Values.version(association.string("version"), 1)),
                        pubStatus == null ? PubStatus.USABLE : pubStatus, base)));
            }
        }
        int lead = 0;
        for (int i = 0; i < pictures.size(); i++) {
            if (LEAD_ASSOCIATIONS.contains(pictures.get(i).getKey().toLowerCase(Locale.ROOT))) {
                lead = i;
                break;
            }
        }
        List<PictureRef> refs = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            String name = pictures.get(i).getKey();
            WirePicture picture = pictures.get(i).getValue();
            PictureRef ref = new PictureRef(picture.guid(), picture, i == lead ? PictureRef.LEAD
                    : name.isEmpty() || name.equalsIgnoreCase(PictureRef.LEAD) ? PictureRef.BODY : name);
            refs.add(i == lead ? 0 : refs.size(), ref);
        }
        return refs;
    }

    /** An object's members by name, or an array's objects by their {@code name} (null when they have none). */
    private static List<Map.Entry<String, JsonNode>> named(JsonNode node) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getValue().isObject()) {
                    found.add(new AbstractMap.SimpleImmutableEntry<>(member.getKey(), member.getValue()));
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node.values()) {
                if (element.isObject()) {
                    found.add(new AbstractMap.SimpleImmutableEntry<>(new Fields(element).string("name"), element));
                }
            }
        }
        return found;
    }

    /** Where and what, without the parser's note on where its start marker was (it names a parser feature). */
    private static String malformed(JacksonException e) {
        String what = String.valueOf(e.getOriginalMessage());
        int startMarker = what.indexOf(" (start marker");
        what = startMarker >= 0 ? what.substring(0, startMarker) : what;
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "Not well-formed JSON" + where + (what.contains("`") ? "." : ": " + what);
    }

    /** UTF-16 or UTF-32, told by a byte order mark or the zero bytes around the first ASCII character: Jackson reads those. */
    private static boolean wide(byte[] body) {
        if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String headline(Fields item) {
        String headline = PlainText.clean(item.string("headline"));
        if (headline != null) {
            return headline;
        }
        JsonNode headlines = item.get("headlines");
        if (headlines == null || !headlines.isArray()) {
            return null;
        }
        String any = null;
        for (JsonNode entry : headlines.values()) {
            Fields fields = new Fields(entry);
            String value = PlainText.htmlToLine(fields.string("value"));
            String role = fields.string("role");
            if (value != null && (role == null || role.equalsIgnoreCase("main"))) {
                return value;
            }
            any = any == null ? value : any;
        }
        return any;
    }

    private static String lead(Fields item) {
        return description(item, LEAD_ROLES, false);
    }

    /**
     * The plain description ({@code description_text}, then {@code description_xhtml}/{@code _html}), else the first
     * of {@code descriptions} with no role or a {@code preferred} one, else the first of any role; alternative text
     * left out when {@code withoutAltText}.
     */
    private static String description(Fields item, Set<String> preferred, boolean withoutAltText) {
        String text = PlainText.clean(item.string("description_text"));
        if (text != null) {
            return text;
        }
        for (String name : List.of("description_xhtml", "description_html")) {
            String html = PlainText.htmlToLine(item.string(name));
            if (html != null) {
                return html;
            }
        }
        String any = null;
        for (JsonNode entry : descriptions(item)) {
            Fields fields = new Fields(entry);
            String role = fields.string("role") == null ? null : fields.string("role").toLowerCase(Locale.ROOT);
            if (withoutAltText && altText(role)) {
                continue;
            }
            String value = markupToLine(fields.string("value"), fields.string("contenttype"));
            if (value != null && (role == null || preferred.contains(role))) {
                return value;
            }
            any = any == null ? value : any;
        }
        return any;
    }

    /** The description whose role is alternative text ({@code alt}, {@code alttext} ...), or null. */
    private static String altText(Fields item) {
        for (JsonNode entry : descriptions(item)) {
            Fields fields = new Fields(entry);
            String value = markupToLine(fields.string("value"), fields.string("contenttype"));
            if (value != null && fields.string("role") != null
                    && altText(fields.string("role").toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        return null;
    }

    private static boolean altText(String role) {
        return role != null && role.startsWith("alt");
    }

    private static Collection<JsonNode> descriptions(Fields item) {
        JsonNode descriptions = item.get("descriptions");
        return descriptions == null || !descriptions.isArray() ? List.of() : descriptions.values();
    }

    private static String markupToLine(String value, String contentType) {
        if (value == null) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("html") ? PlainText.htmlToLine(value) : PlainText.clean(value);
    }

    /** HTML is preferred (it marks paragraphs), then NITF, then plain text. */
    private static WireBody body(Fields item) {
        for (String name : List.of("body_xhtml", "body_html")) {
            if (item.string(name) != null) {
                return WireBody.html(item.string(name));
            }
        }
        if (item.string("body_text") != null) {
            return WireBody.plain(item.string("body_text"));
        }
        JsonNode bodies = item.get("bodies");
        if (bodies == null || !bodies.isArray()) {
            return WireBody.EMPTY;
        }
        WireBody nitf = null;
        WireBody plain = null;
        for (JsonNode entry : bodies.values()) {
            Fields fields = new Fields(entry);
            String value = fields.string("value");
            String type = fields.string("contenttype");
            type = type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
            if (value == null) {
                continue;
            }
            if (type.contains("html")) {
                return WireBody.html(value);
            } else if (type.contains("nitf") && nitf == null) {
                nitf = WireBody.xmlString(value);
            } else if (type.startsWith("text/plain") && plain == null) {
                plain = WireBody.plain(value);
            }
        }
        return nitf != null ? nitf : plain != null ? plain : WireBody.EMPTY;
    }

    private static List<String> subjects(Fields item) {
        Set<String> subjects = new LinkedHashSet<>();
        for (String name : List.of("subject", "subjects")) {
            JsonNode list = item.get(name);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode subject : list.values()) {
                Fields fields = new Fields(subject);
                for (String label : List.of("name", "literal", "code", "qcode", "uri")) {
                    String value = PlainText.clean(fields.string(label));
                    if (value != null) {
                        subjects.add(value);
                        break;
                    }
                }
            }
        }
        return new ArrayList<>(subjects);
    }

    /** A string, or an object's {@code name}. */
    private static String nameOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return PlainText.clean(node.asString());
        }
        return node.isObject() ? PlainText.clean(new Fields(node).string("name")) : null;
    }

    /** An object's properties by lower-case name (ninjs 3 spells {@code versionCreated}, 1 and 2 {@code versioncreated}). */
    private static final class Fields {
        private final Map<String, JsonNode> byName = new HashMap<>();

        Fields(JsonNode node) {
            if (node != null && node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    byName.putIfAbsent(property.getKey().toLowerCase(Locale.ROOT), property.getValue());
                }
            }
        }

        boolean has(String name) {
            return byName.containsKey(name);
        }

        JsonNode get(String name) {
            return byName.get(name);
        }

        String string(String name) {
            JsonNode node = byName.get(name);
            return node != null && (node.isString() || node.isNumber()) ? node.asString() : null;
        }
    }
}
