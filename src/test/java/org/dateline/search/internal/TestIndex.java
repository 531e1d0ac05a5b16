package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dateline.search.SearchRequest;

/** An index in memory for the engine's unit tests: articles go in, searches come out, no Spring, no database. */
final class TestIndex implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final ArticleIndex index;

    TestIndex() {
        try {
            index = ArticleIndex.create(new ByteBuffersDirectory(), SearchIndexer.SCHEMA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestIndex add(IndexedArticle... articles) {
        try {
            for (IndexedArticle article : articles) {
                index.put(article.id(), ArticleDocument.of(article));
            }
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestIndex remove(long id) {
        try {
            index.remove(id);
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    IndexSearch.Page search(SearchRequest request) {
        Language language = request.edition().equals("ru") ? Language.RUSSIAN : Language.ENGLISH;
        FieldDoc after = request.cursor() == null ? null
                : SearchCursor.decode(request.sort(), request.cursor()).orElseThrow();
        try {
            return index.search(view -> new IndexSearch(view, language, Locale.forLanguageTag(request.edition()))
                    .run(request, after, NOW, slug -> slug.toUpperCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexSearch.Page search(String edition, String text) {
        return search(SearchRequest.of(edition, text, 10));
    }

    List<Long> ids(String edition, String text) {
        return search(edition, text).hits().stream().map(IndexSearch.Hit::id).toList();
    }

    private final Related related = new Related();

    List<Long> related(long id, String edition, int limit) {
        Language language = edition.equals("ru") ? Language.RUSSIAN : Language.ENGLISH;
        try {
            return index.search(view -> related.of(view, id, edition, language, limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndexedArticle article(long id, String edition, String headline, String text, Instant published) {
        return new IndexedArticle(id, edition, edition.equals("ru") ? Language.RUSSIAN : Language.ENGLISH, "world",
                headline, text, List.of(), List.of(), published);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
