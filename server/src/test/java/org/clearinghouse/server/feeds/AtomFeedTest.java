package org.clearinghouse.server.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.linkeddata.FiveRecords;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Atom feeds of searches, served by the running application and validated against the RELAX NG schema of
 * RFC 4287 (Appendix B, relaxng/atom.rnc) with Jing; the schema's two Schematron rules (an author for every
 * entry, an alternate link or content for every entry) are checked here by hand since RELAX NG ignores them.
 */
class AtomFeedTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    static final String SITE = "https://clearinghouse.example";
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

    private static Application app;
    private static Http http;
    private static ResourceRepository repository;
    private static Schema atom;
    private static final List<Resource> published = new ArrayList<>();
    private static Resource course;
    private static Resource tool;
    private static Resource policy;
    private static Resource practice;
    private static Resource withdrawn;

    @BeforeAll
    static void start() throws Exception {
        atom = new com.thaiopensource.relaxng.jaxp.CompactSyntaxSchemaFactory()
                .newSchema(new StreamSource(AtomFeedTest.class.getResource("/relaxng/atom.rnc").toString()));
        repository = new ResourceRepository(POSTGRES.database().dsl(), FiveRecords.MAPPER);
        // newest change last: the practice (published 2022) changed after the policy (published 2025)
        policy = FiveRecords.publish(repository, FiveRecords.policy(), "kenya-ai-strategy");
        tool = FiveRecords.publish(repository, FiveRecords.tool(), "open-tutor");
        published.add(policy);
        published.add(tool);
        published.add(FiveRecords.publish(repository, FiveRecords.regulation(), "eu-ai-act"));
        for (int i = 1; i <= 52; i++) {
            published.add(FiveRecords.publish(repository, FiveRecords.variant(FiveRecords.course(), "Course number " + i,
                    "https://example.org/course-" + i), "course-number-" + i));
        }
        course = FiveRecords.publish(repository, FiveRecords.course(), "ai-for-teachers-in-kenya");
        published.add(course);
        practice = FiveRecords.publish(repository, FiveRecords.practice(), "ai-assistants-india");
        published.add(practice);
        for (int i = 0; i < published.size(); i++) {
            setUpdatedAt(published.get(i), BASE.plusSeconds(60L * i));
        }
        FiveRecords.store(repository, FiveRecords.variant(FiveRecords.policy(), "A pending policy", "https://example.org/pending"),
                "a-pending-policy", Status.PENDING);
        withdrawn = FiveRecords.publish(repository, FiveRecords.variant(FiveRecords.policy(), "A withdrawn policy",
                "https://example.org/withdrawn"), "a-withdrawn-policy");
        repository.changeStatus(withdrawn.id(), Status.WITHDRAWN);
        published.replaceAll(r -> repository.findById(r.id()).orElseThrow());
        course = repository.findById(course.id()).orElseThrow();
        policy = repository.findById(policy.id()).orElseThrow();
        practice = repository.findById(practice.id()).orElseThrow();

        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_PUBLIC_URL", SITE);
        http = new Http(app.port());
        awaitIndexed(published.size());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void setUpdatedAt(Resource resource, Instant when) {
        var table = org.clearinghouse.server.persistence.jooq.Tables.RESOURCE;
        POSTGRES.database().dsl().update(table).set(table.UPDATED_AT, OffsetDateTime.ofInstant(when, ZoneOffset.UTC))
                .where(table.ID.eq(resource.id())).execute();
    }

    static void awaitIndexed(int published) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (http.get("/api/v1/search?limit=1").json().path("total").asInt() != published) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not catch up");
            }
            Thread.sleep(50);
        }
    }

    private static Document feed(String query) throws Exception {
        Http.Response response = http.get("/feeds/atom" + query);
        assertEquals(200, response.status(), response.body());
        assertEquals("application/atom+xml;charset=utf-8", response.header("Content-Type").replace(" ", "").toLowerCase());
        return validAtom(response.body());
    }

    /** Validates against RFC 4287's RELAX NG schema and its two Schematron rules, and parses. */
    static Document validAtom(String xml) throws Exception {
        atom.newValidator().validate(new StreamSource(new StringReader(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element feed = document.getDocumentElement();
        boolean feedAuthor = !children(feed, "author").isEmpty();
        for (Element entry : children(feed, "entry")) {
            assertTrue(feedAuthor || !children(entry, "author").isEmpty(), "an atom:entry must have an atom:author if its feed does not");
            assertTrue(children(entry, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("alternate")
                    || !l.hasAttribute("rel")) || !children(entry, "content").isEmpty(), "an entry needs an alternate link or content");
        }
        return document;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && AtomFeeds.ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), name);
        return found.get(0).getTextContent();
    }

    private static List<Element> entries(Document feed) {
        return children(feed.getDocumentElement(), "entry");
    }

    private static List<String> ids(Document feed) {
        return entries(feed).stream().map(e -> text(e, "id")).toList();
    }

    @Test
    void theWholeCatalogueFeedHasTheFiftyLatestChangesNewestFirst() throws Exception {
        Document feed = feed("");
        Element root = feed.getDocumentElement();
        assertEquals(SITE + "/feeds/atom", text(root, "id"));
        assertEquals("AI for Education Clearinghouse: new resources", text(root, "title"));
        assertEquals(AtomFeeds.timestamp(practice.updatedAt()), text(root, "updated"));
        List<Element> entries = entries(feed);
        assertEquals(AtomFeeds.ENTRIES, entries.size());
        List<String> expected = published.stream().sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
                .limit(AtomFeeds.ENTRIES).map(r -> "urn:uuid:" + r.id()).toList();
        assertEquals(expected, ids(feed));
        assertEquals("urn:uuid:" + practice.id(), expected.get(0), "last changed first, whatever the publication year");
        List<Instant> updated = entries.stream().map(e -> Instant.parse(text(e, "updated"))).toList();
        for (int i = 1; i < updated.size(); i++) {
            assertFalse(updated.get(i).isAfter(updated.get(i - 1)), "newest first");
        }
        assertFalse(ids(feed).contains("urn:uuid:" + policy.id()), "the 51st and older changes are left out");
        assertFalse(ids(feed).contains("urn:uuid:" + withdrawn.id()));
    }

    @Test
    void anEntryCarriesIdUpdatedLinksSummaryAndCategories() throws Exception {
        Document feed = feed("?type=policy&region=africa&audience=policymakers");
        assertTrue(text(feed.getDocumentElement(), "title").contains("Policy"), text(feed.getDocumentElement(), "title"));
        assertEquals(SITE + "/feeds/atom?audience=policymakers&region=africa&type=policy", text(feed.getDocumentElement(), "id"));
        List<Element> entries = entries(feed);
        assertEquals(1, entries.size(), "the pending and the withdrawn policy are not in feeds");
        Element entry = entries.get(0);
        assertEquals("urn:uuid:" + policy.id(), text(entry, "id"));
        assertEquals("Kenya AI strategy for education", text(entry, "title"));
        assertEquals(AtomFeeds.timestamp(policy.updatedAt()), text(entry, "updated"));
        assertEquals(policy.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.parse(text(entry, "updated")));
        assertEquals("A national strategy for AI in schools.", text(entry, "summary"));
        assertEquals("en", children(entry, "summary").get(0).getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("Ministry of Education, Kenya", text(children(entry, "author").get(0), "name"));
        Map<String, String> links = children(entry, "link").stream().collect(Collectors.toMap(
                l -> l.getAttribute("rel") + " " + l.getAttribute("type"), l -> l.getAttribute("href")));
        assertEquals(SITE + "/en/resources/kenya-ai-strategy", links.get("alternate text/html"));
        assertEquals(SITE + "/api/v1/resources/kenya-ai-strategy", links.get("alternate application/json"));
        assertEquals(SITE + "/api/v1/resources/kenya-ai-strategy?format=jsonld", links.get("alternate application/ld+json"));
        assertEquals("https://example.org/ke-ai-strategy", links.get("related "));
        Set<String> categories = children(entry, "category").stream()
                .map(c -> c.getAttribute("scheme") + " " + c.getAttribute("term") + " " + c.getAttribute("label"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(SITE + "/api/v1/vocabularies#types policy Policy",
                SITE + "/api/v1/vocabularies#themes policy_planning AI and education policy planning"), categories);
    }

    @Test
    void aFeedTakesTheSearchParametersIncludingFreeText() throws Exception {
        assertEquals(List.of("urn:uuid:" + tool.id()), ids(feed("?q=offline")));
        assertEquals(List.of("urn:uuid:" + practice.id()), ids(feed("?country=IN")));
        Document courses = feed("?type=course&country=KE&theme=teaching_teachers&level=isced_2&language=sw&license=CC-BY-4.0");
        assertEquals(AtomFeeds.ENTRIES, entries(courses).size());
        assertEquals("urn:uuid:" + course.id(), ids(courses).get(0));
        assertTrue(ids(feed("?type=regulation&type=tool")).containsAll(List.of("urn:uuid:" + tool.id())));
        assertEquals(2, entries(feed("?type=regulation&type=tool")).size());
        assertEquals(0, entries(feed("?type=regulation&country=KE")).size(), "an empty feed is still a valid feed");
    }

    @Test
    void theLangParameterPicksTranslatedTitles() throws Exception {
        Element entry = entries(feed("?q=Kenya&type=course&lang=fr")).get(0);
        assertEquals("L'IA pour les enseignants au Kenya", text(entry, "title"));
        assertEquals("fr", children(entry, "title").get(0).getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("Un cours gratuit sur l'IA en classe.", text(entry, "summary"));
    }

    @Test
    void badParametersAreProblemsLikeInSearch() {
        Http.Response bad = http.get("/feeds/atom?type=podcast");
        assertEquals(400, bad.status());
        assertEquals("application/problem+json", bad.header("Content-Type").split(";")[0]);
        assertEquals("type", bad.json().path("errors").path(0).path("field").asText());
        assertEquals("lang", http.get("/feeds/atom?lang=xx").json().path("errors").path(0).path("field").asText());
    }

    @Test
    void readersThatPollGet304UntilSomethingChanges() throws Exception {
        Http.Response first = http.get("/feeds/atom?type=tool");
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("W/\""), String.valueOf(etag));
        Http.Response again = http.get("/feeds/atom?type=tool", "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertNotEquals(etag, http.get("/feeds/atom?type=course").header("ETag"), "another search, another validator");
        Resource added = FiveRecords.publish(repository, FiveRecords.variant(FiveRecords.tool(), "Another tutor",
                "https://example.org/another-tutor"), "another-tutor");
        awaitIndexed(published.size() + 1);
        Http.Response changed = http.get("/feeds/atom?type=tool", "If-None-Match", etag);
        assertEquals(200, changed.status());
        assertEquals("urn:uuid:" + added.id(), ids(validAtom(changed.body())).get(0));
        repository.changeStatus(added.id(), Status.WITHDRAWN);
        awaitIndexed(published.size());
    }

    @Test
    void theValidatorRejectsWhatRfc4287Forbids() {
        String noId = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><updated>2025-01-01T00:00:00Z</updated></feed>";
        assertThrows(SAXException.class, () -> atom.newValidator().validate(new StreamSource(new StringReader(noId))));
        String badDate = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>t</title><updated>2025</updated></feed>";
        assertThrows(SAXException.class, () -> atom.newValidator().validate(new StreamSource(new StringReader(badDate))));
    }
}
