package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * The edit lock: who is editing a story now. Taking it: find → the actor may edit the story → the lock is free,
 * lapsed or the actor's (taking it over: whoever holds it) → stored with the time, which a save or the open
 * editor's autosave renews. Releasing gives back only the actor's own lock. Every other action asks
 * {@link EditLocks} whether someone else holds it.
 */
@Service
public class StoryLock {

    private final StoryQueries queries;
    private final StoryStore stories;
    private final EditLocks locks;
    private final Clock clock;

    StoryLock(StoryQueries queries, StoryStore stories, EditLocks locks, Clock clock) {
        this.queries = queries;
        this.stories = stories;
        this.locks = locks;
        this.clock = clock;
    }

    /** Takes (or renews) the lock; refused while someone else holds a fresh one. */
    public StoryResult lock(Actor actor, long id) {
        return take(actor, id, false);
    }

    /** Takes the lock from whoever holds it. */
    public StoryResult takeOver(Actor actor, long id) {
        return take(actor, id, true);
    }

    /** Gives back the actor's own lock; someone else's stays. */
    public void release(Actor actor, long id) {
        stories.unlock(id, actor);
    }

    private StoryResult take(Actor actor, long id, boolean takeOver) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        Story story = found.get();
        Optional<StoryRefusal> mayNot = WorkflowPolicy.mayEdit(actor, story);
        if (mayNot.isPresent()) {
            return StoryResult.refused(mayNot.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!stories.lock(id, actor, now, locks.staleBefore(), takeOver)) {
            return queries.find(id).flatMap(held -> locks.heldByOther(actor, held))
                    .orElse(StoryResult.refused(StoryRefusal.STORY_LOCKED));
        }
        return new StoryResult.Done(id, story.state(), story.revision());
    }
}
