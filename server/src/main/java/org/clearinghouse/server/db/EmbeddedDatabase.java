package org.clearinghouse.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server run from binaries that come from Maven Central, so a fresh machine needs nothing
 * installed. Its data directory persists between runs; the runtime (unpacked binaries) lives beside it.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts on {@code dataDir}, creating the cluster on first use and reusing it afterwards. A {@code clean}
     * cluster (tests) is wiped first and runs without fsync; a kept one is durable.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            Path runtime = dataDir.resolveSibling(dataDir.getFileName() + "-runtime");
            Files.createDirectories(runtime);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300");
            if (!clean) {
                // zonky turns durability off for throw-away test clusters; a catalogue that must survive a
                // crash or power cut needs it back.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
