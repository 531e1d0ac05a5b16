package org.dateline.wire;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import static org.dateline.wire.SecureXml.attr;
import static org.dateline.wire.SecureXml.localName;

/**
 * The pictures of one RSS item or Atom entry, read from its own elements (ROME is given no Media RSS module): Media
 * RSS {@code media:content}, {@code media:group} and {@code media:thumbnail}, RSS {@code enclosure} and Atom
 * {@code link rel="enclosure"}. Each is a picture when its {@code medium} is image, else its type is an image type,
 * else (neither said) its address ends in an image extension; other media are left out.
 * <p>
 * A {@code media:group} is one picture, its contents the renditions. Loose contents and enclosures of the same file
 * at other sizes (one host and path, another query, as image services size pictures) are one picture too; a
 * thumbnail beside other pictures is a rendition of the first. Caption, title, credit and copyright come from the
 * nearest {@code media:description}, {@code media:title}, {@code media:credit}, {@code media:copyright}: on the
 * content, its group, then the item.
 */
final class FeedMedia {

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss";

    private FeedMedia() {
    }

    static List<PictureRef> pictures(Element entry, URI base, String format, Instant versionCreated) {
        List<Found> found = new ArrayList<>();
        List<WireRendition> thumbnails = new ArrayList<>();
        for (Element child : SecureXml.elements(entry)) {
            String name = localName(child);
            if (mediaRss(child) && name.equals("content")) {
                loose(found, rendition(child, "url", base), List.of(child, entry));
            } else if (mediaRss(child) && name.equals("group")) {
                group(found, child, entry, base);
            } else if (mediaRss(child) && name.equals("thumbnail")) {
                thumbnails.add(rendition(child, base));
            } else if (!mediaRss(child) && name.equals("enclosure")) {
                loose(found, rendition(child, "url", base), List.of(child, entry));
            } else if (name.equals("link") && "enclosure".equalsIgnoreCase(attr(child, "rel"))) {
                loose(found, rendition(child, "href", base), List.of(child, entry));
            }
        }
        for (WireRendition thumbnail : thumbnails) {
            if (found.isEmpty()) {
                loose(found, thumbnail, List.of(entry));
            } else if (thumbnail != null) {
                found.get(0).renditions.add(thumbnail);
            }
        }
        List<PictureRef> pictures = new ArrayList<>();
        for (Found picture : found) {
            if (pictures.size() == Renditions.MAX_PICTURES) {
                break;
            }
            List<WireRendition> renditions = Renditions.kept(picture.renditions);
            String guid = renditions.get(0).href();
            String title = text(picture.context, "title");
            String description = text(picture.context, "description");
            pictures.add(new PictureRef(guid, new WirePicture(guid, 1, PubStatus.USABLE, title,
                    description != null ? description : title, null, text(picture.context, "credit"), null,
                    text(picture.context, "copyright"), null, versionCreated, renditions, format),
                    pictures.isEmpty() ? PictureRef.LEAD : PictureRef.BODY));
        }
        return pictures;
    }

    /** A picture's candidate files and the elements around them that may describe it, nearest first. */
    private record Found(List<WireRendition> renditions, List<Element> context) {
    }

    private static void loose(List<Found> found, WireRendition rendition, List<Element> context) {
        if (rendition == null) {
            return;
        }
        for (Found picture : found) {
            if (Renditions.samePicture(picture.renditions.get(0).href(), rendition.href())) {
                picture.renditions.add(rendition);
                return;
            }
        }
        List<WireRendition> renditions = new ArrayList<>();
        renditions.add(rendition);
        found.add(new Found(renditions, context));
    }

    private static void group(List<Found> found, Element group, Element entry, URI base) {
        List<WireRendition> renditions = new ArrayList<>();
        Element first = null;
        for (Element child : SecureXml.elements(group)) {
            WireRendition rendition = !mediaRss(child) ? null
                    : localName(child).equals("content") ? rendition(child, "url", base)
                    : localName(child).equals("thumbnail") ? rendition(child, base) : null;
            if (rendition != null) {
                renditions.add(rendition);
                first = first == null ? child : first;
            }
        }
        if (!renditions.isEmpty()) {
            found.add(new Found(renditions, List.of(first, group, entry)));
        }
    }

    /** A content or enclosure that is a picture at a web address, or null. */
    private static WireRendition rendition(Element media, String hrefAttribute, URI base) {
        String href = Renditions.href(attr(media, hrefAttribute), base);
        if (href == null) {
            return null;
        }
        String medium = PlainText.clean(attr(media, "medium"));
        String type = Renditions.contentType(attr(media, "type"));
        boolean image = medium != null ? medium.equalsIgnoreCase("image")
                : type != null ? Renditions.isImage(type) : Renditions.typeByExtension(href) != null;
        return image ? new WireRendition(href, type != null && Renditions.isImage(type) ? type
                : Renditions.typeByExtension(href), Renditions.side(attr(media, "width")),
                Renditions.side(attr(media, "height")), null) : null;
    }

    /** A thumbnail: a picture by definition, its type told by its extension. */
    private static WireRendition rendition(Element thumbnail, URI base) {
        String href = Renditions.href(attr(thumbnail, "url"), base);
        return href == null ? null : new WireRendition(href, Renditions.typeByExtension(href),
                Renditions.side(attr(thumbnail, "width")), Renditions.side(attr(thumbnail, "height")), "thumbnail");
    }

    /** The nearest Media RSS element of that name, as plain text ({@code type="html"} markup stripped). */
    private static String text(List<Element> context, String name) {
        for (Element element : context) {
            for (Element child : SecureXml.elements(element)) {
                if (mediaRss(child) && localName(child).equals(name)) {
                    String value = "html".equalsIgnoreCase(attr(child, "type"))
                            ? PlainText.htmlToLine(SecureXml.textContent(child)) : SecureXml.text(child);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static boolean mediaRss(Element element) {
        String namespace = element.getNamespaceURI();
        return namespace != null && namespace.startsWith(MEDIA_RSS);
    }
}
