package org.dateline.newsroom;

import org.dateline.content.ArticleState;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Takes a published story off the site (its address answers 404); unlike a kill, it may be published again. Find →
 * the policy allows it (the story is live) → the lock is free or the actor's → in one transaction it leaves the site,
 * the change is logged and {@link ArticleUnpublished} announced ({@link Takedown}).
 */
@Service
public class UnpublishStory {

    private final StoryChecks checks;
    private final Takedown takedown;
    private final StoryTransaction transaction;

    UnpublishStory(StoryChecks checks, Takedown takedown, StoryTransaction transaction) {
        this.checks = checks;
        this.takedown = takedown;
        this.transaction = transaction;
    }

    public StoryResult unpublish(Actor actor, long id) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.UNPUBLISH);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> takedown.remove(story, ArticleState.UNPUBLISHED,
                (article, at) -> new ArticleUnpublished(article.id(), article.edition(), at, article.path(),
                        article.headline())));
    }
}
