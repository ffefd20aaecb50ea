package org.clearinghouse.server.oai;

import org.clearinghouse.server.config.OaiConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.config.ConfigException;
import org.clearinghouse.server.config.SiteConfig;
import org.junit.jupiter.api.Test;

/** The parts of the provider that need no database: tokens, datestamps, argument checks, configuration. */
class OaiProtocolPartsTest {
    private static final UUID ID = UUID.fromString("5e2374e0-169a-40cf-8580-dd3187146ca4");

    @Test
    void aResumptionTokenRoundTripsEveryFieldToTheMicrosecond() {
        ResumptionToken token = new ResumptionToken("ListRecords", "oai_dc", "country:KE",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-01-15T10:11:12.345678Z"), ID, 200, Instant.parse("2026-11-23T12:00:00Z"));
        String text = token.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + text);
        assertEquals(Optional.of(token), ResumptionToken.decode(text));

        ResumptionToken open = new ResumptionToken("ListIdentifiers", "oai_dc", null, null, null,
                Instant.parse("1999-12-31T23:59:59.000001Z"), ID, 0, Instant.parse("2026-11-23T12:00:00Z"));
        assertEquals(Optional.of(open), ResumptionToken.decode(open.encode()));
    }

    @Test
    void garbledTruncatedOrForgedTokensAreRefused() {
        String good = new ResumptionToken("ListRecords", "oai_dc", null, null, null, Instant.parse("2024-01-15T10:11:12Z"),
                ID, 100, Instant.parse("2026-11-23T12:00:00Z")).encode();
        assertTrue(ResumptionToken.decode(good).isPresent());
        for (String bad : List.of("", "x", "not base64!", "%%%", good.substring(0, good.length() - 3), good + "A",
                good.substring(1), b64("1|ListRecords|oai_dc||||1|" + ID + "|0|0|0"),
                b64("2|ListRecords|oai_dc||||1|" + ID + "|0|0|deadbeef"), b64("hello"))) {
            assertEquals(Optional.empty(), ResumptionToken.decode(bad), bad);
        }
        // A well-formed payload with a wrong checksum: one changed character is noticed.
        String decoded = new String(Base64.getUrlDecoder().decode(good), StandardCharsets.UTF_8);
        String edited = decoded.replace("|100|", "|900|");
        assertEquals(Optional.empty(), ResumptionToken.decode(b64(edited)));
    }

