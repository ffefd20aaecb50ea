package org.clearinghouse.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real lists through {@code POST /api/v1/imports}: courses (edX, Coursera, Udemy catalogues), AI tools (the AI
 * Collection), OECD.AI policies, regulations and practices from {@code shared/data}, mapped into records by the
 * benchmark's tested mapping ({@link Corpora}, {@link RecordGenerator}, see BenchmarkTest), imported by a
 * contributor, then imported again: the second report is all unchanged and nothing new is stored.
 */
class RealListImportTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final int RECORDS = 300;

    @Test
    void realCatalogueEntriesImportOnceAndReimportUnchanged() throws Exception {
        Path root = Corpora.locate();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("mooc-catalogs")), "shared/data is not here: " + root);
        ObjectMapper mapper = Json.mapper();
        Vocabularies vocabularies = Vocabularies.load(mapper);
        RecordGenerator generator = new RecordGenerator(Corpora.load(root, vocabularies, mapper), vocabularies, mapper, 11);
        StringBuilder file = new StringBuilder();
        Map<String, Integer> types = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode record = (ObjectNode) generator.json(generator.generate(i));
            record.put("external_id", "real-" + i);
            types.merge(record.path("type").asText(), 1, Integer::sum);
            file.append(record).append('\n');
        }
        assertEquals(5, types.size(), "every type is in the file: " + types);

        try (Application app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false")) {
            Http http = new Http(app.port());
            String bearer = new Accounts(POSTGRES).create("amina", Role.CONTRIBUTOR, "ministry", "KE").bearer();
            Http.Response first = http.post("/api/v1/imports", file.toString(), "Authorization", bearer,
                    "Content-Type", "application/x-ndjson");
            assertEquals(200, first.status(), first.body());
            JsonNode report = first.json();
            assertEquals(RECORDS, report.path("rows").asInt());
            // the real lists repeat a few URLs (one course in two catalogues): the second is refused as a duplicate
            for (JsonNode row : report.path("results")) {
                if (row.path("outcome").asText().equals("rejected")) {
                    assertEquals("url", row.path("errors").path(0).path("field").asText(), row.toString());
                }
            }
            int created = report.path("created").asInt();
            assertTrue(created >= RECORDS * 9 / 10, report.toString().substring(0, 300));
            assertEquals(RECORDS, created + report.path("rejected").asInt());

            long stored = count("select count(*) from resource");
            long revisions = count("select count(*) from revision");
            Http.Response second = http.post("/api/v1/imports", file.toString(), "Authorization", bearer,
                    "Content-Type", "application/x-ndjson");
            assertEquals(200, second.status(), second.body());
            assertEquals(created, second.json().path("unchanged").asInt());
            assertEquals(0, second.json().path("created").asInt());
            assertEquals(0, second.json().path("updated").asInt());
            assertEquals(stored, count("select count(*) from resource"));
            assertEquals(revisions, count("select count(*) from revision"));
        }
    }

    private static long count(String sql) {
        return ((Number) POSTGRES.database().dsl().fetchValue(sql)).longValue();
    }
}
