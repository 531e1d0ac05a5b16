package org.dateline.pages;

import java.time.Instant;

import org.dateline.content.Body;

/**
 * A site page of one edition as readers see it.
 *
 * @param updatedAt when an administrator last saved it; null while it shows the default text
 * @param updatedBy who saved it last; null while it shows the default text
 */
public record SitePage(String edition, PageKind kind, String title, Body body, Instant updatedAt, String updatedBy) {

    public boolean edited() {
        return updatedAt != null;
    }

    public String path() {
        return kind.path(edition);
    }
}
