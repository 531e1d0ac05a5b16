package org.dateline.site.internal;

/** A {@code before} parameter that is not a cursor this site produced. */
class BadCursor extends RuntimeException {

    BadCursor() {
        super(null, null, false, false);
    }
}
