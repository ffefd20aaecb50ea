package org.clearinghouse.server.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * One valid record of each of the five types, with every field the linked-data mapping reads, and a way to
 * store records straight into the repository (as the seed loader does) for the feed and identifier tests.
 */
public final class FiveRecords {
    public static final ObjectMapper MAPPER = Json.mapper();
    public static final Vocabularies VOCABULARIES = Vocabularies.load(MAPPER);

    private FiveRecords() {
    }

    public static ObjectNode course() {
        return parse("""
                {"type": "course", "title": "AI for teachers in Kenya",
                 "summary": "A free course introducing teachers to artificial intelligence in the classroom.",
                 "original_language": "en",
                 "translations": {"fr": {"title": "L'IA pour les enseignants au Kenya",
                                         "summary": "Un cours gratuit sur l'IA en classe.", "source": "human"}},
                 "url": "https://example.org/ai-teachers-kenya", "languages": ["en", "sw"], "jurisdictions": ["KE"],
                 "publisher": "Example University", "license": "CC-BY-4.0", "published": "2024-03",
                 "themes": ["teaching_teachers"], "levels": ["isced_2"], "audiences": ["teachers"], "sdg4_targets": ["4.c"],
                 "keywords": ["prompting"],
                 "course": {"provider": "Example University Online", "format": "self_paced", "duration_hours": 12,
                            "level": "beginner", "cost": "free", "certificate": "paid"}}
                """);
    }

    public static ObjectNode tool() {
        return parse("""
                {"type": "tool", "title": "Open Tutor", "summary": "An open-source tutoring assistant that works offline.",
                 "original_language": "en", "url": "https://example.org/open-tutor", "languages": ["en"],
                 "publisher": "Open Tutor Foundation", "license": "MIT", "published": "2023-09-01",
                 "themes": ["learning_assessment"], "levels": ["isced_1"], "audiences": ["learners"],
                 "tool": {"source_code_url": "https://github.com/example/open-tutor", "open_source": true,
                          "platforms": ["web", "android"], "offline_capable": true, "personal_data": "no", "minimum_age": 13}}
                """);
    }

    public static ObjectNode policy() {
        return parse("""
                {"type": "policy", "title": "Kenya AI strategy for education", "summary": "A national strategy for AI in schools.",
                 "original_language": "en", "url": "https://example.org/ke-ai-strategy", "languages": ["en"],
                 "jurisdictions": ["KE"], "publisher": "Ministry of Education, Kenya", "license": "unknown", "published": "2025",
                 "themes": ["policy_planning"], "audiences": ["policymakers"],
                 "policy": {"issuing_body": "Ministry of Education", "instrument_type": "strategy", "status": "in_force"}}
                """);
    }

    public static ObjectNode regulation() {
        return parse("""
                {"type": "regulation", "title": "Artificial Intelligence Act",
                 "summary": "The European Union's regulation on artificial intelligence, with rules for education.",
                 "original_language": "en",
                 "translations": {"fr": {"title": "Règlement sur l'intelligence artificielle", "source": "official"}},
                 "url": "https://example.org/eu-ai-act", "languages": ["en", "fr"], "jurisdictions": ["EU", "FR"],
                 "publisher": "Publications Office of the European Union", "license": "CC-BY-4.0", "published": "2024-06-13",
                 "themes": ["ethics_data_privacy"], "audiences": ["policymakers", "developers"],
                 "regulation": {"issuing_authority": "European Parliament and Council of the European Union", "binding": true,
                                "legal_identifier": "Regulation (EU) 2024/1689", "in_force_date": "2024-08-01",
                                "status": "in_force"}}
                """);
    }

    public static ObjectNode practice() {
        return parse("""
                {"type": "practice", "title": "AI teaching assistants in Indian schools",
                 "summary": "A case study of AI teaching assistants in rural schools.", "original_language": "en",
                 "url": "https://example.org/in-ai-assistants", "languages": ["en", "hi"], "jurisdictions": ["IN"],
                 "publisher": "Example Foundation", "license": "CC-BY-SA-4.0", "published": "2022",
                 "themes": ["equity_inclusion"], "levels": ["isced_1"], "audiences": ["teachers", "researchers"],
                 "practice": {"context": "Rural primary schools.", "evidence_type": "case_study"}}
                """);
    }

    public static List<ObjectNode> all() {
        return List.of(course(), tool(), policy(), regulation(), practice());
    }

    /** Stores a valid record under a fresh id, as the seed loader would. */
    public static Resource store(ResourceRepository repository, ObjectNode record, String slug, String status) {
        List<FieldError> errors = new ResourceValidator(VOCABULARIES).validate(record);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("fixture is invalid: " + errors);
        }
        ResourceContent content = ResourceContent.fromValidated(record, MAPPER);
        return repository.insert(new NewResource(UUID.randomUUID(), slug, status, content,
                VOCABULARIES.regionsOf(content.jurisdictions()), null));
    }

    public static Resource publish(ResourceRepository repository, ObjectNode record, String slug) {
        return store(repository, record, slug, Status.PUBLISHED);
    }

    /** A copy of {@code record} with another title and URL (URLs are unique in the catalogue). */
    public static ObjectNode variant(ObjectNode record, String title, String url) {
        ObjectNode copy = record.deepCopy();
        copy.put("title", title).put("url", url);
        return copy;
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return (ObjectNode) node;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
