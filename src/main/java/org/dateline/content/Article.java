package org.dateline.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dateline.editions.Author;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;

/** A published article with everything its page shows; its body is markup, see {@link Body}. */
public record Article(long id, String edition, Section section, String slug, String headline, String lead,
                      Body body, String datelinePlace, LocalDate datelineDate, String credit,
                      List<Tag> tags, List<Author> authors, Instant publishedAt, Instant updatedAt,
                      String translationKey, String correctionNote, Instant correctedAt) {

    public String path() {
        return ArticlePaths.path(edition, section.slug(), publishedAt, id, slug);
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(publishedAt);
    }

    public ArticleSummary summary() {
        return new ArticleSummary(id, edition, section.slug(), section.name(), slug, headline, lead, publishedAt,
                updatedAt);
    }
}
