package org.dateline.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dateline.editions.Author;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;

/**
 * What the newsroom hands over to put an article on the site; already validated by the publishing use case.
 *
 * @param leadPictureId the lead picture's id in the library, or {@code null}; the body's figures come with the body
 */
public record NewArticle(Section section, String slug, String headline, String lead, Body body,
                         String datelinePlace, LocalDate datelineDate, String credit, List<Tag> tags,
                         List<Author> authors, Instant publishedAt, String translationKey, Long leadPictureId) {
}
