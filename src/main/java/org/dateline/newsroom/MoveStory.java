package org.dateline.newsroom;

import java.util.EnumSet;
import java.util.Set;

import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Moves a story along the desk before publication: submit to the editors, mark ready, send back to draft. Find → the
 * policy allows the step → the lock is free or the actor's → the editor's fields, if sent, are saved first → in one
 * transaction the state moves, if it is still where it was read.
 */
@Service
public class MoveStory {

    private static final Set<WorkflowAction> STEPS = EnumSet.of(WorkflowAction.SUBMIT, WorkflowAction.MARK_READY,
            WorkflowAction.RETURN_TO_DRAFT);

    private final StoryChecks checks;
    private final ArticleStore articles;
    private final SaveStory saveStory;
    private final StoryTransaction transaction;

    MoveStory(StoryChecks checks, ArticleStore articles, SaveStory saveStory, StoryTransaction transaction) {
        this.checks = checks;
        this.articles = articles;
        this.saveStory = saveStory;
        this.transaction = transaction;
    }

    public StoryResult submit(Actor actor, long id) {
        return move(actor, id, WorkflowAction.SUBMIT, null);
    }

    public StoryResult markReady(Actor actor, long id) {
        return move(actor, id, WorkflowAction.MARK_READY, null);
    }

    public StoryResult returnToDraft(Actor actor, long id) {
        return move(actor, id, WorkflowAction.RETURN_TO_DRAFT, null);
    }

    /** Saves the editor's fields (when they changed) and takes the step, in one transaction. */
    public StoryResult move(Actor actor, long id, WorkflowAction step, StoryEdit edit) {
        if (!STEPS.contains(step)) {
            throw new IllegalArgumentException("Not a step along the desk: " + step);
        }
        StoryChecks.Checked checked = checks.step(actor, id, step);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        ArticleState to = ((WorkflowPolicy.Allowed) WorkflowPolicy.decide(actor, story, step)).to().articleState();
        return transaction.run(() -> saveStory.savedThen(actor, story, edit, current ->
                articles.move(id, story.state(), to) ? new StoryResult.Done(id, to, current.revision())
                        : StoryResult.refused(StoryRefusal.STATE_CHANGED)));
    }
}
