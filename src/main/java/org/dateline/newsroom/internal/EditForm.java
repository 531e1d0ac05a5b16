package org.dateline.newsroom.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.Story;

/**
 * The story editor's fields as posted: the body as markup (blocks between blank lines), one tag or author per line;
 * {@code action} names the button pressed, {@code publishAt} is a UTC datetime-local value for schedule and embargo;
 * the take-downs are confirmed with a ticked box each.
 */
public record EditForm(String section, String headline, String lead, String body, String datelinePlace,
                       String datelineDate, String credit, String tags, String authors, String slug, Integer revision,
                       String action, String publishAt, String correction, String confirmKill,
                       String confirmUnpublish) {

    static EditForm of(Story story) {
        return new EditForm(story.section(), story.headline(), story.lead(), String.join("\n\n", story.blocks()),
                story.datelinePlace(), story.datelineDate() == null ? "" : story.datelineDate().toString(),
                story.credit(), String.join("\n", story.tags()), String.join("\n", story.authors()), story.slug(),
                story.revision(), null, "", "", null, null);
    }

    PublishCommand command(String edition) {
        return new PublishCommand(edition, section, headline, lead, body == null ? List.of() : List.of(body),
                datelinePlace, date(), credit, lines(tags), lines(authors),
                slug == null || slug.isBlank() ? null : slug.strip(), null, null);
    }

    /** The dateline day, or null when empty or not a date (then the story keeps or takes today's). */
    LocalDate date() {
        try {
            return datelineDate == null || datelineDate.isBlank() ? null : LocalDate.parse(datelineDate.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
