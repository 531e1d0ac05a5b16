package org.dateline.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database this node runs on, asked once of the connection itself: the one place that tells H2 (the embedded
 * default) from PostgreSQL (production). Code that must differ (the change log's wake-up, a planner hint, the number
 * of chat writers) asks here, never the JDBC URL or the product name on its own.
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    DatabaseKind(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    public boolean isH2() {
        return !postgres;
    }
}
