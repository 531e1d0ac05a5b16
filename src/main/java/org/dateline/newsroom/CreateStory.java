package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.editions.Section;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Writes a new draft: the actor must write stories → the fields meet a draft's rules (an edition, a section and a
 * headline; the rest may come later, but what is there already meets a published story's rules) → in one
 * transaction the article row, the story's desk and provenance, and revision 1. A draft is public nowhere, so no
 * change is logged.
 */
@Service
public class CreateStory {

    private final ArticleStore articles;
    private final StoryStore stories;
    private final StoryValidation validation;
    private final StoryFields fields;
    private final StoryTransaction transaction;
    private final Clock clock;

    CreateStory(ArticleStore articles, StoryStore stories, StoryValidation validation, StoryFields fields,
                StoryTransaction transaction, Clock clock) {
        this.articles = articles;
        this.stories = stories;
        this.validation = validation;
        this.fields = fields;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A draft on the newsroom desk, written by the actor. */
    public StoryResult create(Actor actor, PublishCommand command) {
        return create(actor, command, StoryStore.NEWSROOM_DESK, null);
    }

    /** A wire item's first version: a draft on the Incoming desk with its provenance, written by the wire. */
    public StoryResult fromWire(PublishCommand command, Story.Provenance provenance) {
        return create(WorkflowPolicy.wireActor(provenance), command, StoryStore.INCOMING_DESK, provenance);
    }

    private StoryResult create(Actor actor, PublishCommand command, String desk, Story.Provenance provenance) {
        if (!WorkflowPolicy.mayWrite(actor)) {
            return StoryResult.refused(StoryRefusal.NOT_PERMITTED);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> blocks = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validateDraft(command, blocks, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transaction.run(() -> {
            long id = insert(actor, command, section.orElseThrow(), blocks, desk, provenance, ArticleState.DRAFT, now,
                    false);
            return new StoryResult.Done(id, ArticleState.DRAFT, 1);
        });
    }

    /**
     * Stores validated fields as a new story in {@code state} with its first revision, inside the caller's
     * transaction: a draft here, a story published or scheduled at once by {@link PublishStory} and
     * {@link ScheduleStory}.
     *
     * @param at the publication time of a story stored live or scheduled, else the time of writing
     */
    long insert(Actor actor, PublishCommand command, Section section, List<String> blocks, String desk,
                Story.Provenance provenance, ArticleState state, Instant at, boolean embargo) {
        String translationKey = command.translationOf() == null ? null
                : articles.translationKeyOf(command.translationOf()).orElse(null);
        long id = articles.insert(fields.article(command, section, blocks, at, StoryFields.dayOf(at), translationKey),
                state, embargo);
        stories.create(id, desk, actor, at, provenance);
        stories.appendRevision(id, null, at, actor, state, StoryFields.normalized(command, blocks), null);
        return id;
    }
}
