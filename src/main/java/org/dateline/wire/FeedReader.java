package org.dateline.wire;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom through ROME, from a document {@link SecureXml} has already parsed, so feeds get
 * the same XXE guard as everything else.
 * <p>
 * Feeds carry no version numbers: every entry is version 1 and {@code versionCreated} (Atom {@code updated}, else
 * the publication date) orders versions of one guid. The guid is the RSS {@code guid} or Atom {@code id}, else the
 * link. With {@code content:encoded} or Atom content the description is the lead; without, the description is the
 * body and its first paragraph the lead. An entry's images ({@link FeedMedia}) are its pictures, the first its lead.
 * <p>
 * An entry nested deeper than {@link Nesting#MAX_DEPTH} is taken out of the document before ROME sees it (ROME
 * copies the whole tree recursively) and named {@code too_deep}; the other entries are read.
 */
final class FeedReader {

    private FeedReader() {
    }

    static ParseResult read(Document document, String source) {
        List<ParseError> errors = new ArrayList<>();
        Set<Integer> removed = removeTooDeepEntries(document, source, errors);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            return ParseResult.failed(source, ParseError.Codes.UNKNOWN_FORMAT,
                    "Neither RSS nor Atom: " + e.getMessage());
        }
        String format = feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? "atom" : "rss";
        String language = Values.language(feed.getLanguage());
        String credit = PlainText.htmlToLine(feed.getTitle());
        List<WireItem> items = new ArrayList<>();
        // ROME keeps the entries in document order; their elements give the media ROME reads no module for
        List<Element> elements = entries(document.getDocumentElement());
        boolean aligned = elements.size() == feed.getEntries().size();
        URI base = Renditions.base(source);
        int position = 0;
        int index = -1;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            index++;
            while (removed.contains(position)) {
                position++;
            }
            String guid = PlainText.clean(entry.getUri());
            if (guid == null) {
                guid = PlainText.clean(entry.getLink());
            }
            String ref = guid != null ? guid : source + "#" + position;
            try {
                if (guid == null) {
                    errors.add(new ParseError(ref, ParseError.Codes.MISSING_GUID,
                            "The entry has neither a guid/id nor a link."));
                    continue;
                }
                String headline = title(entry);
                if (headline == null) {
                    errors.add(new ParseError(ref, ParseError.Codes.MISSING_HEADLINE, "The entry has no title."));
                    continue;
                }
                WireItem item = item(entry, guid, headline, language, credit, format);
                items.add(aligned ? item.withPictures(FeedMedia.pictures(elements.get(index), base, format,
                        item.versionCreated())) : item);
            } catch (Nesting.TooDeep tooDeep) { // markup in a description or content string
                errors.add(Nesting.error(ref));
            } catch (RuntimeException unexpected) {
                errors.add(WireFormats.unreadable(ref, unexpected));
            }
        }
        return new ParseResult(items, errors);
    }

    /**
     * Takes every entry nested too deep out of the document, each named by its guid, id or link (else its position)
     * in {@code errors}, and answers their positions. Throws {@link Nesting.TooDeep} when what is left, the channel
     * around the entries, is itself too deep.
     */
    private static Set<Integer> removeTooDeepEntries(Document document, String source, List<ParseError> errors) {
        Element root = document.getDocumentElement();
        List<Element> entries = entries(root);
        Set<Integer> removed = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            if (Nesting.tooDeep(entry)) {
                String ref = firstText(entry, "guid", "id", "link");
                if (ref == null) {
                    ref = PlainText.clean(SecureXml.attr(SecureXml.child(entry, "link"), "href"));
                }
                errors.add(Nesting.error(ref != null ? ref : source + "#" + (i + 1)));
                entry.getParentNode().removeChild(entry);
                removed.add(i + 1);
            }
        }
        // the feed, its channel and the entries' own levels
        if (Nesting.tooDeep(root, Nesting.MAX_DEPTH + 2)) {
            throw new Nesting.TooDeep();
        }
        return removed;
    }

    private static List<Element> entries(Element root) {
        List<Element> entries = new ArrayList<>();
        switch (SecureXml.localName(root)) {
            case "rss" -> SecureXml.children(root, "channel").forEach(c -> entries.addAll(SecureXml.children(c, "item")));
            case "RDF" -> entries.addAll(SecureXml.children(root, "item"));
            default -> entries.addAll(SecureXml.children(root, "entry"));
        }
        return entries;
    }

    private static String firstText(Element entry, String... names) {
        for (String name : names) {
            String text = SecureXml.text(SecureXml.child(entry, name));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static WireItem item(SyndEntry entry, String guid, String headline, String language, String credit,
                                 String format) {
        WireBody description = paragraphs(entry.getDescription());
        WireBody body = WireBody.EMPTY;
        for (SyndContent content : entry.getContents()) {
            body = body.and(paragraphs(content));
        }
        String lead;
        if (body.isEmpty()) {
            body = description;
            lead = description.isEmpty() ? null : description.paragraphs().get(0);
        } else {
            lead = PlainText.clean(String.join(" ", description.paragraphs()));
        }
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        Set<String> bylines = new LinkedHashSet<>();
        for (SyndPerson author : entry.getAuthors()) {
            String name = PlainText.clean(author.getName());
            if (name != null) {
                bylines.add(name);
            }
        }
        if (bylines.isEmpty() && PlainText.clean(entry.getAuthor()) != null) {
            bylines.add(PlainText.clean(entry.getAuthor()));
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = PlainText.clean(category.getName());
            if (name != null) {
                subjects.add(name);
            }
        }
        return new WireItem(guid, 1, PubStatus.USABLE, ItemKind.TEXT, language, headline, null, lead,
                body.paragraphs(), null,
                null, credit, new ArrayList<>(subjects), new ArrayList<>(bylines),
                published != null ? published : updated, updated != null ? updated : published,
                PlainText.clean(entry.getLink()), format, body.markup(), List.of());
    }

    private static String title(SyndEntry entry) {
        SyndContent title = entry.getTitleEx();
        if (title != null && title.getType() != null && title.getType().toLowerCase(Locale.ROOT).contains("html")) {
            return PlainText.htmlToLine(title.getValue());
        }
        return PlainText.clean(entry.getTitle());
    }

    /** RSS descriptions are HTML in practice even where the type says text; text without tags reads the same. */
    private static WireBody paragraphs(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return WireBody.EMPTY;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return WireBody.plain(content.getValue());
        }
        return WireBody.html(content.getValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
