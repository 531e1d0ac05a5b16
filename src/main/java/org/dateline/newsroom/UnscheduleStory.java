package org.dateline.newsroom;

import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Takes back a schedule or an embargo; the story is ready again: find → the policy allows it → the lock is free or
 * the actor's → the editor's fields, if sent, are saved first → in one transaction the state moves, if the story is
 * still scheduled. Nothing was public, so nothing is logged.
 */
@Service
public class UnscheduleStory {

    private final StoryChecks checks;
    private final ArticleStore articles;
    private final SaveStory saveStory;
    private final StoryTransaction transaction;

    UnscheduleStory(StoryChecks checks, ArticleStore articles, SaveStory saveStory,
                    StoryTransaction transaction) {
        this.checks = checks;
        this.articles = articles;
        this.saveStory = saveStory;
        this.transaction = transaction;
    }

    public StoryResult unschedule(Actor actor, long id) {
        return unschedule(actor, id, null);
    }

    /** Saves the editor's fields (when they changed) and takes back the schedule, in one transaction. */
    public StoryResult unschedule(Actor actor, long id, StoryEdit edit) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.UNSCHEDULE);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> saveStory.savedThen(actor, story, edit, current ->
                articles.move(id, ArticleState.SCHEDULED, ArticleState.READY)
                        ? new StoryResult.Done(id, ArticleState.READY, current.revision())
                        : StoryResult.refused(StoryRefusal.STATE_CHANGED)));
    }
}
