package org.dateline.search.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Headlines and passages of found stories with the matched words marked. The text is HTML-escaped by the formatter
 * before the only markup, our own {@code <mark>}, is put in; so the result is safe to put in a page as it is.
 */
final class Snippets {

    /** About two lines of a result list. */
    private static final int PASSAGE_LENGTH = 220;
    private static final int MAX_ANALYSED = 100_000;

    private Snippets() {
    }

    /** Highlighted headline and passage of each doc, in order. */
    record Marked(String[] headlines, String[] passages) {
    }

    static Marked of(IndexSearcher searcher, Query query, Language language, Locale locale, int[] docs)
            throws IOException {
        String headline = Fields.headline(language);
        String body = Fields.body(language);
        // One pass over the shown stories marks both fields, so each story's stored text is read once.
        Map<String, String[]> marked = highlighter(searcher, language, locale, headline)
                .highlightFields(new String[] {headline, body}, query, docs, new int[] {1, 1});
        return new Marked(marked.get(headline), marked.get(body));
    }

    /**
     * The headline is marked whole; the text gives the passage of about two lines that matches best. The word being
     * typed is matched as a prefix of the words field; marking it in the headline and text needs the queries of
     * every field of the language to count for the field being marked.
     */
    private static UnifiedHighlighter highlighter(IndexSearcher searcher, Language language, Locale locale,
                                                  String headline) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, IndexAnalyzer.INSTANCE)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(MAX_ANALYSED)
                .withMaxNoHighlightPassages(1) // no match in the text: its opening
                .withFieldMatcher(field -> Fields.languageOf(field) == language);
        return new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.equals(headline) ? new WholeBreakIterator() : LengthGoalBreakIterator
                        .createClosestToLength(BreakIterator.getSentenceInstance(locale), PASSAGE_LENGTH, 0.3f);
            }
        };
    }
}
