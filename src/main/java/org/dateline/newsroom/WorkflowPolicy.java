package org.dateline.newsroom;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.dateline.identity.Actor;

/**
 * Who may move a story from one state to another: the workflow as a state machine, and the permissions of each
 * role on it, in one place (STYLE: one policy object per aggregate). Contributors write and hand over their own
 * stories; editors do everything in the editions they edit; administrators everywhere; no one revives a kill.
 */
public final class WorkflowPolicy {

    /** The outcome of asking: the state the story moves to, or why not (a stable code). */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(StoryStatus to) implements Decision {
    }

    public record Refused(String code) implements Decision {
    }

    private static final Set<StoryStatus> UNPUBLISHED_WORK = EnumSet.of(StoryStatus.DRAFT, StoryStatus.IN_EDIT,
            StoryStatus.READY);

    private static final Map<WorkflowAction, Set<StoryStatus>> FROM = Map.ofEntries(
            Map.entry(WorkflowAction.SUBMIT, EnumSet.of(StoryStatus.DRAFT)),
            Map.entry(WorkflowAction.MARK_READY, EnumSet.of(StoryStatus.IN_EDIT)),
            Map.entry(WorkflowAction.RETURN_TO_DRAFT, EnumSet.of(StoryStatus.IN_EDIT, StoryStatus.READY)),
            Map.entry(WorkflowAction.PUBLISH, EnumSet.of(StoryStatus.DRAFT, StoryStatus.IN_EDIT, StoryStatus.READY,
                    StoryStatus.SCHEDULED, StoryStatus.UNPUBLISHED)),
            Map.entry(WorkflowAction.SCHEDULE, UNPUBLISHED_WORK),
            Map.entry(WorkflowAction.EMBARGO, UNPUBLISHED_WORK),
            Map.entry(WorkflowAction.UNSCHEDULE, EnumSet.of(StoryStatus.SCHEDULED)),
            Map.entry(WorkflowAction.UPDATE, EnumSet.of(StoryStatus.PUBLISHED)),
            Map.entry(WorkflowAction.CORRECT, EnumSet.of(StoryStatus.PUBLISHED)),
            Map.entry(WorkflowAction.UNPUBLISH, EnumSet.of(StoryStatus.PUBLISHED)),
            Map.entry(WorkflowAction.KILL, EnumSet.complementOf(EnumSet.of(StoryStatus.KILLED))));

    private static final Map<WorkflowAction, StoryStatus> TO = Map.ofEntries(
            Map.entry(WorkflowAction.SUBMIT, StoryStatus.IN_EDIT),
            Map.entry(WorkflowAction.MARK_READY, StoryStatus.READY),
            Map.entry(WorkflowAction.RETURN_TO_DRAFT, StoryStatus.DRAFT),
            Map.entry(WorkflowAction.PUBLISH, StoryStatus.PUBLISHED),
            Map.entry(WorkflowAction.SCHEDULE, StoryStatus.SCHEDULED),
            Map.entry(WorkflowAction.EMBARGO, StoryStatus.SCHEDULED),
            Map.entry(WorkflowAction.UNSCHEDULE, StoryStatus.READY),
            Map.entry(WorkflowAction.UPDATE, StoryStatus.PUBLISHED),
            Map.entry(WorkflowAction.CORRECT, StoryStatus.PUBLISHED),
            Map.entry(WorkflowAction.UNPUBLISH, StoryStatus.UNPUBLISHED),
            Map.entry(WorkflowAction.KILL, StoryStatus.KILLED));

    /** What a contributor may do, and only with their own stories. */
    private static final Set<WorkflowAction> CONTRIBUTOR = EnumSet.of(WorkflowAction.SUBMIT, WorkflowAction.MARK_READY);

    private WorkflowPolicy() {
    }

    /**
     * @param ownStory     whether the actor is the story's author
     * @param editsEdition whether the actor edits the story's edition (editors are assigned editions)
     */
    public static Decision decide(Actor actor, StoryStatus from, WorkflowAction action, boolean ownStory,
                                  boolean editsEdition) {
        if (!FROM.get(action).contains(from)) {
            return new Refused(from == StoryStatus.KILLED ? "story_killed" : "transition_not_allowed");
        }
        boolean permitted = switch (actor.role()) {
            case ADMIN -> true;
            case EDITOR -> editsEdition;
            case CONTRIBUTOR -> ownStory && CONTRIBUTOR.contains(action);
            case MODERATOR, READER -> false;
        };
        return permitted ? new Allowed(TO.get(action)) : new Refused("not_permitted");
    }

    /** Whether the actor may change the text of a story in this state (saving a revision). */
    public static boolean canEdit(Actor actor, StoryStatus status, boolean ownStory, boolean editsEdition) {
        if (status == StoryStatus.KILLED) {
            return false;
        }
        return switch (actor.role()) {
            case ADMIN -> true;
            case EDITOR -> editsEdition;
            case CONTRIBUTOR -> ownStory && (status == StoryStatus.DRAFT || status == StoryStatus.IN_EDIT);
            case MODERATOR, READER -> false;
        };
    }

}
