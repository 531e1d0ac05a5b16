package org.dateline.newsroom;

import java.time.Clock;
import java.time.Duration;
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
 * Publishes a story at a time: nothing of it is public before (pages, feeds, sitemaps, newsfeed, APIs), and the
 * scheduler puts it everywhere within a second after ({@link PublishStory#releaseDue}). An embargo is a time the
 * source imposed rather than our choice. The time → find → the policy allows scheduling (or embargoing) it → the lock
 * is free or the actor's → the editor's fields, if sent, are saved first → checked in full → in one transaction the
 * story is stored as scheduled. Nothing public changes, so no change is logged until its release.
 */
@Service
public class ScheduleStory {

    /** How far ahead a story may be scheduled. */
    static final Duration HORIZON = Duration.ofDays(366);

    private final StoryChecks checks;
    private final ArticleStore articles;
    private final StoryValidation validation;
    private final SaveStory saveStory;
    private final CreateStory createStory;
    private final StoryTransaction transaction;
    private final Clock clock;

    ScheduleStory(StoryChecks checks, ArticleStore articles, StoryValidation validation, SaveStory saveStory,
                  CreateStory createStory, StoryTransaction transaction, Clock clock) {
        this.checks = checks;
        this.articles = articles;
        this.validation = validation;
        this.saveStory = saveStory;
        this.createStory = createStory;
        this.transaction = transaction;
        this.clock = clock;
    }

    public StoryResult schedule(Actor actor, long id, Instant at, boolean embargo) {
        return schedule(actor, id, at, embargo, null);
    }

    /** Saves the editor's fields (when they changed) and schedules, in one transaction. */
    public StoryResult schedule(Actor actor, long id, Instant at, boolean embargo, StoryEdit edit) {
        Optional<StoryResult> badTime = checkTime(at);
        if (badTime.isPresent()) {
            return badTime.get();
        }
        StoryChecks.Checked checked = checks.step(actor, id, embargo ? WorkflowAction.EMBARGO
                : WorkflowAction.SCHEDULE);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> saveStory.savedThen(actor, story, edit, current -> {
            List<FieldProblem> problems = validation.unpublishable(current.fields());
            if (!problems.isEmpty()) {
                return new StoryResult.Rejected(problems);
            }
            if (!articles.publishWork(id, at.truncatedTo(ChronoUnit.MILLIS), true, embargo)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            return new StoryResult.Done(id, ArticleState.SCHEDULED, current.revision());
        }));
    }

    /** Stores a new story, scheduled (or embargoed) for {@code at}. */
    public StoryResult scheduleNew(Actor actor, PublishCommand command, Instant at, boolean embargo) {
        Optional<StoryResult> badTime = checkTime(at);
        if (badTime.isPresent()) {
            return badTime.get();
        }
        if (!(WorkflowPolicy.decide(actor, StoryStatus.READY, embargo ? WorkflowAction.EMBARGO
                : WorkflowAction.SCHEDULE, true, true) instanceof WorkflowPolicy.Allowed)) {
            return StoryResult.refused(StoryRefusal.NOT_PERMITTED);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> blocks = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validate(command, blocks, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        return transaction.run(() -> new StoryResult.Done(createStory.insert(actor, command, section.orElseThrow(),
                blocks, StoryStore.NEWSROOM_DESK, null, ArticleState.SCHEDULED, at.truncatedTo(ChronoUnit.MILLIS),
                embargo), ArticleState.SCHEDULED, 1));
    }

    /** A publication time is in the future, within {@link #HORIZON}. */
    private Optional<StoryResult> checkTime(Instant at) {
        Instant now = clock.instant();
        if (at == null || !at.isAfter(now) || at.isAfter(now.plus(HORIZON))) {
            return Optional.of(StoryResult.rejected("publishAt", "invalid_time",
                    "The publication time must be in the future, within a year."));
        }
        return Optional.empty();
    }
}
