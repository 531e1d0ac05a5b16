package org.dateline.newsroom;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Changes a published story with a public correction note, shown on its page and in its structured data: find → the
 * policy allows correcting it (it is live) → the lock is free or the actor's → the note is 1 to
 * {@value #MAX_NOTE} characters → the change ({@link LiveEdits}, in one transaction).
 */
@Service
public class CorrectStory {

    static final int MAX_NOTE = 2000;

    private final StoryChecks checks;
    private final LiveEdits liveEdits;

    CorrectStory(StoryChecks checks, LiveEdits liveEdits) {
        this.checks = checks;
        this.liveEdits = liveEdits;
    }

    public StoryResult correct(Actor actor, long id, PublishCommand fields, String note) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.CORRECT);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        if (note == null || note.isBlank() || note.strip().length() > MAX_NOTE
                || note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            return StoryResult.rejected("correction", note == null || note.isBlank() ? "required" : "invalid_value",
                    "A correction needs a note of 1 to " + MAX_NOTE + " characters for readers.");
        }
        return liveEdits.change(actor, story, fields, note.strip(), null);
    }
}
