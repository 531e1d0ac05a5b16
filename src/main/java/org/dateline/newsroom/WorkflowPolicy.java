package org.dateline.newsroom;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;

/**
 * Who may move a story from one state to another: the workflow as a state machine, and the permissions of each
 * role on it, in one place (STYLE: one policy object per aggregate). Contributors write and hand over their own
 * stories; editors do everything in the editions they edit; administrators everywhere; no one revives a kill.
 * Every entrance to the newsroom's use cases (the desk, the admin API, the wire, the scheduler) is judged here.
 */
public final class WorkflowPolicy {

    /** The outcome of asking: the state the story moves to, or why not (a stable code). */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(StoryStatus to) implements Decision {
    }

    public record Refused(StoryRefusal reason) implements Decision {
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
            Map.entry(WorkflowAction.BREAKING, EnumSet.of(StoryStatus.PUBLISHED)),
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
            Map.entry(WorkflowAction.BREAKING, StoryStatus.PUBLISHED),
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
            return new Refused(whyNot(from, action));
        }
        boolean permitted = switch (actor.role()) {
            case ADMIN -> true;
            case EDITOR -> editsEdition;
            case CONTRIBUTOR -> ownStory && CONTRIBUTOR.contains(action);
            case MODERATOR, READER -> false;
        };
        return permitted ? new Allowed(TO.get(action)) : new Refused(StoryRefusal.NOT_PERMITTED);
    }

    /** {@link #decide} for a story as it stands, by this actor. */
    public static Decision decide(Actor actor, Story story, WorkflowAction action) {
        return decide(actor, story.status(), action, own(actor, story), true);
    }

    /**
     * Why a step the workflow does not have from this state is refused: publishing needs a story that is not live
     * or killed, the take-downs and changes of a published story need it live, and a killed story takes no step.
     */
    private static StoryRefusal whyNot(StoryStatus from, WorkflowAction action) {
        return switch (action) {
            case PUBLISH -> StoryRefusal.NOT_PUBLISHABLE;
            case UNPUBLISH, KILL, UPDATE, CORRECT, BREAKING -> StoryRefusal.NOT_LIVE;
            default -> from == StoryStatus.KILLED ? StoryRefusal.STORY_KILLED : StoryRefusal.TRANSITION_NOT_ALLOWED;
        };
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

    /** Why the actor may not change the text of this story (or its edition, translations, lock); empty if they may. */
    public static Optional<StoryRefusal> mayEdit(Actor actor, Story story) {
        if (story.status() == StoryStatus.KILLED) {
            return Optional.of(StoryRefusal.STORY_KILLED);
        }
        return canEdit(actor, story.status(), own(actor, story), true) ? Optional.empty()
                : Optional.of(StoryRefusal.NOT_PERMITTED);
    }

    /**
     * Whether the actor may arrange an edition's front page: whoever may publish a story there, since the front
     * decides what readers see first as much as a publication does.
     */
    public static boolean mayArrangeFront(Actor actor) {
        return actor != null && decide(actor, StoryStatus.READY, WorkflowAction.PUBLISH, false, true) instanceof Allowed;
    }

    /** Whether the actor writes stories at all: every newsroom role but the moderators'. */
    public static boolean mayWrite(Actor actor) {
        return actor != null && actor.role().isStaff() && actor.role() != Role.MODERATOR;
    }

    /** Whether the actor wrote the story. */
    public static boolean own(Actor actor, Story story) {
        return actor != null && story.createdBy() != null && story.createdBy() == actor.accountId();
    }

    /** Who acts for a wire: an editor's rights, on the stories the wire sent. */
    public static Actor wireActor(Story.Provenance provenance) {
        return new Actor(0, "", "Wire: " + provenance.source(), Role.EDITOR);
    }
}
