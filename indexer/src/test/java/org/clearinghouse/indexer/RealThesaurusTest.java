package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thesaurus that seed-data ships (still being written) must load and link languages. Only loose
 * assertions: its labels change; the judged figures with it are printed for comparison with the test thesaurus.
 */
class RealThesaurusTest {
    @TempDir
    Path dir;

    @Test
    void shippedThesaurusLinksLanguages() throws Exception {
        Optional<Thesaurus> real = Fixtures.realThesaurus();
        Assumptions.assumeTrue(real.isPresent(), "no concepts.json in this checkout");
        try (IndexService index = IndexService.open(dir, real.get())) {
            index.rebuild(Fixtures.records().iterator());
            List<Hit> hits = index.search(SearchRequest.builder().q("enseignants intelligence artificielle").lang("fr").language(List.of("en"))
                    .limit(10).build()).hits();
            assertFalse(hits.isEmpty());
            assertTrue(hits.stream().anyMatch(h -> !h.id().startsWith("fr-") && !h.id().startsWith("qc-")));
            int found = 0;
            double mrr = 0;
            List<RelevanceTest.Judged> judged = RelevanceTest.judged();
            for (RelevanceTest.Judged q : judged) {
                List<String> ids = index.search(SearchRequest.builder().q(q.query()).lang(q.lang()).limit(10).build())
                        .hits().stream().map(Hit::id).toList();
                for (int i = 0; i < ids.size(); i++) {
                    if (q.relevant().contains(ids.get(i))) {
                        found += i < 3 ? 1 : 0;
                        mrr += 1.0 / (i + 1);
                        break;
                    }
                }
            }
            System.out.printf("with the shipped thesaurus (%d concepts): success@3=%.3f MRR@10=%.3f%n", real.get().concepts().size(),
                    (double) found / judged.size(), mrr / judged.size());
        }
    }
}