    @Test
    void datesAreParsedToTheDayOrToTheSecondAndNothingElse() {
        OaiDates.Bound day = OaiDates.parse("2024-02-29").orElseThrow();
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), day.start());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), day.endExclusive());
        OaiDates.Bound second = OaiDates.parse("2024-05-01T10:20:30Z").orElseThrow();
        assertEquals(Instant.parse("2024-05-01T10:20:31Z"), second.endExclusive());
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024-1-01", "2024-05-01T10:20:30", "2024-05-01T10:20:30.000Z",
                "2024-05-01T25:00:00Z", "2024-05-01 10:20:30Z", "2024-05-01T10:20:30+01:00", "20240501", "yesterday", " 2024-05-01")) {
            assertFalse(OaiDates.parse(bad).isPresent(), bad);
        }
        assertEquals("2024-05-01T10:20:30Z", OaiDates.format(Instant.parse("2024-05-01T10:20:30.999999Z")));
    }

    @Test
    void argumentsAreCheckedAsTheProtocolSays() {
        OaiRequest ok = OaiRequest.parse(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                "set", List.of("country:KE"), "from", List.of("2024-01-01"), "until", List.of("2024-01-01")));
        assertEquals("ListRecords", ok.verb());
        assertEquals(Optional.of("country:KE"), ok.argument("set"));

        OaiException problems = assertThrows(OaiException.class, () -> OaiRequest.parse(Map.of(
                "verb", List.of("ListIdentifiers"), "identifier", List.of("x"), "from", List.of("nope"))));
        assertEquals(List.of(OaiError.Code.BAD_ARGUMENT, OaiError.Code.BAD_ARGUMENT, OaiError.Code.BAD_ARGUMENT),
                problems.errors().stream().map(OaiError::code).sorted().toList(), problems.errors().toString());
        assertFalse(problems.echoesArguments());
    }

    @Test
    void configurationComesFromTheEnvironmentAndIsChecked() {
        SiteConfig laptop = SiteConfig.fromEnv(Map.of("PORT", "7070"));
        OaiConfig defaults = OaiConfig.fromEnv(laptop, Map.of());
        assertEquals(new OaiConfig("http://localhost:7070", "localhost", "AI for Education Clearinghouse",
                List.of("oai-admin@clearinghouse.invalid"), 100, Duration.ofHours(24)), defaults);
        assertEquals(new OaiEndpoint("http://localhost:7070/oai", "http://localhost:7070", "localhost"), OaiEndpoint.of(defaults));
        assertEquals("oai:localhost:" + ID, OaiEndpoint.of(defaults).identifierOf(ID));
        assertEquals("http://localhost:7070/api/v1/resources/" + ID, OaiEndpoint.of(defaults).recordUrl(ID));

        OaiEndpoint site = OaiEndpoint.of(OaiConfig.fromEnv(new SiteConfig("https://Clearinghouse.Example.org/ai/"), Map.of()));
        assertEquals(new OaiEndpoint("https://Clearinghouse.Example.org/ai/oai", "https://Clearinghouse.Example.org/ai",
                "clearinghouse.example.org"), site);
        assertEquals("localhost", OaiConfig.fromEnv(new SiteConfig("http://[::1]:7070"), Map.of()).repositoryId());
        assertEquals("localhost", OaiConfig.fromEnv(new SiteConfig("http://127.0.0.1:7070"), Map.of()).repositoryId());

        OaiConfig configured = OaiConfig.fromEnv(new SiteConfig("https://clearinghouse.example.org"), Map.of(
                "CLEARINGHOUSE_OAI_REPOSITORY_ID", "ai-ed.example.org", "CLEARINGHOUSE_OAI_REPOSITORY_NAME", "AI-Ed",
                "CLEARINGHOUSE_OAI_ADMIN_EMAIL", "a@example.org, b@example.org"));
        assertEquals(new OaiEndpoint("https://clearinghouse.example.org/oai", "https://clearinghouse.example.org",
                "ai-ed.example.org"), OaiEndpoint.of(configured));
        assertEquals(List.of("a@example.org", "b@example.org"), configured.adminEmails());
        assertEquals("AI-Ed", configured.repositoryName());

        for (Map<String, String> bad : List.of(Map.of("CLEARINGHOUSE_OAI_REPOSITORY_ID", "localhost"),
                Map.of("CLEARINGHOUSE_OAI_REPOSITORY_ID", "oai:x.org"), Map.of("CLEARINGHOUSE_OAI_ADMIN_EMAIL", "nobody"),
                Map.of("CLEARINGHOUSE_OAI_ADMIN_EMAIL", " , "))) {
            ConfigException e = assertThrows(ConfigException.class, () -> OaiConfig.fromEnv(laptop, bad), bad.toString());
            assertTrue(e.getMessage().startsWith(bad.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void textThatXmlCannotCarryIsDropped() {
        assertEquals("ab\tc\nd", OaiXml.clean("a\u0000b\t\u0001c\nd\uFFFE"));
        assertEquals("emoji 😀 kept, lone surrogate dropped", OaiXml.clean("emoji 😀 kept, lone surrogate\uD800 dropped"));
        String unchanged = "Консенсус 北京 توافق";
        assertTrue(unchanged == OaiXml.clean(unchanged));
    }

    @Test
    void theSchemaCheckIsStrictAboutTheEnvelopeAndTheDublinCore() {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>2026-11-23T12:00:00Z</responseDate><request verb=\"GetRecord\">https://x.example.org/oai</request>"
                + "<GetRecord><record><header><identifier>oai:x.example.org:1</identifier><datestamp>2026-11-23T12:00:00Z</datestamp>"
                + "</header><metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">%s</oai_dc:dc></metadata></record></GetRecord></OAI-PMH>";
        OaiSchemas.validate(envelope.formatted("<dc:title xml:lang=\"fr\">Titre</dc:title>").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(
                envelope.formatted("<dc:bogus>not Dublin Core</dc:bogus>"),
                envelope.formatted("<dc:title xml:lang=\"not a language\">x</dc:title>"),
                envelope.formatted("<dc:title><b>markup</b></dc:title>"),
                envelope.formatted("").replace("2026-11-23T12:00:00Z</datestamp>", "2026-11-23T12:00:00+01:00</datestamp>"),
                envelope.formatted("").replace("<responseDate>2026-11-23T12:00:00Z</responseDate>", ""),
                envelope.formatted("").replace("verb=\"GetRecord\"", "verb=\"Explode\""))) {
            assertThrows(AssertionError.class, () -> OaiSchemas.validate(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
