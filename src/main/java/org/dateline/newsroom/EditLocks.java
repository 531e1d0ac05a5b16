package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.dateline.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * The rule of the edit lock, which every use case that acts on a story asks before it writes: a fresh lock held by
 * someone else refuses the action ({@link StoryRefusal#STORY_LOCKED}, naming the holder); the actor's own lock, a
 * lapsed one or none lets it through. Taking the lock over is its own action ({@link StoryLock}).
 */
@Component
class EditLocks {

    private final NewsroomSettings settings;
    private final Clock clock;

    EditLocks(NewsroomSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The refusal when someone other than the actor holds a fresh lock on the story. */
    Optional<StoryResult> heldByOther(Actor actor, Story story) {
        return holder(actor, story).map(name -> StoryResult.refused(StoryRefusal.STORY_LOCKED, name));
    }

    /** Who other than the actor holds a fresh lock on the story, if anyone. */
    Optional<String> holder(Actor actor, Story story) {
        Story.Lock lock = story.lock();
        if (lock == null || actor == null || lock.accountId() == actor.accountId() || !fresh(lock.at())) {
            return Optional.empty();
        }
        return Optional.of(lock.name());
    }

    private boolean fresh(Instant lockedAt) {
        return lockedAt.isAfter(staleBefore());
    }

    /** Locks taken before this instant have lapsed. */
    Instant staleBefore() {
        return clock.instant().minus(settings.lockTimeout());
    }
}
