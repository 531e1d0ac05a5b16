package org.dateline.identity;

/** Authorities an API caller may hold. The bootstrap admin token holds them all. */
public final class Scopes {

    public static final String ARTICLES_WRITE = "SCOPE_articles:write";

    private Scopes() {
    }
}
