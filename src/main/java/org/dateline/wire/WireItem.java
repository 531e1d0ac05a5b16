package org.dateline.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One text story as a provider sent it, in the shape of Dateline's articles, with the pictures it names.
 *
 * @param guid           the provider's stable id (NewsML-G2 {@code guid}, ninjs {@code uri}, RSS {@code guid},
 *                       Atom {@code id}; the link when a feed item has neither)
 * @param version        the provider's version number; {@code 1} for RSS and Atom, which have none: their
 *                       {@code versionCreated} (the updated time) orders versions of one guid instead. A
 *                       {@code long} because ninjs versions may be large (Dateline's own ninjs uses epoch millis)
 * @param language       the primary BCP 47 subtag in lower case ({@code en}, {@code ru}), or {@code null} when the
 *                       source does not say
 * @param lead           the description/abstract as plain text, or {@code null}
 * @param paragraphs     the body as plain-text paragraphs: markup stripped, whitespace collapsed, headings and list
 *                       items their own paragraphs; empty when the item has no body
 * @param datelinePlace  where the story was filed, or {@code null}
 * @param datelineDate   the day the dateline names (the content creation day in the provider's offset), or
 *                       {@code null}
 * @param credit         the provider or credit line, or {@code null}
 * @param subjects       subject names, or their codes where no name is given
 * @param bylines        the creators' names
 * @param link           the story's web address when the format carries one
 * @param format         {@code newsml-g2}, {@code ninjs}, {@code rss} or {@code atom}
 * @param body           the body as markup blocks ({@code content.Body}): headings, quotes, lists, links, bold and
 *                       italic of the source kept, its text escaped; the same words as {@code paragraphs}
 * @param pictures       the story's pictures, its lead picture (if any) first with role {@code lead}: a NewsML-G2
 *                       package's pictures, ninjs associations, a feed entry's images; empty when it names none
 */
public record WireItem(String guid, long version, PubStatus pubStatus, ItemKind kind, String language,
                       String headline, String slugline, String lead, List<String> paragraphs,
                       String datelinePlace, LocalDate datelineDate, String credit, List<String> subjects,
                       List<String> bylines, Instant firstCreated, Instant versionCreated, String link,
                       String format, List<String> body, List<PictureRef> pictures) {

    public WireItem {
        paragraphs = List.copyOf(paragraphs);
        subjects = List.copyOf(subjects);
        bylines = List.copyOf(bylines);
        body = List.copyOf(body);
        pictures = List.copyOf(pictures);
    }

    /** This item with other pictures (a package read after the item links it to its pictures). */
    WireItem withPictures(List<PictureRef> pictures) {
        return new WireItem(guid, version, pubStatus, kind, language, headline, slugline, lead, paragraphs,
                datelinePlace, datelineDate, credit, subjects, bylines, firstCreated, versionCreated, link, format,
                body, pictures);
    }
}
