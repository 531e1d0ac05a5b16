package org.dateline.site.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dateline.content.Article;
import org.dateline.content.Body;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.shared.Slug;

/**
 * The story editor's fields as the live preview receives them (the names of the editor's form), and the article they
 * would make: the saved story with these fields in place. Builds, never stores: a tag or author that does not exist
 * yet is shown by its name, an unknown section or a date that does not parse keeps the saved one; the lead picture
 * and the body's figures are looked up in the library as they stand (a picture not usable shows nothing).
 */
record UnsavedArticle(String section, String headline, String lead, String body, String datelinePlace,
                      String datelineDate, String credit, String tags, String authors, String slug,
                      String leadPicture) {

    Article over(Article saved, Editions editions, PictureQueries pictures) {
        String edition = saved.edition();
        Section chosen = section == null ? saved.section()
                : editions.section(edition, section.strip()).orElse(saved.section());
        String title = strip(headline);
        String chosenSlug = slug != null && Slug.isValid(slug.strip()) ? slug.strip()
                : Slug.from(title.isEmpty() ? saved.slug() : title).value();
        List<Tag> tagList = lines(tags).stream().map(name -> {
            String tagSlug = Slug.from(name).value();
            return editions.tag(edition, tagSlug).orElse(new Tag(0, edition, tagSlug, name));
        }).toList();
        List<Author> authorList = lines(authors).stream().map(name -> {
            String authorSlug = Slug.from(name).value();
            return editions.author(authorSlug).orElse(new Author(0, authorSlug, name));
        }).toList();
        Body text = Body.of(body);
        // Absent: the saved one; empty or not an id: none.
        Long leadId = leadPicture == null ? saved.leadPictureId()
                : leadPicture.strip().matches("[1-9][0-9]{0,17}") ? Long.valueOf(leadPicture.strip()) : null;
        Set<Long> ids = new LinkedHashSet<>(text.pictureIds());
        if (leadId != null) {
            ids.add(leadId);
        }
        Map<Long, Picture> shown = new LinkedHashMap<>(pictures.findAll(ids));
        shown.values().removeIf(picture -> !picture.usable());
        return new Article(saved.id(), edition, chosen, chosenSlug, title, strip(lead), text,
                strip(datelinePlace), day(saved.datelineDate()), strip(credit), tagList, authorList,
                saved.publishedAt(), saved.updatedAt(), saved.translationKey(), saved.correctionNote(),
                saved.correctedAt(), leadId, shown);
    }

    private LocalDate day(LocalDate saved) {
        try {
            return datelineDate == null || datelineDate.isBlank() ? saved : LocalDate.parse(datelineDate.strip());
        } catch (DateTimeParseException e) {
            return saved;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
