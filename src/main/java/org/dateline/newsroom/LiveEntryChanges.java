package org.dateline.newsroom;

import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.ContentKeys;
import org.springframework.stereotype.Component;

/**
 * Logs a change to a live story's entries, inside the transaction that made it: every node evicts the story's page
 * and tells its open pages, as for an update of the story itself.
 */
@Component
class LiveEntryChanges {

    private final ChangeLog changes;

    LiveEntryChanges(ChangeLog changes) {
        this.changes = changes;
    }

    void logged(Story story, long entryId) {
        changes.append(ChangeKinds.LIVE_ENTRY, story.edition(), entryId, List.of(ContentKeys.article(story.id())));
    }
}
