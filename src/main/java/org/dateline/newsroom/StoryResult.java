package org.dateline.newsroom;

import java.util.List;

import org.dateline.content.ArticleState;

/** The outcome of a newsroom action on a story. */
public sealed interface StoryResult {

    /** Done: the story's state and revision now. */
    record Done(long storyId, ArticleState state, int revision) implements StoryResult {
    }

    /** The fields were refused; nothing was stored. */
    record Rejected(List<FieldProblem> problems) implements StoryResult {
    }

    record NotFound(long storyId) implements StoryResult {
    }

    /** The workflow or the actor's role does not allow it (codes of {@link WorkflowPolicy}). */
    record Refused(String code, String message) implements StoryResult {
    }

    /** Someone else holds the edit lock, or saved in between (codes {@code story_locked}, {@code stale_revision}). */
    record Conflict(String code, String message) implements StoryResult {
    }
}
