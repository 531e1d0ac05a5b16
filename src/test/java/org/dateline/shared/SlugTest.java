package org.dateline.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugTest {

    @Test
    void derivesLowercaseHyphenatedAsciiFromAHeadline() {
        assertThat(Slug.from("Russia, U.S. look to boost cooperation on terror, proliferation").value())
                .isEqualTo("russia-u-s-look-to-boost-cooperation-on-terror-proliferation");
    }

    @Test
    void transliteratesCyrillic() {
        assertThat(Slug.from("Новая статья о рынке").value()).isEqualTo("novaya-statya-o-rynke");
        assertThat(Slug.from("Щука и ёж").value()).isEqualTo("shchuka-i-ezh");
    }

    @Test
    void dropsAccentsAndCutsLongTitlesAtAWordBoundary() {
        assertThat(Slug.from("Café déjà vu").value()).isEqualTo("cafe-deja-vu");
        String slug = Slug.from("word ".repeat(40)).value();
        assertThat(slug.length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slug.from("!!!").value()).isEqualTo("item");
    }

    @Test
    void rejectsInvalidSlugs() {
        assertThat(Slug.isValid("ok-slug-2")).isTrue();
        assertThat(Slug.isValid("Bad")).isFalse();
        assertThat(Slug.isValid("double--hyphen")).isFalse();
        assertThat(Slug.isValid("-edge")).isFalse();
        assertThatThrownBy(() -> new Slug("with space")).isInstanceOf(IllegalArgumentException.class);
    }
}
