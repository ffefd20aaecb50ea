package org.clearinghouse.server.config;

import java.util.Map;

/** Whether the curated seed catalogue is loaded (idempotently) at start: {@code CLEARINGHOUSE_SEED}, default true. */
public record SeedConfig(boolean loadOnStart) {

    public static SeedConfig fromEnv(Map<String, String> env) {
        return new SeedConfig(new Env(env).bool("CLEARINGHOUSE_SEED", true));
    }
}
