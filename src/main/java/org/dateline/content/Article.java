package org.dateline.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.editions.Author;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.media.Picture;

/**
 * A published article with everything its page shows; its body is markup, see {@link Body}.
 *
 * @param leadPictureId the lead picture as stored (the newsroom's view), or {@code null}
 * @param pictures      the usable pictures the article shows, by id: its lead picture and its body's figures; a
 *                      deleted or withdrawn one is absent, and its place shows nothing
 */
public record Article(long id, String edition, Section section, String slug, String headline, String lead,
                      Body body, String datelinePlace, LocalDate datelineDate, String credit,
                      List<Tag> tags, List<Author> authors, Instant publishedAt, Instant updatedAt,
                      String translationKey, String correctionNote, Instant correctedAt, Long leadPictureId,
                      Map<Long, Picture> pictures) {

    public Article {
        pictures = pictures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pictures));
    }

    /** The lead picture if it is set and shown. */
    public Optional<Picture> leadPicture() {
        return leadPictureId == null ? Optional.empty() : Optional.ofNullable(pictures.get(leadPictureId));
    }

    /** The usable pictures in the order the page shows them: the lead, then the body's figures, each once. */
    public List<Picture> picturesInOrder() {
        List<Picture> ordered = new ArrayList<>();
        leadPicture().ifPresent(ordered::add);
        for (long id : body.pictureIds()) {
            Picture picture = pictures.get(id);
            if (picture != null && !ordered.contains(picture)) {
                ordered.add(picture);
            }
        }
        return ordered;
    }

    /** The picture that stands for the article where one goes (link previews): its lead, else its first figure. */
    public Optional<Picture> mainPicture() {
        return picturesInOrder().stream().findFirst();
    }

    /** The surrogate keys of the pictures the article's page shows, so a change to one evicts the page. */
    public List<String> pictureKeys() {
        return pictures.keySet().stream().map(Picture::key).toList();
    }

    public String path() {
        return ArticlePaths.path(edition, section.slug(), publishedAt, id, slug);
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(publishedAt);
    }

    public ArticleSummary summary() {
        return new ArticleSummary(id, edition, section.slug(), section.name(), slug, headline, lead, publishedAt,
                updatedAt, leadPicture().orElse(null));
    }
}
