package org.clearinghouse.server.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.RdfNQuad;
import com.apicatalog.rdf.RdfValue;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema.org JSON-LD of one record of each type, fetched over HTTP from the running application, expanded
 * and turned into RDF by a real JSON-LD 1.1 processor (Titanium), whose document loader serves a trimmed copy of
 * the schema.org context from the test resources (jsonld/schemaorg-context.jsonld: no network at test time).
 * The assertions are on the resulting triples: exact type IRIs, property IRIs and literal values with their
 * datatypes and language tags.
 */
class SchemaOrgJsonLdTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String SITE = "https://clearinghouse.example";
    private static final String S = "http://schema.org/";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final DocumentLoader OFFLINE = (uri, options) -> {
        if (uri.getHost() != null && uri.getHost().equals("schema.org")) {
            try (InputStream in = SchemaOrgJsonLdTest.class.getResourceAsStream("/jsonld/schemaorg-context.jsonld")) {
                JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
                document.setDocumentUrl(uri);
                return document;
            } catch (IOException e) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
            }
        }
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in tests: " + uri);
    };

    private static Application app;
    private static Http http;
    private static Resource course;
    private static Resource tool;
    private static Resource policy;
    private static Resource regulation;
    private static Resource practice;

    @BeforeAll
    static void start() throws Exception {
        ResourceRepository repository = new ResourceRepository(POSTGRES.database().dsl(), FiveRecords.MAPPER);
        course = FiveRecords.publish(repository, FiveRecords.course(), "ai-for-teachers-in-kenya");
        tool = FiveRecords.publish(repository, FiveRecords.tool(), "open-tutor");
        policy = FiveRecords.publish(repository, FiveRecords.policy(), "kenya-ai-strategy");
        regulation = FiveRecords.publish(repository, FiveRecords.regulation(), "eu-ai-act");
        practice = FiveRecords.publish(repository, FiveRecords.practice(), "ai-assistants-india");
        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_PUBLIC_URL", SITE + "/");
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The record's JSON-LD as RDF triples, after checking how it is served. */
    private static Graph graph(Resource resource) throws JsonLdError {
        Http.Response response = http.get("/api/v1/resources/" + resource.slug(), "Accept", "application/ld+json");
        assertEquals(200, response.status(), response.body());
        assertEquals("application/ld+json", response.header("Content-Type").split(";")[0]);
        assertEquals(SchemaOrgMapper.CONTEXT, response.json().path("@context").asText());
        return new Graph(JsonLd.toRdf(JsonDocument.of(new StringReader(response.body()))).loader(OFFLINE).get().toList());
    }

    private static String iri(Resource resource) {
        return SITE + "/api/v1/resources/" + resource.id();
    }

    @Test
    void aCourseIsASchemaOrgCourseWithLrmiProperties() throws JsonLdError {
        Graph g = graph(course);
        String c = iri(course);
        assertEquals(Set.of(S + "Course"), g.iris(c, RDF_TYPE));
        assertEquals(Set.of("\"AI for teachers in Kenya\"@en", "\"L'IA pour les enseignants au Kenya\"@fr"), g.literals(c, S + "name"));
        assertEquals(Set.of("\"A free course introducing teachers to artificial intelligence in the classroom.\"@en",
                "\"Un cours gratuit sur l'IA en classe.\"@fr"), g.literals(c, S + "description"));
        assertEquals(Set.of("\"urn:uuid:" + course.id() + "\""), g.literals(c, S + "identifier"));
        assertEquals(Set.of("https://example.org/ai-teachers-kenya"), g.iris(c, S + "url"));
        assertEquals(Set.of(SITE + "/api/v1/resources/ai-for-teachers-in-kenya"), g.iris(c, S + "sameAs"));
        assertEquals(Set.of("https://spdx.org/licenses/CC-BY-4.0.html"), g.iris(c, S + "license"));
        assertEquals(Set.of("\"en\"", "\"sw\""), g.literals(c, S + "inLanguage"));
        assertEquals(Set.of("\"true\"^^<" + XSD + "boolean>"), g.literals(c, S + "isAccessibleForFree"));
        assertEquals(Set.of("\"2024-03\"^^<" + S + "Date>"), g.literals(c, S + "datePublished"));

        String provider = g.node(c, S + "provider");
        assertEquals(Set.of(S + "Organization"), g.iris(provider, RDF_TYPE));
        assertEquals(Set.of("\"Example University Online\""), g.literals(provider, S + "name"));
        assertEquals(Set.of("\"Example University\""), g.literals(g.node(c, S + "publisher"), S + "name"));

        String instance = g.node(c, S + "hasCourseInstance");
        assertEquals(Set.of(S + "CourseInstance"), g.iris(instance, RDF_TYPE));
        assertEquals(Set.of("\"self-paced\""), g.literals(instance, S + "courseMode"));
        assertEquals(Set.of("\"PT12H\""), g.literals(instance, S + "courseWorkload"));

        String credential = g.node(c, S + "educationalCredentialAwarded");
        assertEquals(Set.of(S + "EducationalOccupationalCredential"), g.iris(credential, RDF_TYPE));
        assertEquals(Set.of("\"certificate\""), g.literals(credential, S + "credentialCategory"));
        assertEquals(Set.of("\"Paid\""), g.literals(g.node(credential, S + "offers"), S + "category"));
        assertEquals(Set.of("\"Free\""), g.literals(g.node(c, S + "offers"), S + "category"));

        // educationalLevel: the ISCED level as a DefinedTerm named in every language, and the course's own level
        assertEquals(Set.of("\"beginner\""), g.literals(c, S + "educationalLevel"));
        String isced = g.node(c, S + "educationalLevel");
        assertEquals(Set.of(S + "DefinedTerm"), g.iris(isced, RDF_TYPE));
        assertEquals(Set.of("\"2\""), g.literals(isced, S + "termCode"));
        assertEquals(Set.of(SchemaOrgMapper.ISCED), g.iris(isced, S + "inDefinedTermSet"));
        assertTrue(g.literals(isced, S + "name").containsAll(Set.of("\"Lower secondary education\"@en",
                "\"Premier cycle de l'enseignement secondaire\"@fr")), g.literals(isced, S + "name").toString());

        String audience = g.node(c, S + "audience");
        assertEquals(Set.of(S + "EducationalAudience"), g.iris(audience, RDF_TYPE));
        assertEquals(Set.of("\"teacher\""), g.literals(audience, S + "educationalRole"));

        assertEquals(Set.of("\"AI to empower teaching and teachers\"", "\"prompting\""), g.literals(c, S + "teaches"),
                "teaches: the themes' English labels and the keywords");

        // about: the theme (named in every language) and the SDG 4 target
        Map<String, String> about = g.nodes(c, S + "about").stream()
                .collect(Collectors.toMap(n -> g.literals(n, S + "termCode").iterator().next(), n -> n));
        assertEquals(Set.of("\"teaching_teachers\"", "\"4.c\""), about.keySet());
        String theme = about.get("\"teaching_teachers\"");
        assertEquals(Set.of(S + "DefinedTerm"), g.iris(theme, RDF_TYPE));
        assertEquals(Set.of(SITE + "/api/v1/vocabularies#themes"), g.iris(theme, S + "inDefinedTermSet"));
        assertTrue(g.literals(theme, S + "name").contains("\"AI to empower teaching and teachers\"@en"));
        assertTrue(g.literals(theme, S + "name").stream().anyMatch(l -> l.endsWith("@zh")));
        assertEquals(Set.of(SchemaOrgMapper.SDG4), g.iris(about.get("\"4.c\""), S + "inDefinedTermSet"));

        String kenya = g.node(c, S + "spatialCoverage");
        assertEquals(Set.of(S + "Country"), g.iris(kenya, RDF_TYPE));
        assertEquals(Set.of("\"Kenya\""), g.literals(kenya, S + "name"));
        String code = g.node(kenya, S + "identifier");
        assertEquals(Set.of(S + "PropertyValue"), g.iris(code, RDF_TYPE));
        assertEquals(Set.of("\"ISO 3166-1 alpha-2\""), g.literals(code, S + "propertyID"));
        assertEquals(Set.of("\"KE\""), g.literals(code, S + "value"));
    }

    @Test
    void aToolIsASoftwareApplicationWithItsSourceCode() throws JsonLdError {
        Graph g = graph(tool);
        String t = iri(tool);
        assertEquals(Set.of(S + "SoftwareApplication"), g.iris(t, RDF_TYPE));
        assertEquals(Set.of("\"EducationalApplication\""), g.literals(t, S + "applicationCategory"));
        assertEquals(Set.of("\"Web browser\"", "\"Android\""), g.literals(t, S + "operatingSystem"));
        assertEquals(Set.of("https://spdx.org/licenses/MIT.html"), g.iris(t, S + "license"));
        assertEquals(Set.of("\"true\"^^<" + XSD + "boolean>"), g.literals(t, S + "isAccessibleForFree"));
        assertEquals(Set.of("\"13-\""), g.literals(t, S + "typicalAgeRange"));
        assertEquals(Set.of("\"2023-09-01\"^^<" + S + "Date>"), g.literals(t, S + "datePublished"));
        // codeRepository is a property of SoftwareSourceCode: the source code's targetProduct is the tool
        List<String> sources = g.subjects(S + "targetProduct", t);
        assertEquals(1, sources.size());
        assertEquals(Set.of(S + "SoftwareSourceCode"), g.iris(sources.get(0), RDF_TYPE));
        assertEquals(Set.of("https://github.com/example/open-tutor"), g.iris(sources.get(0), S + "codeRepository"));
        assertEquals(Set.of("\"student\""), g.literals(g.node(t, S + "audience"), S + "educationalRole"));
        assertTrue(g.iris(t, S + "spatialCoverage").isEmpty() && g.nodes(t, S + "spatialCoverage").isEmpty());
    }

    @Test
    void aRegulationIsLegislationInForce() throws JsonLdError {
        Graph g = graph(regulation);
        String r = iri(regulation);
        assertEquals(Set.of(S + "Legislation"), g.iris(r, RDF_TYPE));
        assertEquals(Set.of("\"Regulation (EU) 2024/1689\""), g.literals(r, S + "legislationIdentifier"));
        assertEquals(Set.of("\"2024-06-13\"^^<" + S + "Date>"), g.literals(r, S + "legislationDate"));
        assertEquals(Set.of(S + "InForce"), g.iris(r, S + "legislationLegalForce"));
        String passedBy = g.node(r, S + "legislationPassedBy");
        assertEquals(Set.of(S + "Organization"), g.iris(passedBy, RDF_TYPE));
        assertEquals(Set.of("\"European Parliament and Council of the European Union\""), g.literals(passedBy, S + "name"));
        assertEquals(Set.of("\"Artificial Intelligence Act\"@en", "\"Règlement sur l'intelligence artificielle\"@fr"),
                g.literals(r, S + "name"));

        // the EU is an administrative area named by the body vocabulary; France a country with its ISO code
        for (String property : List.of("legislationJurisdiction", "spatialCoverage")) {
            Map<String, String> places = g.nodes(r, S + property).stream()
                    .collect(Collectors.toMap(n -> g.literals(g.node(n, S + "identifier"), S + "value").iterator().next(), n -> n));
            assertEquals(Set.of("\"EU\"", "\"FR\""), places.keySet(), property);
            assertEquals(Set.of(S + "AdministrativeArea"), g.iris(places.get("\"EU\""), RDF_TYPE));
            assertEquals(Set.of("\"European Union\""), g.literals(places.get("\"EU\""), S + "name"));
            assertEquals(Set.of(S + "Country"), g.iris(places.get("\"FR\""), RDF_TYPE));
            assertEquals(Set.of("\"France\""), g.literals(places.get("\"FR\""), S + "name"));
        }
        assertEquals(Set.of("\"developer\"", "\"policymaker\""), g.nodes(r, S + "audience").stream()
                .flatMap(a -> g.literals(a, S + "educationalRole").stream()).collect(Collectors.toSet()));
    }

    @Test
    void aPolicyIsACreativeWorkWithItsInstrumentAndAuthor() throws JsonLdError {
        Graph g = graph(policy);
        String p = iri(policy);
        assertEquals(Set.of(S + "CreativeWork"), g.iris(p, RDF_TYPE));
        assertEquals(Set.of("\"Strategy\""), g.literals(p, S + "genre"));
        assertEquals(Set.of("\"In force\""), g.literals(p, S + "creativeWorkStatus"));
        assertEquals(Set.of("\"Ministry of Education\""), g.literals(g.node(p, S + "author"), S + "name"));
        assertEquals(Set.of("\"2025\"^^<" + S + "Date>"), g.literals(p, S + "datePublished"));
        assertTrue(g.iris(p, S + "license").isEmpty(), "an unknown licence is left out, not invented");
        assertTrue(g.literals(p, S + "isAccessibleForFree").isEmpty(), "unknown, so not stated");
        assertEquals(Set.of("\"policymaker\""), g.literals(g.node(p, S + "audience"), S + "educationalRole"));
        assertEquals(Set.of(S + "Country"), g.iris(g.node(p, S + "spatialCoverage"), RDF_TYPE));
    }

    @Test
    void aPracticeIsAReport() throws JsonLdError {
        Graph g = graph(practice);
        String p = iri(practice);
        assertEquals(Set.of(S + "Report"), g.iris(p, RDF_TYPE));
        assertEquals(Set.of("\"Case study\""), g.literals(p, S + "genre"));
        assertEquals(Set.of("https://spdx.org/licenses/CC-BY-SA-4.0.html"), g.iris(p, S + "license"));
        assertEquals(Set.of("\"true\"^^<" + XSD + "boolean>"), g.literals(p, S + "isAccessibleForFree"));
        assertEquals(Set.of("\"en\"", "\"hi\""), g.literals(p, S + "inLanguage"));
        assertEquals(Set.of("\"India\""), g.literals(g.node(p, S + "spatialCoverage"), S + "name"));
    }

    @Test
    void theExpandedFormCarriesTheSameTypesAndIdentifiers() throws JsonLdError {
        Map<Resource, String> types = Map.of(course, "Course", tool, "SoftwareApplication", policy, "CreativeWork",
                regulation, "Legislation", practice, "Report");
        for (Map.Entry<Resource, String> expected : types.entrySet()) {
            Http.Response response = http.get("/api/v1/resources/" + expected.getKey().id() + "?format=jsonld");
            assertEquals("application/ld+json", response.header("Content-Type").split(";")[0]);
            JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(response.body()))).loader(OFFLINE).get();
            assertEquals(1, expanded.size());
            JsonObject node = expanded.getJsonObject(0);
            assertEquals(iri(expected.getKey()), node.getString("@id"));
            assertEquals(List.of(S + expected.getValue()), node.getJsonArray("@type").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList());
            assertTrue(node.containsKey(S + "name") && node.containsKey(S + "about") && node.containsKey(S + "audience"),
                    node.keySet().toString());
        }
    }

    /**
     * Every resource page (in every interface language) carries one JSON-LD block, and a JSON-LD processor turns
     * it into exactly the statements of the API's JSON-LD for that record.
     */
    @Test
    void eachResourcePageCarriesJsonLdThatExpandsToTheRecordsStatements() throws JsonLdError {
        for (Resource resource : List.of(course, tool, policy, regulation, practice)) {
            List<String> fromApi = graph(resource).statements();
            for (String lang : List.of("en", "fr", "ar", "zh")) {
                Http.Response page = http.get("/" + lang + "/resources/" + resource.slug());
                assertEquals(200, page.status(), lang + " page of " + resource.slug());
                org.jsoup.select.Elements blocks = org.jsoup.Jsoup.parse(page.body()).select("script[type=application/ld+json]");
                assertEquals(1, blocks.size(), "one JSON-LD block on the " + lang + " page of " + resource.slug());
                Graph fromPage = new Graph(JsonLd.toRdf(JsonDocument.of(new StringReader(blocks.get(0).data())))
                        .loader(OFFLINE).get().toList());
                assertEquals(fromApi, fromPage.statements(), lang + " page of " + resource.slug());
                assertTrue(fromPage.iris(iri(resource), RDF_TYPE).stream().allMatch(t -> t.startsWith(S)));
            }
        }
    }

    @Test
    void everyTermTheMappingWritesIsInTheShippedContext() throws Exception {
        JsonNode context = FiveRecords.MAPPER.readTree(getClass().getResourceAsStream("/jsonld/schemaorg-context.jsonld"))
                .path("@context");
        Set<String> used = new TreeSet<>();
        for (Resource resource : List.of(course, tool, policy, regulation, practice)) {
            collectTerms(http.get("/api/v1/resources/" + resource.id() + "?format=jsonld").json(), used);
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(context::has);
        assertEquals(Set.of(), missing, "terms to add to jsonld/schemaorg-context.jsonld, with schema.org's coercion");
    }

    private static void collectTerms(JsonNode node, Set<String> terms) {
        if (node.isArray()) {
            node.forEach(n -> collectTerms(n, terms));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().startsWith("@")) {
                    terms.add(field.getKey());
                }
                if (field.getKey().equals("@type") && field.getValue().isTextual()) {
                    terms.add(field.getValue().asText());
                }
                collectTerms(field.getValue(), terms);
            }
        }
    }

    @Test
    void jsonStaysTheDefaultAndNegotiationFollowsTheAcceptHeader() {
        String path = "/api/v1/resources/" + course.slug();
        Http.Response plain = http.get(path);
        assertEquals("application/json", plain.header("Content-Type").split(";")[0]);
        assertEquals(course.id().toString(), plain.json().path("id").asText());
        assertEquals("Accept", plain.header("Vary"));
        assertEquals("application/json", http.get(path, "Accept", "application/json, application/ld+json;q=0.5")
                .header("Content-Type").split(";")[0]);
        assertEquals("application/ld+json", http.get(path, "Accept", "application/ld+json, */*;q=0.1")
                .header("Content-Type").split(";")[0]);
        assertEquals("application/json", http.get(path + "?format=json", "Accept", "application/ld+json")
                .header("Content-Type").split(";")[0]);
        Http.Response bad = http.get(path + "?format=turtle");
        assertEquals(400, bad.status());
        assertEquals("format", bad.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void contentNegotiationRules() {
        assertTrue(org.clearinghouse.server.linkeddata.JsonLd.wanted("jsonld", null));
        assertTrue(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "application/ld+json"));
        assertTrue(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "application/ld+json;profile=\"http://www.w3.org/ns/json-ld#expanded\""));
        assertTrue(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "application/json;q=0.9, application/ld+json"));
        assertFalse(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "*/*"));
        assertFalse(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertFalse(org.clearinghouse.server.linkeddata.JsonLd.wanted(null, "application/ld+json;q=0"));
        assertFalse(org.clearinghouse.server.linkeddata.JsonLd.wanted("json", "application/ld+json"));
        assertEquals("PT1H30M", SchemaOrgMapper.isoDuration(1.5));
    }

    /** RDF triples with lookups by subject and predicate; literals rendered as N-Triples literals. */
    private static final class Graph {
        private final List<RdfNQuad> quads;

        Graph(List<RdfNQuad> quads) {
            this.quads = new ArrayList<>(quads);
            assertFalse(quads.isEmpty());
        }

        private List<RdfValue> objects(String subject, String predicate) {
            return quads.stream().filter(q -> q.getSubject().getValue().equals(subject)
                    && q.getPredicate().getValue().equals(predicate)).map(RdfNQuad::getObject).toList();
        }

        Set<String> iris(String subject, String predicate) {
            return objects(subject, predicate).stream().filter(RdfValue::isIRI).map(RdfValue::getValue)
                    .collect(Collectors.toSet());
        }

        Set<String> literals(String subject, String predicate) {
            return objects(subject, predicate).stream().filter(RdfValue::isLiteral).map(v -> {
                var literal = v.asLiteral();
                String quoted = "\"" + literal.getValue() + "\"";
                if (literal.getLanguage().isPresent()) {
                    return quoted + "@" + literal.getLanguage().get();
                }
                String datatype = literal.getDatatype();
                return datatype == null || datatype.equals(XSD + "string") ? quoted : quoted + "^^<" + datatype + ">";
            }).collect(Collectors.toSet());
        }

        List<String> nodes(String subject, String predicate) {
            return objects(subject, predicate).stream().filter(RdfValue::isBlankNode).map(RdfValue::getValue).toList();
        }

        /** The one blank node this subject points to with this predicate. */
        String node(String subject, String predicate) {
            List<String> nodes = nodes(subject, predicate);
            assertEquals(1, new HashSet<>(nodes).size(), subject + " " + predicate + " -> " + nodes);
            return nodes.get(0);
        }

        /**
         * Every statement as text, sorted; blank nodes written as {@code _:} since their labels are the processor's
         * own, so two documents with the same statements compare equal.
         */
        List<String> statements() {
            return quads.stream().map(q -> term(q.getSubject()) + " " + term(q.getPredicate()) + " " + term(q.getObject()))
                    .sorted().toList();
        }

        private static String term(RdfValue value) {
            if (value.isBlankNode()) {
                return "_:";
            }
            if (value.isLiteral()) {
                var literal = value.asLiteral();
                return "\"" + literal.getValue() + "\"" + literal.getLanguage().map(l -> "@" + l).orElse("^^" + literal.getDatatype());
            }
            return "<" + value.getValue() + ">";
        }

        List<String> subjects(String predicate, String object) {
            return quads.stream().filter(q -> q.getPredicate().getValue().equals(predicate)
                    && q.getObject().getValue().equals(object)).map(q -> q.getSubject().getValue()).toList();
        }
    }
}
