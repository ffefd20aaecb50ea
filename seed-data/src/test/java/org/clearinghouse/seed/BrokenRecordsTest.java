package org.clearinghouse.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.clearinghouse.seed.SeedData.CatalogueFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that {@link CatalogueChecks}, the code {@link CatalogueSchemaTest} runs on the real catalogue, can
 * fail: valid records are broken in code one way at a time and the exact problem list is asserted.
 */
class BrokenRecordsTest {
    /** A valid course record (fixture: example.org, not part of the catalogue). */
    private static final String VALID = """
            {
              "id": "0f6d3c52-6a58-4d7e-9a0b-2c1e5b7d9f10",
              "slug": "ai-basics-for-teachers",
              "type": "course",
              "title": "Artificial Intelligence for Teachers: A Practical Introduction",
              "summary": "A free self-paced course introducing teachers to AI in the classroom.",
              "original_language": "en",
              "translations": { "fr": { "title": "L'intelligence artificielle pour les enseignants", "source": "human" } },
              "url": "http://example.org/courses/ai-basics",
              "languages": ["en", "sw"],
              "jurisdictions": ["KE"],
              "publisher": "Example University",
              "license": "CC-BY-4.0",
              "published": "2024-02-29",
              "themes": ["teaching_teachers", "ai_literacy_skills"],
              "levels": ["isced_1"],
              "audiences": ["teachers"],
              "sdg4_targets": ["4.c"],
              "keywords": ["teacher training"],
              "course": { "provider": "Example University", "format": "self_paced", "cost": "free", "certificate": "none" },
              "provenance": { "source_url": "https://example.org/courses/ai-basics", "checked": "2025-01-31" }
            }
            """;
    private static final String PATH = "catalogue/course/ai-basics-for-teachers.json";

    private final CatalogueChecks checks = new CatalogueChecks();

