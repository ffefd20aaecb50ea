package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI 3.1 description served at {@code /api/v1/openapi.json} against the running application: it names
 * exactly the routes Javalin registered, a real OpenAPI parser finds nothing wrong with it, every {@code $ref}
 * resolves, its record schemas are the seed-data JSON Schema, and real answers of every endpoint have a status,
 * media type, headers and body the document allows.
 */
class OpenApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static String token;
    private static String[] jsonAuth;
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** The fields the catalogue adds to a submission. */
    private static final Set<String> BOOKKEEPING = Set.of("status", "regions", "created_at", "updated_at", "change_seq");
    /** Bookkeeping a record carries only when it has it: its organisation, a member state's validation mark. */
    private static final Set<String> OPTIONAL_BOOKKEEPING = Set.of("organisation_id", "validation");
    private static final String DOCUMENT_URI = "https://clearinghouse.invalid/api/v1/openapi.json";

    private static Application app;
    private static Http http;
    private static Http.Response served;
    private static JsonNode doc;
    private static JsonSchemaFactory schemas;

    @BeforeAll
    static void start() throws IOException {
        app = POSTGRES.startApplication();
        token = new Accounts(POSTGRES).create("amina", Role.CONTRIBUTOR, "ministry", "KE").token();
        jsonAuth = new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
        http = new Http(app.port());
        served = http.get("/api/v1/openapi.json");
        assertEquals(200, served.status(), served.body());
        doc = Json.mapper().readTree(served.body());
        String text = served.body();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDocumentIsServedAsJsonFromTheClasspathCopy() throws IOException {
        assertEquals("application/json", mediaType(served));
        try (InputStream in = OpenApiController.class.getResourceAsStream(OpenApiController.RESOURCE)) {
            assertNotNull(in);
            assertArrayEquals(in.readAllBytes(), served.body().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals("/", doc.path("servers").path(0).path("url").asText(), "a relative server URL");
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationIsRegistered() {
        Set<String> registered = new TreeSet<>();
        app.routes().stream().filter(route -> !Routes.isWebPage(route.path()))
                .forEach(route -> registered.add(route.method().toUpperCase(Locale.ROOT) + " " + normalise(route.path())));
        Set<String> documented = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertTrue(registered.containsAll(List.of("GET /health", "POST /api/v1/resources", "GET /api/v1/resources/{idOrSlug}")),
                "Javalin's routes as seen: " + registered);
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unregistered = new TreeSet<>(documented);
        unregistered.removeAll(registered);
        assertTrue(undocumented.isEmpty() && unregistered.isEmpty(),
                "registered with Javalin but missing from openapi.json: " + undocumented
                        + "; in openapi.json but not registered: " + unregistered);
    }

    /** Javalin writes path parameters as {name} or <name>; OpenAPI as {name}. */
    private static String normalise(String path) {
        String p = path.replaceAll("<([^>]+)>", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void aRealOpenApiParserFindsNoErrorInTheServedDocument() {
        for (boolean resolve : new boolean[] {false, true}) {
            ParseOptions options = new ParseOptions();
            options.setResolve(resolve);
            options.setValidateInternalRefs(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
            assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                    "swagger-parser messages (resolve=" + resolve + ")");
            OpenAPI api = result.getOpenAPI();
            assertNotNull(api);
            assertEquals("3.1.0", api.getOpenapi());
            assertEquals(io.swagger.v3.oas.models.SpecVersion.V31, api.getSpecVersion());
            assertEquals(doc.path("paths").size(), api.getPaths().size());
            assertNotNull(api.getComponents().getSecuritySchemes().get("bearerAuth"));
            assertEquals(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP,
                    api.getComponents().getSecuritySchemes().get("bearerAuth").getType());
        }
    }

    @Test
    void everyReferenceResolvesInsideTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 50, "refs found: " + refs.size());
        List<String> broken = refs.stream().filter(ref -> !ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode())
                .distinct().toList();
        assertEquals(List.of(), broken, "references that do not resolve");
        // and nothing defined is left unused, so the components stay the API's
        Set<String> used = new HashSet<>(refs);
        List<String> unused = new ArrayList<>();
        for (String kind : List.of("schemas", "parameters", "responses", "headers")) {
            doc.path("components").path(kind).fieldNames().forEachRemaining(name -> {
                if (!used.contains("#/components/" + kind + "/" + name) && !name.equals("MethodNotAllowed")) {
                    unused.add(kind + "/" + name);
                }
            });
        }
        assertEquals(List.of(), unused, "components nothing refers to");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void everyOperationHasAnIdASummaryAndItsErrors() {
        Set<String> ids = new HashSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!HTTP_METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode op = operation.getValue();
            assertTrue(ids.add(op.path("operationId").asText()), name + ": missing or repeated operationId");
            assertFalse(op.path("summary").asText().isBlank(), name + ": no summary");
            List<String> statuses = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("2")), name + ": no success answer");
            assertTrue(statuses.contains("500"), name + ": no 500 problem");
            op.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = resolve(response.getValue()).path("content");
                    assertTrue(content.has("application/problem+json"), name + " " + response.getKey() + " is not a problem");
                }
            });
        }));
    }

    @Test
    void everyProblemTypeHasAReusableProblemResponse() {
        JsonNode responses = doc.path("components").path("responses");
        for (ProblemType type : ProblemType.values()) {
            boolean found = false;
            for (Iterator<JsonNode> it = responses.elements(); it.hasNext(); ) {
                JsonNode response = it.next();
                if (response.path("description").asText().contains("/problems/" + type.slug())
                        && response.path("content").has("application/problem+json")) {
                    found = true;
                }
            }
            assertTrue(found, "no reusable response for " + type + " (/problems/" + type.slug() + ")");
        }
        assertTrue(responses.path("Gone").path("description").asText().contains(WithdrawnProblem.TYPE));
        Set<String> problemFields = new TreeSet<>();
        doc.path("components").path("schemas").path("Problem").path("properties").fieldNames().forEachRemaining(problemFields::add);
        Set<String> recordFields = new TreeSet<>();
        for (var component : Problem.class.getRecordComponents()) {
            recordFields.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
        assertEquals(recordFields, problemFields, "Problem schema vs the Problem record");
    }

    @Test
    void theRecordSchemasAreTheSeedDataJsonSchema() throws IOException {
        JsonNode recordSchema;
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/schema/resource.schema.json")) {
            assertNotNull(in, "resource.schema.json on the classpath");
            recordSchema = Json.mapper().readTree(in);
        }
        JsonNode submission = doc.path("components").path("schemas").path("ResourceSubmission");
        JsonNode resource = doc.path("components").path("schemas").path("Resource");

        ObjectNode expected = inline(recordSchema.path("properties"), recordSchema).deepCopy();
        expected.remove("id");
        assertEquals(expected, inline(submission.path("properties"), doc), "ResourceSubmission.properties");
        assertEquals(recordSchema.path("required"), submission.path("required"));
        assertEquals(inline(recordSchema.path("allOf"), recordSchema), inline(submission.path("allOf"), doc));
        assertFalse(submission.path("additionalProperties").asBoolean(true));

        ObjectNode resourceProperties = inline(resource.path("properties"), doc).deepCopy();
        assertTrue(resourceProperties.has("id") && resourceProperties.has("slug"));
        assertEquals(inline(recordSchema.path("properties").path("id"), recordSchema), resourceProperties.path("id"));
        resourceProperties.remove(BOOKKEEPING);
        resourceProperties.remove(OPTIONAL_BOOKKEEPING);
        expected.set("id", inline(recordSchema.path("properties").path("id"), recordSchema));
        assertEquals(expected, resourceProperties, "Resource.properties without the bookkeeping");
        Set<String> required = new HashSet<>();
        resource.path("required").forEach(r -> required.add(r.asText()));
        recordSchema.path("required").forEach(r -> assertTrue(required.contains(r.asText()), "Resource requires " + r));
        assertTrue(required.containsAll(BOOKKEEPING));
        assertEquals(inline(recordSchema.path("allOf"), recordSchema), inline(resource.path("allOf"), doc));

        Set<String> statuses = new TreeSet<>();
        resource.path("properties").path("status").path("enum").forEach(s -> statuses.add(s.asText()));
        assertEquals(new TreeSet<>(List.of(Status.PENDING, Status.PUBLISHED, Status.CHANGES_REQUESTED, Status.REJECTED,
                Status.WITHDRAWN)), statuses);
    }

    /** The schema with every local $ref replaced by what it points to, and descriptions left out. */
    private static JsonNode inline(JsonNode node, JsonNode root) {
        if (node.isObject()) {
            ObjectNode out = Json.mapper().createObjectNode();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                JsonNode target = root.at(ref.asText().substring(1));
                assertFalse(target.isMissingNode(), ref.asText());
                out.setAll((ObjectNode) inline(target, root));
            }
            node.properties().forEach(field -> {
                if (!field.getKey().equals("$ref") && !field.getKey().equals("description")) {
                    out.set(field.getKey(), inline(field.getValue(), root));
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = Json.mapper().createArrayNode();
            node.forEach(child -> out.add(inline(child, root)));
            return out;
        }
        return node;
    }

    @Test
    void theParametersAreTheOnesTheCodeChecks() {
        JsonNode vocabularies = http.get("/api/v1/vocabularies").json();
        assertEquals(codes(vocabularies.path("types")), values(param("Type").path("schema").path("items").path("enum")));
        assertEquals(codes(vocabularies.path("regions")), values(param("Region").path("schema").path("items").path("enum")));
        assertEquals(codes(vocabularies.path("regions")),
                values(doc.at("/components/schemas/Resource/properties/regions/items/enum")));
        for (String path : List.of("/api/v1/search", "/api/v1/resources", "/feeds/atom")) {
            Set<String> names = new HashSet<>();
            doc.path("paths").path(path).path("get").path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
            for (String filter : SearchService.filterNames()) {
                assertTrue(names.contains(filter), path + " does not document the filter " + filter);
                JsonNode parameter = param(Character.toUpperCase(filter.charAt(0)) + filter.substring(1));
                assertEquals(filter, parameter.path("name").asText());
                assertEquals("array", parameter.path("schema").path("type").asText(), filter);
                assertTrue(parameter.path("explode").asBoolean(), filter);
            }
            assertTrue(names.containsAll(List.of("q", "lang", "year_from", "year_to", "open")), path + ": " + names);
        }
        JsonNode search = doc.at("/paths/~1api~1v1~1search/get");
        JsonNode limit = param("Limit").path("schema");
        assertEquals(1, limit.path("minimum").asInt());
        assertEquals(100, limit.path("maximum").asInt());
        assertEquals(Set.of("relevance", "newest", "oldest", "title"), values(param("Sort").path("schema").path("enum")));
        JsonNode format = null;
        for (JsonNode p : search.path("parameters")) {
            if (resolve(p).path("name").asText().equals("format")) {
                format = resolve(p);
            }
        }
        assertNotNull(format);
        assertEquals(Set.of("json", "csv", "jsonl"), values(format.path("schema").path("enum")));
        assertEquals(Set.of("application/json", "text/csv", "application/x-ndjson"),
                names(search.at("/responses/200/content")));
    }

    private static JsonNode param(String name) {
        JsonNode parameter = doc.path("components").path("parameters").path(name);
        assertFalse(parameter.isMissingNode(), "parameter component " + name);
        return parameter;
    }

    private static Set<String> codes(JsonNode vocabulary) {
        Set<String> codes = new TreeSet<>();
        vocabulary.forEach(entry -> codes.add(entry.path("code").asText()));
        return codes;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theSearchExampleHasTheTopLevelKeysOfTheRealAnswer() {
        assertTrue(waitFor(() -> http.get("/api/v1/search?q=teachers&limit=1").json().path("total").asLong() > 0));
        JsonNode real = http.get("/api/v1/search?q=teachers&limit=1").json();
        JsonNode examples = doc.at("/paths/~1api~1v1~1search/get/responses/200/content/application~1json/examples");
        assertTrue(examples.size() >= 1, "the search has an example");
        for (JsonNode example : examples) {
            JsonNode value = example.path("value");
            assertEquals(orderedNames(real), orderedNames(value), "top-level keys of the example vs the real answer");
            assertEquals(names(real.path("facets")), names(value.path("facets")), "facet dimensions");
            // the example shows every field of a result; real results leave out the ones they have no value for
            Set<String> resultFields = names(doc.at("/components/schemas/ResultSummary/properties"));
            assertEquals(resultFields, names(value.path("results").path(0)), "keys of the example's result");
            real.path("results").forEach(result -> assertTrue(resultFields.containsAll(names(result)), names(result).toString()));
            assertSchema("#/components/schemas/SearchResponse", value, "the example");
        }
        assertEquals(names(real), names(doc.at("/components/schemas/SearchResponse/properties")));
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> checked = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String base = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
            bases.add(base + "/requestBody");
            operation.getValue().path("responses").fieldNames().forEachRemaining(status -> bases.add(base + "/responses/" + status));
        }));
        doc.path("components").path("responses").fieldNames().forEachRemaining(name -> bases.add("/components/responses/" + name));
        for (String base : bases) {
            doc.at(base).path("content").properties().forEach(media -> {
                String schema = "#" + base + "/content/" + escape(media.getKey()) + "/schema";
                if (media.getValue().has("example")) {
                    assertSchema(schema, media.getValue().get("example"), base + " example");
                    checked.add(base);
                }
                media.getValue().path("examples").properties().forEach(example -> {
                    assertSchema(schema, example.getValue().path("value"), base + " example " + example.getKey());
                    checked.add(base + " " + example.getKey());
                });
            });
        }
        assertTrue(checked.size() >= 4, "examples checked: " + checked);
    }

    private static List<String> orderedNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void realAnswersOfEveryEndpointMatchTheDocument() {
        String beijing = "/api/v1/resources/beijing-consensus-ai-education-2019";
        check("GET", "/health", http.get("/health"), 200);
        check("GET", "/api/v1/vocabularies", http.get("/api/v1/vocabularies"), 200);
        check("GET", "/api/v1/openapi.json", served, 200);
        check("GET", "/api/v1/search", http.get("/api/v1/search?q=teachers&type=policy&type=course&limit=5"), 200);
        check("GET", "/api/v1/search", http.get("/api/v1/search?q=teachers&format=csv"), 200);
        check("GET", "/api/v1/search", http.get("/api/v1/search?q=teachers&format=jsonl"), 200);
        check("GET", "/api/v1/search", http.get("/api/v1/search?limit=0"), 400);
        check("GET", "/api/v1/suggest", http.get("/api/v1/suggest?q=gener&lang=en"), 200);
        check("GET", "/api/v1/suggest", http.get("/api/v1/suggest"), 400);
        check("GET", "/api/v1/resources/{idOrSlug}", http.get(beijing), 200);
        check("GET", "/api/v1/resources/{idOrSlug}", http.get(beijing + "?format=jsonld"), 200);
        check("GET", "/api/v1/resources/{idOrSlug}", http.get(beijing + "?format=xml"), 400);
        check("GET", "/api/v1/resources/{idOrSlug}", http.get("/api/v1/resources/no-such-record"), 404);
        check("GET", "/api/v1/resources/{idOrSlug}/related", http.get(beijing + "/related?limit=5"), 200);
        check("GET", "/api/v1/resources/{idOrSlug}/related", http.get("/api/v1/resources/no-such-record/related"), 404);
        check("GET", "/oai", http.get("/oai?verb=Identify"), 200);
        check("POST", "/oai", http.post("/oai", "verb=ListSets", "Content-Type", "application/x-www-form-urlencoded"), 200);
        Http.Response feed = http.get("/feeds/atom?type=policy");
        check("GET", "/feeds/atom", feed, 200);
        check("GET", "/feeds/atom", http.get("/feeds/atom?type=policy", "If-None-Match", feed.header("ETag")), 304);
        check("GET", "/feeds/atom", http.get("/feeds/atom?type=nonsense"), 400);
        check("GET", "/sitemap.xml", http.get("/sitemap.xml"), 200);
        check("GET", "/sitemaps/{part}", http.get("/sitemaps/1.xml"), 404);
        check("GET", "/robots.txt", http.get("/robots.txt"), 200);

        // every published record, through the listing's pages, is a Resource as documented
        String cursor = null;
        int records = 0;
        do {
            Http.Response page = http.get("/api/v1/resources?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            check("GET", "/api/v1/resources", page, 200);
            records += page.json().path("results").size();
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
        } while (cursor != null);
        assertTrue(records > 50, "records listed: " + records);
        check("GET", "/api/v1/resources", http.get("/api/v1/resources?country=XX1"), 400);

        // submission: created, conflicting, invalid, unauthenticated, too large, not JSON, unreadable
        ObjectNode record = Records.course("OpenAPI course", "https://example.org/openapi-course");
        Http.Response created = http.post("/api/v1/resources", record.toString(), jsonAuth);
        check("POST", "/api/v1/resources", created, 201);
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", record.toString(), jsonAuth), 409);
        ObjectNode invalid = record.deepCopy();
        invalid.remove("course");
        invalid.put("url", "https://example.org/another-openapi-course");
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", invalid.toString(), jsonAuth), 422);
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", record.toString(), "Content-Type", "application/json"), 401);
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", "<record/>", "Authorization", "Bearer " + token,
                "Content-Type", "application/xml"), 415);
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", "{\"type\":", jsonAuth), 400);
        check("POST", "/api/v1/resources", http.post("/api/v1/resources", new byte[2 * 1024 * 1024], jsonAuth), 413);

        workflowAnswersMatchTheDocument(created.json().path("id").asText(), record);
    }

    private static void workflowAnswersMatchTheDocument(String id, ObjectNode record) {
        String moderator = new Accounts(POSTGRES).create("mona", Role.MODERATOR, "international_organisation", null).bearer();
        String stranger = new Accounts(POSTGRES).create("chen", Role.CONTRIBUTOR, "university", "CN").bearer();
        String ncp = new Accounts(POSTGRES).create("wanjiru", Role.CONTRIBUTOR, "national_contact_point", "KE").bearer();
        String r = "/api/v1/resources/" + id;
        String tag = http.get(r, "Authorization", "Bearer " + token).header("ETag");
        String[] mod = {"Authorization", moderator, "Content-Type", "application/json"};
        check("GET", "/api/v1/resources/{idOrSlug}/revisions", http.get(r + "/revisions", "Authorization", "Bearer " + token), 200);
        check("GET", "/api/v1/resources/{idOrSlug}/revisions", http.get(r + "/revisions"), 401);
        check("GET", "/api/v1/resources/{idOrSlug}/revisions", http.get(r + "/revisions", "Authorization", stranger), 404);
        check("GET", "/api/v1/moderation/queue", http.get("/api/v1/moderation/queue?type=course", "Authorization", moderator), 200);
        check("GET", "/api/v1/moderation/queue", http.get("/api/v1/moderation/queue", "Authorization", "Bearer " + token), 403);
        check("GET", "/api/v1/moderation/queue", http.get("/api/v1/moderation/queue?limit=0", "Authorization", moderator), 400);
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/request-changes",
                http.post(r + "/revisions/1/request-changes", "{}", withIfMatch(mod, tag)), 422);
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/request-changes",
                http.post(r + "/revisions/1/request-changes", "{\"comment\":\"Add a French summary.\"}", mod), 428);
        Http.Response requested = http.post(r + "/revisions/1/request-changes", "{\"comment\":\"Add a French summary.\"}", withIfMatch(mod, tag));
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/request-changes", requested, 200);
        check("GET", "/api/v1/submissions", http.get("/api/v1/submissions?mine=true", "Authorization", "Bearer " + token), 200);
        check("GET", "/api/v1/submissions", http.get("/api/v1/submissions?mine=maybe", "Authorization", "Bearer " + token), 400);
        ObjectNode resubmission = Json.mapper().createObjectNode().put("reply", "Added.");
        resubmission.set("record", record);
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/resubmit", http.post(r + "/revisions/1/resubmit",
                resubmission.toString(), withIfMatch(jsonAuth, tag)), 412);
        Http.Response resubmitted = http.post(r + "/revisions/1/resubmit", resubmission.toString(),
                withIfMatch(jsonAuth, requested.header("ETag")));
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/resubmit", resubmitted, 200);
        check("GET", "/api/v1/resources/{idOrSlug}/revisions/{n}/diff", http.get(r + "/revisions/2/diff",
                "Authorization", moderator), 200);
        check("GET", "/api/v1/resources/{idOrSlug}/revisions/{n}", http.get(r + "/revisions/2", "Authorization", moderator), 200);
        check("GET", "/api/v1/resources/{idOrSlug}/revisions/{n}", http.get(r + "/revisions/7", "Authorization", moderator), 404);
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/reject", http.post(r + "/revisions/2/reject", "{}",
                withIfMatch(jsonAuth, resubmitted.header("ETag"))), 403);
        Http.Response approved = http.post(r + "/revisions/2/approve", "{}", withIfMatch(mod, resubmitted.header("ETag")));
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/approve", approved, 200);
        check("PUT", "/api/v1/resources/{idOrSlug}", http.put(r, record.toString(), withIfMatch(new String[] {
                "Authorization", stranger, "Content-Type", "application/json"}, approved.header("ETag"))), 403);
        Http.Response edited = http.put(r, record.toString(), withIfMatch(jsonAuth, approved.header("ETag")));
        check("PUT", "/api/v1/resources/{idOrSlug}", edited, 200);
        check("POST", "/api/v1/resources/{idOrSlug}/revisions/{n}/reject", http.post(r + "/revisions/3/reject",
                "{\"comment\":\"No change in substance.\"}", withIfMatch(mod, edited.header("ETag"))), 200);
        check("POST", "/api/v1/resources/{idOrSlug}/validate", http.post(r + "/validate", "", "Authorization", ncp,
                "If-Match", "*"), 409);
        Http.Response withdrawn = http.post(r + "/withdraw", "{\"comment\":\"Gone.\"}", withIfMatch(mod, "*"));
        check("POST", "/api/v1/resources/{idOrSlug}/withdraw", withdrawn, 200);

        Http.Response template = http.get("/api/v1/imports/template.csv");
        check("GET", "/api/v1/imports/template.csv", template, 200);
        check("POST", "/api/v1/imports", http.post("/api/v1/imports", template.body(), "Authorization", "Bearer " + token,
                "Content-Type", "text/csv"), 200);
        check("POST", "/api/v1/imports", http.post("/api/v1/imports", "{}", "Authorization", "Bearer " + token,
                "Content-Type", "application/x-ndjson"), 200);
        check("POST", "/api/v1/imports", http.post("/api/v1/imports", "a,b\n", "Authorization", "Bearer " + token,
                "Content-Type", "text/csv"), 422);
        check("POST", "/api/v1/imports", http.post("/api/v1/imports", "x", "Content-Type", "text/csv"), 401);
        check("POST", "/api/v1/imports", http.post("/api/v1/imports", "x", "Authorization", "Bearer " + token,
                "Content-Type", "text/plain"), 415);
    }

    private static String[] withIfMatch(String[] headers, String tag) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "If-Match";
        all[headers.length + 1] = tag;
        return all;
    }

    @Test
    void realAnswersOfTheAccountEndpointsMatchTheDocument() {
        org.clearinghouse.server.support.Accounts.TestAccount admin = new org.clearinghouse.server.support.Accounts(POSTGRES)
                .create("openapi-admin", org.clearinghouse.server.auth.Role.ADMIN, "international_organisation", null);
        String[] asAdmin = {"Authorization", admin.bearer(), "Content-Type", "application/json"};
        Http.Response org = http.post("/api/v1/admin/organisations", "{\"name\":\"OpenAPI ministry\",\"kind\":\"ministry\",\"country\":\"KE\"}", asAdmin);
        check("POST", "/api/v1/admin/organisations", org, 201);
        check("POST", "/api/v1/admin/organisations", http.post("/api/v1/admin/organisations", "{\"name\":\"OpenAPI ministry\",\"kind\":\"ministry\"}", asAdmin), 409);
        check("POST", "/api/v1/admin/organisations", http.post("/api/v1/admin/organisations", "{\"kind\":\"club\"}", asAdmin), 422);
        check("GET", "/api/v1/admin/organisations", http.get("/api/v1/admin/organisations", asAdmin), 200);
        long orgId = org.json().path("id").asLong();
        check("GET", "/api/v1/admin/organisations/{id}", http.get("/api/v1/admin/organisations/" + orgId, asAdmin), 200);
        check("GET", "/api/v1/admin/organisations/{id}", http.get("/api/v1/admin/organisations/987654", asAdmin), 404);
        Http.Response account = http.post("/api/v1/admin/accounts", "{\"organisation_id\":" + orgId + ",\"username\":\"openapi-user\","
                + "\"display_name\":\"OpenAPI user\",\"email\":\"u@example.org\",\"role\":\"contributor\",\"password\":\"openapi long password\"}", asAdmin);
        check("POST", "/api/v1/admin/accounts", account, 201);
        long id = account.json().path("id").asLong();
        check("GET", "/api/v1/admin/accounts", http.get("/api/v1/admin/accounts?organisation_id=" + orgId, asAdmin), 200);
        check("GET", "/api/v1/admin/accounts/{id}", http.get("/api/v1/admin/accounts/" + id, asAdmin), 200);
        check("PATCH", "/api/v1/admin/accounts/{id}", http.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"role\":\"moderator\"}", asAdmin), 200);
        check("POST", "/api/v1/admin/accounts/{id}/password", http.post("/api/v1/admin/accounts/" + id + "/password",
                "{\"password\":\"another long password\"}", asAdmin), 204);

        String credentials = "{\"username\":\"openapi-user\",\"password\":\"another long password\"}";
        check("POST", "/api/v1/session", http.post("/api/v1/session", "{\"username\":\"openapi-user\",\"password\":\"not the password\"}",
                "Content-Type", "application/json"), 401);
        Http.Response signIn = http.post("/api/v1/session", credentials, "Content-Type", "application/json");
        check("POST", "/api/v1/session", signIn, 200);
        String cookie = signIn.header("Set-Cookie").split(";")[0];
        String csrf = signIn.json().path("csrf_token").asText();
        check("GET", "/api/v1/session", http.get("/api/v1/session", "Cookie", cookie), 200);
        Http.Response token = http.post("/api/v1/tokens", "{\"name\":\"openapi\"}", "Cookie", cookie, "X-CSRF-Token", csrf,
                "Content-Type", "application/json");
        check("POST", "/api/v1/tokens", token, 201);
        check("POST", "/api/v1/tokens", http.post("/api/v1/tokens", "{\"name\":\"openapi\"}", "Cookie", cookie,
                "Content-Type", "application/json"), 403);
        String bearer = "Bearer " + token.json().path("token").asText();
        check("GET", "/api/v1/tokens", http.get("/api/v1/tokens", "Authorization", bearer), 200);
        check("GET", "/api/v1/session", http.get("/api/v1/session", "Authorization", bearer), 200);
        check("GET", "/api/v1/audit", http.get("/api/v1/audit?limit=500", asAdmin), 200);
        check("GET", "/api/v1/audit", http.get("/api/v1/audit", "Authorization", bearer), 403);
        check("GET", "/api/v1/audit", http.get("/api/v1/audit"), 401);
        check("GET", "/api/v1/audit", http.get("/api/v1/audit?limit=0", asAdmin), 400);
        check("DELETE", "/api/v1/tokens/{id}", http.method("DELETE", "/api/v1/tokens/" + token.json().path("id").asLong(),
                "Authorization", bearer), 204);
        check("DELETE", "/api/v1/session", http.method("DELETE", "/api/v1/session", "Cookie", cookie, "X-CSRF-Token", csrf), 204);
    }

    /**
     * The answer's status is one the operation lists; its media type is one that status lists; headers the
     * document requires are there; and a JSON body is valid against the schema the document gives it.
     */
    private static void check(String method, String template, Http.Response response, int expectedStatus) {
        String name = method + " " + template + " → " + response.status();
        assertEquals(expectedStatus, response.status(), name + ": " + abbreviate(response.body()));
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + response.status();
        JsonNode documented = doc.at(pointer);
        assertFalse(documented.isMissingNode(), name + ": the document does not list this status");
        if (documented.has("$ref")) {
            pointer = documented.get("$ref").asText().substring(1);
            documented = doc.at(pointer);
        }
        documented.path("headers").properties().forEach(header -> {
            if (resolve(header.getValue()).path("required").asBoolean()) {
                assertNotNull(response.header(header.getKey()), name + ": no " + header.getKey() + " header");
            }
        });
        if (!documented.has("content")) {
            assertTrue(response.body().isEmpty(), name + ": a body the document does not describe");
            return;
        }
        String mediaType = mediaType(response);
        assertTrue(documented.path("content").has(mediaType), name + ": " + mediaType + " is not among "
                + names(documented.path("content")));
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
            assertSchema("#" + schemaPointer, response.json(), name);
        } else if (mediaType.equals("application/x-ndjson")) {
            // the document says: one Resource per line
            String[] lines = response.body().split("\n");
            assertTrue(lines.length > 0 && !lines[0].isBlank(), name + ": no lines");
            for (String line : lines) {
                assertSchema("#/components/schemas/Resource", parse(line), name + " (a line)");
            }
        }
    }

    private static void assertSchema(String fragment, JsonNode value, String what) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + fragment), config);
        Set<ValidationMessage> errors = schema.validate(value);
        assertTrue(errors.isEmpty(), what + " does not match " + fragment + ": "
                + errors.stream().map(ValidationMessage::toString).limit(20).collect(Collectors.joining("; ")));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + abbreviate(json), e);
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asText().substring(1));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String mediaType(Http.Response response) {
        String contentType = response.header("Content-Type");
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    private static boolean waitFor(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
