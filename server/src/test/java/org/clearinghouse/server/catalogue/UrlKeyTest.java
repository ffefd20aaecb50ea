package org.clearinghouse.server.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UrlKeyTest {
    @Test
    void schemeWwwTrailingSlashFragmentAndTrackingParametersDoNotMatter() {
        String key = "unesdoc.unesco.org/ark:/48223/pf0000368303";
        assertEquals(key, UrlKey.of("https://unesdoc.unesco.org/ark:/48223/pf0000368303"));
        assertEquals(key, UrlKey.of("http://www.UNESDOC.unesco.org/ark:/48223/pf0000368303/"));
        assertEquals(key, UrlKey.of("https://unesdoc.unesco.org/ark:/48223/pf0000368303?utm_source=x&fbclid=y#top"));
    }

    @Test
    void clickAndCampaignIdentifiersOfEveryMajorPlatformAreDropped() {
        String key = "example.org/courses/ai?lang=fr";
        assertEquals(key, UrlKey.of("https://www.example.org/courses/ai/?lang=fr&utm_campaign=spring&UTM_Source=news"));
        assertEquals(key, UrlKey.of("https://example.org/courses/ai?gclid=a&lang=fr&msclkid=b&dclid=c&gbraid=d&wbraid=e"));
        assertEquals(key, UrlKey.of("https://example.org/courses/ai?lang=fr&mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5"));
        assertEquals(key, UrlKey.of("https://example.org/courses/ai?lang=fr&ttclid=1&twclid=2&li_fat_id=3&yclid=4&igshid=5&_ga=6&_gl=7"));
        assertEquals(key, UrlKey.of("http://example.org./courses/ai?lang=fr&fbclid=x#section-2"));
        assertEquals("example.org/courses/ai", UrlKey.of("https://example.org/courses/ai?utm_source=x"));
    }

    @Test
    void meaningfulQueryParametersAndPathCaseAreKept() {
        assertEquals("example.org/Course?id=7", UrlKey.of("https://example.org/Course?utm_medium=m&id=7"));
        assertEquals("example.org:8080/a", UrlKey.of("https://example.org:8080/a"));
    }

    @Test
    void slugsFoldAccentsAndFallBackForNonLatinTitles() {
        UUID id = UUID.fromString("12345678-1234-1234-1234-123456789012");
        assertEquals("strategie-nationale-d-ia-2030", Slugs.fromTitle("Stratégie nationale d'IA — 2030", "policy", id));
        assertEquals("policy-12345678", Slugs.fromTitle("北京共识", "policy", id));
        assertEquals("word-".repeat(15) + "word", Slugs.fromTitle("word ".repeat(40), "course", id));
    }
}
