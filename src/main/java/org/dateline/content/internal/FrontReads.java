package org.dateline.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.content.FrontArrangement;
import org.dateline.content.FrontQueries;
import org.dateline.content.LiveFront;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.springframework.stereotype.Component;

/** Reads front page arrangements, and resolves them against what is live now. */
@Component
class FrontReads implements FrontQueries {

    private final JdbcFrontPages fronts;
    private final ContentQueries content;
    private final Editions editions;

    FrontReads(JdbcFrontPages fronts, ContentQueries content, Editions editions) {
        this.fronts = fronts;
        this.content = content;
        this.editions = editions;
    }

    @Override
    public FrontArrangement arrangement(String edition) {
        return fronts.arrangement(edition);
    }

    @Override
    public LiveFront live(String edition) {
        FrontArrangement arrangement = fronts.arrangement(edition);
        Map<Long, ArticleSummary> live = content.liveSummaries(arrangement.articleIds()).stream()
                .filter(summary -> summary.edition().equals(edition))
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        LiveFront.Story top = arrangement.top() == null ? null : story(arrangement.top(), live);
        List<LiveFront.Story> pinned = arrangement.pinned().stream().map(pick -> story(pick, live))
                .filter(story -> story != null).toList();
        List<Section> all = editions.sections(edition);
        List<Section> ordered = new ArrayList<>();
        for (long id : arrangement.sections()) {
            all.stream().filter(section -> section.id() == id).findFirst().ifPresent(ordered::add);
        }
        all.stream().filter(section -> !ordered.contains(section)).forEach(ordered::add);
        return new LiveFront(edition, top, pinned, ordered);
    }

    private static LiveFront.Story story(FrontArrangement.Pick pick, Map<Long, ArticleSummary> live) {
        ArticleSummary article = live.get(pick.articleId());
        return article == null ? null : new LiveFront.Story(article, pick.frontHeadline());
    }
}
