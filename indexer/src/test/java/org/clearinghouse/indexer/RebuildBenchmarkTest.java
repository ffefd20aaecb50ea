package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild throughput on the fixture corpus replicated with varied ids: prints figures, asserts only counts.
 * Run with {@code mvn -o -pl indexer test -Dtest=RebuildBenchmarkTest -Dindexer.bench=true}.
 */
@EnabledIfSystemProperty(named = "indexer.bench", matches = "true")
class RebuildBenchmarkTest {
    static final int DOCUMENTS = 30_000;

    @TempDir
    Path dir;

    static List<SearchDocument> corpus() {
        List<SearchDocument> base = Fixtures.records();
        List<SearchDocument> out = new ArrayList<>(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i++) {
            SearchDocument d = base.get(i % base.size());
            int copy = i / base.size();
            Map<String, LocalizedText> texts = new java.util.LinkedHashMap<>();
            d.texts().forEach((lang, t) -> texts.put(lang, new LocalizedText(t.title() + " " + copy, t.summary())));
            out.add(new SearchDocument(d.id() + "-" + copy, d.slug() + "-" + copy, d.type(), d.originalLanguage(), texts, d.url(), d.publisher(),
                    d.countries(), d.regions(), d.languages(), d.themes(), d.levels(), d.audiences(), d.license(),
                    d.year() == null ? null : d.year() - copy % 5, d.open(), d.keywords(), i + 1));
        }
        return out;
    }

    @Test
    void rebuildThroughput() throws Exception {
        List<SearchDocument> docs = corpus();
        try (IndexService index = IndexService.open(dir, Fixtures.realThesaurus().orElse(Fixtures.thesaurus()))) {
            long start = 0;
            // The first run includes class loading, dictionary loading and JIT compilation: a server's first rebuild.
            for (int run = 1; run <= 3; run++) {
                index.awaitSuggestions();
                start = System.nanoTime();
                index.rebuild(docs.iterator());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("rebuild %d: %d documents in %.2f s = %.0f docs/s%n", run, DOCUMENTS, seconds, DOCUMENTS / seconds);
            }
            start = System.nanoTime();
            index.awaitSuggestions();
            System.out.printf("suggester rebuilt in background in %.2f s%n", (System.nanoTime() - start) / 1e9);
            assertEquals(DOCUMENTS, index.search(SearchRequest.builder().build()).total());
            String[] queries = {"enseignants intelligence artificielle", "generative AI guidance schools", "人工智能教育", "адаптивное обучение", "educat*"};
            for (int round = 0; round < 2; round++) {
                for (String q : queries) {
                    start = System.nanoTime();
                    SearchResult r = index.search(SearchRequest.builder().q(q).limit(20).build());
                    if (round == 1) {
                        System.out.printf("query %-40s %6d hits in %.1f ms%n", q, r.total(), (System.nanoTime() - start) / 1e6);
                    }
                }
            }
        }
    }
}
