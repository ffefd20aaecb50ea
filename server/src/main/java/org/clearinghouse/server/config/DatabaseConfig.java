package org.clearinghouse.server.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where the system of record lives. With no {@code DATABASE_URL} the server runs an embedded PostgreSQL
 * under the data directory.
 */
public record DatabaseConfig(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize) {

    public static DatabaseConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        Optional<String> url = e.string("DATABASE_URL");
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                throw new ConfigException("DATABASE_URL must be a jdbc:postgresql:// URL, got '" + u + "'");
            }
        });
        return new DatabaseConfig(url, e.string("DATABASE_USER"), e.string("DATABASE_PASSWORD"),
                e.integer("DATABASE_POOL_SIZE", 10, 1, 200));
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.orElse("(embedded)") + ", user=" + user.orElse("-") + ", poolSize=" + poolSize + "]";
    }
}
