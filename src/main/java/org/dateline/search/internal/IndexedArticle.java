package org.dateline.search.internal;

import java.time.Instant;
import java.util.List;

import org.dateline.content.Article;

/**
 * What the index keeps of an article: the words a reader searches and what results are narrowed by.
 *
 * @param text    the lead and the body's text; the lead only once when the body opens with it (wire copy does)
 * @param authors slug and name of each author
 * @param tags    slug and name of each tag
 */
record IndexedArticle(long id, String edition, Language language, String section, String headline, String text,
                      List<Label> authors, List<Label> tags, Instant publishedAt) {

    /** A facet value: the slug filters, the name is shown. */
    record Label(String slug, String name) {
    }

    static IndexedArticle of(Article article, Language language) {
        String body = article.body().toPlainText();
        String lead = article.lead() == null ? "" : article.lead().strip();
        String text = lead.isEmpty() || body.startsWith(lead) ? body : lead + "\n\n" + body;
        return new IndexedArticle(article.id(), article.edition(), language, article.section().slug(),
                article.headline(), text,
                article.authors().stream().map(a -> new Label(a.slug(), a.name())).toList(),
                article.tags().stream().map(t -> new Label(t.slug(), t.name())).toList(),
                article.publishedAt());
    }
}
