package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a reader's query into a Lucene query over one language's fields: every word (or phrase) must occur, in the
 * headline or the text; a match in the headline weighs {@value #HEADLINE_BOOST} times one in the text; the word being
 * typed also matches as the start of a word. Stop words are passed over unless they are all the query has ("the who").
 */
final class TextQuery {

    static final float HEADLINE_BOOST = 3f;
    /** A prefix of one letter matches a good part of the language: the word must have two. */
    static final int MIN_PREFIX = 2;
    /** Beside the words of another field, a match in the headline and the text counts a little more than one. */
    private static final float TIE_BREAKER = 0.1f;
    /** The words a typed start stands for when its matches are marked. */
    static final int MARKED_PREFIX_TERMS = 64;

    private TextQuery() {
    }

    /** The query, or null when the text holds nothing to search for. */
    static Query of(ReaderQuery reader, Language language) {
        return of(reader, language, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    /**
     * The same query for marking the words found, once rewritten by the searcher: the word being typed becomes the
     * (at most {@value #MARKED_PREFIX_TERMS}) words of the index it starts, so the highlighter can take the marks
     * from the index's offsets; a prefix left as such would have it analyse every shown text again.
     */
    static Query forMarking(ReaderQuery reader, Language language) {
        return of(reader, language, new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MARKED_PREFIX_TERMS));
    }

    private static Query of(ReaderQuery reader, Language language, MultiTermQuery.RewriteMethod prefixes) {
        String headline = Fields.headline(language);
        String body = Fields.body(language);
        QueryBuilder phrases = new QueryBuilder(language.stemmed());
        List<Query> clauses = new ArrayList<>();
        List<String> stopWords = new ArrayList<>();
        for (int p = 0; p < reader.parts().size(); p++) {
            ReaderQuery.Part part = reader.parts().get(p);
            if (part instanceof ReaderQuery.Phrase phrase) {
                Query inHeadline = phrases.createPhraseQuery(headline, phrase.text());
                Query inBody = phrases.createPhraseQuery(body, phrase.text());
                if (inHeadline != null && inBody != null) {
                    clauses.add(eitherField(inHeadline, inBody));
                }
                continue;
            }
            List<String> words = terms(language.words(), Fields.words(language), part.text());
            boolean lastPart = p == reader.parts().size() - 1;
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                String stem = single(language.stemmed(), body, word);
                Query match = stem == null ? null
                        : eitherField(new TermQuery(new Term(headline, stem)), new TermQuery(new Term(body, stem)));
                boolean typing = reader.lastWordPrefix() && lastPart && w == words.size() - 1
                        && word.codePointCount(0, word.length()) >= MIN_PREFIX;
                if (typing) {
                    // Stems start as their words do ("правительств", "review"), so the headline's stems take the
                    // prefix too, and a story whose headline starts the word ranks above one whose text does.
                    Query start = eitherField(
                            new ConstantScoreQuery(new PrefixQuery(new Term(headline, word), prefixes)),
                            new ConstantScoreQuery(new PrefixQuery(new Term(Fields.words(language), word), prefixes)));
                    match = match == null ? start : new BooleanQuery.Builder()
                            .add(match, BooleanClause.Occur.SHOULD)
                            .add(start, BooleanClause.Occur.SHOULD).build();
                }
                if (match == null) {
                    stopWords.add(word);
                } else {
                    clauses.add(match);
                }
            }
        }
        if (clauses.isEmpty()) {
            stopWords.forEach(word -> clauses.add(new TermQuery(new Term(Fields.words(language), word))));
        }
        if (clauses.isEmpty()) {
            return null;
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        clauses.forEach(clause -> all.add(clause, BooleanClause.Occur.MUST));
        return all.build();
    }

    /**
     * The query over texts in any of these languages (each document's text is in one): a match in the fields of
     * any of them; null when none of them finds anything to search for.
     */
    static Query anyOf(ReaderQuery reader, Collection<Language> languages) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean searchable = false;
        for (Language language : languages) {
            Query text = of(reader, language);
            if (text != null) {
                any.add(text, BooleanClause.Occur.SHOULD);
                searchable = true;
            }
        }
        return searchable ? any.build() : null;
    }

    private static Query eitherField(Query inHeadline, Query inBody) {
        return new DisjunctionMaxQuery(List.of(new BoostQuery(inHeadline, HEADLINE_BOOST), inBody), TIE_BREAKER);
    }

    /** The terms an analyser makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return terms;
    }

    /** The one term a word becomes, null for a stop word. */
    private static String single(Analyzer analyzer, String field, String word) {
        List<String> terms = terms(analyzer, field, word);
        return terms.isEmpty() ? null : terms.get(0);
    }
}
