package org.clearinghouse.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.audit.AuditEntry;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.persistence.AuditRepository;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The moderation workflow through the real API on a real PostgreSQL: states and revisions at every step, what
 * search shows meanwhile, the audit trail, optimistic concurrency and duplicates.
 */
class WorkflowApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private static Application app;
    private static Http http;
    private static String amina;
    private static String baraka;
    private static String chen;
    private static String mona;
    private static String kenyaNcp;

    @BeforeAll
    static void start() {
        app = POSTGRES.startApplication();
        http = new Http(app.port());
        Accounts accounts = new Accounts(POSTGRES);
        Accounts.TestAccount first = accounts.create("amina", Role.CONTRIBUTOR, "ministry", "KE");
        amina = first.bearer();
        baraka = accounts.account(first.organisation(), "baraka", Role.CONTRIBUTOR).bearer();
        chen = accounts.create("chen", Role.CONTRIBUTOR, "university", "CN").bearer();
        mona = accounts.create("mona", Role.MODERATOR, "international_organisation", null).bearer();
        kenyaNcp = accounts.create("wanjiru", Role.CONTRIBUTOR, "national_contact_point", "KE").bearer();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // ---- helpers ----

    private static String[] json(String bearer, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", bearer, "Content-Type", "application/json"));
        headers.addAll(List.of(more));
        return headers.toArray(new String[0]);
    }

    private static Http.Response submit(String bearer, ObjectNode record) {
        return http.post("/api/v1/resources", record.toString(), json(bearer));
    }

    private static String etag(String id, String bearer) {
        Http.Response response = http.get("/api/v1/resources/" + id, "Authorization", bearer);
        assertEquals(200, response.status(), response.body());
        assertNotNull(response.header("ETag"));
        return response.header("ETag");
    }

    private static Http.Response decide(String id, int n, String decision, String comment, String bearer) {
        String body = comment == null ? "{}" : Json.mapper().createObjectNode().put("comment", comment).toString();
        return http.post("/api/v1/resources/" + id + "/revisions/" + n + "/" + decision, body,
                json(bearer, "If-Match", etag(id, mona)));
    }

    private static List<String> states(String id) {
        Http.Response response = http.get("/api/v1/resources/" + id + "/revisions", "Authorization", mona);
        assertEquals(200, response.status(), response.body());
        List<String> states = new ArrayList<>();
        response.json().path("revisions").forEach(r -> states.add(r.path("n").asInt() + ":" + r.path("state").asText()));
        return states;
    }

    private static String status(String id) {
        return http.get("/api/v1/resources/" + id, "Authorization", mona).json().path("status").asText();
    }

    /** Waits until the index has applied every change committed so far, then searches. */
    private static long searchTotal(String q) {
        long committed = new ResourceRepository(POSTGRES.database().dsl(), Json.mapper()).lastChangeSeq();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (app.searchIndex().lastAppliedSequence() < committed) {
            assertTrue(System.nanoTime() < deadline, "the index did not catch up");
            Thread.onSpinWait();
        }
        return http.get("/api/v1/search?q=" + q).json().path("total").asLong();
    }

    private static List<String> auditActions(String id) {
        List<String> actions = new ArrayList<>();
        for (AuditEntry entry : new AuditRepository(POSTGRES.database().dsl(), Json.mapper())
                .list(new AuditRepository.Filter(null, "resource", id, null, null), 0, 100)) {
            actions.add(entry.actorName() + " " + entry.action() + " " + entry.detail().get("revision") + " " + entry.detail().get("state"));
        }
        return actions;
    }

    private static void assertProblem(Http.Response response, int status, String type, String... fields) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").split(";")[0]);
        assertEquals("/problems/" + type, response.json().path("type").asText(), response.body());
        List<String> named = new ArrayList<>();
        response.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertEquals(List.of(fields), named.stream().distinct().toList(), response.body());
    }

    // ---- the whole walk ----

    @Test
    void submitRequestChangesResubmitPublishEditApproveWithdraw() {
        ObjectNode record = Records.course("Zebrafinch AI literacy for teachers", "https://example.org/zebrafinch");
        Http.Response created = http.post("/api/v1/resources", record.toString(),
                json(amina, "X-Request-Id", "walk-submit"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        assertEquals("pending", created.json().path("status").asText());
        assertEquals("\"v1\"", created.header("ETag"));
        assertEquals(List.of("1:pending"), states(id));
        assertEquals(0, searchTotal("zebrafinch"));
        assertEquals(404, http.get("/api/v1/resources/" + id).status(), "pending: not public");
        assertEquals(200, http.get("/api/v1/resources/" + id, "Authorization", baraka).status(), "the organisation sees it");
        assertEquals(404, http.get("/api/v1/resources/" + id, "Authorization", chen).status(), "another organisation does not");

        // request changes: the comment is required
        assertProblem(decide(id, 1, "request-changes", null, mona), 422, "validation-failed", "comment");
        assertProblem(decide(id, 1, "request-changes", "  ", mona), 422, "validation-failed", "comment");
        Http.Response requested = decide(id, 1, "request-changes", "Please add the Swahili version.", mona);
        assertEquals(200, requested.status(), requested.body());
        assertEquals("changes_requested", requested.json().path("state").asText());
        assertEquals("Please add the Swahili version.", requested.json().path("comment").asText());
        assertEquals("mona", requested.json().path("decided_by").asText());
        assertEquals("changes_requested", status(id));
        assertEquals(List.of("1:changes_requested"), states(id));
        assertEquals(0, searchTotal("zebrafinch"));

        // the submitter sees the decision and the comment
        JsonNode mine = http.get("/api/v1/submissions?mine=true", "Authorization", amina).json().path("results");
        JsonNode first = find(mine, id, 1);
        assertEquals("changes_requested", first.path("revision").path("state").asText());
        assertEquals("Please add the Swahili version.", first.path("revision").path("comment").asText());
        assertEquals("changes_requested", first.path("record_status").asText());

        // resubmit with an answer and the fixed record
        record.withArray("languages").add("sw");
        ObjectNode resubmission = Json.mapper().createObjectNode().put("reply", "Added the Swahili version.");
        resubmission.set("record", record);
        Http.Response resubmitted = http.post("/api/v1/resources/" + id + "/revisions/1/resubmit", resubmission.toString(),
                json(amina, "If-Match", etag(id, amina)));
        assertEquals(200, resubmitted.status(), resubmitted.body());
        assertEquals(2, resubmitted.json().path("n").asInt());
        assertEquals("pending", resubmitted.json().path("state").asText());
        assertEquals("pending", status(id));
        assertEquals(List.of("1:changes_requested", "2:pending"), states(id));
        JsonNode history = http.get("/api/v1/resources/" + id + "/revisions", "Authorization", amina).json();
        assertEquals("Added the Swahili version.", history.path("revisions").path(0).path("reply").asText());
        JsonNode diff = http.get("/api/v1/resources/" + id + "/revisions/2/diff?against=1", "Authorization", amina).json();
        assertEquals(1, diff.path("changes").size(), diff.toString());
        assertEquals("languages", diff.path("changes").path(0).path("path").asText());
        assertEquals("[\"en\",\"fr\"]", diff.path("changes").path(0).path("before").toString());
        assertEquals("[\"en\",\"fr\",\"sw\"]", diff.path("changes").path(0).path("after").toString());
        assertEquals(0, searchTotal("zebrafinch"));

        // publish
        Http.Response approved = decide(id, 2, "approve", "Thank you.", mona);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("published", approved.json().path("state").asText());
        assertEquals("published", status(id));
        assertEquals(List.of("1:changes_requested", "2:published"), states(id));
        assertEquals(1, searchTotal("zebrafinch"));
        assertEquals(200, http.get("/api/v1/resources/" + id).status());

        // an edit of the published record: pending, while the published version stays visible and searchable
        ObjectNode edited = record.deepCopy();
        edited.put("title", "Zebrafinch AI literacy for teachers: Quillwort edition");
        Http.Response edit = http.put("/api/v1/resources/" + id, edited.toString(), json(amina, "If-Match", etag(id, amina)));
        assertEquals(200, edit.status(), edit.body());
        assertEquals(3, edit.json().path("n").asInt());
        assertEquals("pending", edit.json().path("state").asText());
        assertEquals("published", status(id));
        assertEquals(List.of("1:changes_requested", "2:published", "3:pending"), states(id));
        assertEquals("Zebrafinch AI literacy for teachers", http.get("/api/v1/resources/" + id).json().path("title").asText());
        assertEquals(1, searchTotal("zebrafinch"));
        assertEquals(0, searchTotal("quillwort"));

        Http.Response approvedEdit = decide(id, 3, "approve", null, mona);
        assertEquals(200, approvedEdit.status(), approvedEdit.body());
        assertEquals(List.of("1:changes_requested", "2:superseded", "3:published"), states(id));
        assertEquals("Zebrafinch AI literacy for teachers: Quillwort edition",
                http.get("/api/v1/resources/" + id).json().path("title").asText());
        assertEquals(1, searchTotal("quillwort"));

        // withdraw: needs a comment; then gone for the public and out of search
        Http.Response noComment = http.post("/api/v1/resources/" + id + "/withdraw", "{}", json(mona, "If-Match", etag(id, mona)));
        assertProblem(noComment, 422, "validation-failed", "comment");
        Http.Response withdrawn = http.post("/api/v1/resources/" + id + "/withdraw", "{\"comment\":\"The course was discontinued.\"}",
                json(mona, "If-Match", etag(id, mona)));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("withdrawn", withdrawn.json().path("status").asText());
        assertEquals(List.of("1:changes_requested", "2:superseded", "3:withdrawn"), states(id));
        assertEquals(410, http.get("/api/v1/resources/" + id).status());
        assertEquals(0, searchTotal("quillwort"));
        JsonNode last = http.get("/api/v1/resources/" + id + "/revisions/3", "Authorization", mona).json();
        assertEquals("The course was discontinued.", last.path("withdrawal_comment").asText());
        assertEquals("mona", last.path("withdrawn_by").asText());

        assertEquals(List.of(
                "amina resource.submit 1 pending",
                "mona revision.request_changes 1 changes_requested",
                "amina revision.resubmit 2 pending",
                "mona revision.approve 2 published",
                "amina resource.edit 3 pending",
                "mona revision.approve 3 published",
                "mona resource.withdraw null withdrawn"), auditActions(id));
        AuditEntry submitted = new AuditRepository(POSTGRES.database().dsl(), Json.mapper())
                .list(new AuditRepository.Filter("resource.submit", "resource", id, null, null), 0, 1).get(0);
        assertEquals("walk-submit", submitted.requestId());
    }

    private static JsonNode find(JsonNode submissions, String id, int n) {
        for (JsonNode s : submissions) {
            if (s.path("resource_id").asText().equals(id) && s.path("revision").path("n").asInt() == n) {
                return s;
            }
        }
        throw new AssertionError("no revision " + n + " of " + id + " in " + submissions);
    }

    // ---- who may do what ----

    @Test
    void everyWriteAndEveryRevisionReadNeedsCredentials() {
        String id = published("https://example.org/boundaries-401");
        String r = "/api/v1/resources/" + id;
        String body = Records.course("Unauthenticated", "https://example.org/unauth").toString();
        List<Http.Response> answers = List.of(
                http.post("/api/v1/resources", body, "Content-Type", "application/json"),
                http.put(r, body, "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/revisions/1/approve", "{}", "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/revisions/1/reject", "{\"comment\":\"x\"}", "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/revisions/1/request-changes", "{\"comment\":\"x\"}", "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/revisions/1/resubmit", "{\"reply\":\"x\"}", "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/withdraw", "{\"comment\":\"x\"}", "Content-Type", "application/json", "If-Match", "\"v1\""),
                http.post(r + "/validate", "", "If-Match", "\"v1\""),
                http.get(r + "/revisions"),
                http.get(r + "/revisions/1"),
                http.get(r + "/revisions/1/diff?against=1"),
                http.get("/api/v1/submissions?mine=true"),
                http.get("/api/v1/moderation/queue"),
                http.get(r + "/revisions", "Authorization", "Bearer not-a-token-at-all"));
        for (Http.Response answer : answers) {
            assertProblem(answer, 401, "unauthorized");
        }
    }

    @Test
    void aContributorOfAnotherOrganisationIsForbiddenAndAContributorNeverModerates() {
        String id = published("https://example.org/boundaries-403");
        String r = "/api/v1/resources/" + id;
        String tag = etag(id, amina);
        ObjectNode record = Records.course("Owned by Kenya", "https://example.org/boundaries-403");
        // chen belongs to another organisation
        assertProblem(http.put(r, record.toString(), json(chen, "If-Match", tag)), 403, "forbidden");
        assertProblem(http.get(r + "/revisions", "Authorization", chen), 403, "forbidden");
        assertProblem(http.get(r + "/revisions/1", "Authorization", chen), 403, "forbidden");
        assertProblem(http.get(r + "/revisions/1/diff?against=1", "Authorization", chen), 403, "forbidden");
        assertProblem(http.post(r + "/revisions/1/resubmit", "{\"reply\":\"x\"}", json(chen, "If-Match", tag)), 403, "forbidden");
        // amina owns the record but is no moderator
        assertProblem(http.post(r + "/revisions/1/approve", "{}", json(amina, "If-Match", tag)), 403, "forbidden");
        assertProblem(http.post(r + "/revisions/1/reject", "{\"comment\":\"x\"}", json(amina, "If-Match", tag)), 403, "forbidden");
        assertProblem(http.post(r + "/revisions/1/request-changes", "{\"comment\":\"x\"}", json(amina, "If-Match", tag)), 403, "forbidden");
        assertProblem(http.post(r + "/withdraw", "{\"comment\":\"x\"}", json(amina, "If-Match", tag)), 403, "forbidden");
        assertProblem(http.get("/api/v1/moderation/queue", "Authorization", amina), 403, "forbidden");
        // a seed record has no organisation: only moderators edit it
        String beijing = "beijing-consensus-ai-education-2019";
        String seedTag = etag(beijing, amina);
        JsonNode seed = http.get("/api/v1/resources/" + beijing).json();
        assertProblem(http.put("/api/v1/resources/" + beijing, content(seed).toString(), json(amina, "If-Match", seedTag)), 403, "forbidden");
        assertEquals(etag(id, amina), tag, "nothing was written");
    }

    @Test
    void aModeratorsOwnSubmissionIsPublishedAtOnceAndAudited() {
        Http.Response created = submit(mona, Records.course("Moderated by its author", "https://example.org/moderator-own"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        assertEquals("published", created.json().path("status").asText());
        JsonNode revision = http.get("/api/v1/resources/" + id + "/revisions/1", "Authorization", mona).json();
        assertEquals("published", revision.path("state").asText());
        assertEquals("approve", revision.path("decision").asText());
        assertEquals("mona", revision.path("decided_by").asText());
        assertEquals(List.of("mona resource.submit 1 published"), auditActions(id));
    }

    // ---- optimistic concurrency ----

    @Test
    void theSecondOfTwoEditorsGets412AndTheFirstsEditStands() {
        String id = published("https://example.org/two-editors");
        String r = "/api/v1/resources/" + id;
        String read = etag(id, amina);
        assertEquals(read, etag(id, baraka));
        ObjectNode first = Records.course("Two editors: Amina's title", "https://example.org/two-editors");
        ObjectNode second = Records.course("Two editors: Baraka's title", "https://example.org/two-editors");

        assertProblem(http.put(r, first.toString(), json(amina)), 428, "precondition-required", "If-Match");
        assertEquals(read, etag(id, amina), "a refused write changes nothing");

        Http.Response won = http.put(r, first.toString(), json(amina, "If-Match", read));
        assertEquals(200, won.status(), won.body());
        Http.Response lost = http.put(r, second.toString(), json(baraka, "If-Match", read));
        assertProblem(lost, 412, "precondition-failed", "If-Match");
        assertEquals(won.header("ETag"), lost.header("ETag"), "the 412 names the current tag");
        assertEquals(List.of("1:published", "2:pending"), states(id));
        JsonNode pending = http.get(r + "/revisions/2", "Authorization", mona).json();
        assertEquals("Two editors: Amina's title", pending.path("content").path("title").asText());
        assertEquals("amina", pending.path("author").asText());

        // the loser redoes the change on the current version
        Http.Response redone = http.put(r, second.toString(), json(baraka, "If-Match", etag(id, baraka)));
        assertEquals(200, redone.status(), redone.body());
        assertEquals(List.of("1:published", "2:superseded", "3:pending"), states(id));
        // a stale decision is refused too
        Http.Response staleDecision = http.post(r + "/revisions/3/approve", "{}", json(mona, "If-Match", read));
        assertProblem(staleDecision, 412, "precondition-failed", "If-Match");
        assertProblem(http.post(r + "/revisions/3/approve", "{}", json(mona)), 428, "precondition-required", "If-Match");
        assertEquals(List.of("1:published", "2:superseded", "3:pending"), states(id));
    }

    @Test
    void aRevisionIsServedWithTheRecordsETagAndOnlyPendingRevisionsAreDecided() {
        String id = published("https://example.org/etag-revision");
        Http.Response revision = http.get("/api/v1/resources/" + id + "/revisions/1", "Authorization", amina);
        assertEquals(200, revision.status(), revision.body());
        assertEquals(etag(id, amina), revision.header("ETag"));
        assertProblem(decide(id, 1, "approve", null, mona), 409, "conflict", "state");
        assertProblem(http.get("/api/v1/resources/" + id + "/revisions/9", "Authorization", amina), 404, "not-found");
        assertProblem(http.get("/api/v1/resources/" + id + "/revisions/x", "Authorization", amina), 400, "invalid-parameter", "n");
    }

    // ---- duplicates ----

    @Test
    void anIdenticalNormalisedUrlIs409LinkingTheExistingRecordEvenWhenPending() {
        Http.Response seed = submit(amina, Records.course("Beijing again", "http://www.unesdoc.unesco.org/ark:/48223/pf0000368303/?utm_source=x&fbclid=y"));
        assertProblem(seed, 409, "conflict", "url");
        assertEquals("/api/v1/resources/beijing-consensus-ai-education-2019", seed.json().path("existing").asText());

        Http.Response pending = submit(amina, Records.course("Pending original", "https://example.org/pending-original"));
        assertEquals(201, pending.status());
        Http.Response again = submit(chen, Records.course("Pending copy", "http://www.example.org/pending-original/?gclid=1"));
        assertProblem(again, 409, "conflict", "url");
        assertEquals("/api/v1/resources/" + pending.json().path("slug").asText(), again.json().path("existing").asText());
        assertTrue(again.json().path("detail").asText().contains("not yet published"), again.body());
    }

    @Test
    void aLikelyDuplicateIsAWarningTheModeratorSeesInTheQueue() {
        JsonNode beijing = http.get("/api/v1/resources/beijing-consensus-ai-education-2019").json();
        ObjectNode copy = content(beijing);
        copy.put("url", "https://example.org/another-copy-of-beijing");
        Http.Response created = submit(amina, copy);
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        JsonNode warnings = http.get("/api/v1/resources/" + id + "/revisions/1", "Authorization", amina).json()
                .path("duplicate_warnings");
        assertEquals(beijing.path("id").asText(), warnings.path(0).path("id").asText(), warnings.toString());
        assertEquals(1.0, warnings.path(0).path("score").asDouble());
        assertEquals(beijing.path("title").asText(), warnings.path(0).path("title").asText());

        JsonNode queue = http.get("/api/v1/moderation/queue?type=policy&limit=100", "Authorization", mona).json();
        JsonNode item = null;
        for (JsonNode entry : queue.path("results")) {
            assertEquals("policy", entry.path("type").asText());
            if (entry.path("resource_id").asText().equals(id)) {
                item = entry;
            }
        }
        assertNotNull(item, queue.toString());
        assertEquals(beijing.path("id").asText(), item.path("duplicate_warnings").path(0).path("id").asText());
        assertEquals("amina", item.path("author").asText());
        assertFalse(item.path("edit").asBoolean());
    }

    @Test
    void theQueueIsOldestFirstFilteredAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode record = Records.policy("Queue policy " + i + " of Kenya", "https://example.org/queue-" + i, "KE", "2024");
            Http.Response created = submit(amina, record);
            assertEquals(201, created.status(), created.body());
            ids.add(created.json().path("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response page = http.get("/api/v1/moderation/queue?country=KE&type=policy&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "Authorization", mona);
            assertEquals(200, page.status(), page.body());
            page.json().path("results").forEach(item -> seen.add(item.path("resource_id").asText()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
        } while (cursor != null);
        List<String> ours = seen.stream().filter(ids::contains).toList();
        assertEquals(ids, ours, "oldest first");
        JsonNode none = http.get("/api/v1/moderation/queue?country=CN&type=policy", "Authorization", mona).json();
        none.path("results").forEach(item -> assertFalse(ids.contains(item.path("resource_id").asText())));
        assertProblem(http.get("/api/v1/moderation/queue?type=podcast", "Authorization", mona), 400, "invalid-parameter", "type");
        assertProblem(http.get("/api/v1/moderation/queue?cursor=zzz", "Authorization", mona), 400, "invalid-parameter", "cursor");
        assertProblem(http.get("/api/v1/moderation/queue?organisation=x", "Authorization", mona), 400, "invalid-parameter", "organisation");
    }

    // ---- validated by member state ----

    @Test
    void theNationalContactPointOfTheCountryValidatesAPublishedPolicy() {
        Http.Response created = submit(mona, Records.policy("Kenya AI in education strategy", "https://example.org/ke-strategy", "KE", "2024"));
        String id = created.json().path("id").asText();
        String r = "/api/v1/resources/" + id + "/validate";
        assertProblem(http.post(r, "", "Authorization", amina, "If-Match", etag(id, amina)), 403, "forbidden");
        Http.Response validated = http.post(r, "", "Authorization", kenyaNcp, "If-Match", etag(id, kenyaNcp));
        assertEquals(200, validated.status(), validated.body());
        JsonNode mark = http.get("/api/v1/resources/" + id).json().path("validation");
        assertEquals("wanjiru", mark.path("by").asText());
        assertEquals("KE", mark.path("country").asText());
        assertEquals("wanjiru's organisation", mark.path("organisation").asText());
        assertFalse(mark.path("at").asText().isEmpty());
        assertTrue(auditActions(id).contains("wanjiru resource.validate null null"), auditActions(id).toString());
        String course = published("https://example.org/not-a-policy");
        assertProblem(http.post("/api/v1/resources/" + course + "/validate", "", "Authorization", kenyaNcp,
                "If-Match", etag(course, kenyaNcp)), 409, "conflict", "type");
    }

    /** A course of amina's organisation, published by the moderator; returns its id. */
    private static String published(String url) {
        Http.Response created = submit(amina, Records.course("Published course at " + url.substring(url.lastIndexOf('/') + 1), url));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        Http.Response approved = decide(id, 1, "approve", null, mona);
        assertEquals(200, approved.status(), approved.body());
        return id;
    }

    private static ObjectNode content(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove(List.of("id", "slug", "status", "regions", "created_at", "updated_at", "change_seq", "organisation_id", "validation"));
        return copy;
    }

    @Test
    void differentETagsForDifferentStates() {
        String id = published("https://example.org/etags-differ");
        String before = etag(id, amina);
        Http.Response edit = http.put("/api/v1/resources/" + id,
                Records.course("ETags differ, edited", "https://example.org/etags-differ").toString(), json(amina, "If-Match", before));
        assertEquals(200, edit.status(), edit.body());
        assertNotEquals(before, etag(id, amina));
        assertEquals(edit.header("ETag"), etag(id, amina));
    }
}
