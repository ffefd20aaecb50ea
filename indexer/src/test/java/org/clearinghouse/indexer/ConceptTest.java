package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.indexer.QueryPlanner.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptTest {
    static Analyzers analyzers;
    static ConceptIndex concepts;
    static QueryPlanner planner;

    @BeforeAll
    static void open() {
        analyzers = new Analyzers();
        concepts = new ConceptIndex(Fixtures.thesaurus(), analyzers);
        planner = new QueryPlanner(analyzers, concepts);
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    @Test
    void labelsAreFoundOnAnalysedTokens() {
        assertEquals(Map.of("teachers", 1, "artificial_intelligence", 1), concepts.occurrences("en", "Teachers using artificial intelligence."));
        // "formation des enseignants" is a teacher-training label and holds the teachers label.
        assertEquals(Map.of("teacher_training", 1, "teachers", 1), concepts.occurrences("fr", "La formation des enseignants"));
        assertEquals(Map.of("teachers", 2), concepts.occurrences("ru", "Учителя и учителей"));
        assertEquals(Map.of("artificial_intelligence", 1, "school", 1), concepts.occurrences("zh", "中小学人工智能"));
    }

    @Test
    void labelsOfOtherLanguagesAreFoundFolded() {
        // An English label inside a Spanish text, matched without accents or case.
        assertEquals(Set.of("ai_literacy", "artificial_intelligence"), concepts.occurrences("es", "Programa de AI Literacy").keySet());
        // A language with no analyzer of its own still meets labels through folding.
        assertEquals(Set.of("machine_learning"), concepts.occurrences("de", "Kurs über Machine Learning").keySet());
    }

    @Test
    void queryWordsSpellingALabelBecomeOneConceptUnit() {
        Plan plan = planner.plan(UserQueryParser.parse("enseignants intelligence artificielle"), "fr");
        assertEquals(2, plan.units().size());
        assertEquals(Set.of("teachers"), plan.units().get(0).alternatives().get(0).conceptIds());
        assertEquals("intelligence artificielle", plan.units().get(1).alternatives().get(0).text());
        assertEquals(Set.of("artificial_intelligence"), plan.units().get(1).alternatives().get(0).conceptIds());
    }

    @Test
    void overlappingLabelsOfOneConceptFormOneUnit() {
        // "حماية البيانات" (data protection) and "البيانات الشخصية" (personal data) overlap on one word.
        Plan plan = planner.plan(UserQueryParser.parse("حماية البيانات الشخصية"), "ar");
        assertEquals(1, plan.units().size());
        assertEquals(Set.of("data_protection"), plan.units().get(0).alternatives().get(0).conceptIds());
    }

    @Test
    void chineseQueriesAreSplitIntoWordsBeforeConceptsAreFound() {
        Plan plan = planner.plan(UserQueryParser.parse("人工智能教师"), "zh");
        assertEquals(List.of(Set.of("artificial_intelligence"), Set.of("teachers")),
                plan.units().stream().map(u -> u.alternatives().get(0).conceptIds()).toList());
    }

    @Test
    void stopWordsOfTheQueryLanguageAreDropped() {
        Plan plan = planner.plan(UserQueryParser.parse("the use of robots"), "en");
        assertEquals(List.of("use", "robots"), plan.units().stream().map(u -> u.alternatives().get(0).text()).toList());
    }

    @Test
    void frenchQueryFindsEnglishRecordsThroughConceptsRankedBelowFrenchOnes(@TempDir Path dir) throws Exception {
        List<SearchDocument> docs = List.of(
                Fixtures.doc("en-teachers-ai", "en", "Supporting teachers with AI", "Guidance for educators who use artificial intelligence in class.", 1),
                Fixtures.doc("en-ai-only", "en", "Artificial intelligence in hospitals", "How AI helps doctors.", 2),
                Fixtures.doc("en-teachers-only", "en", "Teachers' salaries", "A survey of teacher pay.", 3),
                Fixtures.doc("fr-enseignants-ia", "fr", "Les enseignants et l'intelligence artificielle", "Un guide pour les enseignants.", 4));
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(docs.iterator());
            SearchResult result = index.search(SearchRequest.builder().q("enseignants intelligence artificielle").lang("fr").build());
            assertEquals(List.of("fr-enseignants-ia", "en-teachers-ai"), result.hits().stream().map(Hit::id).toList());
            SearchResult chinese = index.search(SearchRequest.builder().q("教师 人工智能").build());
            assertEquals(List.of("en-teachers-ai", "fr-enseignants-ia"), chinese.hits().stream().map(Hit::id).sorted().toList());
        }
    }

    @Test
    void changingTheThesaurusRequiresARebuild(@TempDir Path dir) throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(List.of(Fixtures.doc("a", "en", "AI", "", 1)).iterator());
        }
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            assertTrue(!index.needsRebuild());
        }
        Thesaurus changed = new Thesaurus(List.of(new Concept("robots", Map.of("en", List.of("robot")))));
        try (IndexService index = IndexService.open(dir, changed)) {
            assertTrue(index.needsRebuild());
        }
    }
}
