package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judged queries over the fixture corpus (fixture/judged-queries.tsv): 52 queries, 27 not in English,
 * 11 cross-lingual (no relevant record was written in the query's language).
 *
 * First honest run, before any tuning: success@3 = 0.865, MRR@10 = 0.843, cross-lingual success@3 = 0.727.
 * The misses pointed at general gaps, fixed in the code and not in the judgements: country names were not
 * searchable ("India", "Korea"), overlapping labels left a word with no concept ("حماية البيانات الشخصية"),
 * five-word queries needed 4 matching words, and the test thesaurus lacked "platform" in English.
 * After: success@3 = 0.981, MRR@10 = 0.960, cross-lingual success@3 = 0.909 (one miss left: "teacher training
 * artificial intelligence China" ranks the Chinese pilot 9th, below English records that match the words).
 * With the thesaurus seed-data ships (156 concepts) the same corpus gives success@3 = 0.942, MRR@10 = 0.935.
 * Thresholds sit one or two misses under the measured values, so a regression fails and a small trade-off does not.
 */
class RelevanceTest {
    record Judged(String lang, String query, boolean crossLingual, Set<String> relevant) {
    }

    static final double MIN_SUCCESS_AT_3 = 0.94;
    static final double MIN_MRR = 0.92;
    static final double MIN_CROSS_LINGUAL_SUCCESS_AT_3 = 0.81;

    @TempDir
    static Path dir;
    static IndexService index;

    @BeforeAll
    static void build() throws Exception {
        index = IndexService.open(dir, Fixtures.thesaurus());
        index.rebuild(Fixtures.records().iterator());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static List<Judged> judged() {
        List<Judged> out = new ArrayList<>();
        for (String line : Fixtures.resource("fixture/judged-queries.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Judged(f[0], f[1], f[2].equals("yes"), Set.of(f[3].split(","))));
        }
        return out;
    }

    @Test
    void judgedQueriesRankRelevantRecordsFirst() {
        List<Judged> queries = judged();
        double successes = 0, reciprocal = 0, crossSuccesses = 0;
        int cross = 0;
        StringBuilder report = new StringBuilder();
        for (Judged q : queries) {
            List<String> ids = index.search(SearchRequest.builder().q(q.query()).lang(q.lang()).limit(10).build())
                    .hits().stream().map(Hit::id).toList();
            int rank = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (q.relevant().contains(ids.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            boolean success = rank >= 1 && rank <= 3;
            successes += success ? 1 : 0;
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            if (q.crossLingual()) {
                cross++;
                crossSuccesses += success ? 1 : 0;
            }
            report.append(String.format("%s rank=%2d %s [%s] top3=%s%n", success ? "ok  " : "MISS", rank, q.lang(), q.query(),
                    ids.subList(0, Math.min(3, ids.size()))));
        }
        double successAt3 = successes / queries.size();
        double mrr = reciprocal / queries.size();
        double crossAt3 = crossSuccesses / cross;
        report.append(String.format("success@3=%.3f MRR@10=%.3f cross-lingual success@3=%.3f (%d queries, %d cross-lingual)%n",
                successAt3, mrr, crossAt3, queries.size(), cross));
        System.out.print(report);
        assertTrue(successAt3 >= MIN_SUCCESS_AT_3, report.toString());
        assertTrue(mrr >= MIN_MRR, report.toString());
        assertTrue(crossAt3 >= MIN_CROSS_LINGUAL_SUCCESS_AT_3, report.toString());
    }
}
