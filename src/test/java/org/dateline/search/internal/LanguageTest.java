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
        assertOneStem(Language.RUSSIAN, "новости новостей новость Новостями");
    }

    @Test
    void russianVerbAndAdjectiveFormsShareOneStem() {
        assertOneStem(Language.RUSSIAN, "заявил заявила заявили");
        assertOneStem(Language.RUSSIAN, "российские российских российский");
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
        assertOneStem(Language.ENGLISH, "election elections");
        assertOneStem(Language.ENGLISH, "review reviews reviewed reviewing");
        assertOneStem(Language.ENGLISH, "talk talks talked talking");
        assertOneStem(Language.ENGLISH, "discuss discussed discusses discussing");
        assertOneStem(Language.ENGLISH, "city cities");
        assertOneStem(Language.ENGLISH, "run running runs");
    }

    @Test
    void englishKeepsApartWordsThatOnlyLookInflected() {
        assertThat(stems(Language.ENGLISH, "news")).isNotEqualTo(stems(Language.ENGLISH, "new"));
        assertThat(stems(Language.ENGLISH, "police")).isNotEqualTo(stems(Language.ENGLISH, "policy"));
        assertThat(stems(Language.ENGLISH, "general")).isNotEqualTo(stems(Language.ENGLISH, "generous"));
    }

    private static void assertOneStem(Language language, String forms) {
        List<String> stems = stems(language, forms);
        assertThat(stems).as(forms).hasSize(forms.split(" ").length).containsOnly(stems.get(0));
    }

    @Test
    void englishDropsPossessivesStopWordsAndAccents() {
        assertThat(stems(Language.ENGLISH, "Russia's the of a")).isEqualTo(stems(Language.ENGLISH, "Russia"));
        assertThat(words(Language.ENGLISH, "Café Déjà")).containsExactly("cafe", "deja");
    }

    @Test
    void punctuationAndOperatorsAreNoWords() {
        assertThat(words(Language.ENGLISH, "+budget -(tax) AND value* ~2 ^3 [a TO b] {c} \\ / !"))
                .containsExactly("budget", "tax", "and", "value", "2", "3", "a", "to", "b", "c");
    }
}
