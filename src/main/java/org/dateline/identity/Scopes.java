package org.dateline.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an API caller may do. A scope is written {@code articles:write} in the API and the newsroom; Spring Security
 * holds it as the authority {@code SCOPE_articles:write} (the constants below). The bootstrap admin token
 * ({@code DATELINE_ADMIN_TOKEN}) holds every scope; an integration holds the scopes it was given and those they
 * include ({@link #granted}).
 * <p>
 * Partners read what readers can read ({@code articles:read}); the newsroom's work in progress (drafts, stories in
 * edit, scheduled and embargoed stories, killed ones, every revision) takes a newsroom scope ({@code stories:read}, or
 * {@code articles:write}, whose answers show stories in any state).
 */
public final class Scopes {

    /** Read published articles through the admin API: live stories only, as readers see them; no revisions. */
    public static final String ARTICLES_READ = "SCOPE_articles:read";
    /** Read the newsroom's stories in any state and their revisions; includes {@code articles:read}. */
    public static final String STORIES_READ = "SCOPE_stories:read";
    /** Create, save, publish, schedule, correct, unpublish and kill through the admin API; includes reading. */
    public static final String ARTICLES_WRITE = "SCOPE_articles:write";
    /** Push wire items ({@code POST /api/wire/items}). */
    public static final String WIRE_PUSH = "SCOPE_wire:push";
    /** Create, list and revoke integrations and read their webhook deliveries ({@code /api/admin/integrations}). */
    public static final String INTEGRATIONS_MANAGE = "SCOPE_integrations:manage";

    /** Every scope by name, in the order forms show them. */
    public static final List<String> NAMES = List.of("articles:read", "stories:read", "articles:write", "wire:push",
            "integrations:manage");

    /** The scopes each scope includes directly (a writer sees what it writes, in any state). */
    private static final Map<String, List<String>> INCLUDES = Map.of(
            "stories:read", List.of("articles:read"),
            "articles:write", List.of("stories:read"));

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

    /** The known scopes among {@code names} and every scope they include, in the order of {@link #NAMES}. */
    public static List<String> granted(Collection<String> names) {
        Set<String> granted = new LinkedHashSet<>();
        names.stream().filter(Scopes::isKnown).forEach(name -> include(name, granted));
        return NAMES.stream().filter(granted::contains).toList();
    }

    private static void include(String name, Set<String> granted) {
        if (granted.add(name)) {
            INCLUDES.getOrDefault(name, List.of()).forEach(included -> include(included, granted));
        }
    }
}
