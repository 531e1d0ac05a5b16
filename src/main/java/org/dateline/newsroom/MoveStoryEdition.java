package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dateline.content.ArticleStore;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Moves a story that was never public to another edition: the edition exists → find → the actor may edit it → the
 * lock is free or the actor's → it was never public, and no story it is linked to as a translation already stands in
 * that edition → in one transaction it takes the section of the same slug there (else the edition's first), its tags
 * are found or created in that edition, and the move is saved as a revision.
 */
@Service
public class MoveStoryEdition {

    private final StoryQueries queries;
    private final StoryStore stories;
    private final ArticleStore articles;
    private final Editions editions;
    private final StoryChecks checks;
    private final StoryTransaction transaction;
    private final Clock clock;

    MoveStoryEdition(StoryQueries queries, StoryStore stories, ArticleStore articles, Editions editions,
                     StoryChecks checks, StoryTransaction transaction, Clock clock) {
        this.queries = queries;
        this.stories = stories;
        this.articles = articles;
        this.editions = editions;
        this.checks = checks;
        this.transaction = transaction;
        this.clock = clock;
    }

    public StoryResult move(Actor actor, long id, String edition) {
        if (edition == null || editions.find(edition.strip()).isEmpty()) {
            return StoryResult.rejected("edition", "unknown_edition", "Choose one of the editions.");
        }
        String target = edition.strip();
        StoryChecks.Checked checked = checks.edit(actor, id);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        if (story.edition().equals(target)) {
            return new StoryResult.Done(id, story.state(), story.revision());
        }
        if (!story.state().isUnpublishedWork()) {
            return StoryResult.refused(StoryRefusal.NOT_MOVABLE);
        }
        List<Section> sections = editions.sections(target);
        if (sections.isEmpty()) {
            return StoryResult.rejected("edition", "no_sections", "The edition has no sections yet.");
        }
        Section section = editions.section(target, story.section()).orElse(sections.get(0));
        if (queries.translations(id).stream().anyMatch(other -> other.edition().equals(target))) {
            return StoryResult.refused(StoryRefusal.TRANSLATION_IN_EDITION);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transaction.run(() -> {
            List<Tag> tags = StoryValidation.distinct(story.tags()).stream()
                    .map(name -> editions.ensureTag(target, name)).toList();
            if (!articles.changeEdition(id, section, tags)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            PublishCommand fields = story.fields();
            PublishCommand moved = new PublishCommand(target, section.slug(), fields.headline(), fields.lead(),
                    fields.body(), fields.datelinePlace(), fields.datelineDate(), fields.credit(), fields.tags(),
                    fields.authors(), fields.slug(), null, fields.leadPicture());
            return stories.appendRevision(id, story.revision(), now, actor, story.state(), moved, null)
                    .<StoryResult>map(revision -> new StoryResult.Done(id, story.state(), revision))
                    .orElseGet(() -> StoryResult.refused(StoryRefusal.STALE_REVISION, story.revision()));
        });
    }
}
