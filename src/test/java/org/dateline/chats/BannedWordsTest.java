package org.dateline.chats;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BannedWordsTest {

    @Test
    void findsWholeWordsAndPhrasesInAnyCase() {
        assertThat(BannedWords.anyIn("What a SCAM this is", List.of("scam"))).isTrue();
        assertThat(BannedWords.anyIn("buy cheap pills now", List.of("cheap pills"))).isTrue();
        assertThat(BannedWords.anyIn("Это СПАМ!", List.of("спам"))).isTrue();
    }

    @Test
    void neverMatchesInsideAnotherWord() {
        assertThat(BannedWords.anyIn("a classic scampi recipe", List.of("scam", "ass"))).isFalse();
    }

    @Test
    void treatsWordsAsTextNotPatterns() {
        assertThat(BannedWords.anyIn("anything at all", List.of(".*"))).isFalse();
        assertThat(BannedWords.anyIn("nothing", List.of())).isFalse();
    }
}
