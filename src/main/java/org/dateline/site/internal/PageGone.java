package org.dateline.site.internal;

import org.dateline.editions.Edition;

/** The story at this address was killed: 410 Gone, with a short notice in the edition's language. */
class PageGone extends RuntimeException {

    private final transient Edition edition;

    PageGone(Edition edition) {
        super(null, null, false, false);
        this.edition = edition;
    }

    Edition edition() {
        return edition;
    }
}
