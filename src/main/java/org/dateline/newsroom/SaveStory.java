package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.editions.Section;
import org.dateline.identity.Actor;
import org.dateline.media.PictureQueries;
import org.springframework.stereotype.Service;

/**
 * Saves a story's fields as its next revision: find → the actor may edit it → the lock is free or the actor's → the
 * revision it builds on is still the newest → the fields meet the rules of where the story stands (a draft's, or a
 * published story's once it was ever public) → in one transaction the fields and the revision. A live story's save
 * is an update on the site ({@link LiveEdits}); a scheduled one stays complete.
 * <p>
 * Rule {@link #applyWireVersion}: a newer version of a wire item replaces its story's fields whoever holds the edit
 * lock (the agency's newer copy wins), and the story's provenance records the version. Its lead picture: the
 * version's when it names one; when it names none, a lead picture the wire gave drops with it (the agency took it
 * back), and one the desk chose stays.
 */
@Service
public class SaveStory {

    private final StoryQueries queries;
    private final ArticleStore articles;
    private final StoryStore stories;
    private final StoryValidation validation;
    private final StoryFields fields;
    private final StoryChecks checks;
    private final LiveEdits liveEdits;
    private final StoryTransaction transaction;
    private final PictureQueries pictures;
    private final Clock clock;

    SaveStory(StoryQueries queries, ArticleStore articles, StoryStore stories, StoryValidation validation,
              StoryFields fields, StoryChecks checks, LiveEdits liveEdits, StoryTransaction transaction,
              PictureQueries pictures, Clock clock) {
        this.queries = queries;
        this.articles = articles;
        this.stories = stories;
        this.validation = validation;
        this.fields = fields;
        this.checks = checks;
        this.liveEdits = liveEdits;
        this.transaction = transaction;
        this.pictures = pictures;
        this.clock = clock;
    }

    /** @param expectedRevision the revision the fields build on; null to build on whatever is newest */
    public StoryResult save(Actor actor, long id, PublishCommand fields, Integer expectedRevision) {
        return queries.find(id).map(story -> save(actor, story, new StoryEdit(fields, expectedRevision), false))
                .orElseGet(() -> StoryResult.refused(StoryRefusal.NOT_FOUND));
    }

    /**
     * Saves the editor's fields when they differ from the story's (the desk's Save button and its autosave): the
     * same text again is no new revision, and the story as it stands is the answer.
     */
    public StoryResult saveChanges(Actor actor, long id, StoryEdit edit) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        Story story = found.get();
        if (StoryFields.same(StoryFields.forStory(story, edit.fields()), story.fields())) {
            return new StoryResult.Done(id, story.state(), story.revision());
        }
        return save(actor, story, edit, false);
    }

    /** A newer version of the wire item the story came from: saved over any lock, its version recorded. */
    public StoryResult applyWireVersion(long id, PublishCommand fields, Story.Provenance provenance) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        Story story = found.get();
        PublishCommand version = fields.leadPicture() != null || story.leadPicture() == null
                || fromTheWire(story.leadPicture()) ? fields : fields.withLeadPicture(story.leadPicture());
        return transaction.run(() -> {
            StoryResult saved = save(WorkflowPolicy.wireActor(provenance), story, new StoryEdit(version, null),
                    true);
            if (saved instanceof StoryResult.Done) {
                stories.wireVersion(id, provenance.version(), provenance.receivedAt());
            }
            return saved;
        });
    }

    private boolean fromTheWire(long pictureId) {
        return pictures.find(pictureId).map(picture -> picture.source().startsWith("wire:")).orElse(true);
    }

    /**
     * A workflow button's save, then its step ({@link PublishStory}, {@link ScheduleStory}, {@link MoveStory},
     * {@link UnscheduleStory}), inside the step's transaction: the edit is saved when its fields differ from the
     * story's, and the step goes on with the story as it is then; a refused save is the answer, and no step is taken.
     */
    StoryResult savedThen(Actor actor, Story story, StoryEdit edit, Function<Story, StoryResult> step) {
        if (edit == null || StoryFields.same(StoryFields.forStory(story, edit.fields()), story.fields())) {
            return step.apply(story);
        }
        StoryResult saved = save(actor, story, edit, false);
        return saved instanceof StoryResult.Done ? step.apply(queries.find(story.id()).orElseThrow()) : saved;
    }

    private StoryResult save(Actor actor, Story story, StoryEdit edit, boolean overLock) {
        StoryChecks.Checked checked = overLock ? checks.editOverLock(actor, story) : checks.edit(actor, story);
        if (checked.refused()) {
            return checked.refusal();
        }
        Integer expected = edit.expectedRevision();
        if (expected != null && expected != story.revision()) {
            return StoryResult.refused(StoryRefusal.STALE_REVISION, story.revision());
        }
        if (story.state() == ArticleState.LIVE) {
            return liveEdits.change(actor, story, edit.fields(), null, expected);
        }
        PublishCommand command = StoryFields.forStory(story, edit.fields());
        List<FieldProblem> problems = new ArrayList<>();
        List<String> blocks = StoryValidation.blocks(command.body());
        Optional<Section> section = story.state().isUnpublishedWork()
                ? validation.validateDraft(command, blocks, problems)
                : validation.validate(command, blocks, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transaction.run(() -> {
            if (!articles.saveOffSite(story.id(), fields.article(command, section.orElseThrow(), blocks, now,
                    StoryFields.dayOf(now), null), now)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            return stories.appendRevision(story.id(), story.revision(), now, actor, story.state(),
                            StoryFields.normalized(command, blocks), null)
                    .<StoryResult>map(revision -> new StoryResult.Done(story.id(), story.state(), revision))
                    .orElseGet(() -> StoryResult.refused(StoryRefusal.STALE_REVISION, story.revision()));
        });
    }
}
