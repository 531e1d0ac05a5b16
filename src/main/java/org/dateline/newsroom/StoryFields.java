package org.dateline.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.dateline.content.Body;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.shared.Slug;
import org.springframework.stereotype.Component;

/**
 * A story's fields as they are stored: stripped and de-duplicated as a revision keeps them, and as the article row
 * with its tags and authors (found or created in the story's edition). Every use case that writes fields goes
 * through here, so a save, a publication and an update store the same thing for the same input.
 */
@Component
class StoryFields {

    private final Editions editions;

    StoryFields(Editions editions) {
        this.editions = editions;
    }

    /** The fields as a revision records them. */
    static PublishCommand normalized(PublishCommand command, List<String> blocks) {
        return new PublishCommand(command.edition(), command.section(), strip(command.headline()),
                strip(command.lead()), blocks, strip(command.datelinePlace()), command.datelineDate(),
                strip(command.credit()), StoryValidation.distinct(command.tags()),
                StoryValidation.distinct(command.authors()), command.slug(), null, command.leadPicture());
    }

    /** Whether two sets of fields would store the same story (a save of the same text is no new revision). */
    static boolean same(PublishCommand a, PublishCommand b) {
        return normalized(a, StoryValidation.blocks(a.body())).equals(normalized(b, StoryValidation.blocks(b.body())));
    }

    /** The requested fields for an existing story: its edition and its translation link do not change by a save. */
    static PublishCommand forStory(Story story, PublishCommand requested) {
        return new PublishCommand(story.edition(), requested.section(), requested.headline(), requested.lead(),
                requested.body(), requested.datelinePlace(), requested.datelineDate(), requested.credit(),
                requested.tags(), requested.authors(), requested.slug(), null, requested.leadPicture());
    }

    /**
     * The article row for validated fields; must run inside the transaction that stores it (tags and authors new to
     * the edition are created).
     *
     * @param datelineDate the day when the fields name none
     */
    NewArticle article(PublishCommand command, Section section, List<String> blocks, Instant publishedAt,
                       LocalDate datelineDate, String translationKey) {
        List<Tag> tags = StoryValidation.distinct(command.tags()).stream()
                .map(name -> editions.ensureTag(section.edition(), name)).toList();
        List<Author> authors = StoryValidation.distinct(command.authors()).stream().map(editions::ensureAuthor).toList();
        return new NewArticle(section, slug(command), strip(command.headline()), strip(command.lead()),
                Body.ofBlocks(blocks), strip(command.datelinePlace()),
                command.datelineDate() != null ? command.datelineDate() : datelineDate, strip(command.credit()), tags,
                authors, publishedAt, translationKey, command.leadPicture());
    }

    /** The day a dateline names when the fields give none: the day of {@code at}, in UTC. */
    static LocalDate dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String slug(PublishCommand command) {
        return command.slug() != null ? command.slug() : Slug.from(command.headline()).value();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
