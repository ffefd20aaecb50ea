package org.clearinghouse.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.clearinghouse.server.db.EmbeddedDatabase;

/**
 * The PostgreSQL server of one test run: the one named by {@code TEST_DATABASE_URL} (an admin URL whose user
 * may create databases), or an embedded one started once and shared by every test class.
 */
final class SharedPostgres implements AutoCloseable {
    private final EmbeddedDatabase embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private SharedPostgres(EmbeddedDatabase embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static SharedPostgres start() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return new SharedPostgres(null, external, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"));
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "test-postgres-");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dir.resolve("data"), true);
            return new SharedPostgres(embedded, embedded.jdbcUrl("postgres"), embedded.user(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    String createDatabase(String name) {
        execute("create database " + name);
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    void dropDatabase(String name) {
        execute("drop database if exists " + name + " with (force)");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test server", e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
