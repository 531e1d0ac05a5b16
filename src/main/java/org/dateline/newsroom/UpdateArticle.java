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
import org.dateline.content.Body;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.identity.CurrentActor;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.shared.Slug;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Updates a published article (readers see a new "updated" stamp) or corrects it (plus a public correction note):
 * load the live article → validate every field → store, and log a change with the keys of the pages that showed
 * the old version and those that show the new one (a moved section or new tag shows it elsewhere).
 */
@Service
public class UpdateArticle {

    static final int MAX_CORRECTION = 2000;

    private final ContentQueries content;
    private final ArticleStore store;
    private final Editions editions;
    private final ChangeLog changes;
    private final StoryValidation validation;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StoryStore stories;
    private final CurrentActor currentActor;

    UpdateArticle(ContentQueries content, ArticleStore store, Editions editions, ChangeLog changes,
                  StoryValidation validation, TransactionTemplate transaction, ApplicationEventPublisher events,
                  Clock clock, StoryStore stories, CurrentActor currentActor) {
        this.stories = stories;
        this.currentActor = currentActor;
        this.content = content;
        this.store = store;
        this.editions = editions;
        this.changes = changes;
        this.validation = validation;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public UpdateResult update(long articleId, PublishCommand command) {
        return change(articleId, command, null);
    }

    /** An update that readers are told about: the note is shown on the article and in its structured data. */
    public UpdateResult correct(long articleId, PublishCommand command, String correction) {
        if (correction == null || correction.isBlank() || correction.strip().length() > MAX_CORRECTION
                || correction.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            return new UpdateResult.Rejected(List.of(new FieldProblem("correction",
                    correction == null || correction.isBlank() ? "required" : "invalid_value",
                    "A correction needs a note of 1 to " + MAX_CORRECTION + " characters for readers.")));
        }
        return change(articleId, command, correction.strip());
    }

    private UpdateResult change(long articleId, PublishCommand requested, String correction) {
        Optional<Article> current = content.article(articleId);
        if (current.isEmpty()) {
            return new UpdateResult.NotFound(articleId);
        }
        Article before = current.get();
        // The edition and the translation link are not changed by an update.
        PublishCommand command = new PublishCommand(before.edition(), requested.section(), requested.headline(),
                requested.lead(), requested.body(), requested.datelinePlace(), requested.datelineDate(),
                requested.credit(), requested.tags(), requested.authors(), requested.slug(), null);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> paragraphs = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validate(command, paragraphs, problems);
        if (!problems.isEmpty()) {
            return new UpdateResult.Rejected(problems);
        }
        Section target = section.orElseThrow();
        String slug = command.slug() != null ? command.slug() : Slug.from(command.headline()).value();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String path = ArticlePaths.path(before.edition(), target.slug(), before.publishedAt(), articleId, slug);
        Boolean stored = transaction.execute(status -> {
            List<Tag> tags = StoryValidation.distinct(command.tags()).stream()
                    .map(name -> editions.ensureTag(before.edition(), name)).toList();
            List<Author> authors = StoryValidation.distinct(command.authors()).stream()
                    .map(editions::ensureAuthor).toList();
            NewArticle fields = new NewArticle(target, slug, command.headline().strip(), command.lead().strip(),
                    Body.ofBlocks(paragraphs), command.datelinePlace().strip(),
                    command.datelineDate() != null ? command.datelineDate() : before.datelineDate(),
                    command.credit().strip(), tags, authors, before.publishedAt(), before.translationKey());
            if (!store.update(articleId, fields, now, correction)) {
                return false;
            }
            stories.appendRevision(articleId, null, now, currentActor.get().orElse(null), ArticleState.LIVE,
                    Stories.normalized(command, paragraphs), correction);
            List<Long> translations = before.translationKey() == null ? List.of()
                    : store.articlesWithTranslationKey(before.translationKey(), articleId);
            Set<String> keys = new LinkedHashSet<>(ContentKeys.of(articleId, before.edition(), before.section().id(),
                    before.tags().stream().map(Tag::id).toList(), before.authors().stream().map(Author::id).toList(),
                    translations));
            keys.addAll(ContentKeys.of(articleId, before.edition(), target.id(), tags.stream().map(Tag::id).toList(),
                    authors.stream().map(Author::id).toList(), List.of()));
            changes.append(ChangeKinds.ARTICLE_UPDATED, before.edition(), articleId, keys);
            events.publishEvent(new ArticleUpdated(articleId, before.edition(), now, correction, path,
                    fields.headline()));
            return true;
        });
        if (!Boolean.TRUE.equals(stored)) {
            return new UpdateResult.NotFound(articleId);
        }
        return new UpdateResult.Updated(articleId, path);
    }
}
