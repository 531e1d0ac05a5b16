package org.dateline.chats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextTest {

    @Test
    void keepsOrdinaryTextAndNormalisesWhitespace() {
        assertThat(text("  Hello,\r\nworld\t!  ")).isEqualTo("Hello,\nworld !");
        assertThat(text("a\n\n\n\n\nb")).isEqualTo("a\n\nb");
    }

    @Test
    void normalisesToComposedForm() {
        assertThat(text("e\u0301")).isEqualTo("\u00e9");
    }

    @Test
    void refusesEmptyAndBlankMessages() {
        assertThat(reason(null)).isEqualTo(Refusal.EMPTY);
        assertThat(reason("")).isEqualTo(Refusal.EMPTY);
        assertThat(reason(" \n\t \r\n")).isEqualTo(Refusal.EMPTY);
    }

    @Test
    void countsLengthInCharactersAsReadersDo() {
        assertThat(text("x".repeat(MessageText.MAX_LENGTH))).hasSize(MessageText.MAX_LENGTH);
        assertThat(reason("x".repeat(MessageText.MAX_LENGTH + 1))).isEqualTo(Refusal.TOO_LONG);
        String emoji = "\uD83D\uDE00"; // two UTF-16 units, one character
        assertThat(text(emoji.repeat(MessageText.MAX_LENGTH))).isNotNull();
    }

    @Test
    void refusesControlCharactersAndBrokenUnicode() {
        assertThat(reason("bell\u0007")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("nul\u0000")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("c1\u0085")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("lone \uD83D surrogate")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("lone \uDE00 low")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("bad utf-8 \uFFFD")).isEqualTo(Refusal.INVALID_CHARACTERS);
        assertThat(reason("nonchar \uFFFF")).isEqualTo(Refusal.INVALID_CHARACTERS);
    }

    @Test
    void acceptsEveryScript() {
        assertThat(text("Привет, мир! 你好 مرحبا 👋")).isEqualTo("Привет, мир! 你好 مرحبا 👋");
    }

    @Test
    void aQuoteShowsTheBeginningOnOneLineCutOnACharacterBoundary() {
        assertThat(Quote.of(MessageState.VISIBLE, "Alice", "Short\nand sweet"))
                .isEqualTo(new Quote("Alice", "Short and sweet", null));
        String emoji = "👋".repeat(120); // two chars each: cut by characters as readers count them
        assertThat(Quote.of(MessageState.VISIBLE, "Alice", emoji).text()).isEqualTo("👋".repeat(99) + "\u2026");
        assertThat(Quote.of(MessageState.VISIBLE, "Alice", "a".repeat(98) + "   bcd").text())
                .isEqualTo("a".repeat(98) + "\u2026");
        assertThat(Quote.of(MessageState.VISIBLE, "Alice", "a".repeat(100)).text()).isEqualTo("a".repeat(100));
        assertThat(Quote.of(MessageState.DELETED, "Alice", "Gone")).isEqualTo(new Quote(null, null, true));
        assertThat(Quote.of(MessageState.HIDDEN, "Alice", "Removed by a moderator")).isNull();
        assertThat(Quote.of(MessageState.HELD, "Alice", "Waiting")).isNull();
    }

    private static String text(String raw) {
        MessageText.Checked checked = MessageText.check(raw);
        assertThat(checked).isInstanceOf(MessageText.Valid.class);
        return ((MessageText.Valid) checked).text();
    }

    private static Refusal reason(String raw) {
        MessageText.Checked checked = MessageText.check(raw);
        assertThat(checked).isInstanceOf(MessageText.Invalid.class);
        return ((MessageText.Invalid) checked).reason();
    }
}
