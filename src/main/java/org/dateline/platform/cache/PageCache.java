package org.dateline.platform.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.platform.DatelineSettings;
import org.springframework.stereotype.Component;

/**
 * This node's cache of rendered public responses, evicted by surrogate key (ARCHITECTURE §5).
 * <p>
 * A controller marks its response cacheable with {@link #tag}, naming every piece of content the page shows. The
 * change log later evicts exactly the entries that carry a changed key. A response rendered while an eviction ran
 * may show the old state, so it is stored only if no eviction happened since its rendering began.
 */
@Component
public class PageCache {

    static final String KEYS_ATTRIBUTE = PageCache.class.getName() + ".keys";

    private final Cache<String, CachedPage> pages;
    private final ConcurrentHashMap<String, Set<String>> pagesByKey = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final boolean enabled;
    private volatile long generation;

    public PageCache(DatelineSettings settings) {
        this.enabled = settings.pageCache().enabled();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.pageCache().maxBytes())
                .weigher((String key, CachedPage page) -> page.weight())
                // Run on the removing thread so that the index is cleaned before anyone can store the key again.
                .executor(Runnable::run)
                .removalListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (key != null && page != null && cause != RemovalCause.REPLACED) {
                        unindex(key, page);
                    }
                })
                .build();
    }

    /** Marks the response to this request as cacheable, showing the content named by the given surrogate keys. */
    public static void tag(HttpServletRequest request, Collection<String> keys) {
        request.setAttribute(KEYS_ATTRIBUTE, Set.copyOf(keys));
    }

    @SuppressWarnings("unchecked")
    static Set<String> tagsOf(HttpServletRequest request) {
        return (Set<String>) request.getAttribute(KEYS_ATTRIBUTE);
    }

    public boolean enabled() {
        return enabled;
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    long generation() {
        return generation;
    }

    /** Stores a page rendered from a state no older than {@code renderedAtGeneration}; false if it may be stale. */
    boolean put(String key, CachedPage page, long renderedAtGeneration) {
        synchronized (writeLock) {
            if (generation != renderedAtGeneration) {
                return false;
            }
            for (String surrogate : page.keys()) {
                pagesByKey.computeIfAbsent(surrogate, k -> ConcurrentHashMap.newKeySet()).add(key);
            }
            pages.put(key, page);
            return true;
        }
    }

    /** Evicts every page that shows any of the given keys. */
    public void evict(Collection<String> keys) {
        synchronized (writeLock) {
            generation++;
            for (String surrogate : keys) {
                Set<String> affected = pagesByKey.remove(surrogate);
                if (affected != null) {
                    pages.invalidateAll(affected);
                }
            }
        }
    }

    public void clear() {
        synchronized (writeLock) {
            generation++;
            pages.invalidateAll();
            pagesByKey.clear();
        }
    }

    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    private void unindex(String key, CachedPage page) {
        synchronized (writeLock) {
            if (pages.getIfPresent(key) != null) {
                return; // a newer page was stored under this key and indexed; leave its index alone
            }
            for (String surrogate : page.keys()) {
                pagesByKey.computeIfPresent(surrogate, (k, set) -> {
                    set.remove(key);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }
}
