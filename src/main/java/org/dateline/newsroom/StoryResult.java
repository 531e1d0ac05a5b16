package org.dateline.newsroom;

import java.util.List;

import org.dateline.content.ArticleState;

/** The outcome of a newsroom action on a story: done, its fields refused, or the action refused for a named reason. */
public sealed interface StoryResult {

    /** Done: the story's state and revision now. */
    record Done(long storyId, ArticleState state, int revision) implements StoryResult {
    }

    /** The fields were refused, each problem named; nothing was stored. */
    record Rejected(List<FieldProblem> problems) implements StoryResult {
    }

    /**
     * The action was refused; nothing was stored.
     *
     * @param detail what the reason's message names (who holds the lock, the revision, the state); may be empty
     */
    record Refused(StoryRefusal reason, String detail) implements StoryResult {

        public Refused {
            detail = detail == null ? "" : detail;
        }
    }

    static StoryResult refused(StoryRefusal reason) {
        return new Refused(reason, "");
    }

    static StoryResult refused(StoryRefusal reason, Object detail) {
        return new Refused(reason, String.valueOf(detail));
    }

    static StoryResult rejected(String field, String code, String message) {
        return new Rejected(List.of(new FieldProblem(field, code, message)));
    }
}
