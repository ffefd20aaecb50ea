package org.clearinghouse.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteConfigTest {
    @Test
    void defaultsToLocalhostOnThePort() {
        assertEquals("http://localhost:7070", SiteConfig.fromEnv(Map.of()).publicUrl());
        assertEquals("http://localhost:8080", SiteConfig.fromEnv(Map.of("PORT", "8080")).publicUrl());
        assertEquals("http://localhost:7070", SiteConfig.fromEnv(Map.of("PORT", "0")).publicUrl());
        assertEquals("http://localhost:7070", AppConfig.fromEnv(Map.of()).site().publicUrl());
    }

    @Test
    void takesAnAbsoluteUrlWithOrWithoutAPathAndDropsTrailingSlashes() {
        SiteConfig site = SiteConfig.fromEnv(Map.of("CLEARINGHOUSE_PUBLIC_URL", " https://clearinghouse.example/ai/ "));
        assertEquals("https://clearinghouse.example/ai", site.publicUrl());
        assertEquals("https://clearinghouse.example/ai/sitemap.xml", site.url("/sitemap.xml"));
        assertEquals("https://clearinghouse.example", new SiteConfig("https://clearinghouse.example/").publicUrl());
    }

    @Test
    void refusesWhatCannotBeABase() {
        for (String bad : new String[] {"clearinghouse.example", "ftp://clearinghouse.example", "https://",
                "https://clearinghouse.example/?a=b", "https://clearinghouse.example/#top", "https://user@clearinghouse.example",
                "not a url"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> SiteConfig.fromEnv(Map.of("CLEARINGHOUSE_PUBLIC_URL", bad)), bad);
            assertTrue(e.getMessage().contains("CLEARINGHOUSE_PUBLIC_URL"), e.getMessage());
        }
    }
}
