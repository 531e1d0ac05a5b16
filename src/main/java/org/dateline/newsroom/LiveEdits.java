package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticlePaths;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The write that {@link UpdateStory}, {@link CorrectStory} and a save of a live story ({@link SaveStory}) share, once
 * each has found the story, asked the policy and checked the lock: every field validated → in one transaction the
 * article changed (readers see an "updated" stamp, and the note of a correction), the revision appended, a change
 * logged with the keys of the pages that showed the old version and of those that show the new one (a moved section
 * or a new tag shows it elsewhere), and {@link ArticleUpdated} announced.
 */
@Component
class LiveEdits {

    private final ContentQueries content;
    private final ArticleStore articles;
    private final StoryStore stories;
    private final StoryValidation validation;
    private final StoryFields fields;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final StoryTransaction transaction;
    private final Clock clock;

    LiveEdits(ContentQueries content, ArticleStore articles, StoryStore stories, StoryValidation validation,
              StoryFields fields, ChangeLog changes, ApplicationEventPublisher events, StoryTransaction transaction,
              Clock clock) {
        this.content = content;
        this.articles = articles;
        this.stories = stories;
        this.validation = validation;
        this.fields = fields;
        this.changes = changes;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param correction the public correction note, or null for an update
     * @param expected   the revision the change builds on, or null to build on whatever is newest
     */
    StoryResult change(Actor actor, Story story, PublishCommand requested, String correction, Integer expected) {
        PublishCommand command = StoryFields.forStory(story, requested);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> blocks = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validate(command, blocks, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Section target = section.orElseThrow();
        long id = story.id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transaction.run(() -> {
            Optional<Article> live = content.article(id);
            if (live.isEmpty()) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            Article before = live.get();
            NewArticle after = fields.article(command, target, blocks, before.publishedAt(), before.datelineDate(),
                    before.translationKey());
            if (!articles.update(id, after, now, correction)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            Optional<Integer> revision = stories.appendRevision(id, expected, now, actor, ArticleState.LIVE,
                    StoryFields.normalized(command, blocks), correction);
            if (revision.isEmpty()) {
                return StoryResult.refused(StoryRefusal.STALE_REVISION, story.revision());
            }
            List<Long> translations = before.translationKey() == null ? List.of()
                    : articles.articlesWithTranslationKey(before.translationKey(), id);
            Set<String> keys = new LinkedHashSet<>(ContentKeys.of(id, before.edition(), before.section().id(),
                    before.tags().stream().map(Tag::id).toList(), before.authors().stream().map(Author::id).toList(),
                    translations));
            keys.addAll(ContentKeys.of(id, before.edition(), target.id(), after.tags().stream().map(Tag::id).toList(),
                    after.authors().stream().map(Author::id).toList(), List.of()));
            changes.append(ChangeKinds.ARTICLE_UPDATED, before.edition(), id, keys);
            String path = ArticlePaths.path(before.edition(), target.slug(), before.publishedAt(), id, after.slug());
            events.publishEvent(new ArticleUpdated(id, before.edition(), now, correction, path, after.headline()));
            return new StoryResult.Done(id, ArticleState.LIVE, revision.get());
        });
    }
}
