package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.dateline.content.LiveEntryStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects an entry of a live story; readers see it marked as updated, with the time: the story and entry may be
 * changed ({@link LiveCoverageChecks}) → the new text and link are valid → in one transaction the entry changed and
 * the change logged.
 */
@Service
public class CorrectLiveEntry {

    private final LiveCoverageChecks checks;
    private final LiveEntryStore entries;
    private final LiveEntryChanges changes;
    private final Clock clock;

    CorrectLiveEntry(LiveCoverageChecks checks, LiveEntryStore entries, LiveEntryChanges changes, Clock clock) {
        this.checks = checks;
        this.entries = entries;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public LiveEntryResult correct(Actor actor, long storyId, long entryId, String text, String link) {
        LiveCoverageChecks.Checked checked = checks.entry(actor, storyId, entryId);
        if (checked.refused()) {
            return new LiveEntryResult.NotDone(checked.refusal());
        }
        LiveEntryText.Checked entry = LiveEntryText.check(text, link);
        if (entry.rejected() != null) {
            return new LiveEntryResult.NotDone(entry.rejected());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!entries.correct(entryId, entry.text().text(), entry.text().link(), now)) {
            return new LiveEntryResult.NotDone(StoryResult.refused(StoryRefusal.UNKNOWN_ENTRY));
        }
        changes.logged(checked.story(), entryId);
        return new LiveEntryResult.Done(storyId, entryId);
    }
}
