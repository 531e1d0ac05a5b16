package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** Turns a live article into the article index's document (field names: {@link Fields}). */
final class ArticleDocument {

    /** Stored with offsets in the postings: snippets are cut without analysing the text again. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);
    /** Only which documents hold a word and how often: prefixes and spelling need no positions. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private ArticleDocument() {
    }

    /**
     * A document with its id and its text, analysed as the language needs and queried by {@link TextQuery}: what
     * every index of articles holds, whatever else it is narrowed by ({@link StoryDocument}).
     */
    static Document withText(long id, Language language, String headline, String text) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(id), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.ID_VALUE, id));
        doc.add(new Field(Fields.headline(language), headline, HIGHLIGHTED));
        doc.add(new Field(Fields.body(language), text, HIGHLIGHTED));
        doc.add(new Field(Fields.words(language), headline + "\n\n" + text, WORDS));
        return doc;
    }

    static Document of(IndexedArticle article) {
        Language language = article.language();
        Document doc = withText(article.id(), language, article.headline(), article.text());
        doc.add(new StringField(Fields.EDITION, article.edition(), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION, article.section(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(Fields.SECTION, article.section()));
        for (IndexedArticle.Label author : article.authors()) {
            doc.add(new StringField(Fields.AUTHOR, author.slug(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(Fields.AUTHOR, FacetLabels.encode(author)));
        }
        for (IndexedArticle.Label tag : article.tags()) {
            doc.add(new StringField(Fields.TAG, tag.slug(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(Fields.TAG, FacetLabels.encode(tag)));
        }
        long published = article.publishedAt().toEpochMilli();
        doc.add(new LongPoint(Fields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, published));
        try {
            return FacetLabels.CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // FacetsConfig declares it for taxonomy facets; these have none
        }
    }
}
