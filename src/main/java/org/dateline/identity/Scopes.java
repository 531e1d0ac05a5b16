package org.dateline.identity;

/** Authorities an API caller may hold. The bootstrap admin token holds them all. */
public final class Scopes {

    public static final String ARTICLES_WRITE = "SCOPE_articles:write";
    /** Pushing wire copy to {@code POST /api/wire/items} and reading the ingest log. */
    public static final String WIRE_PUSH = "SCOPE_wire:push";

    private Scopes() {
    }
}
