package org.dateline.newsroom;

import org.dateline.content.LiveCoverageQueries;
import org.dateline.content.LiveEntry;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * The checks every action on a live story's entries shares, the same at every entrance: find the story → the
 * {@link WorkflowPolicy} lets the actor update it (so it is published, and the actor edits it; {@link StoryChecks}, as
 * for every story action) → it is live coverage
 * → for a correction or deletion, the entry is one of the story's. The edit lock does not apply: several editors post
 * to a live story while one of them edits its summary.
 */
@Component
class LiveCoverageChecks {

    /** The story and entry the action may go on with, or why not. */
    record Checked(Story story, LiveEntry entry, StoryResult refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    private final StoryChecks checks;
    private final LiveCoverageQueries coverage;

    LiveCoverageChecks(StoryChecks checks, LiveCoverageQueries coverage) {
        this.checks = checks;
        this.coverage = coverage;
    }

    Checked story(Actor actor, long storyId) {
        StoryChecks.Checked decided = checks.stepOverLock(actor, storyId, WorkflowAction.UPDATE);
        if (decided.refused()) {
            return refused(decided.refusal());
        }
        if (!coverage.isLiveCoverage(storyId)) {
            return refused(StoryResult.refused(StoryRefusal.NOT_LIVE_COVERAGE));
        }
        return new Checked(decided.story(), null, null);
    }

    Checked entry(Actor actor, long storyId, long entryId) {
        Checked checked = story(actor, storyId);
        if (checked.refused()) {
            return checked;
        }
        return coverage.entry(entryId).filter(entry -> entry.articleId() == storyId)
                .map(entry -> new Checked(checked.story(), entry, null))
                .orElseGet(() -> refused(StoryResult.refused(StoryRefusal.UNKNOWN_ENTRY)));
    }

    private static Checked refused(StoryResult refusal) {
        return new Checked(null, null, refusal);
    }
}
