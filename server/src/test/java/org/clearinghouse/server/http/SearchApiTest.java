package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Search over the seed catalogue through the HTTP API, as policymakers and teachers would use it. */
class SearchApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        app = POSTGRES.startApplication();
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode search(String query) {
        Http.Response response = http.get("/api/v1/search?" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> slugs(JsonNode answer) {
        List<String> slugs = new ArrayList<>();
        answer.path("results").forEach(r -> slugs.add(r.path("slug").asText()));
        return slugs;
    }

    @Test
    void anEmptyQueryListsEveryPublishedRecordWithAllFacets() throws Exception {
        long published = POSTGRES.database().dsl().fetchCount(org.clearinghouse.server.persistence.jooq.Tables.RESOURCE,
                org.clearinghouse.server.persistence.jooq.Tables.RESOURCE.STATUS.eq(Status.PUBLISHED));
        // Another test publishes and withdraws a record; wait until the index has followed the database.
        assertTrue(waitFor(() -> search("limit=5").path("total").asLong() == published));
        JsonNode answer = search("limit=5");
        assertEquals(5, answer.path("results").size());
        for (String facet : List.of("type", "country", "region", "language", "theme", "level", "audience", "license", "year")) {
            assertTrue(answer.path("facets").has(facet), facet);
        }
        long typeSum = 0;
        for (JsonNode value : answer.path("facets").path("type")) {
            typeSum += value.path("count").asLong();
        }
        assertEquals(published, typeSum);
        assertTrue(answer.has("next_cursor") && answer.has("suggestion"));
    }

    @Test
    void facetsCarryLabelsInTheRequestLanguageAndStayMultiSelect() {
        JsonNode all = search("lang=fr");
        JsonNode policies = search("lang=fr&type=policy");
        assertEquals(all.path("facets").path("type"), policies.path("facets").path("type"),
                "selecting a type keeps the counts of the other types");
        long policyCount = 0;
        for (JsonNode value : all.path("facets").path("type")) {
            if (value.path("value").asText().equals("policy")) {
                policyCount = value.path("count").asLong();
                assertFalse(value.path("label").asText().isEmpty());
                assertFalse(value.path("label").asText().equals("policy"), "a French label, not the code");
            }
        }
        assertEquals(policyCount, policies.path("total").asLong());
    }

    @Test
    void frenchArabicAndChineseQueriesAboutTeachersAndAiFindEnglishRecords() {
        for (String query : List.of("enseignants intelligence artificielle", "المعلمين الذكاء الاصطناعي", "教师 人工智能")) {
            JsonNode answer = search(q(query));
            assertTrue(answer.path("total").asLong() > 0, query);
            boolean englishAboutTeachers = false;
            for (JsonNode hit : answer.path("results")) {
                englishAboutTeachers |= hit.path("title_language").asText().equals("en")
                        || hit.path("title").asText().matches("(?i).*(teacher|educator).*");
            }
            assertTrue(englishAboutTeachers, query + " → " + slugs(answer));
        }
    }

    @Test
    void filtersCombineAndPagingWalksTheWholeResult() {
        JsonNode kenya = search("country=KE&limit=100");
        kenya.path("results").forEach(r -> assertTrue(r.path("countries").toString().contains("\"KE\"")));
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        long total;
        do {
            JsonNode page = search("type=course&limit=9&sort=title" + (cursor == null ? "" : "&cursor=" + cursor));
            total = page.path("total").asLong();
            page.path("results").forEach(r -> {
                assertEquals("course", r.path("type").asText());
                assertTrue(ids.add(r.path("id").asText()), "no repeats");
            });
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            assertTrue(++pages < 100);
        } while (cursor != null);
        assertEquals(total, ids.size());
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        Map<String, String> cases = Map.of(
                "type=podcast", "type", "country=Narnia", "country", "theme=astrology", "theme", "limit=0", "limit",
                "sort=random", "sort", "year_from=abc", "year_from", "year_from=2020&year_to=2010", "year_to",
                "cursor=not-a-cursor", "cursor", "lang=klingon", "lang", "open=perhaps", "open");
        cases.forEach((query, field) -> {
            Http.Response response = http.get("/api/v1/search?" + query);
            assertEquals(400, response.status(), query + " " + response.body());
            assertEquals(field, response.json().path("errors").get(0).path("field").asText(), query);
        });
    }

    @Test
    void hostileQueriesAnswerOrRefuseButNeverFail() {
        List<String> hostile = List.of("\"unbalanced", "OR", "-", "*", "((((", "a".repeat(1000), "\u0000\u0001\u0007",
                "title:foo AND body:[* TO *]", "/.*.*.*.*.*/", "~~~^^^", "\"\"", "- - -", "OR OR OR", "漢字*", "\\", "?*?*?*");
        for (String query : hostile) {
            Http.Response response = http.get("/api/v1/search?" + q(query));
            assertTrue(response.status() == 200 || response.status() == 400, query + " → " + response.status());
        }
        assertEquals(400, http.get("/api/v1/search?" + q("x".repeat(1001))).status());
    }

    @Test
    void highlightsAreEscapedHtmlWithMarks() {
        JsonNode answer = search(q("Beijing Consensus"));
        assertEquals("beijing-consensus-ai-education-2019", slugs(answer).get(0));
        String title = answer.path("results").get(0).path("highlights").path("title").asText();
        assertTrue(title.contains("<mark>Beijing</mark>"), title);
    }

    @Test
    void suggestAndRelatedAnswer() throws Exception {
        // A missing suggester is built in the background after start; until then it answers [].
        assertTrue(waitFor(() -> http.get("/api/v1/suggest?q=beij").json().path("suggestions").size() > 0));
        JsonNode suggestions = http.get("/api/v1/suggest?q=beij").json().path("suggestions");
        assertTrue(suggestions.size() >= 1 && suggestions.size() <= 10);
        assertEquals(400, http.get("/api/v1/suggest").status());
        JsonNode related = http.get("/api/v1/resources/beijing-consensus-ai-education-2019/related?limit=5").json().path("results");
        assertEquals(5, related.size());
        related.forEach(r -> assertFalse(r.path("slug").asText().equals("beijing-consensus-ai-education-2019")));
        assertEquals(404, http.get("/api/v1/resources/no-such-record/related").status());
    }

    @Test
    void aRecordPublishedInTheDatabaseBecomesSearchableAndWithdrawingRemovesIt() throws Exception {
        ResourceRepository repository = new ResourceRepository(POSTGRES.database().dsl(), Json.mapper());
        ResourceContent content = ResourceContent.fromValidated(
                Records.course("Zyxwvut quantum pedagogy", "https://example.org/zyxwvut"), Json.mapper());
        UUID id = UUID.randomUUID();
        repository.insert(new NewResource(id, "zyxwvut", Status.PENDING, content, List.of("africa"), null));
        assertTrue(waitFor(() -> http.get("/api/v1/suggest?q=beij").json().path("suggestions").size() > 0), "the suggester was built");
        assertEquals(0, http.get("/api/v1/suggest?q=zyxwv").json().path("suggestions").size(), "not suggested while pending");
        repository.changeStatus(id, Status.PUBLISHED);
        assertTrue(waitFor(() -> search(q("zyxwvut")).path("total").asLong() == 1), "published record became searchable");
        // Autocomplete follows in the same catch-up as search (a few milliseconds later), not after a background rebuild.
        assertTrue(waitFor(() -> http.get("/api/v1/suggest?q=zyxwv").json().path("suggestions").size() == 1), "suggested");
        JsonNode offered = http.get("/api/v1/suggest?q=zyxwv").json().path("suggestions");
        assertEquals("zyxwvut", offered.get(0).path("slug").asText());
        assertEquals("Zyxwvut quantum pedagogy", offered.get(0).path("text").asText());
        repository.changeStatus(id, Status.WITHDRAWN);
        assertTrue(waitFor(() -> search(q("zyxwvut")).path("total").asLong() == 0), "withdrawn record left the index");
        assertTrue(waitFor(() -> http.get("/api/v1/suggest?q=zyxwv").json().path("suggestions").isEmpty()), "and is no longer suggested");
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
