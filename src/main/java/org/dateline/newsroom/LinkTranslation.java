package org.dateline.newsroom;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Links a story to the same story in another edition (they share a translation key; the public pages then name each
 * other with {@code hreflang} and "also in"), or unlinks it. Find → the actor may edit this story → the lock is free
 * or the actor's → the other exists in another edition, is not killed, and no story of this edition is linked to it
 * already → in one transaction the key is set and, when a linked story is live, a change evicts the pages that show
 * the links.
 */
@Service
public class LinkTranslation {

    private final StoryQueries queries;
    private final ArticleStore articles;
    private final ContentQueries content;
    private final ChangeLog changes;
    private final StoryChecks checks;
    private final StoryTransaction transaction;

    LinkTranslation(StoryQueries queries, ArticleStore articles, ContentQueries content, ChangeLog changes,
                    StoryChecks checks, StoryTransaction transaction) {
        this.queries = queries;
        this.articles = articles;
        this.content = content;
        this.changes = changes;
        this.checks = checks;
        this.transaction = transaction;
    }

    /** Links story {@code id} to {@code otherId}, the same story in another edition. */
    public StoryResult link(Actor actor, long id, long otherId) {
        return editable(actor, id, story -> link(story, otherId));
    }

    /** Takes the story out of its translation group. */
    public StoryResult unlink(Actor actor, long id) {
        return editable(actor, id, story -> transaction.run(() -> {
            Set<Long> touched = new LinkedHashSet<>(formerGroup(id));
            articles.setTranslationKey(id, null);
            touched.add(id);
            announce(story.edition(), touched);
            return new StoryResult.Done(id, story.state(), story.revision());
        }));
    }

    private StoryResult link(Story story, long otherId) {
        long id = story.id();
        Optional<Story> other = queries.find(otherId);
        if (other.isEmpty()) {
            return problem("unknown_article", "No story " + otherId + ".");
        }
        if (other.get().edition().equals(story.edition())) {
            return problem("same_edition", "A translation links stories of different editions.");
        }
        if (other.get().state() == ArticleState.KILLED) {
            return problem("story_killed", "Story " + otherId + " was killed.");
        }
        return transaction.run(() -> {
            String key = articles.translationKeyOf(otherId).orElseThrow();
            List<Long> group = articles.articlesWithTranslationKey(key, id);
            for (Long member : group) {
                Optional<Article> linked = articles.stored(member);
                if (linked.isPresent() && linked.get().edition().equals(story.edition())) {
                    return problem("edition_taken", "\"" + linked.get().headline() + "\" is already its "
                            + story.edition() + " version: unlink that one first.");
                }
            }
            Set<Long> touched = new LinkedHashSet<>(group);
            touched.addAll(formerGroup(id));
            articles.setTranslationKey(id, key);
            touched.add(id);
            announce(story.edition(), touched);
            return new StoryResult.Done(id, story.state(), story.revision());
        });
    }

    /** Runs {@code then} on the story if it exists, the actor may edit it and nobody else holds its lock. */
    private StoryResult editable(Actor actor, long id, Function<Story, StoryResult> then) {
        StoryChecks.Checked checked = checks.edit(actor, id);
        return checked.refused() ? checked.refusal() : then.apply(checked.story());
    }

    private List<Long> formerGroup(long id) {
        String key = articles.stored(id).map(Article::translationKey).orElse(null);
        return key == null ? List.of() : articles.articlesWithTranslationKey(key, id);
    }

    /** Live pages that name their translations show the links from now on. */
    private void announce(String edition, Set<Long> touched) {
        List<Long> live = touched.stream().filter(member -> content.state(member)
                .filter(ArticleState.LIVE::equals).isPresent()).toList();
        if (!live.isEmpty()) {
            String liveEdition = articles.stored(live.get(0)).map(Article::edition).orElse(edition);
            changes.append(ChangeKinds.ARTICLE_UPDATED, liveEdition, live.get(0),
                    touched.stream().map(ContentKeys::article).toList());
        }
    }

    private static StoryResult problem(String code, String message) {
        return StoryResult.rejected("translationOf", code, message);
    }
}
