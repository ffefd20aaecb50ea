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
}
