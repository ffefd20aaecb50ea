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
 * Run with {@code mvn -o -pl indexer test -Dtest=RebuildBenchmarkTest -Dindexer.bench=true}; add
 * {@code -Dindexer.bench.runs=N} for more rebuilds (the median of the warm ones is printed) and
 * {@code -Dindexer.bench.queries=false} to time the rebuild alone.
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
            int runs = Integer.getInteger("indexer.bench.runs", 3);
            List<Double> warmCpu = new ArrayList<>();
            // The first run includes class loading, dictionary loading and JIT compilation: a server's first rebuild.
            for (int run = 1; run <= runs; run++) {
                index.awaitSuggestions();
                start = System.nanoTime();
                long cpu = processCpuNanos();
                index.rebuild(docs.iterator());
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMillisPerDoc = (processCpuNanos() - cpu) / 1e6 / DOCUMENTS;
                System.out.printf("rebuild %d: %d documents in %.2f s = %.0f docs/s, %.3f ms of CPU per document%n",
                        run, DOCUMENTS, seconds, DOCUMENTS / seconds, cpuMillisPerDoc);
                if (run > 1) {
                    warmCpu.add(cpuMillisPerDoc);
                }
            }
            if (!warmCpu.isEmpty()) {
                java.util.Collections.sort(warmCpu);
                System.out.printf("median of the warm rebuilds: %.3f ms of CPU per document%n", warmCpu.get(warmCpu.size() / 2));
            }
            start = System.nanoTime();
            index.awaitSuggestions();
            System.out.printf("suggester rebuilt in background in %.2f s%n", (System.nanoTime() - start) / 1e9);
            assertEquals(DOCUMENTS, index.search(SearchRequest.builder().build()).total());
            if (!Boolean.parseBoolean(System.getProperty("indexer.bench.queries", "true"))) {
                return;
            }
            String[] queries = {"enseignants intelligence artificielle", "generative AI guidance schools", "人工智能教育", "адаптивное обучение", "educat*"};
            int repeats = 30;
            for (int round = 0; round < 2; round++) {
                for (String q : queries) {
                    start = System.nanoTime();
                    long cpu = threadCpuNanos();
                    SearchResult r = null;
                    for (int i = 0; i < repeats; i++) {
                        r = index.search(SearchRequest.builder().q(q).limit(20).build());
                    }
                    if (round == 1) {
                        System.out.printf("query %-40s %6d hits in %.2f ms (mean of %d), %.2f ms of this thread's CPU%n", q, r.total(),
                                (System.nanoTime() - start) / 1e6 / repeats, repeats, (threadCpuNanos() - cpu) / 1e6 / repeats);
                    }
                }
            }
        }
    }

    /**
     * Publishing one record: applied and made searchable near-real-time (commits on a timer), against the
     * previous way, a commit with every change, interleaved in one run so the machine's load weighs on both.
     */
    @Test
    void applyLatency() throws Exception {
        List<SearchDocument> docs = corpus();
        try (IndexService index = IndexService.open(dir, Fixtures.realThesaurus().orElse(Fixtures.thesaurus()))) {
            index.rebuild(docs.iterator());
            long[] nanos = new long[2];
            long[] cpu = new long[2];
            int rounds = 200;
            for (int i = 0; i < rounds + 20; i++) {
                for (int way = 0; way < 2; way++) {
                    SearchDocument d = docs.get((i * 2 + way) % docs.size());
                    long start = System.nanoTime();
                    long c = threadCpuNanos();
                    index.apply(List.of(d), List.of(), DOCUMENTS + 1 + i * 2 + way);
                    if (way == 1) {
                        index.commit();
                    }
                    if (i >= 20) {
                        nanos[way] += System.nanoTime() - start;
                        cpu[way] += threadCpuNanos() - c;
                    }
                }
            }
            String[] names = {"near-real-time, commit on a timer", "commit with every change"};
            for (int way = 0; way < 2; way++) {
                System.out.printf("apply one record, %-34s %.2f ms (mean of %d), %.2f ms of this thread's CPU%n",
                        names[way], nanos[way] / 1e6 / rounds, rounds, cpu[way] / 1e6 / rounds);
            }
        }
    }

    /** CPU time of the searching thread alone: other processes on a shared machine do not count. */
    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
