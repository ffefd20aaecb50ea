package org.clearinghouse.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.db.Database;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own freshly migrated database on the run's shared PostgreSQL server.
 * Register as a static field: {@code @RegisterExtension static final TestPostgres POSTGRES = new TestPostgres();}
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestPostgres.class);

    private SharedPostgres server;
    private String name;
    private String jdbcUrl;
    private Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> SharedPostgres.start(), SharedPostgres.class);
        name = ("t_" + context.getRequiredTestClass().getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        jdbcUrl = server.createDatabase(name);
        database = Database.open(jdbcUrl, server.user(), server.password(), 8);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
        server.dropDatabase(name);
    }

    /** The class's database, migrated; shared by its tests. */
    public Database database() {
        return database;
    }

    /** Opens another pool on the same database, e.g. for an application that closes what it is given. */
    public Database openAnother() {
        return Database.open(jdbcUrl, server.user(), server.password(), 8);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return server.user();
    }

    /**
     * Starts the real application in process, on a free port, this class's database and a fresh data directory;
     * {@code env} are further settings as name, value pairs.
     */
    public Application startApplication(String... env) {
        return startApplication(java.time.Clock.systemUTC(), env);
    }

    /** As {@link #startApplication(String...)}, on a clock the test controls (expiry, lockout, idle sessions). */
    public Application startApplication(java.time.Clock clock, String... env) {
        Map<String, String> settings = new HashMap<>();
        // Test classes share nothing but their own accounts; a test that wants the demo accounts turns them on.
        settings.put("CLEARINGHOUSE_DEMO_ACCOUNTS", "false");
        for (int i = 0; i + 1 < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        settings.put("PORT", "0");
        try {
            settings.put("CLEARINGHOUSE_DATA_DIR", Files.createTempDirectory(Path.of("target"), "app-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Application.start(AppConfig.fromEnv(settings), openAnother(), List.of(), clock);
    }

    /** Empties every table the catalogue writes, keeping the schema. */
    public void truncate() {
        database.dsl().execute("truncate table revision, resource, audit_log, account_session, api_token, account, organisation restart identity cascade");
        database.dsl().execute("update change_counter set value = 0");
    }
}
