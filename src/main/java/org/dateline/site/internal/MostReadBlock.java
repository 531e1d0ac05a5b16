package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dateline.content.Article;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.media.PictureRendition;
import org.dateline.readership.MostRead;
import org.dateline.readership.Ranking;
import org.dateline.site.Ui;
import org.dateline.site.view.MostReadView;
import org.springframework.stereotype.Component;

/**
 * The most-read block of the home page (the edition's list) and of an article page (its section's list when that
 * has enough live stories, else the edition's), with the surrogate keys the page must carry: the lists it shows or
 * could show (so a new ranking evicts it, even while it shows none) and the stories and pictures in it (so a story
 * taken down leaves at once). Only live stories are shown; without any the block is left out.
 */
@Component
class MostReadBlock {

    static final int HOME_ITEMS = 10;
    static final int ARTICLE_ITEMS = 5;

    /** @param view null when there is nothing to show */
    record Shown(MostReadView view, List<String> keys) {
    }

    private final MostRead mostRead;
    private final ContentQueries content;

    MostReadBlock(MostRead mostRead, ContentQueries content) {
        this.mostRead = mostRead;
        this.content = content;
    }

    Shown home(Edition edition, Ui ui) {
        Ranking ranking = mostRead.edition(edition.code());
        List<ArticleSummary> live = content.liveSummaries(ranking.articleIds());
        return shown(ui.t("mostread.title"), live, HOME_ITEMS, null, ui, List.of(ranking.key()));
    }

    Shown beside(Article article, Edition edition, Ui ui) {
        MostRead.BesideArticle lists = mostRead.besideArticle(edition.code(), article.section().id());
        Ranking section = lists.section();
        Ranking whole = lists.edition();
        Set<Long> ids = new LinkedHashSet<>(section.articleIds());
        ids.addAll(whole.articleIds());
        Map<Long, ArticleSummary> live = content.liveSummaries(List.copyOf(ids)).stream()
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<ArticleSummary> inSection = liveOf(section, live);
        if (inSection.size() >= ARTICLE_ITEMS) {
            return shown(ui.t("mostread.section", article.section().name()), inSection, ARTICLE_ITEMS, article.id(),
                    ui, List.of(section.key()));
        }
        // the section's list is watched too: once it has enough, it takes the edition's place
        return shown(ui.t("mostread.title"), liveOf(whole, live), ARTICLE_ITEMS, article.id(), ui,
                List.of(whole.key(), section.key()));
    }

    private static List<ArticleSummary> liveOf(Ranking ranking, Map<Long, ArticleSummary> live) {
        return ranking.articleIds().stream().map(live::get).filter(summary -> summary != null).toList();
    }

    private static Shown shown(String title, List<ArticleSummary> live, int size, Long current, Ui ui,
                               List<String> rankingKeys) {
        List<ArticleSummary> listed = live.subList(0, Math.min(size, live.size()));
        List<String> keys = new ArrayList<>(rankingKeys);
        listed.forEach(summary -> keys.add(ContentKeys.article(summary.id())));
        keys.addAll(ContentKeys.leadPictures(listed));
        if (listed.isEmpty()) {
            return new Shown(null, keys);
        }
        List<MostReadView.Item> items = listed.stream().map(summary -> {
            PictureRendition thumb = summary.leadPicture() == null ? null : summary.leadPicture().squareThumbnail();
            return new MostReadView.Item(summary.headline(), summary.path(), thumb == null ? null : thumb.path(),
                    thumb == null ? 0 : thumb.width(), thumb == null ? 0 : thumb.height(),
                    current != null && current == summary.id());
        }).toList();
        return new Shown(new MostReadView(title, ui.t("mostread.period"), items), keys);
    }
}
