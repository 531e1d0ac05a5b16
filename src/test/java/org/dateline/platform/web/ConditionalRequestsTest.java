package org.dateline.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalRequestsTest {

    @Test
    void matchesStrongWeakListedAndWildcardEtags() {
        assertThat(ReadyAnswer.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(ReadyAnswer.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(ReadyAnswer.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(ReadyAnswer.matches("*", "\"abc\"")).isTrue();
        assertThat(ReadyAnswer.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(ReadyAnswer.matches(null, "\"abc\"")).isFalse();
        assertThat(ReadyAnswer.matches(" W/\"abc\" ,\"x\"", "\"abc\"")).isTrue();
        assertThat(ReadyAnswer.matches("\"abc\"x, W/\"ab\"", "\"abc\"")).isFalse();
        assertThat(ReadyAnswer.matches("", "\"abc\"")).isFalse();
    }

    @Test
    void acceptsGzipUnlessRefusedWithQZero() {
        assertThat(ReadyAnswer.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ReadyAnswer.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(ReadyAnswer.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ReadyAnswer.acceptsGzip("identity")).isFalse();
        assertThat(ReadyAnswer.acceptsGzip(null)).isFalse();
        assertThat(ReadyAnswer.acceptsGzip("deflate,GZIP")).isTrue();
        assertThat(ReadyAnswer.acceptsGzip("br, gzip ; q = 0 ")).isFalse();
        assertThat(ReadyAnswer.acceptsGzip("gzip;")).isTrue();
        assertThat(ReadyAnswer.acceptsGzip("x-gzip, gzipped")).isFalse();
    }
}
