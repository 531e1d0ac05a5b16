package org.dateline.editions.internal;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.editions.Editions;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every node reads its editions afresh when the change log says they changed (a time zone set on another node). First
 * of the listeners: the page cache, cleared by the same entry, must not be refilled from the old editions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditionsReload implements ChangeListener {

    private final Editions editions;

    EditionsReload(Editions editions) {
        this.editions = editions;
    }

    @Override
    public void onChange(Change change) {
        if (ChangeKinds.STRUCTURE_CHANGED.equals(change.kind())) {
            editions.reload();
        }
    }
}
