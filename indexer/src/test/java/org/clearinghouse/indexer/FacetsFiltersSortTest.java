package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacetsFiltersSortTest {
    @TempDir
    static Path dir;
    static IndexService index;

    static SearchDocument doc(String id, String type, List<String> countries, String region, Integer year, boolean open, String license,
                              Map<String, LocalizedText> texts) {
        return new SearchDocument(id, id, type, texts.containsKey("en") ? "en" : texts.keySet().iterator().next(), texts, null, null,
                countries, List.of(region), List.copyOf(texts.keySet()), List.of("teaching_teachers"), List.of("isced_1"),
                List.of("teachers"), license, year, open, List.of(), 1);
    }

    static Map<String, LocalizedText> en(String title) {
        return Map.of("en", new LocalizedText(title, "About artificial intelligence."));
    }

    @BeforeAll
    static void build() throws Exception {
        index = IndexService.open(dir, Fixtures.thesaurus());
        index.rebuild(List.of(
                doc("d1", "policy", List.of("FR"), "europe_north_america", 2020, true, "CC-BY-4.0",
                        Map.of("en", new LocalizedText("Zebra strategy", "About artificial intelligence."), "fr", new LocalizedText("Alpha stratégie", "Sur l'IA."))),
                doc("d2", "policy", List.of("ES"), "europe_north_america", 2021, true, "CC-BY-4.0", en("Beta plan")),
                doc("d3", "tool", List.of("FR", "ES"), "europe_north_america", 2021, true, "MIT", en("Gamma tool")),
                doc("d4", "course", List.of("US"), "europe_north_america", 2019, false, "proprietary", en("Delta course")),
                doc("d5", "tool", List.of("US"), "europe_north_america", null, false, "proprietary", en("Epsilon app")),
                doc("d6", "regulation", List.of("BR"), "latin_america_caribbean", 2024, true, "unknown", en("Omega law"))).iterator());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static SearchRequest.Builder all() {
        return SearchRequest.builder().limit(100);
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }

    static List<FacetCount> counts(Object... valueCount) {
        java.util.ArrayList<FacetCount> out = new java.util.ArrayList<>();
        for (int i = 0; i < valueCount.length; i += 2) {
            out.add(new FacetCount((String) valueCount[i], ((Integer) valueCount[i + 1]).longValue()));
        }
        return out;
    }

    @Test
    void facetsCountEveryDimensionByCountThenValue() {
        SearchResult result = index.search(all().build());
        assertEquals(6, result.total());
        assertEquals(List.of("type", "country", "region", "language", "theme", "level", "audience", "license", "year"), List.copyOf(result.facets().keySet()));
        assertEquals(counts("policy", 2, "tool", 2, "course", 1, "regulation", 1), result.facets().get("type"));
        assertEquals(counts("ES", 2, "FR", 2, "US", 2, "BR", 1), result.facets().get("country"));
        assertEquals(counts("europe_north_america", 5, "latin_america_caribbean", 1), result.facets().get("region"));
        assertEquals(counts("en", 6, "fr", 1), result.facets().get("language"));
        assertEquals(counts("CC-BY-4.0", 2, "proprietary", 2, "MIT", 1, "unknown", 1), result.facets().get("license"));
        assertEquals(counts("2021", 2, "2019", 1, "2020", 1, "2024", 1), result.facets().get("year"));
        assertEquals(counts("teaching_teachers", 6), result.facets().get("theme"));
    }

    @Test
    void valuesWithinAFieldAreAlternatives() {
        assertEquals(4, index.search(all().type(List.of("policy", "tool")).build()).total());
        assertEquals(List.of("d1", "d3"), ids(index.search(all().country(List.of("FR")).sort(SortOrder.OLDEST).build())));
    }

    @Test
    void aDimensionsCountsIgnoreItsOwnFilterButNotTheOthers() {
        SearchResult result = index.search(all().type(List.of("tool")).country(List.of("US")).build());
        assertEquals(List.of("d5"), ids(result));
        // Types among US records (country filter only), countries among tools (type filter only).
        assertEquals(counts("course", 1, "tool", 1), result.facets().get("type"));
        assertEquals(counts("ES", 1, "FR", 1, "US", 1), result.facets().get("country"));
        // Other dimensions count the fully filtered set.
        assertEquals(counts("proprietary", 1), result.facets().get("license"));
    }

    @Test
    void yearRangeIsAFacetFilterToo() {
        SearchResult result = index.search(all().yearFrom(2021).build());
        assertEquals(List.of("d6", "d2", "d3"), ids(result));
        assertEquals(counts("2021", 2, "2019", 1, "2020", 1, "2024", 1), result.facets().get("year"));
        assertEquals(counts("policy", 1, "regulation", 1, "tool", 1), result.facets().get("type"));
        assertEquals(List.of("d1", "d2", "d3"), ids(index.search(all().yearFrom(2020).yearTo(2021).sort(SortOrder.OLDEST).build())));
    }

    @Test
    void otherFiltersNarrowTheResult() {
        assertEquals(List.of("d4", "d5"), ids(index.search(all().open(false).sort(SortOrder.TITLE).build())));
        assertEquals(List.of("d6"), ids(index.search(all().region(List.of("latin_america_caribbean")).build())));
        assertEquals(List.of("d1"), ids(index.search(all().language(List.of("fr")).build())));
        assertEquals(List.of("d3"), ids(index.search(all().license(List.of("MIT")).build())));
        assertEquals(6, index.search(all().theme(List.of("teaching_teachers")).level(List.of("isced_1")).audience(List.of("teachers")).build()).total());
        assertEquals(0, index.search(all().audience(List.of("parents")).build()).total());
        assertEquals(1, index.search(all().q("gamma").type(List.of("tool")).build()).total());
    }

    @Test
    void listingsSortNewestFirstWithUndatedRecordsLast() {
        assertEquals(List.of("d6", "d2", "d3", "d1", "d4", "d5"), ids(index.search(all().build())));
        assertEquals(List.of("d4", "d1", "d2", "d3", "d6", "d5"), ids(index.search(all().sort(SortOrder.OLDEST).build())));
    }

    @Test
    void titleOrderFollowsTheRequestLanguage() {
        assertEquals(List.of("d2", "d4", "d5", "d3", "d6", "d1"), ids(index.search(all().sort(SortOrder.TITLE).lang("en").build())));
        // In French d1 is called "Alpha stratégie".
        SearchResult french = index.search(all().sort(SortOrder.TITLE).lang("fr").build());
        assertEquals(List.of("d1", "d2", "d4", "d5", "d3", "d6"), ids(french));
        assertEquals("Alpha stratégie", french.hits().get(0).title());
    }

    @Test
    void relevanceWithoutQueryMeansNewest() {
        assertEquals(ids(index.search(all().build())), ids(index.search(all().sort(SortOrder.RELEVANCE).build())));
    }
}
