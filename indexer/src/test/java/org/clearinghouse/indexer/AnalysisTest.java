package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
    static Analyzers analyzers;

    @BeforeAll
    static void open() {
        analyzers = new Analyzers();
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    static List<String> terms(String lang, String text) {
        return Analyzers.terms(analyzers.forLanguage(lang), Schema.title(lang), text);
    }

    @Test
    void englishStemsAndDropsStopWords() {
        assertEquals(List.of("teacher", "teacher", "learn"), terms("en", "The Teachers teacher's learning"));
    }

    @Test
    void frenchRemovesElisionAndStemsPlurals() {
        assertEquals(List.of("inteligenc", "artificiel", "enseignant", "enseignant"), terms("fr", "L'intelligence artificielle des enseignants enseignant"));
    }

    @Test
    void spanishStemsPluralsAndAccents() {
        assertEquals(List.of("docent", "docent", "politic", "politic"), terms("es", "Los docentes docente políticas política"));
    }

    @Test
    void arabicNormalisesArticlesAndPlurals() {
        assertEquals(List.of("معلم", "معلم", "ذكاء", "اصطناع", "تعليم"), terms("ar", "المعلمين معلم الذكاء الاصطناعي والتعليم"));
    }

    @Test
    void russianStemsCases() {
        assertEquals(List.of("учител", "учител", "искусствен", "интеллект"), terms("ru", "учителей учитель Искусственный интеллект"));
    }

    @Test
    void chineseIsSegmentedIntoWords() {
        assertEquals(List.of("人工智能", "教育", "政策"), terms("zh", "人工智能教育政策"));
    }

    @Test
    void portugueseStemsPlurals() {
        assertEquals(List.of("professor", "professor", "formaca"), terms("pt", "Os professores professor formação"));
    }

    @Test
    void neutralFieldFoldsCaseAccentsAndWidth() {
        assertEquals(List.of("education", "strasse", "生成", "ai", "ai", "cafe"), terms("de", "ÉDUCATION Straße 生成AI ＡＩ Ｃａｆé"));
        assertEquals(List.of("인공지능", "교육"), terms("ko", "인공지능 교육"));
    }

    @Test
    void queryLanguageIsGuessedFromScript() {
        assertEquals("ar", Languages.detect("الذكاء الاصطناعي"));
        assertEquals("ru", Languages.detect("ИИ в школе"));
        assertEquals("zh", Languages.detect("人工智能"));
        assertEquals("en", Languages.detect("école"));
        assertEquals("en", Languages.detect("2024 !!"));
        assertEquals("pt", Languages.normalize("pt-BR"));
        assertEquals(null, Languages.normalize("../etc"));
    }

    @Test
    void eachTextIsSearchableInItsOwnLanguageField(@TempDir Path dir) throws Exception {
        SearchDocument french = new SearchDocument("fr-1", "fr-1", "course", "fr",
                Map.of("fr", new LocalizedText("Former les enseignants", "Un cours pour les professeurs des écoles."),
                        "en", new LocalizedText("Training teachers", "A course for primary school teachers.")),
                null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, List.of(), 1);
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(List.of(french).iterator());
            // "enseignant" only meets "enseignants" through the French stemmer, "teacher" only meets "teachers" through the English one.
            assertEquals(1, index.search(SearchRequest.builder().q("enseignant").lang("fr").build()).total());
            assertEquals(1, index.search(SearchRequest.builder().q("teacher").lang("en").build()).total());
            // The folded field serves accent-less typing in any language.
            assertEquals(1, index.search(SearchRequest.builder().q("ecoles").lang("de").build()).total());
            SearchResult inFrench = index.search(SearchRequest.builder().q("teacher").lang("fr").build());
            assertEquals("fr", inFrench.hits().get(0).textLanguage());
            assertEquals("Former les enseignants", inFrench.hits().get(0).title());
        }
    }
}
