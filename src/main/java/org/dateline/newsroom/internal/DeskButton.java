package org.dateline.newsroom.internal;

import java.util.Arrays;
import java.util.Optional;

import org.dateline.newsroom.WorkflowAction;

/** The story editor's buttons, in the order they are shown: the form's {@code action} value and the step each takes. */
enum DeskButton {
    SAVE("save", null),
    SUBMIT("submit", WorkflowAction.SUBMIT),
    READY("ready", WorkflowAction.MARK_READY),
    RETURN("return", WorkflowAction.RETURN_TO_DRAFT),
    PUBLISH("publish", WorkflowAction.PUBLISH),
    SCHEDULE("schedule", WorkflowAction.SCHEDULE),
    EMBARGO("embargo", WorkflowAction.EMBARGO),
    UNSCHEDULE("unschedule", WorkflowAction.UNSCHEDULE),
    CORRECT("correct", WorkflowAction.CORRECT),
    UNPUBLISH("unpublish", WorkflowAction.UNPUBLISH),
    KILL("kill", WorkflowAction.KILL);

    private final String value;
    private final WorkflowAction action;

    DeskButton(String value, WorkflowAction action) {
        this.value = value;
        this.action = action;
    }

    /** The button a form names; Save when it names none (Enter in a field). */
    static Optional<DeskButton> of(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(SAVE);
        }
        return Arrays.stream(values()).filter(b -> b.value.equals(value)).findFirst();
    }

    String value() {
        return value;
    }

    /** The workflow step, or null for Save (allowed whenever the story may be edited). */
    WorkflowAction action() {
        return action;
    }
}
