package org.clearinghouse.server.config;

import java.util.Map;

/**
 * The search index: how often it polls the database's change sequence ({@code CLEARINGHOUSE_INDEX_POLL_MS},
 * default 200) and how many changed records it reads per batch.
 */
public record SearchConfig(int pollMillis, int batchSize) {

    public static SearchConfig fromEnv(Map<String, String> env) {
        return new SearchConfig(new Env(env).integer("CLEARINGHOUSE_INDEX_POLL_MS", 200, 10, 60_000), 1000);
    }
}
