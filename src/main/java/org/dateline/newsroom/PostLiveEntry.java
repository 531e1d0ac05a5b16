package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.dateline.content.LiveEntryStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an entry to a live story: the story may take entries ({@link LiveCoverageChecks}) → the text and link are
 * valid ({@link LiveEntryText}) → in one transaction the entry stored and the change logged (its page evicted and
 * open pages told, on every node).
 */
@Service
public class PostLiveEntry {

    private final LiveCoverageChecks checks;
    private final LiveEntryStore entries;
    private final LiveEntryChanges changes;
    private final Clock clock;

    PostLiveEntry(LiveCoverageChecks checks, LiveEntryStore entries, LiveEntryChanges changes, Clock clock) {
        this.checks = checks;
        this.entries = entries;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public LiveEntryResult post(Actor actor, long storyId, String text, String link) {
        LiveCoverageChecks.Checked checked = checks.story(actor, storyId);
        if (checked.refused()) {
            return new LiveEntryResult.NotDone(checked.refusal());
        }
        LiveEntryText.Checked entry = LiveEntryText.check(text, link);
        if (entry.rejected() != null) {
            return new LiveEntryResult.NotDone(entry.rejected());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long id = entries.post(storyId, entry.text().text(), entry.text().link(), now,
                actor.accountId() == 0 ? null : actor.accountId(), actor.displayName());
        changes.logged(checked.story(), id);
        return new LiveEntryResult.Done(storyId, id);
    }
}
