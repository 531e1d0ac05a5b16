package org.dateline.site.internal;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
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
        } else {
            cache.evict(change.keys());
        }
    }
}
