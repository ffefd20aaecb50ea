package org.clearinghouse.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clearinghouse.server.Json;
import org.junit.jupiter.api.Test;

/** The workflow's pure parts: field diffs, If-Match parsing, duplicate scores, cursors. */
class WorkflowPartsTest {
    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDiffNamesEachChangedPathWithBeforeAndAfter() {
        JsonNode before = json("""
                {"title": "A", "languages": ["en"], "course": {"format": "self_paced", "cost": "free"},
                 "translations": {"fr": {"title": "Un", "source": "human"}}, "published": "2024"}""");
        JsonNode after = json("""
                {"title": "B", "languages": ["en", "sw"], "course": {"format": "scheduled", "cost": "free"},
                 "translations": {"fr": {"title": "Un", "source": "human"}, "es": {"title": "Uno", "source": "human"}}}""");
        List<Diff.Change> changes = Diffs.between(before, after);
        assertEquals(List.of("course.format", "languages", "published", "title", "translations.es"),
                changes.stream().map(Diff.Change::path).toList());
        assertEquals("\"self_paced\"", changes.get(0).before().toString());
        assertEquals("\"scheduled\"", changes.get(0).after().toString());
        assertEquals("[\"en\",\"sw\"]", changes.get(1).after().toString());
        assertEquals("\"2024\"", changes.get(2).before().toString());
        assertNull(changes.get(2).after(), "a removed field is null after");
        assertNull(changes.get(4).before(), "an added field is null before");
        assertEquals(List.of(), Diffs.between(before, before));
    }

    @Test
    void ifMatchComparesStrongTagsAndAcceptsAStar() {
        assertTrue(Precondition.parse("\"v3\"").matches("\"v3\""));
        assertTrue(Precondition.parse("\"v2\", \"v3\"").matches("\"v3\""));
        assertTrue(Precondition.parse(" * ").matches("\"v9\""));
        assertFalse(Precondition.parse("\"v2\"").matches("\"v3\""));
        assertFalse(Precondition.parse("W/\"v3\"").matches("\"v3\""), "weak tags never match a strong comparison");
        assertFalse(Precondition.parse("v3").matches("\"v3\""), "an unquoted tag is not the tag");
    }

    @Test
    void duplicateScoresAreOneForTheSameTextAndLowForAnotherSubject() {
        assertEquals(1.0, DuplicateFinder.score("Beijing Consensus on AI and Education", "Outcome document of the conference.",
                "Beijing Consensus on AI and Education", "Outcome document of the conference."));
        assertEquals(1.0, DuplicateFinder.score("Éducation et IA", "Résumé", "education et ia", "resume"),
                "case and accents fold");
        double other = DuplicateFinder.score("Teaching with AI in Kenya", "A course for teachers.",
                "National AI strategy of Chile", "A policy for ministries.");
        assertTrue(other < DuplicateFinder.THRESHOLD, "unrelated: " + other);
        double close = DuplicateFinder.score("Beijing Consensus on Artificial Intelligence and Education", "The outcome of the 2019 conference.",
                "Beijing Consensus on Artificial Intelligence and Education (2019)", "Outcome document of the 2019 conference in Beijing.");
        assertTrue(close >= DuplicateFinder.THRESHOLD, "near copy: " + close);
    }

    @Test
    void cursorsRoundTripAndStrangersAreRefused() {
        Page<Integer> first = Cursors.page(List.of(1, 2, 3), 0, 2);
        assertEquals(List.of(1, 2), first.results());
        assertEquals(2, Cursors.offset(first.nextCursor()));
        assertNull(Cursors.page(List.of(1, 2), 0, 2).nextCursor());
        for (String bad : List.of("", "zzz", "!!", "YXQ6LTE")) {
            assertEquals("cursor", org.junit.jupiter.api.Assertions.assertThrows(
                    org.clearinghouse.server.catalogue.BadParameterException.class, () -> Cursors.offset(bad)).parameter());
        }
    }
}
