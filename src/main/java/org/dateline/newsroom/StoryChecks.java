package org.dateline.newsroom;

import java.util.Optional;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * The first three lines of every use case's checklist, the same at every entrance: find the story → ask
 * {@link WorkflowPolicy} → ask {@link EditLocks} whether someone else holds the lock. The use case goes on with the
 * story, or answers the refusal.
 */
@Component
class StoryChecks {

    /** The story the action may go on with, or why not. */
    record Checked(Story story, StoryResult refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    private final StoryQueries queries;
    private final EditLocks locks;

    StoryChecks(StoryQueries queries, EditLocks locks) {
        this.queries = queries;
        this.locks = locks;
    }

    /** For a step of the workflow (publish, kill, submit…): the policy decides it from where the story stands. */
    Checked step(Actor actor, long id, WorkflowAction action) {
        Checked decided = stepOverLock(actor, id, action);
        return decided.refused() ? decided : unlocked(actor, decided.story());
    }

    /**
     * {@link #step} for what several staff do at once to a story one of them may be editing (posting an entry to
     * live coverage): the policy decides, whoever holds the lock.
     */
    Checked stepOverLock(Actor actor, long id, WorkflowAction action) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return new Checked(null, StoryResult.refused(StoryRefusal.NOT_FOUND));
        }
        Story story = found.get();
        if (WorkflowPolicy.decide(actor, story, action) instanceof WorkflowPolicy.Refused refused) {
            return new Checked(null, StoryResult.refused(refused.reason(),
                    StoryStatus.of(story.state()).name().toLowerCase().replace('_', ' ')));
        }
        return new Checked(story, null);
    }

    /** For a change of the story's text, edition or links: the actor must be allowed to edit it. */
    Checked edit(Actor actor, long id) {
        return queries.find(id).map(story -> edit(actor, story))
                .orElseGet(() -> new Checked(null, StoryResult.refused(StoryRefusal.NOT_FOUND)));
    }

    /** {@link #edit(Actor, long)} for a story already read. */
    Checked edit(Actor actor, Story story) {
        Optional<StoryRefusal> mayNot = WorkflowPolicy.mayEdit(actor, story);
        if (mayNot.isPresent()) {
            return new Checked(null, StoryResult.refused(mayNot.get()));
        }
        return unlocked(actor, story);
    }

    /** {@link #edit(Actor, Story)} for the named rules that act whoever holds the lock (a newer wire version). */
    Checked editOverLock(Actor actor, Story story) {
        return WorkflowPolicy.mayEdit(actor, story).map(reason -> new Checked(null, StoryResult.refused(reason)))
                .orElseGet(() -> new Checked(story, null));
    }

    private Checked unlocked(Actor actor, Story story) {
        return locks.heldByOther(actor, story).map(refusal -> new Checked(null, refusal))
                .orElseGet(() -> new Checked(story, null));
    }
}
