package org.clearinghouse.server.config;

import java.util.Map;

/** Every area's configuration, read once from the environment at start. */
public record AppConfig(HttpConfig http, DatabaseConfig database, StorageConfig storage, SeedConfig seed,
                        SearchConfig search, SiteConfig site, OaiConfig oai, AccountsConfig accounts,
                        RateLimitConfig limits) {

    public static AppConfig fromEnv(Map<String, String> env) {
        SiteConfig site = SiteConfig.fromEnv(env);
        DatabaseConfig database = DatabaseConfig.fromEnv(env);
        return new AppConfig(HttpConfig.fromEnv(env), database, StorageConfig.fromEnv(env),
                SeedConfig.fromEnv(env), SearchConfig.fromEnv(env), site,
                OaiConfig.fromEnv(site, env), AccountsConfig.fromEnv(database, site, env), RateLimitConfig.fromEnv(env));
    }
}
