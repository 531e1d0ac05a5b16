package org.dateline.newsroom;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Changes a published story; readers see a new "updated" stamp: find → the policy allows updating it (it is live)
 * → the lock is free or the actor's → the change ({@link LiveEdits}: validated, stored, logged and announced in one
 * transaction).
 */
@Service
public class UpdateStory {

    private final StoryChecks checks;
    private final LiveEdits liveEdits;

    UpdateStory(StoryChecks checks, LiveEdits liveEdits) {
        this.checks = checks;
        this.liveEdits = liveEdits;
    }

    /** @param expectedRevision the revision the fields build on; null to build on whatever is newest */
    public StoryResult update(Actor actor, long id, PublishCommand fields, Integer expectedRevision) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.UPDATE);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return liveEdits.change(actor, story, fields, null, expectedRevision);
    }
}
