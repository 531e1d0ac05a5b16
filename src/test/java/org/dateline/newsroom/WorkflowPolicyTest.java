package org.dateline.newsroom;

import java.util.HashSet;
import java.util.Set;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every state × action × role, against the workflow written out by hand. */
class WorkflowPolicyTest {

    /** "FROM ACTION TO": every legal move of the workflow. */
    static final Set<String> LEGAL = Set.of(
            "DRAFT SUBMIT IN_EDIT",
            "IN_EDIT MARK_READY READY",
            "IN_EDIT RETURN_TO_DRAFT DRAFT", "READY RETURN_TO_DRAFT DRAFT",
            "DRAFT PUBLISH PUBLISHED", "IN_EDIT PUBLISH PUBLISHED", "READY PUBLISH PUBLISHED",
            "SCHEDULED PUBLISH PUBLISHED", "UNPUBLISHED PUBLISH PUBLISHED",
            "DRAFT SCHEDULE SCHEDULED", "IN_EDIT SCHEDULE SCHEDULED", "READY SCHEDULE SCHEDULED",
            "DRAFT EMBARGO SCHEDULED", "IN_EDIT EMBARGO SCHEDULED", "READY EMBARGO SCHEDULED",
            "SCHEDULED UNSCHEDULE READY",
            "PUBLISHED UPDATE PUBLISHED", "PUBLISHED CORRECT PUBLISHED", "PUBLISHED UNPUBLISH UNPUBLISHED",
            "PUBLISHED BREAKING PUBLISHED",
            "DRAFT KILL KILLED", "IN_EDIT KILL KILLED", "READY KILL KILLED", "SCHEDULED KILL KILLED",
            "PUBLISHED KILL KILLED", "UNPUBLISHED KILL KILLED");

    static final Set<String> CONTRIBUTOR_OWN = Set.of("DRAFT SUBMIT IN_EDIT", "IN_EDIT MARK_READY READY");

    private static Actor actor(Role role) {
        return new Actor(1, role.name().toLowerCase() + "@dateline.test", role.name(), role);
    }

    private static Set<String> allowed(Role role, boolean own, boolean editsEdition) {
        Set<String> allowed = new HashSet<>();
        for (StoryStatus from : StoryStatus.values()) {
            for (WorkflowAction action : WorkflowAction.values()) {
                if (WorkflowPolicy.decide(actor(role), from, action, own, editsEdition)
                        instanceof WorkflowPolicy.Allowed ok) {
                    allowed.add(from + " " + action + " " + ok.to());
                }
            }
        }
        return allowed;
    }

    @Test
    void onlyThoseWhoMayPublishArrangeTheFrontPage() {
        for (Role role : Role.values()) {
            boolean publishes = role == Role.ADMIN || role == Role.EDITOR;
            assertThat(WorkflowPolicy.mayArrangeFront(new Actor(1, "", "Someone", role))).as(role.name())
                    .isEqualTo(publishes);
        }
        assertThat(WorkflowPolicy.mayArrangeFront(null)).isFalse();
    }

    @Test
    void administratorsMayMakeEveryLegalMoveAndNoOther() {
        assertThat(allowed(Role.ADMIN, false, false)).isEqualTo(LEGAL);
    }

    @Test
    void editorsMayMakeEveryLegalMoveInTheirEditionsOnly() {
        assertThat(allowed(Role.EDITOR, false, true)).isEqualTo(LEGAL);
        assertThat(allowed(Role.EDITOR, true, false)).isEmpty();
    }

    @Test
    void contributorsOnlyHandOverTheirOwnStories() {
        assertThat(allowed(Role.CONTRIBUTOR, true, true)).isEqualTo(CONTRIBUTOR_OWN);
        assertThat(allowed(Role.CONTRIBUTOR, false, true)).isEmpty();
    }

    @Test
    void moderatorsAndReadersMayNotMoveStories() {
        assertThat(allowed(Role.MODERATOR, true, true)).isEmpty();
        assertThat(allowed(Role.READER, true, true)).isEmpty();
    }

    @Test
    void refusalsSayWhy() {
        assertThat(WorkflowPolicy.decide(actor(Role.ADMIN), StoryStatus.KILLED, WorkflowAction.SUBMIT, true, true))
                .isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.STORY_KILLED));
        assertThat(WorkflowPolicy.decide(actor(Role.ADMIN), StoryStatus.PUBLISHED, WorkflowAction.SUBMIT, true, true))
                .isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.TRANSITION_NOT_ALLOWED));
        assertThat(WorkflowPolicy.decide(actor(Role.CONTRIBUTOR), StoryStatus.READY, WorkflowAction.PUBLISH, true, true))
                .isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.NOT_PERMITTED));
    }

    @Test
    void publishingAndTakingDownSayWhatTheStoryIsNot() {
        for (StoryStatus from : new StoryStatus[] {StoryStatus.PUBLISHED, StoryStatus.KILLED}) {
            assertThat(WorkflowPolicy.decide(actor(Role.ADMIN), from, WorkflowAction.PUBLISH, true, true))
                    .as(from.name()).isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.NOT_PUBLISHABLE));
        }
        assertThat(WorkflowPolicy.decide(actor(Role.ADMIN), StoryStatus.KILLED, WorkflowAction.KILL, true, true))
                .isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.NOT_LIVE));
        for (WorkflowAction action : new WorkflowAction[] {WorkflowAction.UNPUBLISH, WorkflowAction.UPDATE,
                WorkflowAction.CORRECT}) {
            assertThat(WorkflowPolicy.decide(actor(Role.ADMIN), StoryStatus.DRAFT, action, true, true))
                    .as(action.name()).isEqualTo(new WorkflowPolicy.Refused(StoryRefusal.NOT_LIVE));
        }
    }

    @Test
    void contributorsEditOnlyTheirUnfinishedStoriesAndNobodyEditsAKilledOne() {
        Actor contributor = actor(Role.CONTRIBUTOR);
        assertThat(WorkflowPolicy.canEdit(contributor, StoryStatus.DRAFT, true, false)).isTrue();
        assertThat(WorkflowPolicy.canEdit(contributor, StoryStatus.IN_EDIT, true, false)).isTrue();
        assertThat(WorkflowPolicy.canEdit(contributor, StoryStatus.READY, true, false)).isFalse();
        assertThat(WorkflowPolicy.canEdit(contributor, StoryStatus.DRAFT, false, true)).isFalse();
        assertThat(WorkflowPolicy.canEdit(actor(Role.EDITOR), StoryStatus.PUBLISHED, false, true)).isTrue();
        assertThat(WorkflowPolicy.canEdit(actor(Role.EDITOR), StoryStatus.PUBLISHED, false, false)).isFalse();
        assertThat(WorkflowPolicy.canEdit(actor(Role.ADMIN), StoryStatus.KILLED, true, true)).isFalse();
    }
}
