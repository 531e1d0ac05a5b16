package org.dateline.site.internal;

import org.dateline.editions.Edition;

/** No page at this address; the error page speaks the language of the edition the reader was in. */
class PageNotFound extends RuntimeException {

    private final transient Edition edition;

    PageNotFound(Edition edition) {
        super(null, null, false, false);
        this.edition = edition;
    }

    Edition edition() {
        return edition;
    }
}
