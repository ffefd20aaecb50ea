package org.clearinghouse.server.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearinghouse.server.Json;

/** Valid submissions to start tests from; each test breaks exactly what it is about. */
public final class Records {
    private Records() {
    }

    public static ObjectNode course(String title, String url) {
        ObjectNode node = (ObjectNode) parse("""
                {
                  "type": "course",
                  "title": "%s",
                  "summary": "A free introduction to artificial intelligence for teachers, with practical classroom activities.",
                  "original_language": "en",
                  "translations": {"fr": {"title": "Introduction à l'IA pour les enseignants", "source": "human"}},
                  "url": "%s",
                  "languages": ["en", "fr"],
                  "jurisdictions": ["KE"],
                  "publisher": "Example University",
                  "license": "CC-BY-4.0",
                  "published": "2024-03",
                  "themes": ["teaching_teachers", "ai_literacy_skills"],
                  "levels": ["isced_2", "isced_3"],
                  "audiences": ["teachers"],
                  "sdg4_targets": ["4.c"],
                  "keywords": ["artificial intelligence", "teacher training"],
                  "course": {"provider": "Example University", "format": "self_paced", "duration_hours": 12,
                             "level": "beginner", "cost": "free", "certificate": "free"}
                }
                """.formatted(title, url));
        return node;
    }

    public static ObjectNode policy(String title, String url, String country, String published) {
        return (ObjectNode) parse("""
                {
                  "type": "policy",
                  "title": "%s",
                  "summary": "A national strategy for artificial intelligence in education.",
                  "original_language": "en",
                  "url": "%s",
                  "languages": ["en"],
                  "jurisdictions": ["%s"],
                  "publisher": "Ministry of Education",
                  "license": "unknown",
                  "published": "%s",
                  "themes": ["policy_planning"],
                  "audiences": ["policymakers"],
                  "policy": {"issuing_body": "Ministry of Education", "instrument_type": "strategy", "status": "in_force"}
                }
                """.formatted(title, url, country, published));
    }

    private static Object parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
