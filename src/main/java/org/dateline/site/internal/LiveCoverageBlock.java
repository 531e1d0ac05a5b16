package org.dateline.site.internal;

import java.time.Instant;
import java.util.List;

import org.dateline.content.Article;
import org.dateline.content.LiveCoverageQueries;
import org.dateline.content.LiveEntry;
import org.dateline.site.Ui;
import org.dateline.site.view.LiveView;
import org.springframework.stereotype.Component;

/**
 * The entries of a live coverage story on its page. Every change to them logs the story's article key, which the page
 * carries anyway: no key of its own.
 */
@Component
class LiveCoverageBlock {

    private final LiveCoverageQueries coverage;

    LiveCoverageBlock(LiveCoverageQueries coverage) {
        this.coverage = coverage;
    }

    /** The story's entries, newest first; null when the story is not live coverage. */
    List<LiveEntry> entries(Article article) {
        return article.id() > 0 && coverage.isLiveCoverage(article.id()) ? coverage.entries(article.id()) : null;
    }

    static LiveView view(Article article, String canonical, List<LiveEntry> entries, Ui ui, Instant now) {
        return new LiveView(article.id(), entries.stream().map(entry -> new LiveView.Entry(entry.id(),
                entry.anchor(), canonical + "#" + entry.anchor(), entry.text(), entry.link(),
                entry.postedAt().toString(), ui.shortTime(entry.postedAt(), now),
                entry.wasUpdated() ? entry.updatedAt().toString() : null,
                entry.wasUpdated() ? ui.shortTime(entry.updatedAt(), now) : null)).toList());
    }
}
