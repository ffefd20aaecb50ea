package org.clearinghouse.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeedLoaderTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private final ObjectMapper mapper = Json.mapper();
    private final Vocabularies vocabularies = Vocabularies.load(mapper);
    private ResourceRepository repository;
    private SeedLoader loader;

    @BeforeEach
    void setUp() {
        POSTGRES.truncate();
        repository = new ResourceRepository(POSTGRES.database().dsl(), mapper);
        loader = new SeedLoader(repository, new ResourceValidator(vocabularies), vocabularies, mapper);
    }

    @Test
    void theWholeSeedCatalogueLoadsPublishedAndASecondLoadChangesNothing() {
        int files = SeedFiles.read().size();
        SeedLoader.SeedReport first = loader.load();
        assertEquals(List.of(), first.rejected());
        assertEquals(files, first.inserted());
        assertEquals(files, repository.countByStatus(Status.PUBLISHED));
        long sequenceAfterFirst = repository.lastChangeSeq();

        SeedLoader.SeedReport second = loader.load();
        assertEquals(new SeedLoader.SeedReport(0, 0, files, List.of()).toString(), second.toString());
        assertEquals(files, repository.countByStatus(Status.PUBLISHED));
        assertEquals(sequenceAfterFirst, repository.lastChangeSeq());
    }

    @Test
    void anEditedSeedFileUpdatesItsRecordInPlace() throws Exception {
        SeedFile original = SeedFiles.read().stream()
                .filter(f -> f.name().equals("policy/beijing-consensus-ai-education-2019.json")).findFirst().orElseThrow();
        loader.load(List.of(original));
        Resource before = repository.findBySlug("beijing-consensus-ai-education-2019").orElseThrow();

        ObjectNode edited = (ObjectNode) mapper.readTree(original.content());
        edited.put("summary", "An edited summary.");
        SeedLoader.SeedReport report = loader.load(List.of(new SeedFile(original.name(), mapper.writeValueAsBytes(edited))));

        assertEquals("0 inserted, 1 updated, 0 unchanged, 0 rejected", report.toString());
        Resource after = repository.findById(before.id()).orElseThrow();
        assertEquals("An edited summary.", after.content().summary());
        assertEquals(before.createdAt(), after.createdAt());
        assertTrue(after.changeSeq() > before.changeSeq());
    }

    @Test
    void aBrokenSeedRecordIsRejectedWithItsReasonsAndTheOthersStillLoad() throws Exception {
        SeedFile good = SeedFiles.read().stream()
                .filter(f -> f.name().equals("policy/beijing-consensus-ai-education-2019.json")).findFirst().orElseThrow();
        ObjectNode broken = (ObjectNode) mapper.readTree(good.content());
        broken.put("id", UUID.randomUUID().toString());
        broken.put("slug", "broken");
        broken.put("url", "https://example.org/broken");
        broken.put("license", "no-such-licence");
        broken.putArray("jurisdictions").add("XX");
        List<SeedFile> files = new ArrayList<>(List.of(good,
                new SeedFile("policy/broken.json", mapper.writeValueAsBytes(broken)),
                new SeedFile("course/misfiled.json", mapper.writeValueAsBytes(broken.put("slug", "misfiled"))),
                new SeedFile("tool/not-json.json", "{".getBytes())));

        SeedLoader.SeedReport report = loader.load(files);

        assertEquals(1, report.inserted());
        assertEquals(3, report.rejected().size());
        assertTrue(report.rejected().get(0).startsWith("policy/broken.json: "), report.rejected().get(0));
        assertTrue(report.rejected().get(0).contains("FieldError[field=license"), report.rejected().get(0));
        assertTrue(report.rejected().get(0).contains("FieldError[field=jurisdictions[0]"), report.rejected().get(0));
        assertTrue(report.rejected().get(1).contains("must equal the folder name 'course'"), report.rejected().get(1));
        assertTrue(report.rejected().get(2).startsWith("tool/not-json.json: not valid JSON"), report.rejected().get(2));
    }
}
