package org.dateline.platform.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.dateline.platform.DatelineSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {

    private final PageCache cache = new PageCache(new DatelineSettings(Path.of("data"), null, null,
            new DatelineSettings.PageCache(true, 1_000_000), new DatelineSettings.Mail("Dateline <test@localhost>"),
            List.of()));

    private static CachedPage page(String body, String... keys) {
        return CachedPage.of(body.getBytes(StandardCharsets.UTF_8), List.of(), Set.of(keys));
    }

    @Test
    void evictsExactlyThePagesThatShowAChangedKey() {
        cache.put("/en/a", page("a", "article:1", "edition:en"), cache.generation());
        cache.put("/en/b", page("b", "article:2", "edition:en"), cache.generation());
        cache.put("/ru/c", page("c", "article:3", "edition:ru"), cache.generation());

        cache.evict(List.of("article:1"));

        assertThat(cache.get("/en/a")).isNull();
        assertThat(cache.get("/en/b")).isNotNull();
        assertThat(cache.get("/ru/c")).isNotNull();
        cache.evict(List.of("edition:en"));
        assertThat(cache.get("/en/b")).isNull();
        assertThat(cache.get("/ru/c")).isNotNull();
    }

    @Test
    void refusesAPageRenderedWhileAnEvictionRan() {
        long renderedAt = cache.generation();
        cache.evict(List.of("article:1"));
        assertThat(cache.put("/en/a", page("stale", "article:1"), renderedAt)).isFalse();
        assertThat(cache.get("/en/a")).isNull();
    }

    @Test
    void aPageStoredAgainAfterEvictionIsEvictedAgain() {
        cache.put("/en/a", page("one", "article:1"), cache.generation());
        cache.evict(List.of("article:1"));
        cache.put("/en/a", page("two", "article:1"), cache.generation());
        cache.evict(List.of("article:1"));
        assertThat(cache.get("/en/a")).isNull();
    }

    @Test
    void replacingAPageKeepsItsNewKeysIndexed() {
        cache.put("/en/a", page("one", "article:1"), cache.generation());
        cache.put("/en/a", page("two", "article:2"), cache.generation());
        cache.evict(List.of("article:2"));
        assertThat(cache.get("/en/a")).isNull();
    }
}