    private static ObjectNode valid() {
        try {
            return (ObjectNode) SeedData.JSON.readTree(VALID);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second valid record, distinct from {@link #valid()} in id, slug, title and URL. */
    private static ObjectNode other(String slug) {
        ObjectNode record = valid();
        record.put("id", "7c1e0d4a-3b2f-4e6d-8a9c-5f4e3d2c1b0a");
        record.put("slug", slug);
        record.put("title", "Machine learning for school leaders");
        record.put("url", "https://example.org/courses/ml-leaders");
        return record;
    }

    private List<String> problems(ObjectNode... records) {
        return checks.all(java.util.Arrays.stream(records)
                .map(r -> CatalogueFile.of(r.path("type").asText(), r.path("slug").asText(), r))
                .toList());
    }

    @Test
    void theValidRecordHasNoProblem() {
        assertEquals(List.of(), problems(valid()));
        assertEquals(List.of(), problems(valid(), other("ml-for-school-leaders")));
    }

    @Test
    void unknownThemeIsReported() {
        ObjectNode record = valid();
        record.putArray("themes").add("teaching_teachers").add("robots");
        assertEquals(List.of(PATH + ": themes[1]: 'robots' is not in themes.json"), problems(record));
    }

    @Test
    void unknownCodesOfEveryOtherVocabularyAreReported() {
        ObjectNode record = valid();
        record.put("original_language", "xx");
        record.putArray("languages").add("en").add("zz");
        record.putArray("levels").add("isced_9");
        record.putArray("audiences").add("robots");
        record.putArray("sdg4_targets").add("4.8");
        record.put("license", "CC-BY-5.0");
        ((ObjectNode) record.get("translations")).set("qq", record.path("translations").path("fr").deepCopy());
        assertEquals(List.of(
                PATH + ": original_language: 'xx' is not in languages.json",
                PATH + ": languages[1]: 'zz' is not in languages.json",
                PATH + ": levels[0]: 'isced_9' is not in levels.json",
                PATH + ": audiences[0]: 'robots' is not in audiences.json",
                PATH + ": sdg4_targets[0]: '4.8' is not in sdg4_targets.json",
                PATH + ": translations.qq: 'qq' is not in languages.json",
                PATH + ": license: 'CC-BY-5.0' is not in licenses.json"), problems(record));
    }

    @Test
    void badCountryIsReported() {
        ObjectNode record = valid();
        record.putArray("jurisdictions").add("KE").add("XX").add("AFRICAN_UNION").add("AU_COMMISSION");
        assertEquals(List.of(
                PATH + ": jurisdictions[1]: 'XX' is in neither countries.json nor bodies.json",
                PATH + ": jurisdictions[3]: 'AU_COMMISSION' is in neither countries.json nor bodies.json"), problems(record));
    }

    @Test
    void missingTitleIsReported() {
        ObjectNode record = valid();
        record.remove("title");
        assertEquals(List.of(PATH + ": $: required property 'title' not found"), problems(record));
    }

    @Test
    void sectionOfAnotherTypeIsReported() {
        ObjectNode record = valid();
        record.putObject("policy").put("issuing_body", "Ministry of Education").put("instrument_type", "strategy").put("status", "in_force");
        assertEquals(List.of(PATH + ": policy: section present but type is 'course'"), problems(record));
    }

    @Test
    void sectionOfAnotherTypeInsteadOfItsOwnIsReported() {
        ObjectNode record = valid();
        record.set("tool", record.remove("course"));
        assertEquals(List.of(
                PATH + ": $.tool: property 'certificate' is not defined in the schema and the schema does not allow additional properties",
                PATH + ": $.tool: property 'cost' is not defined in the schema and the schema does not allow additional properties",
                PATH + ": $.tool: property 'format' is not defined in the schema and the schema does not allow additional properties",
                PATH + ": $.tool: property 'provider' is not defined in the schema and the schema does not allow additional properties",
                PATH + ": $.tool: required property 'open_source' not found",
                PATH + ": $.tool: required property 'personal_data' not found",
                PATH + ": $: required property 'course' not found",
                PATH + ": tool: section present but type is 'course'"), problems(record));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-02-29", "2024-13", "2024-00", "2024-04-31"})
    void impossibleDateIsReported(String date) {
        ObjectNode record = valid();
        record.put("published", date);
        assertEquals(List.of(PATH + ": published: '" + date + "' is not a real calendar date"), problems(record));
    }

    @Test
    void impossibleDatesOfTypeSectionsAndProvenanceAreReported() {
        ObjectNode record = valid();
        ((ObjectNode) record.get("provenance")).put("checked", "2025-02-30");
        ObjectNode policy = record.deepCopy();
        policy.put("type", "policy").remove("course");
        policy.putObject("policy").put("issuing_body", "Ministry of Education").put("instrument_type", "strategy")
                .put("status", "in_force").put("adoption_date", "2021-06-31");
        String policyPath = "catalogue/policy/ai-basics-for-teachers.json";
        assertEquals(List.of(
                policyPath + ": policy.adoption_date: '2021-06-31' is not a real calendar date",
                policyPath + ": provenance.checked: '2025-02-30' is not a real calendar date"), problems(policy));
    }

    @Test
    void slugTypeIdAndProvenanceProblemsAreReported() {
        ObjectNode record = valid();
        record.remove("id");
        record.remove("provenance");
        CatalogueFile misfiled = CatalogueFile.of("tool", "ai-basics", record);
        assertEquals(List.of(
                "catalogue/tool/ai-basics.json: slug: 'ai-basics-for-teachers' differs from the file name 'ai-basics'",
                "catalogue/tool/ai-basics.json: type: 'course' differs from the folder 'tool'",
                "catalogue/tool/ai-basics.json: id: missing",
                "catalogue/tool/ai-basics.json: provenance: missing"), checks.all(List.of(misfiled)));
    }

    @Test
    void repeatedIdAndSlugAreReported() {
        ObjectNode first = valid();
        ObjectNode second = other("ai-basics-for-teachers");
        second.put("id", first.path("id").asText());
        assertEquals(List.of(
                PATH + ": id: '0f6d3c52-6a58-4d7e-9a0b-2c1e5b7d9f10' is also the id of " + PATH,
                PATH + ": slug: 'ai-basics-for-teachers' is also the slug of " + PATH), problems(first, second));
    }

    @Test
    void duplicateUrlDifferingOnlyByHttpsWwwAndTrailingSlashIsReported() {
        ObjectNode second = other("ml-for-school-leaders");
        second.put("url", "https://www.example.org/courses/ai-basics/");
        assertEquals(List.of("catalogue/course/ml-for-school-leaders.json: url: 'https://www.example.org/courses/ai-basics/' is the URL of "
                + PATH + " (both normalise to 'example.org/courses/ai-basics')"), problems(valid(), second));
    }

    @Test
    void nearIdenticalTitleIsReported() {
        ObjectNode second = other("ai-for-teacher-practical-introduction");
        second.put("title", "Artificial intelligence for teacher - a practical introduction");
        assertEquals(List.of("catalogue/course/ai-for-teacher-practical-introduction.json: title: "
                + "'Artificial intelligence for teacher - a practical introduction' is near-identical to the title "
                + "'Artificial Intelligence for Teachers: A Practical Introduction' of " + PATH + " (similarity 0.98)"),
                problems(valid(), second));
    }

    @Test
    void titleEqualAfterNormalisationIsReported() {
        ObjectNode first = valid();
        first.put("title", "AI Basics for Teachers");
        ObjectNode second = other("ai-basics-teachers-copy");
        second.put("title", "ai basics — for Téachers!");
        assertEquals(List.of("catalogue/course/ai-basics-teachers-copy.json: title: 'ai basics — for Téachers!' is near-identical "
                + "to the title 'AI Basics for Teachers' of " + PATH + " (similarity 1.00)"), problems(first, second));
    }

    @Test
    void differentTitlesAndSameTitlesOfDifferentPlacesAreNotReported() {
        ObjectNode first = valid();
        first.put("title", "AI for Teachers");
        ObjectNode similarButDifferent = other("ai-for-learners");
        similarButDifferent.put("title", "AI for Learners");
        assertEquals(List.of(), problems(first, similarButDifferent));

        ObjectNode samePlace = other("ai-for-teachers-ke-ug");
        samePlace.put("title", "AI for Teachers").putArray("jurisdictions").add("UG").add("KE");
        ObjectNode otherPlace = other("ai-for-teachers-zm");
        otherPlace.put("id", "a3c6e9f2-1b4d-4a7e-9c2f-8e5d1b3a6c90").put("url", "https://example.org/zm");
        otherPlace.put("title", "AI for Teachers").putArray("jurisdictions").add("ZM");
        assertEquals(List.of("catalogue/course/ai-for-teachers-ke-ug.json: title: 'AI for Teachers' is near-identical "
                + "to the title 'AI for Teachers' of " + PATH + " (similarity 1.00)"), problems(first, samePlace, otherPlace));
    }
}
