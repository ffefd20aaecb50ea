package org.clearinghouse.server.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100,000 records exported through the API and re-imported, in a JVM whose heap is far too small to hold
 * them (this class runs in its own surefire execution with -Xmx192m): exports and imports stream.
 */
class LargeExportTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final int RECORDS = 100_000;
    private static final ObjectMapper MAPPER = Json.mapper();

    @Test
    void oneHundredThousandRecordsExportAndReimportUnchangedWithABoundedHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 200L * 1024 * 1024,
                "this test must run with a small heap; max is " + Runtime.getRuntime().maxMemory());
        ResourceRepository repository = new ResourceRepository(POSTGRES.database().dsl(), MAPPER);
        Vocabularies vocabularies = Vocabularies.load(MAPPER);
        List<String> countries = List.of("KE", "SN", "BR", "IN", "EG", "FR", "CN", "MX", "JO", "ZA");
        for (int from = 0; from < RECORDS; from += 2000) {
            List<NewResource> batch = new ArrayList<>(2000);
            for (int i = from; i < from + 2000; i++) {
                String country = countries.get(i % countries.size());
                ResourceContent content = ResourceContent.fromValidated(MAPPER.readTree("""
                        {"type": "course", "title": "Course %d on artificial intelligence for teachers",
                         "summary": "Record %d: an open course with Arabic (الذكاء الاصطناعي) and Chinese (人工智能) words.",
                         "original_language": "en", "url": "https://example.org/courses/%d", "languages": ["en", "ar"],
                         "jurisdictions": ["%s"], "publisher": "Publisher %d", "license": "CC-BY-4.0", "published": "%d",
                         "themes": ["teaching_teachers"], "audiences": ["teachers"], "keywords": ["ai", "k%d"],
                         "course": {"provider": "Provider", "format": "self_paced", "cost": "free", "duration_hours": %d}}
                        """.formatted(i, i, i, country, i % 97, 2000 + i % 26, i % 50, 1 + i % 40)), MAPPER);
                batch.add(new NewResource(UUID.randomUUID(), "course-" + i, Status.PUBLISHED, content,
                        vocabularies.regionsOf(content.jurisdictions()), null));
            }
            repository.insertAll(batch);
        }

        Path dataDir = Files.createTempDirectory(Path.of("target"), "large-export-");
        Path exported = dataDir.resolve("export.csv");
        try (Application app = Application.start(AppConfig.fromEnv(Map.of("PORT", "0",
                "CLEARINGHOUSE_DATA_DIR", dataDir.toString(), "CLEARINGHOUSE_SEED", "false")), POSTGRES.openAnother(), List.of())) {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/search?format=csv")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(exported)) {
                in.transferTo(out);
            }
        }
        long lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(exported), StandardCharsets.UTF_8))) {
            lines = reader.lines().count();
        }
        assertEquals(RECORDS + 1, lines, "a header and one line per record");

        long sequence = repository.lastChangeSeq();
        ImportReport report;
        try (InputStream in = Files.newInputStream(exported)) {
            report = new Importer(repository, new ResourceValidator(vocabularies), vocabularies, MAPPER).importFile(in, ExportFormat.CSV);
        }
        assertEquals("0 created, 0 updated, " + RECORDS + " unchanged, 0 rejected", report.toString());
        assertEquals(sequence, repository.lastChangeSeq(), "re-importing the export changed nothing");
        Resource sample = repository.findBySlug("course-4242").orElseThrow();
        assertEquals("Course 4242 on artificial intelligence for teachers", sample.content().title());
    }
}
