package org.clearinghouse.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.indexer.SearchResult;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.search.ThesaurusLoader;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: the bench's query mix against the index a {@code bench --keep --data-dir DIR} run left behind, in
 * process, with this thread's CPU time per search: quick to repeat while changing the engine.
 * {@code CLEARINGHOUSE_QUERY_PROFILE_DIR=DIR} (the kept data directory), {@code CLEARINGHOUSE_BENCH_CORPORA}.
 */
@EnabledIfEnvironmentVariable(named = "CLEARINGHOUSE_QUERY_PROFILE_DIR", matches = ".+")
class QueryProfileTest {
    @Test
    void queryMix() throws Exception {
        // Not in the small-heap test run, whose limit is for other tests.
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() > 700L << 20);
        Path dir = Path.of(System.getenv("CLEARINGHOUSE_QUERY_PROFILE_DIR"));
        int records = Integer.parseInt(System.getenv().getOrDefault("CLEARINGHOUSE_QUERY_PROFILE_RECORDS", "100000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("CLEARINGHOUSE_QUERY_PROFILE_ROUNDS", "5"));
        ObjectMapper mapper = Json.mapper();
        Vocabularies vocabularies = Vocabularies.load(mapper);
        Corpora corpora = Corpora.load(Path.of(System.getenv().getOrDefault("CLEARINGHOUSE_BENCH_CORPORA", "../../shared/data")),
                vocabularies, mapper);
        List<BenchQuery> mix = QueryMix.build(new RecordGenerator(corpora, vocabularies, mapper, 20190518L), records, 200, 20190518L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (IndexService index = IndexService.open(dir.resolve("index"), ThesaurusLoader.load(mapper))) {
            org.junit.jupiter.api.Assertions.assertTrue(index.search(org.clearinghouse.indexer.SearchRequest.builder().build()).total() >= records);
            String dump = System.getenv("CLEARINGHOUSE_QUERY_PROFILE_DUMP");
            try (java.io.PrintWriter out = dump == null ? null : new java.io.PrintWriter(dump, java.nio.charset.StandardCharsets.UTF_8)) {
                for (BenchQuery q : mix) {
                    SearchResult r = index.search(q.searchRequest());
                    if (out != null) {
                        // The shown pages, to compare two versions of the engine answer by answer.
                        out.println("## " + q + " total=" + r.total());
                        r.hits().forEach(h -> out.println(h.id() + "\t" + h.highlights().get("title") + "\t" + h.highlights().get("summary")));
                    }
                }
            }
            long[][] cpu = new long[mix.size()][rounds];
            long[] hits = new long[mix.size()];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < mix.size(); i++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    SearchResult result = index.search(mix.get(i).searchRequest());
                    cpu[i][r] = threads.getCurrentThreadCpuTime() - t0;
                    hits[i] = result.total();
                }
            }
            Map<String, List<Long>> byKind = new TreeMap<>();
            List<Long> all = new ArrayList<>();
            long[] median = new long[mix.size()];
            for (int i = 0; i < mix.size(); i++) {
                long[] c = cpu[i].clone();
                java.util.Arrays.sort(c);
                median[i] = c[rounds / 2];
                for (long v : cpu[i]) {
                    byKind.computeIfAbsent(mix.get(i).kind(), k -> new ArrayList<>()).add(v);
                    all.add(v);
                }
            }
            byKind.put("ALL", all);
            byKind.forEach((kind, v) -> {
                v.sort(null);
                double mean = v.stream().mapToLong(Long::longValue).average().orElse(0);
                System.out.printf("profile %-12s n=%4d  cpu p50 %6.2f ms  p90 %6.2f  p99 %6.2f  mean %6.2f%n", kind, v.size(),
                        v.get(v.size() / 2) / 1e6, v.get(v.size() * 9 / 10) / 1e6, v.get(Math.min(v.size() - 1, v.size() * 99 / 100)) / 1e6, mean / 1e6);
            });
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < mix.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> median[i]).reversed());
            for (int i : order.subList(0, 15)) {
                System.out.printf("slow %6.2f ms %7d hits  %s%n", median[i] / 1e6, hits[i], mix.get(i));
            }
        }
    }
}
