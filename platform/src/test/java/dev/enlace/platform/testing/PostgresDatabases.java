package dev.enlace.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL the tests and the local stack use: 127.0.0.1:5432 unless
 * {@code ENLACE_PG_HOST}, {@code ENLACE_PG_PORT}, {@code ENLACE_PG_USER} or
 * {@code ENLACE_PG_PASSWORD} say otherwise. Each service gets its own database.
 */
public final class PostgresDatabases {
    private PostgresDatabases() {
    }

    public static String host() {
        return env("ENLACE_PG_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("ENLACE_PG_PORT", "5432"));
    }

    public static String user() {
        return env("ENLACE_PG_USER", "postgres");
    }

    public static String password() {
        return env("ENLACE_PG_PASSWORD", "postgres");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public static String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public static void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                try {
                    s.execute("CREATE DATABASE " + database);
                } catch (SQLException raced) {
                    // another JVM created it between the check and the create
                    if (!"42P04".equals(raced.getSQLState())) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not answering at " + jdbcUrl("postgres")
                    + " as " + user() + ": run bin/ensure-postgres (" + e.getMessage() + ")", e);
        }
    }

    /** Drops and recreates the database: a clean slate for a test class that needs one. */
    public static void recreateDatabase(String database) {
        ensureDatabase(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
