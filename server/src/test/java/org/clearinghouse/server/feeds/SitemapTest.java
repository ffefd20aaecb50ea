package org.clearinghouse.server.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.config.SiteConfig;
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
 * /sitemap.xml, its split into an index and parts, and /robots.txt; every sitemap is validated against the
 * sitemaps.org schemas shipped in xsd/ (sitemap.xsd, siteindex.xsd) with javax.xml.validation.
 */
class SitemapTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String SITE = "https://clearinghouse.example/ch";
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static Application app;
    private static Http http;
    private static ResourceRepository repository;
    private static Schema urlset;
    private static Schema siteindex;
    /** Every URL the sitemap must list, with its lastmod. */
    private static final Map<String, String> expected = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        SchemaFactory xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        urlset = xsd.newSchema(SitemapTest.class.getResource("/xsd/sitemap.xsd"));
        siteindex = xsd.newSchema(SitemapTest.class.getResource("/xsd/siteindex.xsd"));
        repository = new ResourceRepository(POSTGRES.database().dsl(), FiveRecords.MAPPER);
        List<Resource> published = new ArrayList<>();
        published.add(FiveRecords.publish(repository, FiveRecords.course(), "ai-for-teachers-in-kenya")); // KE
        published.add(FiveRecords.publish(repository, FiveRecords.tool(), "open-tutor")); // no jurisdiction
        published.add(FiveRecords.publish(repository, FiveRecords.regulation(), "eu-ai-act")); // EU (a body), FR
        published.add(FiveRecords.publish(repository, FiveRecords.practice(), "ai-assistants-india")); // IN
        Resource renamed = FiveRecords.publish(repository, FiveRecords.policy(), "kenya-old-slug"); // KE
        published.add(repository.renameSlug(renamed.id(), "kenya-ai-strategy"));
        FiveRecords.store(repository, FiveRecords.variant(FiveRecords.policy(), "Pending in Brazil", "https://example.org/br-pending")
                .set("jurisdictions", FiveRecords.MAPPER.createArrayNode().add("BR")),
                "pending-in-brazil", Status.PENDING);
        Resource withdrawn = FiveRecords.publish(repository, FiveRecords.variant(FiveRecords.policy(), "Withdrawn in Chile",
                "https://example.org/cl-withdrawn").set("jurisdictions", FiveRecords.MAPPER.createArrayNode().add("CL")),
                "withdrawn-in-chile");
        repository.changeStatus(withdrawn.id(), Status.WITHDRAWN);

        Map<String, Instant> countries = new TreeMap<>();
        for (Resource r : published) {
            Resource now = repository.findById(r.id()).orElseThrow();
            expected.put(SITE + "/en/resources/" + now.slug(), w3c(now.updatedAt()));
            for (String code : now.content().jurisdictions()) {
                if (FiveRecords.VOCABULARIES.codes("countries").contains(code)) {
                    countries.merge(code, now.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        countries.forEach((code, when) -> expected.put(SITE + "/en/countries/" + code, w3c(when)));

        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_PUBLIC_URL", SITE + "/");
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** loc → lastmod of a urlset, after validating it against sitemap.xsd. */
    private static Map<String, String> urls(String xml) throws Exception {
        urlset.newValidator().validate(new StreamSource(new StringReader(xml)));
        Document document = parse(xml);
        assertEquals("urlset", document.getDocumentElement().getLocalName());
        Map<String, String> urls = new LinkedHashMap<>();
        NodeList list = document.getElementsByTagNameNS(NS, "url");
        for (int i = 0; i < list.getLength(); i++) {
            Element url = (Element) list.item(i);
            String loc = url.getElementsByTagNameNS(NS, "loc").item(0).getTextContent();
            NodeList lastmod = url.getElementsByTagNameNS(NS, "lastmod");
            assertEquals(null, urls.put(loc, lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent()), "duplicate " + loc);
        }
        return urls;
    }

    @Test
    void theSitemapListsEveryPublishedRecordAndCountryPageWithLastmod() throws Exception {
        Http.Response response = http.get("/sitemap.xml");
        assertEquals(200, response.status(), response.body());
        assertEquals("application/xml", response.header("Content-Type").split(";")[0]);
        Map<String, String> urls = urls(response.body());
        assertEquals(expected, new TreeMap<>(urls));
        assertTrue(urls.containsKey(SITE + "/en/resources/kenya-ai-strategy"), "the current slug, never a former one");
        assertTrue(urls.containsKey(SITE + "/en/countries/FR") && !urls.containsKey(SITE + "/en/countries/EU"),
                "country pages are for countries, not bodies");
        assertTrue(!urls.containsKey(SITE + "/en/countries/BR") && !urls.containsKey(SITE + "/en/countries/CL"),
                "countries with only pending or withdrawn records have no page yet");
    }

    @Test
    void pastTheLimitTheSitemapIsAnIndexOfValidParts() throws Exception {
        Sitemaps small = new Sitemaps(repository, FiveRecords.VOCABULARIES, new SiteConfig(SITE), 2);
        ByteArrayOutputStream root = new ByteArrayOutputStream();
        small.writeRoot(root);
        String index = root.toString(StandardCharsets.UTF_8);
        siteindex.newValidator().validate(new StreamSource(new StringReader(index)));
        assertThrows(SAXException.class, () -> urlset.newValidator().validate(new StreamSource(new StringReader(index))));
        Document document = parse(index);
        assertEquals("sitemapindex", document.getDocumentElement().getLocalName());
        NodeList sitemaps = document.getElementsByTagNameNS(NS, "sitemap");
        // 5 records in parts of 2, then the 3 country pages (FR, IN, KE) in parts of 2
        assertEquals(5, sitemaps.getLength());
        assertEquals(5, small.parts());
        Map<String, String> all = new TreeMap<>();
        for (int part = 1; part <= sitemaps.getLength(); part++) {
            Element sitemap = (Element) sitemaps.item(part - 1);
            assertEquals(SITE + "/sitemaps/" + part + ".xml", sitemap.getElementsByTagNameNS(NS, "loc").item(0).getTextContent());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            small.writePart(part, out);
            Map<String, String> urls = urls(out.toString(StandardCharsets.UTF_8));
            assertTrue(urls.size() <= 2 && !urls.isEmpty(), urls.toString());
            String newest = urls.values().stream().max(String::compareTo).orElseThrow();
            assertEquals(newest, sitemap.getElementsByTagNameNS(NS, "lastmod").item(0).getTextContent(), "part " + part);
            all.putAll(urls);
        }
        assertEquals(expected, all, "the parts together list exactly what the single sitemap lists");
        assertThrows(NotFoundException.class, () -> small.writePart(6, new ByteArrayOutputStream()));
        assertThrows(NotFoundException.class, () -> small.writePart(0, new ByteArrayOutputStream()));
    }

    @Test
    void partsOfASitemapThatIsNotSplitAreNotFound() {
        Http.Response part = http.get("/sitemaps/1.xml");
        assertEquals(404, part.status());
        assertEquals("application/problem+json", part.header("Content-Type").split(";")[0]);
        assertTrue(part.json().path("detail").asText().contains("/sitemap.xml"));
        assertEquals(404, http.get("/sitemaps/first.xml").status());
    }

    @Test
    void robotsTxtNamesTheSitemap() {
        Http.Response robots = http.get("/robots.txt");
        assertEquals(200, robots.status());
        assertEquals("text/plain", robots.header("Content-Type").split(";")[0]);
        assertTrue(robots.body().contains("User-agent: *\n"), robots.body());
        assertTrue(robots.body().lines().anyMatch(("Sitemap: " + SITE + "/sitemap.xml")::equals), robots.body());
    }

}
