package org.clearinghouse.server.config;

import java.nio.file.Path;
import java.util.Map;

/** The data directory ({@code CLEARINGHOUSE_DATA_DIR}, default {@code ./data}): embedded database and index. */
public record StorageConfig(Path dataDir) {

    public static StorageConfig fromEnv(Map<String, String> env) {
        return new StorageConfig(Path.of(new Env(env).string("CLEARINGHOUSE_DATA_DIR", "./data")).toAbsolutePath().normalize());
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
