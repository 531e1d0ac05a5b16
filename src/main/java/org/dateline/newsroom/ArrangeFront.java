package org.dateline.newsroom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.FrontArrangement;
import org.dateline.content.FrontStore;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets an edition's front page: its top story, pinned stories with their short headlines, and the order of its
 * section blocks. The edition exists → the policy allows it (whoever may publish) → every story named is live and of
 * this edition, no more pinned than the front holds, headlines short, sections of the edition → in one transaction
 * the arrangement replaces the old one and the change log names the front, so every node's cached home page goes.
 */
@Service
public class ArrangeFront {

    /** How many stories the front pins below its top story. */
    public static final int MAX_PINNED = 6;
    /** The longest short headline the front shows, in characters. */
    public static final int MAX_FRONT_HEADLINE = 90;

    private final Editions editions;
    private final ContentQueries content;
    private final FrontStore store;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;

    ArrangeFront(Editions editions, ContentQueries content, FrontStore store, ChangeLog changes,
                 PlatformTransactionManager transactions) {
        this.editions = editions;
        this.content = content;
        this.store = store;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    public FrontResult arrange(Actor actor, String edition, FrontCommand command) {
        if (edition == null || editions.find(edition).isEmpty()) {
            return new FrontResult.Refused(FrontResult.Reason.UNKNOWN_EDITION);
        }
        if (!WorkflowPolicy.mayArrangeFront(actor)) {
            return new FrontResult.Refused(FrontResult.Reason.NOT_PERMITTED);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> named = new HashSet<>();
        FrontArrangement.Pick top = command.top() == null || command.top().articleId() == null
                && blank(command.top().frontHeadline()) ? null : pick("top", command.top(), edition, named, problems);
        if (command.pinned().size() > MAX_PINNED) {
            problems.add(new FieldProblem("pinned", "too_many_pinned",
                    "The front pins at most " + MAX_PINNED + " stories below its top story."));
        }
        List<FrontArrangement.Pick> pinned = new ArrayList<>();
        for (int i = 0; i < command.pinned().size(); i++) {
            pinned.add(pick("pinned[" + i + "]", command.pinned().get(i), edition, named, problems));
        }
        List<Long> sections = sections(command.sections(), edition, problems);
        if (!problems.isEmpty()) {
            return new FrontResult.Rejected(problems);
        }
        FrontArrangement arrangement = new FrontArrangement(edition, top, pinned, sections);
        transaction.executeWithoutResult(status -> {
            store.replace(arrangement);
            changes.append(ChangeKinds.FRONT_CHANGED, edition, null, List.of(ContentKeys.front(edition)));
        });
        return new FrontResult.Done(arrangement);
    }

    private FrontArrangement.Pick pick(String field, FrontCommand.Pick wanted, String edition, Set<Long> named,
                                       List<FieldProblem> problems) {
        String headline = blank(wanted.frontHeadline()) ? null : wanted.frontHeadline().strip();
        if (headline != null && headline.codePointCount(0, headline.length()) > MAX_FRONT_HEADLINE) {
            problems.add(new FieldProblem(field + ".frontHeadline", "headline_too_long",
                    "The front's headline is at most " + MAX_FRONT_HEADLINE + " characters."));
        }
        Long id = wanted.articleId();
        if (id == null) {
            problems.add(new FieldProblem(field + ".id", "required", "Choose a story."));
            return null;
        }
        Optional<Article> stored = content.stored(id);
        if (stored.isEmpty()) {
            problems.add(new FieldProblem(field + ".id", "unknown_story", "There is no story " + id + "."));
        } else if (!stored.get().edition().equals(edition)) {
            problems.add(new FieldProblem(field + ".id", "story_of_other_edition",
                    "Story " + id + " belongs to another edition."));
        } else if (content.state(id).orElse(null) != ArticleState.LIVE) {
            problems.add(new FieldProblem(field + ".id", "story_not_live",
                    "Story " + id + " is not on the site: only live stories go on the front."));
        } else if (!named.add(id)) {
            problems.add(new FieldProblem(field + ".id", "duplicate_story",
                    "Story " + id + " is on the front already."));
        }
        return new FrontArrangement.Pick(id, headline);
    }

    private List<Long> sections(List<String> slugs, String edition, List<FieldProblem> problems) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            Optional<Section> section = editions.section(edition, slugs.get(i).strip());
            if (section.isEmpty()) {
                problems.add(new FieldProblem("sections[" + i + "]", "unknown_section",
                        "The edition has no section \"" + slugs.get(i) + "\"."));
            } else if (!ids.contains(section.get().id())) {
                ids.add(section.get().id());
            }
        }
        return ids;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
