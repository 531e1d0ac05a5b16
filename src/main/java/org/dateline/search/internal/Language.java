package org.dateline.search.internal;

import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * How the text of an edition's language is cut into terms. Each language has two analyses: {@link #stemmed} for
 * matching (новости, новостей and новость are one term; "reviewed" and "reviews" are "review") and {@link #words}
 * for what must see the words as written: the prefix of the word being typed and the spelling suggester.
 * <p>
 * English uses Snowball's English stemmer (Porter2): plurals and tenses come off ("talks", "talked" and "talking" are
 * "talk", which KStem keeps apart for words in its dictionary), and unlike the original Porter stemmer it leaves
 * "news" alone. Its known conflations ("organization" and "organ", "university" and "universe") cost some precision;
 * phrases in quotes and the weight of headline matches win it back where it matters.
 */
enum Language {

    ENGLISH("en") {
        @Override
        TokenStream stem(TokenStream words) {
            return new SnowballFilter(new StopFilter(words, ENGLISH_STOP), new EnglishStemmer());
        }

        @Override
        TokenStream fold(TokenStream lowerCase) {
            return new ASCIIFoldingFilter(lowerCase);
        }

        @Override
        TokenStream beforeLowerCase(TokenStream tokens) {
            return new EnglishPossessiveFilter(tokens);
        }
    },
    RUSSIAN("ru") {
        @Override
        TokenStream stem(TokenStream words) {
            return new SnowballFilter(new StopFilter(words, RUSSIAN_STOP), new RussianStemmer());
        }
    },
    /** An edition in a language without its own analysis: words as written, lower-cased. */
    OTHER("any") {
        @Override
        TokenStream stem(TokenStream words) {
            return words;
        }
    };

    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    /** Folded like the text they are compared with: "её" and "всё" are in Lucene's list with ё. */
    private static final CharArraySet RUSSIAN_STOP = folded(RussianAnalyzer.getDefaultStopSet());

    private final String code;
    private final Analyzer stemmed;
    private final Analyzer words;

    Language(String code) {
        this.code = code;
        this.stemmed = analyzer(true);
        this.words = analyzer(false);
    }

    static Language of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> ENGLISH;
            case "ru" -> RUSSIAN;
            default -> OTHER;
        };
    }

    /** The suffix of this language's fields: {@code headline.ru}. */
    String code() {
        return code;
    }

    /** Stop words out, endings off: for matching. */
    Analyzer stemmed() {
        return stemmed;
    }

    /** Every word as written, lower-cased and folded: for prefixes and spelling. */
    Analyzer words() {
        return words;
    }

    /**
     * What the analyses make of sample text in every language, hashed: it changes when any stemmer, stop list or
     * filter does, so an index written by another analysis is known for what it is ({@link ArticleIndex#schema}).
     */
    static String fingerprint() {
        String sample = "Новости, новостей; Ёлка её всё. The officials' talks were reviewed, running news. Café Déjà";
        StringBuilder terms = new StringBuilder();
        for (Language language : values()) {
            terms.append(language.code()).append(':')
                    .append(TextQuery.terms(language.stemmed(), Fields.body(language), sample)).append('|')
                    .append(TextQuery.terms(language.words(), Fields.words(language), sample)).append(';');
        }
        return Integer.toHexString(terms.toString().hashCode());
    }

    abstract TokenStream stem(TokenStream words);

    /** Letters the language treats as one (é and e in English). */
    TokenStream fold(TokenStream lowerCase) {
        return lowerCase;
    }

    TokenStream beforeLowerCase(TokenStream tokens) {
        return tokens;
    }

    private Analyzer analyzer(boolean stemming) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = fold(new YoFoldingFilter(new LowerCaseFilter(beforeLowerCase(source))));
                return new TokenStreamComponents(source, stemming ? stem(words) : words);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return fold(new YoFoldingFilter(new LowerCaseFilter(in)));
            }
        };
    }

    private static CharArraySet folded(CharArraySet words) {
        CharArraySet folded = new CharArraySet(words.size(), false);
        for (Object word : words) {
            folded.add(YoFoldingFilter.fold(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(folded);
    }
}
