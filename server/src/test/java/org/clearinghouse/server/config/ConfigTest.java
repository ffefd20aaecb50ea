package org.clearinghouse.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void defaultsNeedNoEnvironment() {
        AppConfig config = AppConfig.fromEnv(Map.of());
        assertEquals(7070, config.http().port());
        assertTrue(config.database().embedded());
        assertEquals(Path.of("./data").toAbsolutePath().normalize(), config.storage().dataDir());
        assertTrue(config.seed().loadOnStart());
    }

    @Test
    void everyVariableIsRead() {
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "8080", "DATABASE_URL", "jdbc:postgresql://db:5432/ch",
                "DATABASE_USER", "ch", "DATABASE_PASSWORD", "pw", "CLEARINGHOUSE_DATA_DIR", "/srv/ch",
                "CLEARINGHOUSE_SEED", "false"));
        assertEquals(8080, config.http().port());
        assertEquals(Optional.of("jdbc:postgresql://db:5432/ch"), config.database().url());
        assertEquals(Path.of("/srv/ch"), config.storage().dataDir());
        assertEquals(false, config.seed().loadOnStart());
        assertEquals("DatabaseConfig[url=jdbc:postgresql://db:5432/ch, user=ch, poolSize=10]", config.database().toString());
    }

    @Test
    void badValuesNameTheVariable() {
        assertEquals("PORT must be a whole number, got 'eighty'",
                assertThrows(ConfigException.class, () -> HttpConfig.fromEnv(Map.of("PORT", "eighty"))).getMessage());
        assertEquals("PORT must be between 0 and 65535, got 70000",
                assertThrows(ConfigException.class, () -> HttpConfig.fromEnv(Map.of("PORT", "70000"))).getMessage());
        assertTrue(assertThrows(ConfigException.class,
                () -> DatabaseConfig.fromEnv(Map.of("DATABASE_URL", "mysql://x"))).getMessage().startsWith("DATABASE_URL"));
        assertTrue(assertThrows(ConfigException.class,
                () -> SeedConfig.fromEnv(Map.of("CLEARINGHOUSE_SEED", "maybe"))).getMessage().startsWith("CLEARINGHOUSE_SEED"));
    }

    @Test
    void accountSettingsAndRateLimitsHaveDefaultsAndAreRead() {
        AppConfig laptop = AppConfig.fromEnv(Map.of());
        assertTrue(laptop.accounts().demoAccounts(), "demo accounts with the embedded database");
        assertEquals(java.time.Duration.ofHours(12), laptop.accounts().sessionLifetime());
        assertEquals(java.time.Duration.ofMinutes(60), laptop.accounts().sessionIdleTimeout());
        assertEquals(5, laptop.accounts().maxFailedLogins());
        assertEquals(java.time.Duration.ofMinutes(15), laptop.accounts().lockout());
        assertEquals(false, laptop.accounts().secureCookies());
        assertEquals(false, laptop.accounts().trustForwardedFor());
        assertEquals(new RateLimitConfig(120, 300, 20, 10), laptop.limits());

        AppConfig server = AppConfig.fromEnv(Map.ofEntries(Map.entry("DATABASE_URL", "jdbc:postgresql://db:5432/ch"),
                Map.entry("CLEARINGHOUSE_PUBLIC_URL", "https://clearinghouse.example.org"), Map.entry("CLEARINGHOUSE_SESSION_HOURS", "8"),
                Map.entry("CLEARINGHOUSE_SESSION_IDLE_MINUTES", "30"), Map.entry("CLEARINGHOUSE_LOGIN_MAX_FAILURES", "10"),
                Map.entry("CLEARINGHOUSE_LOGIN_LOCKOUT_MINUTES", "5"), Map.entry("CLEARINGHOUSE_TRUST_FORWARDED_FOR", "true"),
                Map.entry("CLEARINGHOUSE_RATE_WRITES_PER_ACCOUNT", "60"), Map.entry("CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS", "0"),
                Map.entry("CLEARINGHOUSE_RATE_LOGINS_PER_ADDRESS", "5"), Map.entry("CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", "3")));
        assertEquals(new AccountsConfig(false, java.time.Duration.ofHours(8), java.time.Duration.ofMinutes(30), true, 10,
                java.time.Duration.ofMinutes(5), true), server.accounts());
        assertEquals(new RateLimitConfig(60, 0, 5, 3), server.limits());
        assertTrue(AppConfig.fromEnv(Map.of("DATABASE_URL", "jdbc:postgresql://db/ch", "CLEARINGHOUSE_DEMO_ACCOUNTS", "true"))
                .accounts().demoAccounts());
        assertEquals("CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME must be a whole number, got 'many'",
                assertThrows(ConfigException.class, () -> RateLimitConfig.fromEnv(Map.of("CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", "many")))
                        .getMessage());
    }
}
