package org.dateline.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of the query that no story holds is replaced by the closest word the stories of the
 * language do hold, read from the index's own terms: no dictionary to keep.
 * <p>
 * Cost is bounded, since any reader can send a query that matches nothing: a word one letter off is looked for
 * first (about a millisecond); two letters off only for one long word per query (the automaton of two edits costs
 * four times as much, and short words two letters off are other words); at most {@value #MAX_RESPELT} words, none
 * longer than {@value #MAX_WORD} letters.
 */
final class Spelling {

    private static final int MAX_WORD = 16;
    private static final int MAX_RESPELT = 3;
    /** Shorter words two letters apart are mostly different words, not misspellings. */
    private static final int MIN_TWO_EDITS = 7;

    private Spelling() {
    }

    /** The query respelt, or null when every word is known or no respelling is found. */
    static String suggest(IndexReader reader, ReaderQuery query, Language language) throws IOException {
        String field = Fields.words(language);
        DirectSpellChecker oneEdit = checker(1);
        DirectSpellChecker twoEdits = null;
        boolean changed = false;
        int tried = 0;
        List<String> parts = new ArrayList<>();
        for (ReaderQuery.Part part : query.parts()) {
            List<String> words = new ArrayList<>();
            for (String word : TextQuery.terms(language.words(), field, part.text())) {
                Term term = new Term(field, word);
                String respelt = word;
                if (tried < MAX_RESPELT && reader.docFreq(term) == 0) {
                    tried++;
                    SuggestWord[] found = oneEdit.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (found.length == 0 && twoEdits == null && word.length() >= MIN_TWO_EDITS) {
                        twoEdits = checker(2);
                        found = twoEdits.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    }
                    if (found.length > 0) {
                        respelt = found[0].string;
                        changed = true;
                    }
                }
                words.add(respelt);
            }
            String joined = String.join(" ", words);
            parts.add(part instanceof ReaderQuery.Phrase ? "\"" + joined + "\"" : joined);
        }
        return changed ? String.join(" ", parts) : null;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(edits);
        checker.setMinQueryLength(3);
        checker.setMaxQueryLength(MAX_WORD);
        return checker;
    }
}
