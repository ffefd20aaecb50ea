package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint of the foundation, in process, against the real application on a real PostgreSQL. */
class ResourceApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static String token;
    private static String[] auth;
    private static String[] jsonAuth;

    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        app = POSTGRES.startApplication();
        token = new Accounts(POSTGRES).create("amina", Role.CONTRIBUTOR, "ministry", "KE").token();
        auth = new String[] {"Authorization", "Bearer " + token};
        jsonAuth = new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void assertProblem(Http.Response response, int status, String type, String... fields) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").split(";")[0]);
        JsonNode problem = response.json();
        assertEquals("/problems/" + type, problem.path("type").asText());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("title").asText().isEmpty());
        assertFalse(problem.path("detail").asText().isEmpty());
        assertEquals(response.header("X-Request-Id"), problem.path("request_id").asText());
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertEquals(List.of(fields), named.stream().distinct().toList());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("SQL"), response.body());
    }

    private static Http.Response submit(ObjectNode record) {
        return http.post("/api/v1/resources", record.toString(), jsonAuth);
    }

    @Test
    void healthSaysOkOnceTheDatabaseIsUp() {
        Http.Response response = http.get("/health");
        assertEquals(200, response.status());
        assertEquals("{\"status\":\"ok\"}", response.body());
    }

    @Test
    void theSeedPoliciesAreListed() {
        Http.Response response = http.get("/api/v1/resources?type=policy&limit=100");
        assertEquals(200, response.status());
        JsonNode results = response.json().path("results");
        assertTrue(results.size() >= 1);
        Set<String> slugs = new HashSet<>();
        results.forEach(r -> {
            assertEquals("policy", r.path("type").asText());
            assertEquals("published", r.path("status").asText());
            slugs.add(r.path("slug").asText());
        });
        assertTrue(slugs.contains("beijing-consensus-ai-education-2019"), slugs.toString());
    }

    @Test
    void aResourceIsFoundByIdAndBySlugWithEveryField() {
        JsonNode bySlug = http.get("/api/v1/resources/beijing-consensus-ai-education-2019").json();
        assertEquals("5e2374e0-169a-40cf-8580-dd3187146ca4", bySlug.path("id").asText());
        assertEquals("Beijing Consensus on Artificial Intelligence and Education", bySlug.path("title").asText());
        assertEquals("[\"UNESCO\"]", bySlug.path("jurisdictions").toString());
        assertEquals("declaration", bySlug.path("policy").path("instrument_type").asText());
        assertEquals("official", bySlug.path("translations").path("fr").path("source").asText());
        assertTrue(bySlug.path("course").isMissingNode());
        assertEquals(bySlug, http.get("/api/v1/resources/5e2374e0-169a-40cf-8580-dd3187146ca4").json());
    }

    @Test
    void anUnknownResourceIsA404Problem() {
        assertProblem(http.get("/api/v1/resources/no-such-thing"), 404, "not-found");
        assertProblem(http.get("/api/v1/resources/00000000-0000-0000-0000-000000000000"), 404, "not-found");
        assertProblem(http.get("/api/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void aValidSubmissionIsStoredPendingAndVisibleOnlyToItsOrganisation() {
        Http.Response created = submit(Records.course("Teaching with AI in Kenya", "https://example.org/teaching-ai-kenya"));
        assertEquals(201, created.status(), created.body());
        JsonNode record = created.json();
        String id = record.path("id").asText();
        assertEquals("/api/v1/resources/" + id, created.header("Location"));
        assertEquals("pending", record.path("status").asText());
        assertEquals("teaching-with-ai-in-kenya", record.path("slug").asText());
        assertEquals("[\"africa\"]", record.path("regions").toString());

        Http.Response withToken = http.get(created.header("Location"), auth);
        assertEquals(200, withToken.status());
        assertEquals("pending", withToken.json().path("status").asText());
        assertEquals("Teaching with AI in Kenya", withToken.json().path("title").asText());
        assertProblem(http.get(created.header("Location")), 404, "not-found");
        assertProblem(http.get("/api/v1/resources/teaching-with-ai-in-kenya", "Authorization", "Bearer wrong-token-000000"), 404, "not-found");

        JsonNode listed = http.get("/api/v1/resources?type=course&country=KE&limit=100").json().path("results");
        listed.forEach(r -> assertFalse(r.path("id").asText().equals(id), "pending records are not listed"));
    }

    @Test
    void submittingWithoutAValidTokenIs401() {
        ObjectNode record = Records.course("No token", "https://example.org/no-token");
        Http.Response none = http.post("/api/v1/resources", record.toString(), "Content-Type", "application/json");
        assertProblem(none, 401, "unauthorized");
        assertEquals("Bearer realm=\"clearinghouse\"", none.header("WWW-Authenticate"));
        assertProblem(http.post("/api/v1/resources", record.toString(), "Authorization", "Bearer nope-nope-nope-nope"), 401, "unauthorized");
        assertProblem(http.post("/api/v1/resources", record.toString(), "Authorization", "Basic " + token), 401, "unauthorized");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(http.post("/api/v1/resources", "{\"type\": \"course\",", jsonAuth), 400, "malformed-request");
        assertProblem(http.post("/api/v1/resources", "", jsonAuth), 400, "malformed-request");
        assertProblem(http.post("/api/v1/resources", "{\"a\":1}{\"b\":2}", jsonAuth), 400, "malformed-request");
        assertProblem(http.post("/api/v1/resources", "{\"title\":\"a\",\"title\":\"b\"}", jsonAuth), 400, "malformed-request");
    }

    @Test
    void aBodyThatIsNotAnObjectIs422() {
        assertProblem(http.post("/api/v1/resources", "[1,2]", jsonAuth), 422, "validation-failed", "(body)");
    }

    @Test
    void aNonJsonContentTypeIs415() {
        assertProblem(http.post("/api/v1/resources", "type=course", "Authorization", "Bearer " + token,
                "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
    }

    @Test
    void anOversizeBodyIs413() {
        ObjectNode record = Records.course("Big", "https://example.org/big");
        record.put("summary", "x".repeat(1024 * 1024 + 10));
        assertProblem(http.post("/api/v1/resources", record.toString().getBytes(StandardCharsets.UTF_8), jsonAuth),
                413, "payload-too-large");
    }

    @Test
    void missingFieldsUnknownEnumsBadCodesBadUrlsAndLongStringsAre422NamingEachField() {
        ObjectNode record = Records.course("x".repeat(301), "not a url");
        record.remove("publisher");
        record.put("original_language", "english");
        ((ObjectNode) record.get("course")).put("format", "weekly");
        record.putArray("jurisdictions").add("ZZ");
        record.put("id", "00000000-0000-0000-0000-000000000001");
        assertProblem(submit(record), 422, "validation-failed",
                "course.format", "id", "jurisdictions[0]", "original_language", "publisher", "title", "url");
    }

    @Test
    void aDuplicateUrlIs409PointingAtTheExistingRecord() {
        Http.Response response = submit(Records.course("Beijing again", "http://www.unesdoc.unesco.org/ark:/48223/pf0000368303/"));
        assertProblem(response, 409, "conflict", "url");
        assertEquals("/api/v1/resources/beijing-consensus-ai-education-2019", response.json().path("existing").asText());
    }

    @Test
    void aTakenSlugIs409() {
        ObjectNode record = Records.course("Another", "https://example.org/another-slug-test");
        record.put("slug", "beijing-consensus-ai-education-2019");
        assertProblem(submit(record), 409, "conflict", "slug");
    }

    @Test
    void badListingParametersAre400NamingTheParameter() {
        assertProblem(http.get("/api/v1/resources?type=podcast"), 400, "invalid-parameter", "type");
        assertProblem(http.get("/api/v1/resources?country=Narnia"), 400, "invalid-parameter", "country");
        assertProblem(http.get("/api/v1/resources?limit=0"), 400, "invalid-parameter", "limit");
        assertProblem(http.get("/api/v1/resources?limit=101"), 400, "invalid-parameter", "limit");
        assertProblem(http.get("/api/v1/resources?limit=ten"), 400, "invalid-parameter", "limit");
        assertProblem(http.get("/api/v1/resources?cursor=garbage"), 400, "invalid-parameter", "cursor");
    }

    @Test
    void listingPagesWithACursorToTheEnd() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int total = 0;
        int pages = 0;
        do {
            Http.Response response = http.get("/api/v1/resources?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, response.status(), response.body());
            assertTrue(++pages < 1000, "paging does not end");
            JsonNode page = response.json();
            assertTrue(page.has("next_cursor"));
            for (JsonNode r : page.path("results")) {
                ids.add(r.path("id").asText());
                total++;
            }
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertEquals(total, ids.size());
        assertEquals(total, POSTGRES.database().dsl().fetchCount(
                org.clearinghouse.server.persistence.jooq.Tables.RESOURCE,
                org.clearinghouse.server.persistence.jooq.Tables.RESOURCE.STATUS.eq("published")));
    }

    @Test
    void vocabulariesAreServed() {
        JsonNode vocabularies = http.get("/api/v1/vocabularies").json();
        assertEquals(5, vocabularies.path("types").size());
        assertEquals(10, vocabularies.path("themes").size());
        assertEquals(249, vocabularies.path("countries").size());
        assertEquals("africa", findByCode(vocabularies.path("countries"), "KE").path("region").asText());
    }

    private static JsonNode findByCode(JsonNode entries, String code) {
        for (JsonNode entry : entries) {
            if (entry.path("code").asText().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void everyResponseCarriesARequestIdTakenFromTheRequestWhenSane() {
        assertEquals("abc-123", http.get("/health", "X-Request-Id", "abc-123").header("X-Request-Id"));
        String generated = http.get("/health", "X-Request-Id", "bad id with spaces<script>").header("X-Request-Id");
        assertNotNull(generated);
        assertEquals(36, generated.length());
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(http.method("DELETE", "/api/v1/resources"), 405, "method-not-allowed");
    }
}
