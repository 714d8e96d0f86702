package vn.friendlygov.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A new, empty PostgreSQL database on the machine's server for one test run, dropped afterwards.
 * Server and administrative user come from PGHOST, PGPORT, PGUSER, PGPASSWORD (defaults: 127.0.0.1, 5432, postgres, none).
 */
public final class FreshDatabase implements AutoCloseable {

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    public static FreshDatabase create(String prefix) {
        String name = ("t_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name
                    + " on " + jdbcUrl("postgres") + " (is PostgreSQL running? deploy/local/ensure-postgres.sh starts it)", e);
        }
        return new FreshDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    public static String user() {
        return env("PGUSER", "postgres");
    }

    public static String password() {
        return env("PGPASSWORD", "");
    }

    @Override
    public void close() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/" + database;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
