package org.dateline.editions;

import java.util.List;
import java.util.Optional;

/** Editions, sections, tags and authors. Reads are cheap (held in memory where they rarely change). */
public interface Editions {

    List<Edition> all();

    Optional<Edition> find(String code);

    Edition defaultEdition();

    List<Section> sections(String edition);

    Optional<Section> section(String edition, String slug);

    Optional<Section> section(long id);

    Optional<Tag> tag(String edition, String slug);

    Optional<Author> author(String slug);

    Optional<Tag> tag(long id);

    Optional<Author> author(long id);

    /** Stores the edition's time zone; the caller logs the change (every node then reads editions afresh). */
    void changeTimeZone(String edition, java.time.ZoneId zone);

    /** Forgets what this node holds in memory, so the next read comes from the database. */
    void reload();

    /** Creates the section if it does not exist yet; returns the stored one either way. */
    Section ensureSection(String edition, String slug, String name, String description, int position);

    /** Finds the tag of that name in the edition, creating it when new. */
    Tag ensureTag(String edition, String name);

    /** Finds the author of that name, creating them when new. */
    Author ensureAuthor(String name);

    /** Slugs that sections may not take because the site's own paths use them. */
    List<String> RESERVED_SECTION_SLUGS = List.of("tag", "author", "newsfeed", "search", "api", "assets", "feeds",
            "sitemaps", "rss", "atom", "newsroom", "chats", "login", "register", "account", "subscribe");
}
