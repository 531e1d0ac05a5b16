package org.dateline.search.internal;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.dateline.search.IndexableStory;

/**
 * Turns a newsroom story into the story index's document: the text as an article's ({@link ArticleDocument}), the
 * byline searched with it, and what the newsroom narrows by (field names: {@link Fields}).
 */
final class StoryDocument {

    private StoryDocument() {
    }

    static Document of(IndexableStory story, Language language) {
        String byline = String.join("\n", story.authors());
        String text = byline.isEmpty() ? nz(story.text()) : nz(story.text()) + "\n\n" + byline;
        Document doc = ArticleDocument.withText(story.id(), language, nz(story.headline()), text);
        keyword(doc, Fields.STATE, story.state());
        keyword(doc, Fields.DESK, story.desk());
        keyword(doc, Fields.EDITION, story.edition());
        keyword(doc, Fields.SECTION, story.section());
        if (story.createdBy() != null) {
            keyword(doc, Fields.CREATED_BY, Long.toString(story.createdBy()));
        }
        for (String author : story.authors()) {
            keyword(doc, Fields.AUTHOR_NAME, authorName(author));
        }
        doc.add(new NumericDocValuesField(Fields.UPDATED, story.updatedAt().toEpochMilli()));
        return doc;
    }

    /** An author's name as the filter compares it: stripped and lower-cased. */
    static String authorName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
