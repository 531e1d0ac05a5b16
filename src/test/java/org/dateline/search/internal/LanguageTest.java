package org.dateline.search.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis of each language makes one term of the forms a reader means as one word. */
class LanguageTest {

    private static List<String> stems(Language language, String text) {
        return TextQuery.terms(language.stemmed(), Fields.body(language), text);
    }

    private static List<String> words(Language language, String text) {
        return TextQuery.terms(language.words(), Fields.words(language), text);
    }

    @Test
    void russianNounFormsShareOneStem() {
        List<String> stems = stems(Language.RUSSIAN, "новости новостей новость Новостями");
        assertThat(stems).hasSize(4).containsOnly(stems.get(0));
    }

    @Test
    void russianVerbAndAdjectiveFormsShareOneStem() {
        assertThat(stems(Language.RUSSIAN, "заявил заявила")).containsOnly(stems(Language.RUSSIAN, "заявил").get(0));
        assertThat(stems(Language.RUSSIAN, "российские российских российский"))
                .containsOnly(stems(Language.RUSSIAN, "российский").get(0));
    }

    @Test
    void russianYoIsReadAsYe() {
        assertThat(stems(Language.RUSSIAN, "Царёв")).isEqualTo(stems(Language.RUSSIAN, "Царев"));
        assertThat(stems(Language.RUSSIAN, "ЁЛКА")).isEqualTo(stems(Language.RUSSIAN, "елка"));
        assertThat(words(Language.RUSSIAN, "тяжёлом")).containsExactly("тяжелом");
    }

    @Test
    void russianStopWordsGoEvenWrittenWithYo() {
        assertThat(stems(Language.RUSSIAN, "и в на её всё")).isEmpty();
        assertThat(words(Language.RUSSIAN, "и в на её")).containsExactly("и", "в", "на", "ее");
    }

    @Test
    void englishPluralsAndTensesShareOneStem() {
        assertThat(stems(Language.ENGLISH, "election elections")).containsOnly("election");
        assertThat(stems(Language.ENGLISH, "review reviews reviewed reviewing")).containsOnly("review");
        assertThat(stems(Language.ENGLISH, "discussed discusses discussing")).containsOnly("discuss");
        assertThat(stems(Language.ENGLISH, "officials official")).containsOnly("official");
        assertThat(stems(Language.ENGLISH, "cities city")).containsOnly("city");
    }

    @Test
    void englishKeepsWordsThatOnlyLookInflected() {
        assertThat(stems(Language.ENGLISH, "news")).containsExactly("news");
        assertThat(stems(Language.ENGLISH, "organization")).isNotEqualTo(stems(Language.ENGLISH, "organ"));
    }

    @Test
    void englishDropsPossessivesStopWordsAndAccents() {
        assertThat(stems(Language.ENGLISH, "Russia's the of a")).containsExactly("russia");
        assertThat(words(Language.ENGLISH, "Café Déjà")).containsExactly("cafe", "deja");
    }

    @Test
    void punctuationAndOperatorsAreNoWords() {
        assertThat(words(Language.ENGLISH, "+budget -(tax) AND value* ~2 ^3 [a TO b] {c} \\ / !"))
                .containsExactly("budget", "tax", "and", "value", "2", "3", "a", "to", "b", "c");
    }
}
