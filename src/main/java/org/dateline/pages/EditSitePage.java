package org.dateline.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Body;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.pages.internal.JdbcSitePages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves an administrator's title and body of a site page. Validate → write the page and its change in one
 * transaction; the change evicts the public page on every node. Who may call it is the web chain's decision.
 */
@Service
public class EditSitePage {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;

    private final JdbcSitePages pages;
    private final Editions editions;
    private final ChangeLog changes;
    private final Clock clock;

    EditSitePage(JdbcSitePages pages, Editions editions, ChangeLog changes, Clock clock) {
        this.pages = pages;
        this.editions = editions;
        this.changes = changes;
        this.clock = clock;
    }

    /** The outcome: saved, or the problems a person can act on (nothing written then). */
    public sealed interface Result {
    }

    public record Saved(SitePage page) implements Result {
    }

    public record Refused(List<PageProblem> problems) implements Result {
    }

    @Transactional
    public Result save(Actor actor, String edition, PageKind kind, String title, String body) {
        String cleanTitle = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        // Body normalises line ends and blank lines; its renderer escapes anything outside the safe subset.
        Body cleanBody = Body.of(body);
        List<PageProblem> problems = new ArrayList<>();
        if (editions.find(edition).isEmpty()) {
            problems.add(new PageProblem("edition", "edition.unknown", "There is no such edition."));
        }
        if (cleanTitle.isEmpty()) {
            problems.add(new PageProblem("title", "title.blank", "Give the page a title."));
        } else if (cleanTitle.length() > MAX_TITLE) {
            problems.add(new PageProblem("title", "title.too_long",
                    "The title is longer than " + MAX_TITLE + " characters."));
        }
        if (cleanBody.isEmpty()) {
            problems.add(new PageProblem("body", "body.blank", "Write the page's text."));
        } else if (cleanBody.markup().length() > MAX_BODY) {
            problems.add(new PageProblem("body", "body.too_long",
                    "The text is longer than " + MAX_BODY + " characters."));
        }
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        SitePage page = new SitePage(edition, kind, cleanTitle, cleanBody, clock.instant(), actor.displayName());
        pages.save(page);
        changes.append(ChangeKinds.SITE_PAGE_EDITED, edition, null, List.of(SitePageKeys.of(edition, kind)));
        return new Saved(page);
    }
}
