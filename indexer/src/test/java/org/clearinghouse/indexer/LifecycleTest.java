package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dir;

    static List<SearchDocument> three() {
        return List.of(Fixtures.doc("a", "en", "Alpha robots", "About robots.", 10),
                Fixtures.doc("b", "en", "Beta robots", "More robots.", 12),
                Fixtures.doc("c", "fr", "Gamma robots", "Des robots.", 11));
    }

    static long count(IndexService index, String q) {
        return index.search(SearchRequest.builder().q(q).build()).total();
    }

    @Test
    void aNewIndexMustBeRebuiltBeforeChangesApply() throws Exception {
        try (IndexService index = IndexService.open(dir.resolve("index"), Thesaurus.empty())) {
            assertTrue(index.needsRebuild());
            assertEquals(0, index.lastAppliedSequence());
            assertEquals(0, index.search(SearchRequest.builder().build()).total());
            assertThrows(IllegalStateException.class, () -> index.apply(three(), List.of(), 5));
            index.rebuild(three().iterator());
            assertFalse(index.needsRebuild());
            assertEquals(12, index.lastAppliedSequence());
            assertEquals(3, count(index, "robots"));
        }
    }

    @Test
    void appliedChangesAreSearchableAtOnceAndSurviveAReopen() throws Exception {
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(three().iterator());
            index.apply(List.of(Fixtures.doc("a", "en", "Alpha drones", "About drones.", 13), Fixtures.doc("d", "en", "Delta robots", "", 14)),
                    List.of("b", "missing"), 20);
            assertEquals(20, index.lastAppliedSequence());
            assertEquals(2, count(index, "robots"));
            assertEquals(1, count(index, "drones"));
            assertEquals(0, count(index, "beta"));
            // A batch with no changes still records how far the database has been read.
            index.apply(List.of(), List.of(), 25);
            assertEquals(25, index.lastAppliedSequence());
        }
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            assertFalse(index.needsRebuild());
            assertEquals(25, index.lastAppliedSequence());
            assertEquals(3, index.search(SearchRequest.builder().build()).total());
            assertEquals(1, count(index, "drones"));
        }
    }

    @Test
    void afterACrashTheIndexReopensAtItsLastCommitAndItsSequence() throws Exception {
        Path crashed = dir.resolve("crashed");
        Path index = dir.resolve("index");
        try (IndexService live = IndexService.open(index, Thesaurus.empty())) {
            live.rebuild(three().iterator());
            live.apply(List.of(Fixtures.doc("d", "en", "Delta drones", "", 14)), List.of("b"), 20);
            assertEquals(1, count(live, "drones"));
            assertEquals(20, live.lastAppliedSequence());
            // What a crash now leaves on disk: the files of the last commit (the rebuild's), not the applied change.
            copyIndex(index, crashed);
            live.commit();
            live.apply(List.of(Fixtures.doc("e", "en", "Epsilon drones", "", 21)), List.of(), 21);
        }
        try (IndexService reopened = IndexService.open(crashed, Thesaurus.empty())) {
            assertFalse(reopened.needsRebuild());
            assertEquals(12, reopened.lastAppliedSequence());
            assertEquals(0, count(reopened, "drones"));
            assertEquals(3, count(reopened, "robots"));
            // The catch-up replays from sequence 12.
            reopened.apply(List.of(Fixtures.doc("d", "en", "Delta drones", "", 14)), List.of("b"), 20);
            assertEquals(2, count(reopened, "robots"));
        }
        // A clean close commits what was applied last.
        try (IndexService reopened = IndexService.open(index, Thesaurus.empty())) {
            assertEquals(21, reopened.lastAppliedSequence());
            assertEquals(2, count(reopened, "drones"));
        }
    }

    private static void copyIndex(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void anotherSchemaVersionRequiresARebuild() throws Exception {
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(three().iterator());
        }
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of("schema", "0", "sequence", "12").entrySet());
            writer.commit();
        }
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            assertTrue(index.needsRebuild());
            assertEquals(0, index.lastAppliedSequence());
            index.rebuild(three().iterator());
            assertFalse(index.needsRebuild());
        }
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            assertFalse(index.needsRebuild());
            assertEquals(12, index.lastAppliedSequence());
        }
    }

    @Test
    void aCorruptIndexIsReportedAndRebuilt() throws Exception {
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(three().iterator());
        }
        Path segments;
        try (Stream<Path> files = Files.list(dir)) {
            segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        Files.write(segments, "this is not a segments file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            assertTrue(index.needsRebuild());
            assertEquals(0, index.search(SearchRequest.builder().build()).total());
            index.rebuild(three().iterator());
            assertFalse(index.needsRebuild());
            assertEquals(3, count(index, "robots"));
        }
    }

    @Test
    void aFailedRebuildLeavesThePreviousIndexInPlace() throws Exception {
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(three().iterator());
            Iterator<SearchDocument> failing = new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public SearchDocument next() {
                    if (n++ == 2) {
                        throw new IllegalStateException("database went away");
                    }
                    return Fixtures.doc("x" + n, "en", "Other", "", 99);
                }
            };
            assertThrows(IllegalStateException.class, () -> index.rebuild(failing));
            assertFalse(index.needsRebuild());
            assertEquals(12, index.lastAppliedSequence());
            assertEquals(3, count(index, "robots"));
            index.apply(List.of(Fixtures.doc("e", "en", "Epsilon robots", "", 30)), List.of(), 30);
            assertEquals(4, count(index, "robots"));
        }
    }

    @Test
    void duplicateIdsInARebuildKeepTheLastVersion() throws Exception {
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            index.rebuild(List.of(Fixtures.doc("a", "en", "Old title", "", 1), Fixtures.doc("a", "en", "New title", "", 2)).iterator());
            SearchResult all = index.search(SearchRequest.builder().build());
            assertEquals(1, all.total());
            assertEquals("New title", all.hits().get(0).title());
        }
    }

    @Test
    void searchesKeepWorkingWhileTheIndexChanges() throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            List<SearchDocument> records = Fixtures.records();
            index.rebuild(records.iterator());
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicLong smallest = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
            Thread searcher = new Thread(() -> {
                while (!done.get()) {
                    try {
                        long total = index.search(SearchRequest.builder().q("intelligence").lang("fr").build()).total();
                        smallest.accumulateAndGet(total, Math::min);
                        index.suggest("intel", "fr", 5);
                        index.related("unesco-ai-cft", 3);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }
            });
            searcher.start();
            for (int i = 0; i < 3; i++) {
                index.rebuild(records.iterator());
                index.apply(List.of(records.get(i)), List.of(), 1000 + i);
            }
            done.set(true);
            searcher.join();
            if (failure.get() != null) {
                throw new AssertionError("search failed during changes", failure.get());
            }
            // A rebuild swaps in the new index whole: no search ever saw it half built.
            assertEquals(index.search(SearchRequest.builder().q("intelligence").lang("fr").build()).total(), smallest.get());
        }
    }

    @Test
    void aClosedServiceSaysSo() throws Exception {
        IndexService index = IndexService.open(dir, Thesaurus.empty());
        index.close();
        index.close();
        assertThrows(IllegalStateException.class, () -> index.search(SearchRequest.builder().build()));
    }
}
