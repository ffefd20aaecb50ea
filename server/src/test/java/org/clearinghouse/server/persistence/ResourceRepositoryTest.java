package org.clearinghouse.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.indexer.SearchDocument;
import org.clearinghouse.server.search.SearchDocuments;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.server.support.TestPostgres;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResourceRepositoryTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private final ObjectMapper mapper = Json.mapper();
    private ResourceRepository repository;

    @BeforeEach
    void setUp() {
        POSTGRES.truncate();
        repository = new ResourceRepository(POSTGRES.database().dsl(), mapper);
    }

    private ResourceContent course(String title, String url) {
        return ResourceContent.fromValidated(Records.course(title, url), mapper);
    }

    private ResourceContent policy(String title, String url, String country, String published) {
        return ResourceContent.fromValidated(Records.policy(title, url, country, published), mapper);
    }

    private Resource insert(String slug, String status, ResourceContent content) {
        return repository.insert(new NewResource(UUID.randomUUID(), slug, status, content, List.of("africa"), null));
    }

    @Test
    void aRecordReadsBackExactlyAsStored() {
        ResourceContent content = course("AI for teachers", "https://example.org/ai");
        Resource stored = insert("ai-for-teachers", Status.PENDING, content);

        Resource byId = repository.findById(stored.id()).orElseThrow();
        assertEquals(content, byId.content());
        assertEquals("ai-for-teachers", byId.slug());
        assertEquals(Status.PENDING, byId.status());
        assertEquals(List.of("africa"), byId.regions());
        assertEquals(12.0, byId.content().course().durationHours());
        assertEquals("Introduction à l'IA pour les enseignants", byId.content().translations().get("fr").title());
        assertEquals(byId, repository.findBySlug("ai-for-teachers").orElseThrow());
        assertEquals(byId, repository.findByUrl("http://www.example.org/ai/").orElseThrow());
        assertEquals(1L, byId.changeSeq());
    }

    @Test
    void aSecondRecordWithTheSameNormalisedUrlIsAConflictOnUrl() {
        insert("first", Status.PUBLISHED, course("First", "https://example.org/same"));
        ConflictException e = assertThrows(ConflictException.class,
                () -> insert("second", Status.PENDING, course("Second", "http://www.example.org/same/")));
        assertEquals("url", e.field());
        assertEquals(1, repository.countByStatus(Status.PUBLISHED) + repository.countByStatus(Status.PENDING));
    }

    @Test
    void aSecondRecordWithTheSameSlugIsAConflictOnSlug() {
        insert("same-slug", Status.PUBLISHED, course("First", "https://example.org/1"));
        ConflictException e = assertThrows(ConflictException.class,
                () -> insert("same-slug", Status.PUBLISHED, course("Second", "https://example.org/2")));
        assertEquals("slug", e.field());
    }

    @Test
    void theDatabaseItselfRefusesAnUnknownStatus() {
        assertThrows(DataAccessException.class, () -> insert("x", "lost", course("X", "https://example.org/x")));
    }

    @Test
    void publishedRecordsAreReadInIdBatchesAndFoundByIdsInTheOrderAsked() {
        List<Resource> stored = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            stored.add(insert("p" + i, Status.PUBLISHED, policy("Policy " + i, "https://example.org/p" + i, "KE", "2020")));
        }
        insert("pending", Status.PENDING, policy("Pending", "https://example.org/pending", "KE", "2030"));

        List<UUID> seen = new ArrayList<>();
        UUID after = null;
        List<Resource> batch;
        do {
            batch = repository.publishedAfter(after, 10);
            batch.forEach(r -> seen.add(r.id()));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
        } while (batch.size() == 10);
        // PostgreSQL orders uuids bytewise, like their hex text; UUID.compareTo compares signed longs.
        assertEquals(stored.stream().map(Resource::id).sorted(java.util.Comparator.comparing(UUID::toString)).toList(), seen);

        List<UUID> asked = List.of(stored.get(3).id(), UUID.randomUUID(), stored.get(1).id());
        assertEquals(List.of(stored.get(3), stored.get(1)), repository.findByIds(asked));
    }

    @Test
    void theRebuildsLeanReadGivesTheSameSearchDocumentsAsTheFullRead() {
        for (int i = 0; i < 12; i++) {
            insert("c" + i, Status.PUBLISHED, course("Course " + i, "https://example.org/c" + i));
            insert("p" + i, Status.PUBLISHED, policy("Policy " + i, "https://example.org/p" + i, "KE", "2020"));
        }
        insert("pending", Status.PENDING, policy("Pending", "https://example.org/pending", "KE", "2030"));
        SearchDocuments documents = new SearchDocuments(Vocabularies.load(mapper));

        List<SearchDocument> full = repository.publishedAfter(null, 100).stream().map(documents::of).toList();
        List<SearchDocument> lean = new ArrayList<>();
        UUID after = null;
        List<Resource> batch;
        do {
            batch = repository.publishedForIndex(after, 10);
            batch.forEach(r -> lean.add(documents.of(r)));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
        } while (batch.size() == 10);

        assertEquals(24, full.size());
        assertEquals(full, lean);
        assertTrue(full.stream().anyMatch(SearchDocument::open), "a course free of cost counts as open: details were read");
    }

        @Test
    void seedContentIsReplacedInPlaceWithANewChangeSequence() {
        UUID id = UUID.randomUUID();
        Resource first = repository.insert(new NewResource(id, "seeded", Status.PUBLISHED,
                course("Old title", "https://example.org/seed"), List.of(), "aaa"));
        Resource second = repository.replaceSeedContent(id, course("New title", "https://example.org/seed"), List.of(), "bbb");

        assertEquals("New title", repository.findById(id).orElseThrow().content().title());
        assertEquals("bbb", repository.seedChecksum(id).orElseThrow());
        assertEquals(first.createdAt(), second.createdAt());
        assertEquals(first.changeSeq() + 1, second.changeSeq());
        assertEquals(List.of(second.id()), repository.changedSince(first.changeSeq(), 10).stream().map(Resource::id).toList());
    }

    @Test
    void concurrentWritersEachGetADistinctChangeSequenceAndNothingIsLost() throws Exception {
        int writers = 8;
        int perWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> IntStream.range(0, perWriter).mapToObj(i -> insert("w" + writer + "-" + i,
                        Status.PUBLISHED, course("Course " + writer + "/" + i, "https://example.org/" + writer + "/" + i)).changeSeq()).toList()));
            }
            Set<Long> sequences = new HashSet<>();
            for (Future<List<Long>> future : futures) {
                sequences.addAll(future.get());
            }
            assertEquals(writers * perWriter, sequences.size());
            assertEquals(writers * perWriter, repository.changedSince(0, 1000).size());
            assertEquals((long) writers * perWriter, repository.lastChangeSeq());
        } finally {
            pool.shutdownNow();
        }
    }
}
