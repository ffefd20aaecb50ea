package org.clearinghouse.server.oai;

import org.clearinghouse.server.config.OaiConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.ResourceRepository.HarvestFilter;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OAI-PMH provider at /oai, in process, on the real application and PostgreSQL with the seed catalogue:
 * every verb, every error code, and every response checked against OAI-PMH.xsd and oai_dc.xsd.
 */
class OaiProviderTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final List<String> EXPOSED = List.of(Status.PUBLISHED, Status.WITHDRAWN);
    /** The public URL the application is configured with, as behind a reverse proxy; harvested on localhost. */
    private static final String SITE = "https://clearinghouse.example.org";
    private static final UUID BEIJING = UUID.fromString("5e2374e0-169a-40cf-8580-dd3187146ca4");
    private static final UUID COURSE = UUID.fromString("0a1e0000-0000-4000-8000-000000000001");
    private static final UUID WITHDRAWN = UUID.fromString("0a1e0000-0000-4000-8000-000000000002");
    private static final UUID PENDING = UUID.fromString("0a1e0000-0000-4000-8000-000000000003");

    private static Application app;
    private static Http http;
    private static ResourceRepository repository;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        app = POSTGRES.startApplication("CLEARINGHOUSE_PUBLIC_URL", SITE);
        http = new Http(app.port());
        base = SITE;
        ObjectMapper mapper = Json.mapper();
        repository = new ResourceRepository(POSTGRES.database().dsl(), mapper);
        repository.insert(new NewResource(COURSE, "oai-test-course", Status.PUBLISHED,
                ResourceContent.fromValidated(Records.course("Teaching with AI: an OAI test course", "https://example.org/oai-course"),
                        mapper), List.of("africa"), null));
        repository.insert(new NewResource(WITHDRAWN, "oai-withdrawn-course", Status.PUBLISHED,
                ResourceContent.fromValidated(Records.course("A course that was withdrawn", "https://example.org/oai-withdrawn"),
                        mapper), List.of("africa"), null));
        repository.changeStatus(WITHDRAWN, Status.WITHDRAWN);
        repository.insert(new NewResource(PENDING, "oai-pending-policy", Status.PENDING,
                ResourceContent.fromValidated(Records.policy("A policy still in moderation", "https://example.org/oai-pending",
                        "KE", "2024"), mapper), List.of("africa"), null));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // ---- helpers ----

    /** GET /oai?query: HTTP 200, text/xml in UTF-8, valid against the schemas. */
    private static OaiXmlDoc oai(String query) {
        return check(http.get("/oai?" + query));
    }

    private static OaiXmlDoc check(Http.Response response) {
        assertEquals(200, response.status(), response.body());
        assertEquals("text/xml;charset=utf-8", response.header("Content-Type").replace(" ", "").toLowerCase(Locale.ROOT));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        assertTrue(response.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), response.body());
        OaiSchemas.validate(bytes);
        OaiXmlDoc doc = new OaiXmlDoc(bytes);
        Instant responseDate = Instant.parse(doc.text("/oai:OAI-PMH/oai:responseDate"));
        assertTrue(Duration.between(responseDate, Instant.now()).abs().getSeconds() < 60, doc.text("/oai:OAI-PMH/oai:responseDate"));
        assertEquals(base + "/oai", doc.text("/oai:OAI-PMH/oai:request"));
        return doc;
    }

    private static String oaiId(UUID id) {
        return "oai:clearinghouse.example.org:" + id;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Exactly one error with this code (and a message), and nothing but responseDate, request and errors. */
    private static OaiXmlDoc assertError(String query, String code) {
        OaiXmlDoc doc = oai(query);
        assertEquals(List.of(code), doc.errorCodes(), query + "\n" + doc);
        assertFalse(doc.text("/oai:OAI-PMH/oai:error").isBlank(), doc.toString());
        assertEquals(0, doc.count("/oai:OAI-PMH/*[local-name() != 'responseDate' and local-name() != 'request' "
                + "and local-name() != 'error']"), doc.toString());
        return doc;
    }

    /** badArgument (one or more, all of that code), and the request element without any attribute. */
    private static void assertBadArgument(String query) {
        OaiXmlDoc doc = oai(query);
        List<String> codes = doc.errorCodes();
        assertFalse(codes.isEmpty(), query + "\n" + doc);
        assertEquals(Set.of("badArgument"), new HashSet<>(codes), query + "\n" + doc);
        assertEquals(List.of(), doc.requestAttributes(), query + ": badArgument answers echo no arguments");
    }

    private static Set<String> requestAttributes(OaiXmlDoc doc) {
        return new TreeSet<>(doc.requestAttributes());
    }

    /** All records the provider exposes, read straight from the database: published and withdrawn. */
    private static List<Resource> exposed() {
        List<Resource> all = repository.harvestPage(new HarvestFilter(EXPOSED, null, null, null, null, false), null, null, 100_000);
        assertEquals(repository.countByStatus(Status.PUBLISHED) + repository.countByStatus(Status.WITHDRAWN), all.size());
        return all;
    }

    /** One header of a list, as harvested. */
    private record Header(String identifier, String datestamp, boolean deleted, List<String> sets) {
    }

    private static List<Header> headers(OaiXmlDoc doc, String path) {
        List<Header> out = new ArrayList<>();
        for (Node node : doc.nodes(path)) {
            Element header = (Element) node;
            List<String> sets = new ArrayList<>();
            var specs = header.getElementsByTagNameNS(OaiXml.OAI_NS, "setSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                sets.add(specs.item(i).getTextContent());
            }
            out.add(new Header(header.getElementsByTagNameNS(OaiXml.OAI_NS, "identifier").item(0).getTextContent(),
                    header.getElementsByTagNameNS(OaiXml.OAI_NS, "datestamp").item(0).getTextContent(),
                    "deleted".equals(header.getAttribute("status")), sets));
        }
        return out;
    }

    /** Follows resumption tokens to the end of a ListIdentifiers list; returns every header, in order. */
    private static List<Header> listIdentifiers(String arguments) {
        List<Header> all = new ArrayList<>();
        OaiXmlDoc doc = oai("verb=ListIdentifiers&" + arguments);
        while (true) {
            all.addAll(headers(doc, "/oai:OAI-PMH/oai:ListIdentifiers/oai:header"));
            String token = doc.text("/oai:OAI-PMH/oai:ListIdentifiers/oai:resumptionToken");
            if (token.isEmpty()) {
                return all;
            }
            doc = oai("verb=ListIdentifiers&resumptionToken=" + enc(token));
        }
    }

    private static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- Identify ----

    @Test
    void identifyDescribesTheRepository() {
        OaiXmlDoc doc = oai("verb=Identify");
        assertEquals(Set.of("verb"), requestAttributes(doc));
        assertEquals("Identify", doc.text("/oai:OAI-PMH/oai:request/@verb"));
        String p = "/oai:OAI-PMH/oai:Identify/oai:";
        assertEquals("AI for Education Clearinghouse", doc.text(p + "repositoryName"));
        assertEquals(base + "/oai", doc.text(p + "baseURL"));
        assertEquals("2.0", doc.text(p + "protocolVersion"));
        assertEquals(List.of("oai-admin@clearinghouse.invalid"), doc.texts(p + "adminEmail"));
        assertEquals(format(repository.earliestUpdatedAt(EXPOSED).orElseThrow()), doc.text(p + "earliestDatestamp"));
        assertEquals(format(exposed().stream().map(Resource::updatedAt).min(Instant::compareTo).orElseThrow()),
                doc.text(p + "earliestDatestamp"));
        assertEquals("persistent", doc.text(p + "deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", doc.text(p + "granularity"));
        String d = p + "description/id:oai-identifier/id:";
        assertEquals("oai", doc.text(d + "scheme"));
        assertEquals("clearinghouse.example.org", doc.text(d + "repositoryIdentifier"));
        assertEquals(":", doc.text(d + "delimiter"));
        assertEquals(oaiId(BEIJING), doc.text(d + "sampleIdentifier"));
    }

    @Test
    void anUnconfiguredLaptopAndAConfiguredRepositoryIdentifyThemselvesDifferently() {
        ObjectMapper mapper = Json.mapper();
        Vocabularies vocabularies = Vocabularies.load(mapper);
        // The default public URL (http://localhost:<PORT>): identifiers oai:localhost:<uuid>, and "localhost" is no
        // domain name, so no oai-identifier description is claimed.
        OaiService laptop = new OaiService(repository, vocabularies, mapper,
                OaiConfig.fromEnv(new SiteConfig("http://localhost:7070"), Map.of()));
        byte[] identify = laptop.respond(Map.of("verb", List.of("Identify")));
        OaiSchemas.validate(identify);
        OaiXmlDoc doc = new OaiXmlDoc(identify);
        assertEquals("http://localhost:7070/oai", doc.text("/oai:OAI-PMH/oai:Identify/oai:baseURL"));
        assertEquals(0, doc.count("/oai:OAI-PMH/oai:Identify/oai:description"));
        byte[] record = laptop.respond(Map.of("verb", List.of("GetRecord"), "metadataPrefix", List.of("oai_dc"),
                "identifier", List.of("oai:localhost:" + BEIJING)));
        OaiSchemas.validate(record);
        assertTrue(new OaiXmlDoc(record).texts("//dc:identifier").contains("http://localhost:7070/api/v1/resources/" + BEIJING));

        // A repository identifier and contacts of its own, under a public URL with a path.
        OaiService configured = new OaiService(repository, vocabularies, mapper, OaiConfig.fromEnv(
                new SiteConfig("https://www.example.org/ai-clearinghouse/"), Map.of("CLEARINGHOUSE_OAI_REPOSITORY_ID",
                        "ai-ed.example.org", "CLEARINGHOUSE_OAI_ADMIN_EMAIL", "oai@example.org, help@example.org",
                        "CLEARINGHOUSE_OAI_REPOSITORY_NAME", "AI-Ed")));
        doc = new OaiXmlDoc(configured.respond(Map.of("verb", List.of("Identify"))));
        OaiSchemas.validate(doc.bytes);
        assertEquals("https://www.example.org/ai-clearinghouse/oai", doc.text("/oai:OAI-PMH/oai:request"));
        assertEquals("AI-Ed", doc.text("/oai:OAI-PMH/oai:Identify/oai:repositoryName"));
        assertEquals(List.of("oai@example.org", "help@example.org"), doc.texts("/oai:OAI-PMH/oai:Identify/oai:adminEmail"));
        assertEquals("oai:ai-ed.example.org:" + BEIJING, doc.text("//id:sampleIdentifier"));
        OaiXmlDoc got = new OaiXmlDoc(configured.respond(Map.of("verb", List.of("GetRecord"), "metadataPrefix",
                List.of("oai_dc"), "identifier", List.of("oai:ai-ed.example.org:" + BEIJING))));
        OaiSchemas.validate(got.bytes);
        assertEquals("oai:ai-ed.example.org:" + BEIJING, got.text("//oai:header/oai:identifier"));
        assertTrue(got.texts("//dc:identifier").contains("https://www.example.org/ai-clearinghouse/api/v1/resources/" + BEIJING));
        // Another repository's identifier for the same record is not this one's.
        assertEquals(List.of("idDoesNotExist"), new OaiXmlDoc(configured.respond(Map.of("verb", List.of("GetRecord"),
                "metadataPrefix", List.of("oai_dc"), "identifier", List.of(oaiId(BEIJING))))).errorCodes());
    }

    // ---- GET and POST ----

    @Test
    void postWithFormArgumentsIsAnsweredLikeGet() {
        String query = "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(oaiId(BEIJING));
        OaiXmlDoc get = oai(query);
        OaiXmlDoc post = check(http.post("/oai", query, "Content-Type", "application/x-www-form-urlencoded"));
        String noDate = "<responseDate>[^<]*</responseDate>";
        assertEquals(get.toString().replaceAll(noDate, ""), post.toString().replaceAll(noDate, ""));
        assertEquals("Policy", post.text("//dc:type[@xml:lang='en']"));

        OaiXmlDoc badVerb = check(http.post("/oai", "verb=Explode", "Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(List.of("badVerb"), badVerb.errorCodes());
        OaiXmlDoc noForm = check(http.post("/oai", "{\"verb\":\"Identify\"}", "Content-Type", "application/json"));
        assertEquals(List.of("badVerb"), noForm.errorCodes());
    }

    // ---- ListMetadataFormats ----

    @Test
    void listMetadataFormatsOffersOaiDcForTheRepositoryAndForEachItem() {
        for (String query : List.of("verb=ListMetadataFormats",
                "verb=ListMetadataFormats&identifier=" + enc(oaiId(BEIJING)),
                "verb=ListMetadataFormats&identifier=" + enc(oaiId(WITHDRAWN)))) {
            OaiXmlDoc doc = oai(query);
            String f = "/oai:OAI-PMH/oai:ListMetadataFormats/oai:metadataFormat";
            assertEquals(1, doc.count(f), query);
            assertEquals("oai_dc", doc.text(f + "/oai:metadataPrefix"));
            assertEquals("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", doc.text(f + "/oai:schema"));
            assertEquals("http://www.openarchives.org/OAI/2.0/oai_dc/", doc.text(f + "/oai:metadataNamespace"));
        }
        OaiXmlDoc withId = oai("verb=ListMetadataFormats&identifier=" + enc(oaiId(BEIJING)));
        assertEquals(Set.of("identifier", "verb"), requestAttributes(withId));
        assertEquals(oaiId(BEIJING), withId.text("/oai:OAI-PMH/oai:request/@identifier"));
    }

    // ---- ListSets ----

    @Test
    void listSetsNamesTheTypeAndCountrySetsPresent() {
        OaiXmlDoc doc = oai("verb=ListSets");
        List<String> specs = doc.texts("/oai:OAI-PMH/oai:ListSets/oai:set/oai:setSpec");
        List<Resource> exposed = exposed();
        List<String> expected = new ArrayList<>();
        expected.add("type");
        exposed.stream().map(r -> r.content().type()).distinct().sorted().forEach(t -> expected.add("type:" + t));
        expected.add("country");
        exposed.stream().flatMap(r -> r.content().jurisdictions().stream()).distinct().sorted().forEach(c -> expected.add("country:" + c));
        assertEquals(expected, specs);
        assertTrue(specs.containsAll(List.of("type:course", "type:tool", "type:policy", "type:regulation", "type:practice",
                "country:KE", "country:UNESCO", "country:AFRICAN_UNION")), specs.toString());
        assertFalse(doc.toString().contains("resumptionToken"));

        String set = "/oai:OAI-PMH/oai:ListSets/oai:set[oai:setSpec='%s']/";
        assertEquals("Resource types", doc.text(set.formatted("type") + "oai:setName"));
        assertEquals("Countries and intergovernmental bodies", doc.text(set.formatted("country") + "oai:setName"));
        assertEquals("Type: AI tool", doc.text(set.formatted("type:tool") + "oai:setName"));
        assertEquals("Country: Kenya", doc.text(set.formatted("country:KE") + "oai:setName"));
        assertEquals("Body: African Union", doc.text(set.formatted("country:AFRICAN_UNION") + "oai:setName"));
        String description = set.formatted("country:KE") + "oai:setDescription/oai_dc:dc/dc:title[@xml:lang='%s']";
        assertEquals("Kenya", doc.text(description.formatted("en")));
        assertEquals("肯尼亚", doc.text(description.formatted("zh")));
        assertEquals("Outil d'IA", doc.text((set.formatted("type:tool") + "oai:setDescription/oai_dc:dc/dc:title[@xml:lang='%s']")
                .formatted("fr")));
    }

    // ---- GetRecord ----

    @Test
    void getRecordMapsASeedPolicyToDublinCoreElementByElement() {
        OaiXmlDoc doc = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(oaiId(BEIJING)));
        assertEquals(Set.of("identifier", "metadataPrefix", "verb"), requestAttributes(doc));
        Resource beijing = repository.findById(BEIJING).orElseThrow();
        String h = "/oai:OAI-PMH/oai:GetRecord/oai:record/oai:header/";
        assertEquals(oaiId(BEIJING), doc.text(h + "oai:identifier"));
        assertEquals(format(beijing.updatedAt()), doc.text(h + "oai:datestamp"));
        assertEquals(List.of("type:policy", "country:UNESCO"), doc.texts(h + "oai:setSpec"));
        assertEquals("", doc.text(h + "@status"));
        assertEquals(List.of(
                "title[en]=Beijing Consensus on Artificial Intelligence and Education",
                "title[ar]=توافق آراء بيجين بشأن الذكاء الاصطناعي والتعليم",
                "title[es]=Consenso de Beijing sobre la inteligencia artificial y la educación",
                "title[fr]=Consensus de Beijing sur l'intelligence artificielle et l'éducation",
                "title[ru]=Пекинский консенсус по искусственному интеллекту и образованию",
                "title[zh]=北京共识——人工智能与教育",
                "creator=International Conference on Artificial Intelligence and Education (UNESCO and the Government of China)",
                "subject[en]=AI and education policy planning",
                "subject[en]=AI to empower teaching and teachers",
                "subject[en]=Equitable and inclusive use of AI",
                "subject[en]=Gender equality in AI",
                "subject[en]=Ethics, transparency and data privacy",
                "subject[en]=AI literacy and skills for life and work",
                "subject[en]=AI for lifelong learning",
                "subject[en]=Monitoring, evaluation and research",
                "subject[en]=SDG 4.1: Free, equitable and quality primary and secondary education",
                "subject[en]=SDG 4.4: Relevant skills for decent work",
                "subject[en]=SDG 4.5: Gender equality and inclusion",
                "subject[en]=SDG 4.c: Supply of qualified teachers",
                "subject=artificial intelligence",
                "subject=education policy",
                "subject=SDG 4",
                "subject=clearinghouse",
                "description[en]=" + beijing.content().summary(),
                "publisher=UNESCO",
                "date=2019",
                "type=Text",
                "type[en]=Policy",
                "identifier=https://unesdoc.unesco.org/ark:/48223/pf0000368303",
                "identifier=" + base + "/api/v1/resources/" + BEIJING,
                "language=en", "language=fr", "language=es", "language=ar", "language=ru", "language=zh",
                "coverage[en]=United Nations Educational, Scientific and Cultural Organization",
                "rights[en]=Creative Commons Attribution-ShareAlike 3.0 IGO",
                "rights=https://spdx.org/licenses/CC-BY-SA-3.0-IGO.html"), dublinCore(doc));
    }

    @Test
    void getRecordMapsACourseWithItsProviderRegionTranslationAndLicence() {
        OaiXmlDoc doc = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(oaiId(COURSE)));
        Resource course = repository.findById(COURSE).orElseThrow();
        assertEquals(List.of("type:course", "country:KE"), doc.texts("//oai:header/oai:setSpec"));
        assertEquals(List.of(
                "title[en]=Teaching with AI: an OAI test course",
                "title[fr]=Introduction à l'IA pour les enseignants",
                "creator=Example University",
                "subject[en]=AI to empower teaching and teachers",
                "subject[en]=AI literacy and skills for life and work",
                "subject[en]=SDG 4.c: Supply of qualified teachers",
                "subject=artificial intelligence",
                "subject=teacher training",
                "description[en]=" + course.content().summary(),
                "publisher=Example University",
                "date=2024-03",
                "type=InteractiveResource",
                "type[en]=Course",
                "identifier=https://example.org/oai-course",
                "identifier=" + base + "/api/v1/resources/" + COURSE,
                "language=en", "language=fr",
                "coverage[en]=Kenya",
                "coverage[en]=Africa",
                "rights[en]=Creative Commons Attribution 4.0 International",
                "rights=https://spdx.org/licenses/CC-BY-4.0.html"), dublinCore(doc));
    }

    /** The oai_dc elements of the (single) record, as "name[lang]=value". */
    private static List<String> dublinCore(OaiXmlDoc doc) {
        List<String> out = new ArrayList<>();
        for (Node node : doc.nodes("//oai:metadata/oai_dc:dc/*")) {
            Element e = (Element) node;
            assertEquals(OaiXml.DC_NS, e.getNamespaceURI());
            String lang = e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            out.add(e.getLocalName() + (lang.isEmpty() ? "" : "[" + lang + "]") + "=" + e.getTextContent());
        }
        return out;
    }

    // ---- ListRecords, ListIdentifiers: paging, sets, dates, deleted records ----

    @Test
    void listRecordsPagesAHundredAtATimeWithResumptionTokens() {
        List<Resource> exposed = exposed();
        int total = exposed.size();
        assertTrue(total > 200, "the seed catalogue fills at least three pages: " + total);
        List<String> identifiers = new ArrayList<>();
        OaiXmlDoc doc = oai("verb=ListRecords&metadataPrefix=oai_dc");
        assertEquals(Set.of("metadataPrefix", "verb"), requestAttributes(doc));
        int cursor = 0;
        int pages = 0;
        while (true) {
            pages++;
            String r = "/oai:OAI-PMH/oai:ListRecords/";
            List<String> page = doc.texts(r + "oai:record/oai:header/oai:identifier");
            identifiers.addAll(page);
            // Every live record carries its metadata; deleted ones only their header.
            assertEquals(doc.count(r + "oai:record/oai:header[not(@status)]"), doc.count(r + "oai:record/oai:metadata/oai_dc:dc"));
            assertEquals(String.valueOf(cursor), doc.text(r + "oai:resumptionToken/@cursor"));
            assertEquals(String.valueOf(total), doc.text(r + "oai:resumptionToken/@completeListSize"));
            String token = doc.text(r + "oai:resumptionToken");
            if (token.isEmpty()) {
                assertEquals(total - cursor, page.size());
                assertEquals("", doc.text(r + "oai:resumptionToken/@expirationDate"));
                break;
            }
            assertEquals(100, page.size());
            Instant responseDate = Instant.parse(doc.text("/oai:OAI-PMH/oai:responseDate"));
            assertEquals(responseDate.plus(Duration.ofHours(24)), Instant.parse(doc.text(r + "oai:resumptionToken/@expirationDate")));
            cursor += page.size();
            doc = oai("verb=ListRecords&resumptionToken=" + enc(token));
            assertEquals(Set.of("resumptionToken", "verb"), requestAttributes(doc));
            assertEquals(token, doc.text("/oai:OAI-PMH/oai:request/@resumptionToken"));
        }
        assertEquals((total + 99) / 100, pages);
        assertEquals(identifiers.size(), new HashSet<>(identifiers).size(), "no record twice");
        assertEquals(exposed.stream().map(r -> oaiId(r.id())).collect(Collectors.toSet()), new HashSet<>(identifiers));
    }

    @Test
    void aListThatFitsOnePageHasNoResumptionToken() {
        OaiXmlDoc doc = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=country:KE");
        assertEquals(0, doc.count("//oai:resumptionToken"));
        assertTrue(doc.count("//oai:header") >= 2);
    }

    @Test
    void selectiveHarvestingBySetTakesTheSetAndItsChildren() {
        List<Resource> exposed = exposed();
        Map<String, java.util.function.Predicate<Resource>> sets = Map.of(
                "type:policy", r -> r.content().type().equals("policy"),
                "type:course", r -> r.content().type().equals("course"),
                "country:KE", r -> r.content().jurisdictions().contains("KE"),
                "country:UNESCO", r -> r.content().jurisdictions().contains("UNESCO"),
                "type", r -> true,
                "country", r -> !r.content().jurisdictions().isEmpty());
        sets.forEach((spec, member) -> {
            List<Header> headers = listIdentifiers("metadataPrefix=oai_dc&set=" + enc(spec));
            Set<String> expected = exposed.stream().filter(member).map(r -> oaiId(r.id())).collect(Collectors.toSet());
            assertEquals(expected, headers.stream().map(Header::identifier).collect(Collectors.toSet()), spec);
            assertEquals(expected.size(), headers.size(), spec);
            if (spec.contains(":")) {
                headers.forEach(h -> assertTrue(h.sets().contains(spec), spec + " " + h));
            }
        });
        assertTrue(listIdentifiers("metadataPrefix=oai_dc&set=country:KE").stream().anyMatch(h -> h.identifier().equals(oaiId(COURSE))));
    }

    @Test
    void withdrawnRecordsAreDeletedHeadersAndPendingOnesDoNotExist() {
        OaiXmlDoc doc = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(oaiId(WITHDRAWN)));
        assertEquals("deleted", doc.text("//oai:record/oai:header/@status"));
        assertEquals(0, doc.count("//oai:record/oai:metadata"));
        assertEquals(format(repository.findById(WITHDRAWN).orElseThrow().updatedAt()), doc.text("//oai:header/oai:datestamp"));
        assertEquals(List.of("type:course", "country:KE"), doc.texts("//oai:header/oai:setSpec"));

        List<Header> all = listIdentifiers("metadataPrefix=oai_dc");
        assertTrue(all.contains(new Header(oaiId(WITHDRAWN), doc.text("//oai:header/oai:datestamp"), true,
                List.of("type:course", "country:KE"))), "a withdrawn record is listed as deleted");
        assertEquals(repository.countByStatus(Status.WITHDRAWN), all.stream().filter(Header::deleted).count());
        assertTrue(all.stream().noneMatch(h -> h.identifier().equals(oaiId(PENDING))), "pending records are never exposed");

        OaiXmlDoc records = oai("verb=ListRecords&metadataPrefix=oai_dc&set=country:KE");
        assertEquals(1, records.count("//oai:record[oai:header/oai:identifier='" + oaiId(WITHDRAWN) + "']"));
        assertEquals(0, records.count("//oai:record[oai:header/oai:identifier='" + oaiId(WITHDRAWN) + "']/oai:metadata"));

        assertError("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(oaiId(PENDING)), "idDoesNotExist");
        assertError("verb=ListMetadataFormats&identifier=" + enc(oaiId(PENDING)), "idDoesNotExist");
    }

    @Test
    void fromAndUntilSelectOnTheDatestampAtEitherGranularity() {
        List<Resource> exposed = exposed();
        Resource course = repository.findById(COURSE).orElseThrow();
        String second = format(course.updatedAt());
        Set<String> sameSecond = exposed.stream().filter(r -> format(r.updatedAt()).equals(second))
                .map(r -> oaiId(r.id())).collect(Collectors.toSet());
        List<Header> exact = listIdentifiers("metadataPrefix=oai_dc&from=" + second + "&until=" + second);
        assertEquals(sameSecond, exact.stream().map(Header::identifier).collect(Collectors.toSet()));
        assertTrue(sameSecond.contains(oaiId(COURSE)));
        exact.forEach(h -> assertEquals(second, h.datestamp()));

        Instant next = course.updatedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Set<String> later = exposed.stream().filter(r -> !r.updatedAt().isBefore(next)).map(r -> oaiId(r.id()))
                .collect(Collectors.toSet());
        if (later.isEmpty()) {
            assertError("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + next, "noRecordsMatch");
        } else {
            assertEquals(later, listIdentifiers("metadataPrefix=oai_dc&from=" + next).stream().map(Header::identifier)
                    .collect(Collectors.toSet()));
        }

        String day = second.substring(0, 10);
        Set<String> thatDay = exposed.stream().filter(r -> format(r.updatedAt()).startsWith(day)).map(r -> oaiId(r.id()))
                .collect(Collectors.toSet());
        assertEquals(thatDay, listIdentifiers("metadataPrefix=oai_dc&from=" + day + "&until=" + day).stream()
                .map(Header::identifier).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(exposed.stream().map(r -> oaiId(r.id())).toList()),
                listIdentifiers("metadataPrefix=oai_dc&until=" + day).stream().map(Header::identifier).collect(Collectors.toSet()),
                "until is inclusive of its whole day");

        OaiXmlDoc withDates = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + day + "&until=" + day);
        assertEquals(Set.of("from", "metadataPrefix", "until", "verb"), requestAttributes(withDates));
        assertEquals(day, withDates.text("/oai:OAI-PMH/oai:request/@from"));
    }

    // ---- errors: every code of the protocol ----

    @Test
    void badVerbIsAnsweredForAMissingUnknownOrRepeatedVerb() {
        for (String query : List.of("", "verb=", "verb=Explode", "verb=identify", "verb=Identify&verb=Identify",
                "verb=ListRecords&verb=Identify", "Verb=Identify", "metadataPrefix=oai_dc")) {
            OaiXmlDoc doc = assertError(query, "badVerb");
            assertEquals(List.of(), doc.requestAttributes(), query + ": badVerb answers echo no arguments");
        }
        assertEquals(List.of("badVerb"), check(http.get("/oai")).errorCodes());
    }

    @Test
    void badArgumentIsAnsweredForIllegalMissingRepeatedOrMalformedArguments() {
        String id = enc(oaiId(BEIJING));
        for (String query : List.of(
                "verb=Identify&metadataPrefix=oai_dc",
                "verb=Identify&foo=bar",
                "verb=ListSets&set=type",
                "verb=ListMetadataFormats&metadataPrefix=oai_dc",
                "verb=ListRecords",
                "verb=ListIdentifiers&set=type",
                "verb=ListRecords&metadataPrefix=",
                "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
                "verb=ListRecords&metadataPrefix=oai_dc&set=type&set=country",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00.000Z",
                "verb=ListRecords&metadataPrefix=oai_dc&until=tomorrow",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01",
                "verb=ListRecords&metadataPrefix=oai_dc&set=" + enc("bad set"),
                "verb=ListRecords&metadataPrefix=oai_dc&set=" + enc("type:"),
                "verb=ListRecords&metadataPrefix=" + enc("oai dc"),
                "verb=ListIdentifiers&resumptionToken=abc&metadataPrefix=oai_dc",
                "verb=ListRecords&resumptionToken=abc&from=2024-01-01",
                "verb=GetRecord&metadataPrefix=oai_dc",
                "verb=GetRecord&identifier=" + id,
                "verb=GetRecord&identifier=" + id + "&metadataPrefix=oai_dc&set=type",
                "verb=GetRecord&identifier=" + id + "&identifier=" + id + "&metadataPrefix=oai_dc",
                "verb=GetRecord&identifier=" + enc("has space") + "&metadataPrefix=oai_dc",
                "verb=ListMetadataFormats&identifier=")) {
            assertBadArgument(query);
        }
        // Several problems at once are each reported.
        OaiXmlDoc several = oai("verb=ListRecords&from=nope&identifier=x");
        assertEquals(List.of("badArgument", "badArgument", "badArgument"), several.errorCodes());
    }

    @Test
    void badResumptionTokenIsAnsweredForGarbledExpiredOrForeignTokens() {
        OaiXmlDoc first = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        String token = first.text("//oai:resumptionToken");
        assertFalse(token.isEmpty());
        for (String bad : List.of("abc", "%%%", token.substring(0, token.length() - 4), token + "x",
                java.util.Base64.getUrlEncoder().encodeToString("1|ListIdentifiers|oai_dc".getBytes(StandardCharsets.UTF_8)),
                "\u0001<&>\"'")) {
            OaiXmlDoc doc = assertError("verb=ListIdentifiers&resumptionToken=" + enc(bad), "badResumptionToken");
            assertEquals(Set.of("resumptionToken", "verb"), requestAttributes(doc));
        }
        // A ListIdentifiers token does not resume ListRecords, and ListSets issues none.
        assertError("verb=ListRecords&resumptionToken=" + enc(token), "badResumptionToken");
        assertError("verb=ListSets&resumptionToken=" + enc(token), "badResumptionToken");

        ResumptionToken issued = ResumptionToken.decode(token).orElseThrow();
        String expired = issued.next(issued.lastUpdatedAt(), issued.lastId(), issued.cursor(),
                Instant.now().minus(Duration.ofHours(25))).encode();
        OaiXmlDoc doc = assertError("verb=ListIdentifiers&resumptionToken=" + enc(expired), "badResumptionToken");
        assertTrue(doc.text("//oai:error").contains("expired"), doc.toString());
        String fromTheFuture = issued.next(issued.lastUpdatedAt(), issued.lastId(), issued.cursor(),
                Instant.now().plus(Duration.ofHours(2))).encode();
        assertError("verb=ListIdentifiers&resumptionToken=" + enc(fromTheFuture), "badResumptionToken");
        // Still valid one hour before expiry.
        String old = issued.next(issued.lastUpdatedAt(), issued.lastId(), issued.cursor(),
                Instant.now().minus(Duration.ofHours(23))).encode();
        assertTrue(oai("verb=ListIdentifiers&resumptionToken=" + enc(old)).errorCodes().isEmpty());
    }

    @Test
    void cannotDisseminateFormatIsAnsweredForFormatsOtherThanOaiDc() {
        for (String query : List.of("verb=ListRecords&metadataPrefix=marc21", "verb=ListIdentifiers&metadataPrefix=oai_ead",
                "verb=ListRecords&metadataPrefix=OAI_DC&set=type:policy",
                "verb=GetRecord&metadataPrefix=mods&identifier=" + enc(oaiId(BEIJING)))) {
            OaiXmlDoc doc = assertError(query, "cannotDisseminateFormat");
            assertTrue(requestAttributes(doc).contains("metadataPrefix"), "the arguments are echoed: " + doc);
        }
        // An unknown item in an unknown format: both conditions are reported.
        OaiXmlDoc both = oai("verb=GetRecord&metadataPrefix=mods&identifier=" + enc(oaiId(UUID.randomUUID())));
        assertEquals(List.of("idDoesNotExist", "cannotDisseminateFormat"), both.errorCodes());
    }

    @Test
    void idDoesNotExistIsAnsweredForUnknownForeignOrMalformedIdentifiers() {
        for (String identifier : List.of(oaiId(UUID.randomUUID()), "oai:elsewhere.org:" + BEIJING, "oai:clearinghouse.example.org:not-a-uuid",
                oaiId(BEIJING) + "0", BEIJING.toString(), "beijing-consensus-ai-education-2019",
                "https://unesdoc.unesco.org/ark:/48223/pf0000368303")) {
            OaiXmlDoc doc = assertError("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(identifier), "idDoesNotExist");
            assertEquals(identifier, doc.text("/oai:OAI-PMH/oai:request/@identifier"));
            assertError("verb=ListMetadataFormats&identifier=" + enc(identifier), "idDoesNotExist");
        }
        // The repository identifier is a host name: case does not matter.
        assertTrue(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:ClearingHouse.Example.ORG:" + BEIJING)).errorCodes().isEmpty());
    }

    @Test
    void noRecordsMatchIsAnsweredForAnEmptySelection() {
        String unused = Vocabularies.load(Json.mapper()).codes("countries").stream()
                .filter(code -> exposed().stream().noneMatch(r -> r.content().jurisdictions().contains(code)))
                .findFirst().orElseThrow();
        for (String query : List.of("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&set=country:" + unused,
                "verb=ListIdentifiers&metadataPrefix=oai_dc&set=country:ZZ",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:podcast",
                "verb=ListRecords&metadataPrefix=oai_dc&set=subject:ai",
                "verb=ListRecords&metadataPrefix=oai_dc&set=type:policy:national",
                "verb=ListRecords&metadataPrefix=oai_dc&set=type:policy&from=2999-01-01")) {
            OaiXmlDoc doc = assertError(query, "noRecordsMatch");
            assertTrue(requestAttributes(doc).containsAll(Set.of("verb", "metadataPrefix")), doc.toString());
        }
    }

    @Test
    void noMetadataFormatsAndNoSetHierarchyCannotArise() {
        // Every exposed item, deleted ones included, is disseminated as oai_dc, so noMetadataFormats never applies;
        // the repository has sets, so ListSets never answers noSetHierarchy.
        List<Resource> sample = exposed().stream().filter(r -> r.status().equals(Status.WITHDRAWN)
                || r.id().equals(BEIJING) || r.id().equals(COURSE)).toList();
        assertTrue(sample.size() >= 3);
        for (Resource resource : sample) {
            OaiXmlDoc doc = oai("verb=ListMetadataFormats&identifier=" + enc(oaiId(resource.id())));
            assertEquals(List.of("oai_dc"), doc.texts("//oai:metadataFormat/oai:metadataPrefix"));
        }
        OaiXmlDoc sets = oai("verb=ListSets");
        assertEquals(List.of(), sets.errorCodes());
        assertTrue(sets.count("//oai:set") > 2);
        for (OaiError.Code code : OaiError.Code.values()) {
            assertNotEquals("", code.xml());
        }
    }

    @Test
    void hostileInputNeverBreaksTheDocumentNorTheServer() {
        for (String query : List.of("verb=" + enc("<Identify/>"), "verb=Identify&" + enc("<x>") + "=" + enc("&amp;"),
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:localhost:\u0000"),
                "verb=ListRecords&resumptionToken=" + enc("\uD800\uFFFF\u0007"),
                "verb=ListSets&resumptionToken=" + enc("x".repeat(5000)),
                "verb=Identify&verb=" + enc("\u0000"))) {
            OaiXmlDoc doc = oai(query);
            assertFalse(doc.errorCodes().isEmpty(), query);
        }
        // Broken percent-encoding cannot even be sent by java.net.http: write the request by hand.
        for (String target : List.of("/oai?verb=Identify&x=%zz", "/oai?verb=%", "/oai?verb=Ident%C3ify")) {
            String response = rawGet(target);
            assertTrue(response.startsWith("HTTP/1.1 200 "), target + " -> " + response);
            byte[] body = response.substring(response.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
            OaiSchemas.validate(body);
            assertFalse(new OaiXmlDoc(body).errorCodes().isEmpty(), target);
        }
        // Methods other than GET and POST are the HTTP layer's 405, not an error of ours.
        assertEquals(405, http.method("PUT", "/oai?verb=Identify").status());
        assertEquals(405, http.method("DELETE", "/oai").status());
    }

    /** The whole HTTP/1.1 response to a GET of {@code target}, sent byte for byte as given. */
    private static String rawGet(String target) {
        try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void datestampsAreUtcSecondsAndIdentifiersArePersistent() {
        OaiXmlDoc doc = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:course");
        for (String datestamp : doc.texts("//oai:header/oai:datestamp")) {
            assertTrue(datestamp.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), datestamp);
        }
        Set<String> first = new LinkedHashSet<>(doc.texts("//oai:header/oai:identifier"));
        Set<String> again = new LinkedHashSet<>(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:course")
                .texts("//oai:header/oai:identifier"));
        assertEquals(first, again);
        first.forEach(id -> assertTrue(id.matches("oai:clearinghouse\\.example\\.org:[0-9a-f-]{36}"), id));
    }
}
