package org.dateline.platform.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalRequestsTest {

    @Test
    void matchesStrongWeakListedAndWildcardEtags() {
        assertThat(PageCacheFilter.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(PageCacheFilter.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(PageCacheFilter.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(PageCacheFilter.matches("*", "\"abc\"")).isTrue();
        assertThat(PageCacheFilter.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(PageCacheFilter.matches(null, "\"abc\"")).isFalse();
    }

    @Test
    void acceptsGzipUnlessRefusedWithQZero() {
        assertThat(PageCacheFilter.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageCacheFilter.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(PageCacheFilter.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageCacheFilter.acceptsGzip("identity")).isFalse();
        assertThat(PageCacheFilter.acceptsGzip(null)).isFalse();
    }
}
