package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass multi-select counts against counts worked out record by record from the fixture corpus, for
 * queries with zero to four filters (year range included), with and without text. The corpus is written in
 * several commits so the index has several segments, as a real one does.
 */
class SidewaysFacetsTest {
    @TempDir
    static Path dir;
    static IndexService index;
    static List<SearchDocument> records;

    @BeforeAll
    static void build() throws Exception {
        records = Fixtures.records();
        index = IndexService.open(dir, Fixtures.thesaurus());
        int third = records.size() / 3;
        index.rebuild(records.subList(0, third).iterator());
        index.apply(records.subList(third, 2 * third), List.of(), 2);
        index.apply(records.subList(2 * third, records.size()), List.of(), 3);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    /** One filter of a request: its dimension, and which records pass it. */
    record Filter(String dim, java.util.function.Predicate<SearchDocument> passes) {
    }

    static final Map<String, Function<SearchDocument, List<String>>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(Schema.TYPE, d -> d.type() == null ? List.of() : List.of(d.type()));
        VALUES.put(Schema.COUNTRY, SearchDocument::countries);
        VALUES.put(Schema.REGION, SearchDocument::regions);
        VALUES.put(Schema.LANGUAGE, SearchDocument::languages);
        VALUES.put(Schema.THEME, SearchDocument::themes);
        VALUES.put(Schema.LEVEL, SearchDocument::levels);
        VALUES.put(Schema.AUDIENCE, SearchDocument::audiences);
        VALUES.put(Schema.LICENSE, d -> d.license() == null ? List.of() : List.of(d.license()));
        VALUES.put(Schema.YEAR, d -> d.year() == null ? List.of() : List.of(d.year().toString()));
    }

    @Test
    void countsMatchARecordByRecordCountForEveryCombination() {
        // The most common values, so that every combination keeps some records and near misses.
        String type = common(Schema.TYPE, 0);
        String theme = common(Schema.THEME, 0);
        String otherTheme = common(Schema.THEME, 1);
        String language = common(Schema.LANGUAGE, 0);
        String level = common(Schema.LEVEL, 0);
        Filter byType = values(Schema.TYPE, type);
        Filter byThemes = values(Schema.THEME, theme, otherTheme);
        Filter byLanguage = values(Schema.LANGUAGE, language);
        Filter byLevel = values(Schema.LEVEL, level);
        Filter byYear = new Filter(Schema.YEAR, d -> d.year() != null && d.year() >= 2020 && d.year() <= 2024);

        List<List<Filter>> combinations = List.of(List.of(), List.of(byType), List.of(byThemes), List.of(byYear),
                List.of(byType, byLanguage), List.of(byThemes, byYear), List.of(byType, byThemes, byLevel),
                List.of(byType, byThemes, byLanguage, byYear));
        int checked = 0;
        for (String q : new String[] {null, "artificial intelligence", "enseignants"}) {
            Set<String> matching = allIds(SearchRequest.builder().q(q));
            for (List<Filter> filters : combinations) {
                SearchRequest.Builder request = SearchRequest.builder().q(q).limit(SearchRequest.MAX_LIMIT);
                for (Filter f : filters) {
                    switch (f.dim()) {
                        case Schema.TYPE -> request.type(List.of(type));
                        case Schema.THEME -> request.theme(List.of(theme, otherTheme));
                        case Schema.LANGUAGE -> request.language(List.of(language));
                        case Schema.LEVEL -> request.level(List.of(level));
                        case Schema.YEAR -> request.yearFrom(2020).yearTo(2024);
                        default -> throw new IllegalStateException(f.dim());
                    }
                }
                SearchResult result = index.search(request.build());
                List<SearchDocument> candidates = records.stream().filter(d -> matching.contains(d.id())).toList();
                List<SearchDocument> hits = candidates.stream().filter(d -> filters.stream().allMatch(f -> f.passes().test(d))).toList();
                String label = "q=" + q + " filters=" + filters.stream().map(Filter::dim).toList();
                assertEquals(hits.size(), result.total(), label);
                assertEquals(hits.stream().map(SearchDocument::id).collect(java.util.stream.Collectors.toSet()), allIds(request), label);
                for (String dim : Schema.FACETS) {
                    // A dimension's counts ignore its own filter and keep every other one.
                    List<SearchDocument> counted = candidates.stream()
                            .filter(d -> filters.stream().filter(f -> !f.dim().equals(dim)).allMatch(f -> f.passes().test(d))).toList();
                    assertEquals(expected(dim, counted), result.facets().get(dim), label + " dimension " + dim);
                    checked++;
                }
            }
        }
        assertEquals(3 * combinations.size() * Schema.FACETS.size(), checked);
    }

    private static Filter values(String dim, String... values) {
        Set<String> accepted = Set.of(values);
        return new Filter(dim, d -> VALUES.get(dim).apply(d).stream().anyMatch(accepted::contains));
    }

    private static String common(String dim, int rank) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(d -> new HashSet<>(VALUES.get(dim).apply(d)).forEach(v -> counts.merge(v, 1, Integer::sum)));
        List<String> byCount = new ArrayList<>(counts.keySet());
        byCount.sort(Comparator.comparing((String v) -> counts.get(v)).reversed());
        assertTrue(byCount.size() > rank, dim);
        return byCount.get(rank);
    }

    private static List<FacetCount> expected(String dim, List<SearchDocument> docs) {
        Map<String, Long> counts = new TreeMap<>();
        docs.forEach(d -> new HashSet<>(VALUES.get(dim).apply(d)).forEach(v -> counts.merge(v, 1L, Long::sum)));
        List<FacetCount> out = new ArrayList<>();
        counts.forEach((v, n) -> out.add(new FacetCount(v, n)));
        out.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return out;
    }

    /** Every matching id, page after page. */
    private static Set<String> allIds(SearchRequest.Builder request) {
        Set<String> out = new HashSet<>();
        String cursor = null;
        do {
            SearchResult page = index.search(request.limit(SearchRequest.MAX_LIMIT).cursor(cursor).build());
            page.hits().forEach(h -> out.add(h.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        request.cursor(null);
        return out;
    }
}
