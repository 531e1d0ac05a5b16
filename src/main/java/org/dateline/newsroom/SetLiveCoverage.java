package org.dateline.newsroom;

import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.ArticleState;
import org.dateline.content.ContentKeys;
import org.dateline.content.LiveEntryStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Marks a story as live coverage (its page shows a stream of entries under its lead and body) or not: find → the
 * actor may edit it and nobody else holds its lock ({@link StoryChecks#edit}) → in one transaction the flag stored and, for a story on the
 * site, its page evicted through the change log.
 */
@Service
public class SetLiveCoverage {

    private final StoryChecks checks;
    private final LiveEntryStore entries;
    private final ChangeLog changes;
    private final StoryTransaction transaction;

    SetLiveCoverage(StoryChecks checks, LiveEntryStore entries, ChangeLog changes, StoryTransaction transaction) {
        this.checks = checks;
        this.entries = entries;
        this.changes = changes;
        this.transaction = transaction;
    }

    public StoryResult set(Actor actor, long storyId, boolean liveCoverage) {
        StoryChecks.Checked checked = checks.edit(actor, storyId);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> {
            if (!entries.setLiveCoverage(storyId, liveCoverage)) {
                return StoryResult.refused(StoryRefusal.NOT_FOUND);
            }
            if (story.state() == ArticleState.LIVE) {
                changes.append(ChangeKinds.ARTICLE_UPDATED, story.edition(), storyId,
                        List.of(ContentKeys.article(storyId)));
            }
            return new StoryResult.Done(storyId, story.state(), story.revision());
        });
    }
}
