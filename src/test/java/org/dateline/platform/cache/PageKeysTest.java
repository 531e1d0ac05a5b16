package org.dateline.platform.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageKeysTest {

    @Test
    void leavesOutTheParametersOfSharedLinks() {
        assertThat(PageKeys.of("/en/", "utm_source=a&utm_medium=social&fbclid=IwAR0&gclid=x&yclid=1")).isEqualTo("/en/");
        assertThat(PageKeys.of("/en/", "msclkid=1&ref=newsletter&")).isEqualTo("/en/");
        assertThat(PageKeys.of("/en/", "")).isEqualTo("/en/");
        assertThat(PageKeys.of("/en/", null)).isEqualTo("/en/");
    }

    @Test
    void keepsTheParametersThatSelectContentInTheirOrder() {
        assertThat(PageKeys.of("/en/newsfeed", "utm_source=a&before=2007-02-22T10:00:00Z_1&fbclid=b"))
                .isEqualTo("/en/newsfeed?before=2007-02-22T10:00:00Z_1");
        assertThat(PageKeys.of("/en/search", "sort=new&utm_campaign=x&q=putin&after=10"))
                .isEqualTo("/en/search?sort=new&q=putin&after=10");
        assertThat(PageKeys.of("/en/search/suggest", "q=pu")).isEqualTo("/en/search/suggest?q=pu");
        // A search parameter selects nothing elsewhere.
        assertThat(PageKeys.of("/en/", "q=putin")).isEqualTo("/en/");
    }

    @Test
    void aParameterLeftOutMustBeOneTheApplicationWouldAccept() {
        assertThat(PageKeys.of("/en/", "utm_campaign=spring%20sale%E2%80%94two")).isEqualTo("/en/");
        assertThat(PageKeys.of("/en/", "utm_source=%ff")).isNull();
        assertThat(PageKeys.of("/en/", "utm_source=%zz")).isNull();
        assertThat(PageKeys.of("/en/", "utm_source=a%2")).isNull();
        assertThat(PageKeys.of("/en/", "utm_source=a%00")).isNull();
        // An encoded name may decode to one that selects content.
        assertThat(PageKeys.of("/en/", "%62efore=x")).isNull();
    }

    @Test
    void cachesOnlyAnonymousReadsOutsideTheExcludedPaths() {
        assertThat(PageKeys.cacheable("GET", "/en/", false)).isTrue();
        assertThat(PageKeys.cacheable("HEAD", "/en/", false)).isTrue();
        assertThat(PageKeys.cacheable("POST", "/en/", false)).isFalse();
        assertThat(PageKeys.cacheable("GET", "/en/", true)).isFalse();
        assertThat(PageKeys.cacheable("GET", "/api/me", false)).isFalse();
        assertThat(PageKeys.cacheable("GET", "/assets/site.css", false)).isFalse();
        assertThat(PageKeys.cacheable("GET", "/pictures/x/o/320.jpg", false)).isFalse();
        assertThat(PageKeys.cacheable("GET", "/en/stream", false)).isFalse();
    }
}
