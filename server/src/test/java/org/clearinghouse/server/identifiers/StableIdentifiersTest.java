package org.clearinghouse.server.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.linkeddata.FiveRecords;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every URL a record had keeps answering: 301 from former slugs, 410 for withdrawn records, never a bare 404. */
class StableIdentifiersTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    /** A moderator: records with no organisation that are not published exist only for moderators. */
    private static String[] AUTH;

    private static Application app;
    private static Http http;
    private static ResourceRepository repository;

    @BeforeAll
    static void start() throws Exception {
        repository = new ResourceRepository(POSTGRES.database().dsl(), FiveRecords.MAPPER);
        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false");
        AUTH = new String[] {"Authorization", new org.clearinghouse.server.support.Accounts(POSTGRES)
                .create("mona", org.clearinghouse.server.auth.Role.MODERATOR, "international_organisation", null).bearer()};
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Resource publish(String slug) {
        return FiveRecords.publish(repository, FiveRecords.variant(FiveRecords.course(), "Course " + slug,
                "https://example.org/courses/" + slug), slug);
    }

    @Test
    void renamingKeepsTheOldSlugInHistoryAndBumpsTheChangeSequence() {
        Resource before = publish("first-name");
        Resource renamed = repository.renameSlug(before.id(), "second-name");
        assertEquals("second-name", renamed.slug());
        assertTrue(renamed.changeSeq() > before.changeSeq(), "the index must learn the new slug");
        assertFalse(renamed.updatedAt().isBefore(before.updatedAt()));
        assertEquals(renamed, repository.findById(before.id()).orElseThrow());
        assertTrue(repository.findBySlug("first-name").isEmpty());
        assertEquals(before.id(), repository.formerOwnerOfSlug("first-name").orElseThrow());
        assertEquals(List.of("first-name"), repository.formerSlugs(before.id()));
        assertTrue(repository.slugTaken("first-name") && repository.slugTaken("second-name"));
        assertFalse(repository.slugTaken("never-used-slug"));

        repository.renameSlug(before.id(), "third-name");
        assertEquals(List.of("first-name", "second-name"), repository.formerSlugs(before.id()));
        // taking back a former slug makes it current again and keeps the others
        Resource back = repository.renameSlug(before.id(), "first-name");
        assertEquals("first-name", back.slug());
        assertEquals(List.of("second-name", "third-name"), repository.formerSlugs(before.id()));
        assertEquals(back, repository.renameSlug(before.id(), "first-name"), "renaming to the same slug changes nothing");
    }

    @Test
    void aSlugThatIsOrWasAnotherRecordsCannotBeTaken() {
        Resource a = publish("owner-a");
        Resource b = publish("owner-b");
        repository.renameSlug(a.id(), "owner-a-renamed");
        ConflictException current = assertThrows(ConflictException.class, () -> repository.renameSlug(a.id(), "owner-b"));
        assertEquals("slug", current.field());
        ConflictException former = assertThrows(ConflictException.class, () -> repository.renameSlug(b.id(), "owner-a"));
        assertEquals("slug", former.field());
        // nor can a new record be stored under it: the database refuses, whatever the writer
        ConflictException inserted = assertThrows(ConflictException.class, () -> FiveRecords.publish(repository,
                FiveRecords.variant(FiveRecords.course(), "Squatter", "https://example.org/squatter"), "owner-a"));
        assertEquals("slug", inserted.field());
        assertEquals("owner-b", repository.findById(b.id()).orElseThrow().slug());
        assertThrows(IllegalArgumentException.class, () -> repository.renameSlug(a.id(), "Not A Slug"));
        assertThrows(NotFoundException.class, () -> repository.renameSlug(java.util.UUID.randomUUID(), "no-such-record"));
    }

    @Test
    void anOldSlugAnswers301ToTheCurrentOneKeepingTheQuery() {
        Resource record = publish("old-course-slug");
        repository.renameSlug(record.id(), "new-course-slug");
        Http.Response moved = http.get("/api/v1/resources/old-course-slug?format=jsonld");
        assertEquals(301, moved.status(), moved.body());
        assertEquals("/api/v1/resources/new-course-slug?format=jsonld", moved.header("Location"));
        Http.Response plain = http.get("/api/v1/resources/old-course-slug");
        assertEquals(301, plain.status());
        assertEquals("/api/v1/resources/new-course-slug", plain.header("Location"));
        Http.Response current = http.get(plain.header("Location"));
        assertEquals(200, current.status());
        assertEquals(record.id().toString(), current.json().path("id").asText());
        // twice renamed: every former slug points straight at the current one
        repository.renameSlug(record.id(), "newest-course-slug");
        assertEquals("/api/v1/resources/newest-course-slug", http.get("/api/v1/resources/old-course-slug").header("Location"));
        assertEquals("/api/v1/resources/newest-course-slug", http.get("/api/v1/resources/new-course-slug").header("Location"));
        assertEquals(200, http.get("/api/v1/resources/" + record.id()).status());
    }

    @Test
    void theOldSlugOfARecordThatIsNotPublishedIsNotFoundExceptForContributors() {
        Resource pending = FiveRecords.store(repository, FiveRecords.variant(FiveRecords.course(), "Pending course",
                "https://example.org/pending-course"), "pending-old", Status.PENDING);
        repository.renameSlug(pending.id(), "pending-new");
        Http.Response anonymous = http.get("/api/v1/resources/pending-old");
        assertEquals(404, anonymous.status());
        assertFalse(anonymous.body().contains("pending-new"), "a pending record's new slug must not leak");
        Http.Response contributor = http.get("/api/v1/resources/pending-old", AUTH);
        assertEquals(301, contributor.status());
        assertEquals("/api/v1/resources/pending-new", contributor.header("Location"));
    }

    @Test
    void aWithdrawnRecordAnswers410WithWhatAndWhen() {
        Resource record = publish("soon-withdrawn");
        Resource withdrawn = repository.changeStatus(record.id(), Status.WITHDRAWN);
        Instant when = repository.withdrawnAt(record.id()).orElseThrow();
        assertEquals(withdrawn.updatedAt(), when, "withdrawn_at is the time of the change that withdrew it");

        for (String path : List.of("/api/v1/resources/soon-withdrawn", "/api/v1/resources/" + record.id(),
                "/api/v1/resources/soon-withdrawn?format=jsonld")) {
            Http.Response gone = http.get(path);
            assertEquals(410, gone.status(), path + ": " + gone.body());
            assertEquals("application/problem+json", gone.header("Content-Type").split(";")[0]);
            JsonNode problem = gone.json();
            assertEquals("/problems/gone", problem.path("type").asText());
            assertEquals(410, problem.path("status").asInt());
            assertEquals("The resource was withdrawn", problem.path("title").asText());
            assertEquals("Course soon-withdrawn", problem.path("resource_title").asText());
            assertEquals(record.id().toString(), problem.path("id").asText());
            assertEquals(when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.parse(problem.path("withdrawn_at").asText()));
            assertTrue(problem.path("detail").asText().contains(when.toString().substring(0, 10)), problem.toString());
            assertEquals(gone.header("X-Request-Id"), problem.path("request_id").asText());
        }
        // a moderator still sees the record itself
        Http.Response contributor = http.get("/api/v1/resources/soon-withdrawn", AUTH);
        assertEquals(200, contributor.status());
        assertEquals("withdrawn", contributor.json().path("status").asText());

        // an old slug of a withdrawn record leads to the 410
        repository.renameSlug(record.id(), "withdrawn-renamed");
        Http.Response moved = http.get("/api/v1/resources/soon-withdrawn");
        assertEquals(301, moved.status());
        assertEquals(410, http.get(moved.header("Location")).status());

        // published again: the withdrawal time is cleared and the record answers 200
        repository.changeStatus(record.id(), Status.PUBLISHED);
        assertTrue(repository.withdrawnAt(record.id()).isEmpty());
        assertEquals(200, http.get("/api/v1/resources/withdrawn-renamed").status());
    }

    @Test
    void otherUnpublishedRecordsAndUnknownNamesStay404() {
        Resource rejected = FiveRecords.store(repository, FiveRecords.variant(FiveRecords.course(), "Rejected course",
                "https://example.org/rejected-course"), "rejected-course", Status.REJECTED);
        assertEquals(404, http.get("/api/v1/resources/rejected-course").status());
        assertEquals(200, http.get("/api/v1/resources/rejected-course", AUTH).status());
        assertEquals(404, http.get("/api/v1/resources/" + java.util.UUID.randomUUID()).status());
        assertEquals(404, http.get("/api/v1/resources/never-existed").status());
    }
}
