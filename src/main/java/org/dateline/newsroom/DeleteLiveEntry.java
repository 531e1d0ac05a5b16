package org.dateline.newsroom;

import java.time.Clock;

import org.dateline.content.LiveEntryStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an entry off a live story, for good: the story and entry may be changed ({@link LiveCoverageChecks}) → in one
 * transaction the entry marked deleted (kept for the record, shown nowhere) and the change logged, so open pages drop
 * it and the cached page is evicted.
 */
@Service
public class DeleteLiveEntry {

    private final LiveCoverageChecks checks;
    private final LiveEntryStore entries;
    private final LiveEntryChanges changes;
    private final Clock clock;

    DeleteLiveEntry(LiveCoverageChecks checks, LiveEntryStore entries, LiveEntryChanges changes, Clock clock) {
        this.checks = checks;
        this.entries = entries;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public LiveEntryResult delete(Actor actor, long storyId, long entryId) {
        LiveCoverageChecks.Checked checked = checks.entry(actor, storyId, entryId);
        if (checked.refused()) {
            return new LiveEntryResult.NotDone(checked.refusal());
        }
        if (!entries.delete(entryId, clock.instant())) {
            return new LiveEntryResult.NotDone(StoryResult.refused(StoryRefusal.UNKNOWN_ENTRY));
        }
        changes.logged(checked.story(), entryId);
        return new LiveEntryResult.Done(storyId, entryId);
    }
}
