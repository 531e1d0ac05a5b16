package org.dateline.site.internal;

import java.util.stream.Stream;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.content.ContentKeys;
import org.dateline.platform.cache.PageCache;
import org.springframework.stereotype.Component;

/** Evicts from this node's page cache exactly the pages that show what a change touched. */
@Component
class PageCacheEviction implements ChangeListener {

    private final PageCache cache;

    PageCacheEviction(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public void onChange(Change change) {
        if (ChangeKinds.STRUCTURE_CHANGED.equals(change.kind())) {
            cache.clear(); // menus are on every page
        } else if (ChangeKinds.PICTURE_REMOVED.equals(change.kind())) {
            // The article sitemaps name the pictures of thousands of pages, too many keys to tag them with.
            cache.evict(Stream.concat(change.keys().stream(), Stream.of(ContentKeys.SITEMAPS)).toList());
        } else {
            cache.evict(change.keys());
        }
    }
}
