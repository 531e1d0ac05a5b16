package org.dateline.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh databases for tests, one per Spring context, on the database the suite runs against
 * ({@code -Ddateline.test.db=h2|postgres}). PostgreSQL is the server at {@code DATELINE_TEST_PG_URL} (default
 * 127.0.0.1:5432, user postgres) when it answers, else an embedded PostgreSQL started once for the whole run.
 */
public final class TestDatabases {

    public record Database(String url, String username, String password) {
    }

    private static final String PG_ADMIN_URL = System.getenv().getOrDefault("DATELINE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getenv().getOrDefault("DATELINE_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("DATELINE_TEST_PG_PASSWORD", "");
    private static volatile String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("dateline.test.db", "h2"));
    }

    public static Database fresh() {
        return postgres() ? freshPostgres() : freshH2();
    }

    static Database freshH2() {
        String name = "dateline-" + UUID.randomUUID();
        return new Database("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A new, empty PostgreSQL database; the suite's databases are named dateline_test_* and dropped by .ci/run. */
    public static synchronized Database freshPostgres() {
        String admin = adminUrl();
        String name = "dateline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(admin, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + admin, e);
        }
        return new Database(admin.substring(0, admin.lastIndexOf('/') + 1) + name, PG_USER, PG_PASSWORD);
    }

    private static String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        try (Connection ignored = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
            adminUrl = PG_ADMIN_URL;
        } catch (SQLException unreachable) {
            try {
                embedded = EmbeddedPostgres.builder().start();
                adminUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignoredOnExit) {
                        // the process is ending
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("No PostgreSQL at " + PG_ADMIN_URL + " and the embedded one failed", e);
            }
        }
        return adminUrl;
    }
}
