package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dateline.content.ArticleStore;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a story that was never public to another edition: validate the edition → load the story → it must be a
 * draft, in edit or ready, editable by the actor and not locked by someone else, and no story it is linked to as a
 * translation may already stand in that edition → in one transaction it takes the section of the same slug there
 * (else the edition's first), its tags are found or created in that edition, and the move is saved as a revision.
 */
@Service
public class MoveStoryEdition {

    private final Stories stories;
    private final StoryStore store;
    private final ArticleStore articles;
    private final Editions editions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MoveStoryEdition(Stories stories, StoryStore store, ArticleStore articles, Editions editions,
                     TransactionTemplate transaction, Clock clock) {
        this.stories = stories;
        this.store = store;
        this.articles = articles;
        this.editions = editions;
        this.transaction = transaction;
        this.clock = clock;
    }

    public StoryResult move(Actor actor, long id, String edition) {
        if (edition == null || editions.find(edition.strip()).isEmpty()) {
            return new StoryResult.Rejected(List.of(new FieldProblem("edition", "unknown_edition",
                    "Choose one of the editions.")));
        }
        String target = edition.strip();
        Optional<Story> found = stories.find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        if (story.edition().equals(target)) {
            return new StoryResult.Done(id, story.state(), story.revision());
        }
        if (!story.state().isUnpublishedWork()) {
            return new StoryResult.Refused("not_movable",
                    "Only a story that was never published moves to another edition.");
        }
        if (!WorkflowPolicy.canEdit(actor, story.status(), Stories.own(actor, story), true)) {
            return new StoryResult.Refused("not_permitted", "You may not change this story now.");
        }
        Optional<StoryResult> locked = stories.lockedByOther(actor, story);
        if (locked.isPresent()) {
            return locked.get();
        }
        List<Section> sections = editions.sections(target);
        if (sections.isEmpty()) {
            return new StoryResult.Rejected(List.of(new FieldProblem("edition", "no_sections",
                    "The edition has no sections yet.")));
        }
        Section section = editions.section(target, story.section()).orElse(sections.get(0));
        String translationKey = articles.stored(id).map(a -> a.translationKey()).orElse(null);
        if (translationKey != null && articles.articlesWithTranslationKey(translationKey, id).stream()
                .anyMatch(other -> articles.stored(other).filter(a -> a.edition().equals(target)).isPresent())) {
            return new StoryResult.Refused("translation_in_edition",
                    "A story linked to this one as its translation is in that edition: unlink it first.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Integer revision = transaction.execute(status -> {
            List<Tag> tags = StoryValidation.distinct(story.tags()).stream()
                    .map(name -> editions.ensureTag(target, name)).toList();
            if (!articles.changeEdition(id, section, tags)) {
                return null;
            }
            PublishCommand fields = story.fields();
            PublishCommand moved = new PublishCommand(target, section.slug(), fields.headline(), fields.lead(),
                    fields.body(), fields.datelinePlace(), fields.datelineDate(), fields.credit(), fields.tags(),
                    fields.authors(), fields.slug(), null);
            return store.appendRevision(id, null, now, actor, story.state(), moved, null).orElseThrow();
        });
        if (revision == null) {
            return new StoryResult.Conflict("state_changed", "The story changed state while you moved it.");
        }
        return new StoryResult.Done(id, story.state(), revision);
    }
}
