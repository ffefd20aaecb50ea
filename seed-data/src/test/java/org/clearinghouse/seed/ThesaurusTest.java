package org.clearinghouse.seed;

import static org.clearinghouse.seed.SeedData.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The multilingual concept thesaurus {@code thesaurus/concepts.json} used by search. */
class ThesaurusTest {
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "zh", "pt");
    private static final JsonNode ROOT = SeedData.read("thesaurus/concepts.json");
    private static final Map<String, JsonNode> CONCEPTS = new LinkedHashMap<>();

    static {
        ROOT.path("concepts").forEach(concept -> CONCEPTS.putIfAbsent(concept.path("id").asText(), concept));
    }

    @Test
    void parsesWithAConceptListInTheSevenLanguages() {
        assertTrue(ROOT.path("concepts").isArray(), "concepts.json: concepts: not an array");
        List<String> declared = new ArrayList<>();
        ROOT.path("languages").forEach(language -> declared.add(language.asText()));
        assertEquals(LANGUAGES, declared, "concepts.json: languages");
    }

    @Test
    void holdsAtLeastEightyConcepts() {
        int count = ROOT.path("concepts").size();
        assertTrue(count >= 80, "concepts.json: " + count + " concepts, expected at least 80");
    }

    @Test
    void idsAreUnique() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode concept : ROOT.path("concepts")) {
            String id = concept.path("id").asText();
            if (id.isBlank()) {
                problems.add("concepts.json: concepts[" + i + "].id: missing or empty");
            } else if (!seen.add(id)) {
                problems.add("concepts.json: concepts[" + i + "].id: '" + id + "' is used twice");
            }
            i++;
        }
        assertNoProblems("concept ids", problems);
    }

    @Test
    void everyConceptHasNonEmptyLabelsInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (JsonNode concept : ROOT.path("concepts")) {
            for (String language : LANGUAGES) {
                JsonNode labels = concept.path("labels").path(language);
                String field = "concepts.json: " + concept.path("id").asText() + ".labels." + language;
                if (!labels.isArray() || labels.isEmpty()) {
                    problems.add(field + ": missing or an empty list");
                } else {
                    for (int i = 0; i < labels.size(); i++) {
                        if (!labels.get(i).isTextual() || labels.get(i).asText().isBlank()) {
                            problems.add(field + "[" + i + "]: not a non-empty string");
                        }
                    }
                }
            }
        }
        assertNoProblems("concept labels", problems);
    }

    @Test
    void broaderConceptsExistAndNeverLoop() {
        List<String> problems = new ArrayList<>();
        for (JsonNode concept : ROOT.path("concepts")) {
            String id = concept.path("id").asText();
            JsonNode broader = concept.path("broader");
            if (!broader.isNull() && !broader.isMissingNode() && !CONCEPTS.containsKey(broader.asText())) {
                problems.add("concepts.json: " + id + ".broader: '" + broader.asText() + "' is not a concept id");
                continue;
            }
            Set<String> chain = new HashSet<>(Set.of(id));
            for (JsonNode up = broader; up.isTextual() && CONCEPTS.containsKey(up.asText()); up = CONCEPTS.get(up.asText()).path("broader")) {
                if (!chain.add(up.asText())) {
                    problems.add("concepts.json: " + id + ".broader: the chain loops back to '" + up.asText() + "'");
                    break;
                }
            }
        }
        assertNoProblems("broader links", problems);
    }

    @Test
    void schemeConceptsAreExactlyTheVocabularyCodes() {
        Map<String, String> schemes = Map.of("theme", "themes", "type", "types", "level", "levels", "audience", "audiences");
        schemes.forEach((scheme, vocabulary) -> {
            Set<String> ids = new TreeSet<>();
            CONCEPTS.values().stream().filter(c -> scheme.equals(c.path("scheme").asText())).forEach(c -> ids.add(c.path("id").asText()));
            assertEquals(new TreeSet<>(SeedData.codes(vocabulary)), ids,
                    "concepts.json: ids of scheme '" + scheme + "' against the codes of " + vocabulary + ".json");
        });
    }

    @Test
    void keyTermsHaveAConceptWhoseEnglishLabelsNameThem() {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("artificial intelligence", "artificial_intelligence");
        terms.put("machine learning", "machine_learning");
        terms.put("teacher training", "teacher_training");
        terms.put("curriculum", "curriculum");
        terms.put("assessment", "assessment");
        terms.put("data privacy", "data_privacy");
        terms.put("ethics", "ethics");
        terms.put("generative AI", "generative_ai");
        terms.put("chatbot", "chatbot");
        terms.put("gender", "gender");
        terms.put("disability", "disability");
        terms.put("dropout", "dropout");
        terms.put("literacy", "literacy");
        List<String> problems = new ArrayList<>();
        terms.forEach((term, id) -> {
            JsonNode concept = CONCEPTS.get(id);
            if (concept == null) {
                problems.add("concepts.json: no concept '" + id + "' for the key term '" + term + "'");
                return;
            }
            List<String> english = new ArrayList<>();
            concept.path("labels").path("en").forEach(label -> english.add(label.asText().toLowerCase(Locale.ROOT)));
            if (!english.contains(term.toLowerCase(Locale.ROOT))) {
                problems.add("concepts.json: " + id + ".labels.en: " + english + " does not contain '" + term + "'");
            }
        });
        assertNoProblems("key terms", problems);
    }
}
