package org.dateline.identity;

import java.util.List;

/**
 * What an API caller may do. A scope is written {@code articles:write} in the API and the newsroom; Spring Security
 * holds it as the authority {@code SCOPE_articles:write} (the constants below). The bootstrap admin token
 * ({@code DATELINE_ADMIN_TOKEN}) holds every scope; an integration holds the scopes it was given.
 */
public final class Scopes {

    /** Read articles through the admin API (its GET endpoints). */
    public static final String ARTICLES_READ = "SCOPE_articles:read";
    /** Publish, update, correct, unpublish and kill through the admin API; includes reading. */
    public static final String ARTICLES_WRITE = "SCOPE_articles:write";
    /** Push wire items ({@code POST /api/wire/items}). */
    public static final String WIRE_PUSH = "SCOPE_wire:push";
    /** Create, list and revoke integrations and read their webhook deliveries ({@code /api/admin/integrations}). */
    public static final String INTEGRATIONS_MANAGE = "SCOPE_integrations:manage";

    /** Every scope by name, in the order forms show them. */
    public static final List<String> NAMES = List.of("articles:read", "articles:write", "wire:push",
            "integrations:manage");

    private static final String PREFIX = "SCOPE_";

    private Scopes() {
    }

    /** The authority of a scope name: {@code articles:write} → {@code SCOPE_articles:write}. */
    public static String authority(String name) {
        return PREFIX + name;
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }
}
