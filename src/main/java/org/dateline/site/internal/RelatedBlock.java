package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.content.Article;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.media.PictureRendition;
import org.dateline.search.SearchKeys;
import org.dateline.search.SearchQueries;
import org.dateline.site.Ui;
import org.dateline.site.view.RelatedView;
import org.springframework.stereotype.Component;

/**
 * The related stories under an article ({@code id="related"}): the edition's live stories most like it in headline
 * and text (search's {@code related}), with the keys the page must carry: each story and lead picture shown, so a
 * story taken down or a picture changed leaves at once, and the edition's search key, which the index evicts each
 * time it shows a change in the edition: a new story that would now rank among them, and the story itself once it
 * is indexed (a page opened the moment its story was published, or while the index was being built, has no related
 * stories yet), reach the page then. Without any, the block is left out.
 */
@Component
class RelatedBlock {

    static final int ITEMS = 4;

    /** @param view null when there is nothing to show */
    record Shown(RelatedView view, List<String> keys) {
    }

    private final SearchQueries search;

    RelatedBlock(SearchQueries search) {
        this.search = search;
    }

    Shown under(Article article, Ui ui) {
        List<ArticleSummary> related = search.related(article.id(), article.edition(), ITEMS);
        List<String> keys = new ArrayList<>();
        keys.add(SearchKeys.results(article.edition()));
        related.forEach(summary -> keys.add(ContentKeys.article(summary.id())));
        keys.addAll(ContentKeys.leadPictures(related));
        if (related.isEmpty()) {
            return new Shown(null, keys);
        }
        List<RelatedView.Item> items = related.stream().map(summary -> {
            PictureRendition thumb = summary.leadPicture() == null ? null : summary.leadPicture().squareThumbnail();
            return new RelatedView.Item(summary.headline(), summary.path(), summary.sectionName(),
                    thumb == null ? null : thumb.path(), thumb == null ? 0 : thumb.width(),
                    thumb == null ? 0 : thumb.height());
        }).toList();
        return new Shown(new RelatedView(ui.t("related.title"), items), keys);
    }
}
