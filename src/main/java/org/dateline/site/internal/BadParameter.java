package org.dateline.site.internal;

/** A parameter of a page with a value the page does not offer (a search's {@code range=century}). */
class BadParameter extends RuntimeException {

    BadParameter() {
        super(null, null, false, false);
    }
}
