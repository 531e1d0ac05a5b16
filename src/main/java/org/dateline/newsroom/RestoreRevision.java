package org.dateline.newsroom;

import java.util.Optional;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Saves an earlier revision's fields again, as the newest revision: find the revision → a save of its fields
 * ({@link SaveStory}: the same policy, lock and rules; a live story is updated on the site).
 */
@Service
public class RestoreRevision {

    private final StoryQueries queries;
    private final SaveStory saveStory;

    RestoreRevision(StoryQueries queries, SaveStory saveStory) {
        this.queries = queries;
        this.saveStory = saveStory;
    }

    public StoryResult restore(Actor actor, long id, int number) {
        Optional<StoryRevision> revision = queries.revision(id, number);
        if (revision.isEmpty()) {
            return queries.find(id).isPresent() ? StoryResult.refused(StoryRefusal.UNKNOWN_REVISION, number)
                    : StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        return saveStory.save(actor, id, revision.get().fields(), null);
    }
}
