package org.clearinghouse.server.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exports of searches (CSV, JSON Lines) and imports of them, round trip into an empty catalogue. */
class ExchangeTest {
    @RegisterExtension
    static final TestPostgres SOURCE = new TestPostgres();
    @RegisterExtension
    static final TestPostgres TARGET = new TestPostgres();

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Vocabularies VOCABULARIES = Vocabularies.load(MAPPER);
    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        app = SOURCE.startApplication();
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void emptyTarget() {
        TARGET.truncate();
    }

    private static Importer importerInto(TestPostgres database) {
        return new Importer(new ResourceRepository(database.database().dsl(), MAPPER), new ResourceValidator(VOCABULARIES),
                VOCABULARIES, MAPPER);
    }

    private static List<Resource> published(TestPostgres database) {
        ResourceRepository repository = new ResourceRepository(database.database().dsl(), MAPPER);
        return repository.publishedAfter(null, 100_000).stream().sorted(Comparator.comparing(r -> r.id().toString())).toList();
    }

    private static void assertSameCatalogue(List<Resource> expected, List<Resource> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).id(), actual.get(i).id());
            assertEquals(expected.get(i).slug(), actual.get(i).slug());
            assertEquals(expected.get(i).regions(), actual.get(i).regions());
            assertEquals(expected.get(i).content(), actual.get(i).content(), expected.get(i).slug());
        }
    }

    @Test
    void aCsvExportOfASearchHasTheImportLayoutAndEveryMatchUnpaged() throws Exception {
        Http.Response response = http.get("/api/v1/search?type=policy&format=csv&limit=5");
        assertEquals(200, response.status(), response.body());
        assertEquals("text/csv; charset=utf-8", response.header("Content-Type").toLowerCase());
        assertEquals("attachment; filename=\"clearinghouse-search.csv\"", response.header("Content-Disposition"));
        String body = response.body();
        assertEquals('\uFEFF', body.charAt(0), "a byte-order mark, so spreadsheets read UTF-8");
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body.substring(1)));
        assertEquals(CsvLayout.headers(), parser.getHeaderNames());
        List<CSVRecord> rows = parser.getRecords();
        long policies = published(SOURCE).stream().filter(r -> r.content().type().equals("policy")).count();
        assertEquals(policies, rows.size(), "limit is ignored: every match is exported");
        rows.forEach(row -> assertEquals("policy", row.get("type")));
        CSVRecord beijing = rows.stream().filter(r -> r.get("slug").equals("beijing-consensus-ai-education-2019")).findFirst().orElseThrow();
        assertEquals("en|fr|es|ar|ru|zh", beijing.get("languages"));
        assertTrue(beijing.get("translations").contains("توافق آراء بيجين"), "Arabic intact");
        assertTrue(beijing.get("translations").contains("北京共识"), "Chinese intact");
        assertEquals("declaration", beijing.get("policy_instrument_type"));
    }

    @Test
    void aCsvExportReimportsIntoAnEmptyCatalogueIdenticallyAndASecondImportChangesNothing() {
        byte[] csv = http.get("/api/v1/search?format=csv").body().getBytes(StandardCharsets.UTF_8);

        ImportReport first = importerInto(TARGET).importFile(new ByteArrayInputStream(csv), ExportFormat.CSV);
        assertEquals(List.of(), first.rejected());
        assertEquals(published(SOURCE).size(), first.created());
        assertSameCatalogue(published(SOURCE), published(TARGET));

        long sequence = new ResourceRepository(TARGET.database().dsl(), MAPPER).lastChangeSeq();
        ImportReport second = importerInto(TARGET).importFile(new ByteArrayInputStream(csv), ExportFormat.CSV);
        assertEquals("0 created, 0 updated, " + first.created() + " unchanged, 0 rejected", second.toString());
        assertEquals(sequence, new ResourceRepository(TARGET.database().dsl(), MAPPER).lastChangeSeq());
    }

    @Test
    void aJsonLinesExportReimportsIdentically() {
        Http.Response response = http.get("/api/v1/search?format=jsonl");
        assertEquals("application/x-ndjson; charset=utf-8", response.header("Content-Type").toLowerCase());
        String[] lines = response.body().split("\n");
        assertEquals(published(SOURCE).size(), lines.length);
        ImportReport report = importerInto(TARGET).importFile(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ExportFormat.JSONL);
        assertEquals(List.of(), report.rejected());
        assertSameCatalogue(published(SOURCE), published(TARGET));
    }

    @Test
    void anEditedRowUpdatesItsRecordAndBadRowsAreRejectedWithTheirFieldsWhileTheOthersLoad() throws Exception {
        String csv = http.get("/api/v1/search?type=regulation&format=csv").body().substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        importerInto(TARGET).importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ExportFormat.CSV);

        StringBuilder edited = new StringBuilder();
        var printer = new org.apache.commons.csv.CSVPrinter(edited, CSVFormat.RFC4180.builder()
                .setHeader(CsvLayout.headers().toArray(new String[0])).get());
        Map<String, String> changed = new java.util.LinkedHashMap<>(rows.get(0).toMap());
        changed.put("summary", "An edited summary.");
        printer.printRecord(CsvLayout.headers().stream().map(changed::get).toList());
        Map<String, String> badTheme = new java.util.LinkedHashMap<>(rows.get(1).toMap());
        badTheme.put("themes", "astrology");
        badTheme.put("regulation_binding", "perhaps");
        printer.printRecord(CsvLayout.headers().stream().map(badTheme::get).toList());
        printer.flush();

        ImportReport report = importerInto(TARGET).importFile(
                new ByteArrayInputStream(edited.toString().getBytes(StandardCharsets.UTF_8)), ExportFormat.CSV);
        assertEquals(1, report.updated());
        assertEquals(1, report.rejected().size());
        assertEquals(2, report.rejected().get(0).row());
        assertEquals(List.of("regulation.binding", "themes[0]"),
                report.rejected().get(0).errors().stream().map(e -> e.field()).toList());
        Resource updated = new ResourceRepository(TARGET.database().dsl(), MAPPER)
                .findBySlug(rows.get(0).get("slug")).orElseThrow();
        assertEquals("An edited summary.", updated.content().summary());
        assertEquals(Status.PUBLISHED, updated.status());
    }

    @Test
    void badExportParametersAre400() {
        assertEquals(400, http.get("/api/v1/search?format=xlsx").status());
        assertEquals(400, http.get("/api/v1/search?format=csv&type=podcast").status());
    }

    @Test
    void rowsAreMatchedByUrlWhenTheyCarryNoId() {
        ResourceContent content = published(SOURCE).get(0).content();
        String line = MAPPER.valueToTree(published(SOURCE).get(0)).toString();
        importerInto(TARGET).importFile(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), ExportFormat.JSONL);
        com.fasterxml.jackson.databind.node.ObjectNode withoutId = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.valueToTree(published(SOURCE).get(0));
        withoutId.remove("id");
        withoutId.remove("slug");
        withoutId.put("url", content.url() + (content.url().contains("?") ? "&" : "?") + "utm_source=newsletter");
        withoutId.put("title", "Retitled");
        ImportReport report = importerInto(TARGET).importFile(
                new ByteArrayInputStream(withoutId.toString().getBytes(StandardCharsets.UTF_8)), ExportFormat.JSONL);
        assertEquals("0 created, 1 updated, 0 unchanged, 0 rejected", report.toString());
        assertEquals(1, published(TARGET).size());
        assertEquals("Retitled", published(TARGET).get(0).content().title());
    }
}
