package org.dateline.editions.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.dateline.editions.Author;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.shared.Slug;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEditions implements Editions {

    private static final String SELECT_EDITIONS = """
            SELECT code, locale, name, site_name, time_zone, is_default FROM editions ORDER BY position
            """;
    private static final String SELECT_SECTIONS = """
            SELECT id, edition, slug, name, description, position FROM sections ORDER BY edition, position, id
            """;
    private static final String INSERT_SECTION = """
            INSERT INTO sections (edition, slug, name, description, position) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String SELECT_TAG = "SELECT id, edition, slug, name FROM tags WHERE edition = ? AND slug = ?";
    // ON CONFLICT DO NOTHING: two publishers may create the same tag at once; the loser reads the winner's row.
    private static final String INSERT_TAG = "INSERT INTO tags (edition, slug, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String SELECT_AUTHOR = "SELECT id, slug, name FROM authors WHERE slug = ?";
    private static final String INSERT_AUTHOR = "INSERT INTO authors (slug, name) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    /** Editions and sections change rarely and are read on every page: held in memory, reloaded on change. */
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    JdbcEditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(List<Edition> editions, List<Section> sections) {
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot.get();
        if (current == null) {
            current = load();
            snapshot.set(current);
        }
        return current;
    }

    private Snapshot load() {
        List<Edition> editions = jdbc.sql(SELECT_EDITIONS)
                .query((rs, n) -> new Edition(rs.getString("code"), Locale.forLanguageTag(rs.getString("locale")),
                        rs.getString("name"), rs.getString("site_name"),
                        java.time.ZoneId.of(rs.getString("time_zone")), rs.getBoolean("is_default")))
                .list();
        List<Section> sections = jdbc.sql(SELECT_SECTIONS)
                .query((rs, n) -> new Section(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
                        rs.getString("name"), rs.getString("description"), rs.getInt("position")))
                .list();
        return new Snapshot(List.copyOf(editions), List.copyOf(sections));
    }

    @Override
    public List<Edition> all() {
        return snapshot().editions();
    }

    @Override
    public Optional<Edition> find(String code) {
        return all().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    @Override
    public Edition defaultEdition() {
        return all().stream().filter(Edition::isDefault).findFirst().orElseGet(() -> all().get(0));
    }

    @Override
    public List<Section> sections(String edition) {
        return snapshot().sections().stream().filter(s -> s.edition().equals(edition)).toList();
    }

    @Override
    public Optional<Section> section(String edition, String slug) {
        return sections(edition).stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    @Override
    public Optional<Section> section(long id) {
        return snapshot().sections().stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public Optional<Tag> tag(String edition, String slug) {
        return jdbc.sql(SELECT_TAG).params(edition, slug).query(JdbcEditions::tag).optional();
    }

    @Override
    public Optional<Author> author(String slug) {
        return jdbc.sql(SELECT_AUTHOR).params(slug).query(JdbcEditions::author).optional();
    }

    @Override
    public Optional<Tag> tag(long id) {
        return jdbc.sql("SELECT id, edition, slug, name FROM tags WHERE id = ?").params(id).query(JdbcEditions::tag)
                .optional();
    }

    @Override
    public Optional<Author> author(long id) {
        return jdbc.sql("SELECT id, slug, name FROM authors WHERE id = ?").params(id).query(JdbcEditions::author)
                .optional();
    }

    @Override
    public Section ensureSection(String edition, String slug, String name, String description, int position) {
        if (Editions.RESERVED_SECTION_SLUGS.contains(slug)) {
            throw new IllegalArgumentException("reserved section slug: " + slug);
        }
        Optional<Section> existing = section(edition, slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql(INSERT_SECTION).params(edition, slug, name, description, position).update();
        snapshot.set(null);
        return section(edition, slug).orElseThrow();
    }

    @Override
    public void changeTimeZone(String edition, java.time.ZoneId zone) {
        jdbc.sql("UPDATE editions SET time_zone = ? WHERE code = ?").params(zone.getId(), edition).update();
        snapshot.set(null);
    }

    @Override
    public void reload() {
        snapshot.set(null);
    }

    @Override
    public Tag ensureTag(String edition, String name) {
        String slug = Slug.from(name).value();
        return tag(edition, slug).orElseGet(() -> {
            jdbc.sql(INSERT_TAG).params(edition, slug, name.strip()).update();
            return tag(edition, slug).orElseThrow();
        });
    }

    @Override
    public Author ensureAuthor(String name) {
        String slug = Slug.from(name).value();
        return author(slug).orElseGet(() -> {
            jdbc.sql(INSERT_AUTHOR).params(slug, name.strip()).update();
            return author(slug).orElseThrow();
        });
    }

    private static Tag tag(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Tag(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"), rs.getString("name"));
    }

    private static Author author(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));
    }
}
