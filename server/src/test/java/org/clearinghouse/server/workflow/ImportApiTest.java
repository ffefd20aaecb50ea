package org.clearinghouse.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.exchange.ImportTemplate;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/imports}: per-row reports, idempotent re-imports, matching, limits and the template. */
class ImportApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private static Application app;
    private static Http http;
    private static String amina;
    private static String chen;
    private static String mona;

    @BeforeAll
    static void start() {
        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false");
        http = new Http(app.port());
        Accounts accounts = new Accounts(POSTGRES);
        amina = accounts.create("amina", Role.CONTRIBUTOR, "ministry", "KE").bearer();
        chen = accounts.create("chen", Role.CONTRIBUTOR, "university", "CN").bearer();
        mona = accounts.create("mona", Role.MODERATOR, "international_organisation", null).bearer();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String line(String externalId, String title, String url) {
        ObjectNode record = Records.course(title, url);
        if (externalId != null) {
            record.put("external_id", externalId);
        }
        return record.toString();
    }

    private static Http.Response jsonLines(String bearer, List<String> lines) {
        return http.post("/api/v1/imports", String.join("\n", lines) + "\n", "Authorization", bearer,
                "Content-Type", "application/x-ndjson");
    }

    private static long count(String sql) {
        return ((Number) POSTGRES.database().dsl().fetchValue(sql)).longValue();
    }

    private static List<String> outcomes(JsonNode report) {
        List<String> outcomes = new ArrayList<>();
        report.path("results").forEach(r -> outcomes.add(r.path("row").asInt() + ":" + r.path("outcome").asText()));
        return outcomes;
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        List<String> file = List.of(
                line("ke-001", "Import idempotency one", "https://example.org/idem-1"),
                line("ke-002", "Import idempotency two", "https://example.org/idem-2"),
                "{\"type\": \"course\", \"title\": \"Broken\"}",
                "not json at all",
                line(null, "Import idempotency three", "https://example.org/idem-3"));
        Http.Response first = jsonLines(amina, file);
        assertEquals(200, first.status(), first.body());
        JsonNode report = first.json();
        assertEquals(List.of("1:created", "2:created", "3:rejected", "4:rejected", "5:created"), outcomes(report));
        assertEquals(3, report.path("created").asInt());
        assertEquals(2, report.path("rejected").asInt());
        assertEquals("pending", report.path("results").path(0).path("state").asText(), "a contributor's rows await review");
        List<String> fields = new ArrayList<>();
        report.path("results").path(2).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.containsAll(List.of("summary", "url", "publisher")), fields.toString());
        assertEquals("(row)", report.path("results").path(3).path("errors").path(0).path("field").asText());

        long resources = count("select count(*) from resource");
        long revisions = count("select count(*) from revision");
        long audit = count("select count(*) from audit_log");
        long sequence = count("select value from change_counter");
        Http.Response second = jsonLines(amina, file);
        assertEquals(200, second.status(), second.body());
        assertEquals(List.of("1:unchanged", "2:unchanged", "3:rejected", "4:rejected", "5:unchanged"), outcomes(second.json()));
        assertEquals(0, second.json().path("created").asInt());
        assertEquals(0, second.json().path("updated").asInt());
        assertEquals(resources, count("select count(*) from resource"));
        assertEquals(revisions, count("select count(*) from revision"));
        assertEquals(audit, count("select count(*) from audit_log"));
        assertEquals(sequence, count("select value from change_counter"));
        for (int row : new int[] {0, 1, 4}) {
            String id = report.path("results").path(row).path("id").asText();
            assertEquals(1, count("select count(*) from audit_log where action = 'import.create' and actor_name = 'amina'"
                    + " and target_id = '" + id + "' and detail->>'import_row' = '" + (row + 1) + "'"));
        }
    }

    @Test
    void aRowMatchesByExternalIdEvenWhenItsUrlChangedAndUpdatesInstead() {
        Http.Response first = jsonLines(amina, List.of(line("ke-100", "Matched by key", "https://example.org/key-old")));
        String id = first.json().path("results").path(0).path("id").asText();
        Http.Response second = jsonLines(amina, List.of(line("ke-100", "Matched by key, renamed", "https://example.org/key-new")));
        assertEquals(List.of("1:updated"), outcomes(second.json()));
        assertEquals(id, second.json().path("results").path(0).path("id").asText());
        JsonNode record = http.get("/api/v1/resources/" + id, "Authorization", amina).json();
        assertEquals("Matched by key, renamed", record.path("title").asText(), "a record never published follows its new revision");
        assertEquals(2, count("select count(*) from revision where resource_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from audit_log where action = 'import.update' and target_id = '" + id + "'"));
    }

    @Test
    void anotherOrganisationsRecordIsRejectedNotChanged() {
        jsonLines(amina, List.of(line("ke-200", "Owned by Kenya", "https://example.org/owned-by-kenya")));
        Http.Response theirs = jsonLines(chen, List.of(line("cn-1", "Taken over", "http://www.example.org/owned-by-kenya/")));
        assertEquals(List.of("1:rejected"), outcomes(theirs.json()));
        JsonNode error = theirs.json().path("results").path(0).path("errors").path(0);
        assertEquals("url", error.path("field").asText());
        assertTrue(error.path("message").asText().contains("another organisation"), error.toString());
    }

    @Test
    void aModeratorsRowsArePublishedAtOnce() {
        Http.Response report = jsonLines(mona, List.of(line(null, "Moderator import Xylophonic", "https://example.org/mod-import")));
        assertEquals("published", report.json().path("results").path(0).path("state").asText());
        String id = report.json().path("results").path(0).path("id").asText();
        assertEquals(200, http.get("/api/v1/resources/" + id).status());
    }

    @Test
    void theTemplateDownloadsAndImportsAsIs() {
        Http.Response template = http.get("/api/v1/imports/template.csv");
        assertEquals(200, template.status());
        assertEquals("text/csv", template.header("Content-Type").split(";")[0]);
        assertTrue(template.header("Content-Disposition").contains("clearinghouse-import-template.csv"));
        assertTrue(template.body().startsWith("\uFEFF" + String.join(",", ImportTemplate.headers())), template.body());
        Http.Response imported = http.post("/api/v1/imports", template.body(), "Authorization", amina, "Content-Type", "text/csv");
        assertEquals(200, imported.status(), imported.body());
        assertEquals(List.of("1:created"), outcomes(imported.json()));
        Http.Response again = http.post("/api/v1/imports", template.body(), "Authorization", amina, "Content-Type", "text/csv");
        assertEquals(List.of("1:unchanged"), outcomes(again.json()));
    }

    @Test
    void overTheRowLimitNothingIsWritten() {
        long before = count("select count(*) from resource");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= BulkImport.MAX_ROWS; i++) {
            lines.add(line("big-" + i, "Row " + i, "https://example.org/too-many/" + i));
        }
        Http.Response response = jsonLines(amina, lines);
        assertEquals(413, response.status(), response.body());
        assertEquals("/problems/payload-too-large", response.json().path("type").asText());
        assertTrue(response.json().path("detail").asText().contains("10000"), response.body());
        assertEquals(before, count("select count(*) from resource"));
    }

    @Test
    void badRequestsAreProblems() {
        assertEquals(401, http.post("/api/v1/imports", "x", "Content-Type", "text/csv").status());
        Http.Response wrongType = http.post("/api/v1/imports", "{}", "Authorization", amina, "Content-Type", "application/json");
        assertEquals(415, wrongType.status(), wrongType.body());
        Http.Response badHeader = http.post("/api/v1/imports", "title,url\nx,y\n", "Authorization", amina, "Content-Type", "text/csv");
        assertEquals(422, badHeader.status(), badHeader.body());
        assertEquals("(header)", badHeader.json().path("errors").path(0).path("field").asText());
        assertEquals(400, http.post("/api/v1/imports", "", "Authorization", amina, "Content-Type", "text/csv").status());
    }
}
