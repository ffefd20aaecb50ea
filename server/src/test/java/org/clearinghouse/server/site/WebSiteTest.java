package org.clearinghouse.server.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public web site, in process, on the seed catalogue plus a few fixture records. */
class WebSiteTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final List<String> LANGS = List.of("en", "fr", "es", "ar", "ru", "zh");
    static final int BUDGET = 60 * 1024;
    static final String ORIGIN = "https://clearinghouse.example";

    private static Application app;
    private static Http http;
    private static final HttpClient RAW = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = POSTGRES.startApplication("CLEARINGHOUSE_PUBLIC_URL", ORIGIN);
        http = new Http(app.port());
        ResourceRepository repository = new ResourceRepository(POSTGRES.database().dsl(), Json.mapper());

        ObjectNode evil = Records.course("x", "https://example.org/evil-course");
        evil.put("title", "Qwzx course " + SCRIPT + " " + IMG);
        evil.put("summary", "Qwzx summary " + SCRIPT + " and " + IMG + " and </script><!--");
        publish(repository, evil, "qwzx-evil-course");

        publish(repository, Records.course("Zqvy teaching with AI", "https://example.org/zqvy"), "zqvy-teaching");

        UUID renamed = publish(repository, Records.policy("Vyxq national strategy", "https://example.org/vyxq", "KE", "2024"),
                "vyxq-old-slug");
        repository.renameSlug(renamed, "vyxq-strategy");

        UUID withdrawn = publish(repository, Records.policy("Wqzt withdrawn plan", "https://example.org/wqzt", "KE", "2023"),
                "wqzt-withdrawn-plan");
        repository.changeStatus(withdrawn, Status.WITHDRAWN);

        assertTrue(waitFor(() -> http.get("/api/v1/search?q=qwzx").json().path("total").asLong() == 1
                && http.get("/api/v1/search?q=zqvy").json().path("total").asLong() == 1
                && http.get("/api/v1/search?q=wqzt").json().path("total").asLong() == 0), "fixtures indexed");
    }

    private static UUID publish(ResourceRepository repository, ObjectNode record, String slug) {
        UUID id = UUID.randomUUID();
        repository.insert(new NewResource(id, slug, Status.PENDING, ResourceContent.fromValidated(record, Json.mapper()),
                List.of("africa"), null));
        repository.changeStatus(id, Status.PUBLISHED);
        return id;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One page of each type, by its language-neutral path. */
    static final List<String> PAGES = List.of("/", "/search?q=teachers&type=course", "/resources/qwzx-evil-course",
            "/countries/KE", "/explore", "/about", "/api");

    private static Document page(String path) {
        Http.Response response = http.get(path);
        assertEquals(200, response.status(), path + ": " + response.body());
        return Jsoup.parse(response.body(), "http://localhost/");
    }

    @Test
    void everyPageTypeAnswersInEveryLanguageWithItsLangAndDirection() {
        for (String lang : LANGS) {
            for (String path : PAGES) {
                String url = "/" + lang + path;
                Http.Response response = http.get(url);
                assertEquals(200, response.status(), url);
                assertEquals("text/html", response.header("Content-Type").split(";")[0].trim(), url);
                Document doc = Jsoup.parse(response.body());
                assertEquals(lang, doc.selectFirst("html").attr("lang"), url);
                assertEquals(lang.equals("ar") ? "rtl" : "ltr", doc.selectFirst("html").attr("dir"), url);
                assertEquals(1, doc.select("h1").size(), url + " has one h1");
                assertNotNull(doc.selectFirst("main#main"), url);
                assertEquals("#main", doc.selectFirst("a.skip").attr("href"), url);
                assertEquals(6, doc.select("nav.langs a[hreflang]").size(), url + " language switcher");
                assertEquals(lang, doc.selectFirst("nav.langs a[aria-current]").attr("hreflang"), url);
                for (Element script : doc.select("script:not([type=application/ld+json])")) {
                    assertTrue(script.attr("src").matches("/static/suggest\\.[0-9a-f]{12}\\.js") && script.data().isEmpty(),
                            url + ": only the fingerprinted enhancement script, never inline code: " + script);
                }
            }
        }
    }

    @Test
    void everyHtmlAnswerCarriesTheSecurityHeaders() {
        List<String> urls = new ArrayList<>();
        PAGES.forEach(p -> urls.add("/fr" + p));
        urls.add("/en/resources/no-such-record");
        urls.add("/en/resources/wqzt-withdrawn-plan");
        urls.add("/en/search?country=NOWHERE");
        for (String url : urls) {
            Http.Response response = http.get(url);
            String csp = response.header("Content-Security-Policy");
            assertNotNull(csp, url);
            for (String directive : List.of("default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'",
                    "form-action 'self'", "script-src 'self'", "style-src 'self'")) {
                assertTrue(csp.contains(directive), url + " CSP lacks " + directive);
            }
            assertFalse(csp.contains("unsafe-inline"), url);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), url);
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), url);
        }
    }

    @Test
    void theStylesheetAndScriptAreFingerprintedAndCachedForAYear() {
        Document doc = page("/en/about");
        String css = doc.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("/static/site\\.[0-9a-f]{12}\\.css"), css);
        Http.Response response = http.get(css);
        assertEquals(200, response.status());
        assertEquals("public, max-age=31536000, immutable", response.header("Cache-Control"));
        assertEquals("text/css", response.header("Content-Type").split(";")[0]);
        assertTrue(response.body().contains("margin-inline"), "logical properties");
        String js = doc.selectFirst("script[src]").attr("src");
        Http.Response script = http.get(js);
        assertEquals(200, script.status());
        assertEquals("public, max-age=31536000, immutable", script.header("Cache-Control"));
        assertEquals("text/javascript", script.header("Content-Type").split(";")[0]);
        assertTrue(script.body().contains("/api/v1/suggest"));
        assertEquals(404, http.get("/static/site.000000000000.css").status());
        assertEquals(404, http.get("/static/..%2Fpom.xml").status());
    }

    @Test
    void scriptAndMarkupInARecordRenderInertOnSearchAndResourcePages() throws Exception {
        for (String url : List.of("/en/search?q=qwzx", "/ar/search?q=qwzx", "/en/resources/qwzx-evil-course")) {
            String body = http.get(url).body();
            assertFalse(body.contains(SCRIPT), url);
            assertFalse(body.contains("<img src=x"), url);
            Document doc = Jsoup.parse(body);
            assertTrue(doc.select("img").isEmpty(), url + " grew an img element");
            assertTrue(doc.select("script").stream().allMatch(s -> s.data().isEmpty() || s.attr("type").equals("application/ld+json")),
                    url + " has no inline script but the JSON-LD data block");
            assertTrue(doc.text().contains(SCRIPT), url + " shows the payload as text");
            assertTrue(doc.text().contains(IMG), url + " shows the payload as text");
        }
        Document resource = page("/en/resources/qwzx-evil-course");
        List<Element> blocks = resource.select("script[type=application/ld+json]");
        assertEquals(1, blocks.size());
        String raw = blocks.get(0).data();
        assertFalse(raw.contains("<"), "no < at all inside the JSON-LD block");
        JsonNode ld = Json.mapper().readTree(raw);
        assertEquals("Course", ld.path("@type").asText());
        assertEquals("https://schema.org", ld.path("@context").asText());
        assertTrue(ld.path("name").toString().contains("Qwzx course " + SCRIPT), "the JSON-LD keeps the title exactly: " + ld.path("name"));
    }

    @Test
    void theResourcePageHasCanonicalAndHreflangLinksAndEveryField() {
        Document doc = page("/fr/resources/zqvy-teaching");
        assertEquals(ORIGIN + "/fr/resources/zqvy-teaching",
                doc.selectFirst("link[rel=canonical]").attr("href"));
        Map<String, String> alternates = new HashMap<>();
        doc.select("link[rel=alternate][hreflang]").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
        for (String lang : LANGS) {
            assertEquals(ORIGIN + "/" + lang + "/resources/zqvy-teaching", alternates.get(lang), lang);
        }
        assertEquals(ORIGIN + "/resources/zqvy-teaching", alternates.get("x-default"));
        assertEquals("Introduction à l'IA pour les enseignants", doc.selectFirst("h1").text(), "the French translation");
        assertEquals("fr", doc.selectFirst("h1").attr("lang"));
        assertTrue(doc.text().contains("Zqvy teaching with AI"), "the original title too");
        String text = doc.text();
        for (String expected : List.of("Example University", "Kenya", "Enseignants", "12 heures", "À son rythme", "Débutant",
                "Certificat gratuit", "4.c", "teacher training", "https://example.org/zqvy")) {
            assertTrue(text.contains(expected), "resource page shows " + expected);
        }
        assertNotNull(doc.selectFirst("a[href=/fr/countries/KE]"));
        assertEquals("https://example.org/zqvy", doc.selectFirst("article a[rel=noopener]").attr("href"));
    }

    @Test
    void aFormerSlugRedirectsPermanentlyAndAWithdrawnRecordIsGone() {
        Http.Response moved = http.get("/es/resources/vyxq-old-slug?x=1");
        assertEquals(301, moved.status());
        assertEquals("/es/resources/vyxq-strategy?x=1", moved.header("Location"));
        assertEquals(200, http.get("/es/resources/vyxq-strategy").status());

        Http.Response gone = http.get("/fr/resources/wqzt-withdrawn-plan");
        assertEquals(410, gone.status());
        Document doc = Jsoup.parse(gone.body());
        assertEquals("fr", doc.selectFirst("html").attr("lang"));
        assertEquals("Cette fiche a été retirée", doc.selectFirst("h1").text());
        assertTrue(doc.text().contains("Wqzt withdrawn plan"));

        for (String url : List.of("/ru/resources/no-such-record", "/ru/no/such/page")) {
            Http.Response missing = http.get(url);
            assertEquals(404, missing.status(), url);
            assertEquals("Страница не найдена", Jsoup.parse(missing.body()).selectFirst("h1").text(), url);
        }
        assertEquals("application/problem+json", http.get("/api/v1/no-such-endpoint").header("Content-Type").split(";")[0],
                "the API's own 404s stay problem documents");
    }

    @Test
    void facetsAreMultiSelectWithTheSearchServicesExactCounts() {
        JsonNode api = http.get("/api/v1/search?type=course&type=tool&lang=en&limit=1").json();
        Document doc = page("/en/search?type=course&type=tool");
        assertEquals(api.path("total").asLong() + " records found", doc.selectFirst("#result-count").text());
        Map<String, Long> apiTypes = new HashMap<>();
        api.path("facets").path("type").forEach(v -> apiTypes.put(v.path("value").asText(), v.path("count").asLong()));
        assertEquals(apiTypes.get("course") + apiTypes.get("tool"), api.path("total").asLong(),
                "OR within a dimension: the total is the two types' counts");
        for (Element box : doc.select("fieldset input[name=type]")) {
            String value = box.attr("value");
            Element label = doc.selectFirst("label[for=" + box.id() + "]");
            assertTrue(label.text().endsWith("(" + apiTypes.get(value) + ")"), value + ": " + label.text());
            assertEquals(value.equals("course") || value.equals("tool"), box.hasAttr("checked"), value);
        }
        assertEquals(5, doc.select("fieldset input[name=type]").size(), "every type stays selectable");
        for (Element fieldset : doc.select("fieldset")) {
            assertNotNull(fieldset.selectFirst("legend"), "each group of checkboxes has a legend");
        }
        for (Element control : doc.select("input:not([type=hidden]), select")) {
            assertFalse(control.id().isEmpty(), control.outerHtml());
            assertNotNull(doc.selectFirst("label[for=" + control.id() + "]"), "label for " + control.id());
        }
    }

    @Test
    void eachActiveFilterHasALinkRemovingExactlyIt() {
        Document doc = page("/en/search?q=ai&type=course&type=tool&region=africa&year_from=2020&cursor=");
        Map<String, String> links = new HashMap<>();
        doc.select("ul.filters a").forEach(a -> links.put(a.text(), a.attr("href")));
        assertEquals(Map.of(
                "Words: ai", "/en/search?type=course&type=tool&region=africa&year_from=2020",
                "Type: Course", "/en/search?q=ai&type=tool&region=africa&year_from=2020",
                "Type: AI tool", "/en/search?q=ai&type=course&region=africa&year_from=2020",
                "Region: Africa", "/en/search?q=ai&type=course&type=tool&year_from=2020",
                "From 2020", "/en/search?q=ai&type=course&type=tool&region=africa"), links);
    }

    @Test
    void pagingFollowsTheCursorAndExportsKeepTheSearch() {
        Document first = page("/en/search?type=policy");
        Element next = first.selectFirst("#next-page");
        assertNotNull(next, "the seed has more than 20 policies");
        assertTrue(next.attr("href").startsWith("/en/search?type=policy&cursor="), next.attr("href"));
        Document second = page(next.attr("href"));
        assertNotNull(second.selectFirst("#first-page"));
        Set<String> firstPage = new HashSet<>(first.select("#results h3 a").eachAttr("href"));
        second.select("#results h3 a").eachAttr("href").forEach(h -> assertFalse(firstPage.contains(h), h));
        assertEquals("/api/v1/search?type=policy&lang=en&format=csv", first.selectFirst("#export-csv").attr("href"));
        assertEquals("/api/v1/search?type=policy&lang=en&format=jsonl", first.selectFirst("#export-jsonl").attr("href"));
        assertEquals(200, http.get(first.selectFirst("#export-csv").attr("href")).status());
    }

    @Test
    void aRefusedParameterIsAPageWithTheReasonNotAProblemDocument() {
        Http.Response response = http.get("/es/search?country=NOWHERE");
        assertEquals(400, response.status());
        Document doc = Jsoup.parse(response.body());
        assertEquals("es", doc.selectFirst("html").attr("lang"));
        assertTrue(doc.selectFirst("[role=alert]").text().contains("country"));
    }

    @Test
    void highlightsAndDidYouMeanReachThePage() {
        Document doc = page("/en/search?q=" + URLEncoder.encode("zqvy", StandardCharsets.UTF_8));
        assertEquals("zqvy", doc.selectFirst("#results mark").text().toLowerCase(java.util.Locale.ROOT));
        Document typo = page("/en/search?q=teachres");
        JsonNode api = http.get("/api/v1/search?q=teachres&lang=en").json();
        if (!api.path("suggestion").isNull()) {
            assertTrue(typo.text().contains("Did you mean: " + api.path("suggestion").asText()));
        }
    }

    @Test
    void theLanguageComesFromThePrefixOrElseFromAcceptLanguage() {
        Http.Response root = http.get("/", "Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5");
        assertEquals(302, root.status());
        assertEquals("/ar/", root.header("Location"));
        assertTrue(root.header("Vary").contains("Accept-Language"));
        assertEquals("/en/", http.get("/").header("Location"));
        assertEquals("/en/", http.get("/", "Accept-Language", "de-DE").header("Location"));
        Http.Response search = http.get("/search?q=ia&type=policy", "Accept-Language", "fr-FR,fr;q=0.9");
        assertEquals("/fr/search?q=ia&type=policy", search.header("Location"));
        assertEquals("/zh/countries/KE", http.get("/countries/KE", "Accept-Language", "zh-CN").header("Location"));
        assertEquals("/en/countries/KE", http.get("/en/countries/ke").header("Location"), "codes are upper case");
        assertEquals(404, http.get("/en/countries/XX").status());
    }

    @Test
    void recordsAndLabelsShowInTheInterfaceLanguage() {
        Document doc = page("/fr/search?q=zqvy");
        assertEquals("Introduction à l'IA pour les enseignants", doc.selectFirst("#results h3").text());
        assertTrue(doc.select("fieldset legend").eachText().contains("Type"));
        assertTrue(doc.select("label").eachText().stream().anyMatch(t -> t.startsWith("Cours ")), "type labels in French");
        Document arabic = page("/ar/");
        assertTrue(arabic.selectFirst("h1").text().contains("الذكاء الاصطناعي"));
    }

    @Test
    void theCountryProfileComparesWithItsRegionAndNamesItsGaps() {
        Document doc = page("/en/countries/KE");
        assertEquals("Kenya", doc.selectFirst("h1").text());
        JsonNode own = http.get("/api/v1/search?country=KE&limit=1").json();
        JsonNode region = http.get("/api/v1/search?region=africa&limit=1").json();
        Map<String, Long> ownTypes = new HashMap<>();
        own.path("facets").path("type").forEach(v -> ownTypes.put(v.path("label").asText(), v.path("count").asLong()));
        Map<String, Long> regionTypes = new HashMap<>();
        region.path("facets").path("type").forEach(v -> regionTypes.put(v.path("label").asText(), v.path("count").asLong()));
        for (Element row : doc.select("#overview-h ~ div table tbody tr")) {
            String type = row.selectFirst("th").text();
            assertEquals(ownTypes.getOrDefault(type, 0L), Long.parseLong(row.select("td").get(0).text()), type);
            assertEquals(regionTypes.getOrDefault(type, 0L), Long.parseLong(row.select("td").get(1).text()), type);
        }
        long teacherCourses = http.get("/api/v1/search?country=KE&type=course&audience=teachers&limit=1").json().path("total").asLong();
        List<String> gaps = doc.select("#gaps-h ~ ul li").eachText();
        assertEquals(teacherCourses == 0, gaps.stream().anyMatch(g -> g.startsWith("No course for teachers made for")), gaps.toString());
        long policies = ownTypes.getOrDefault("Policy", 0L);
        assertTrue(policies > 0, "Kenya has policies (fixtures and seed)");
        assertFalse(gaps.stream().anyMatch(g -> g.startsWith("No policy")), gaps.toString());
    }

    @Test
    void theHomeMapLinksEveryCountryWithRecordsToItsProfile() {
        Document doc = page("/fr/");
        Element map = doc.selectFirst("#map svg.world-map");
        assertNotNull(map, "the world map is on the home page");
        long kenya = http.get("/api/v1/search?country=KE&limit=1").json().path("total").asLong();
        Element link = map.selectFirst("a[href=/fr/countries/KE]");
        assertNotNull(link);
        assertTrue(link.outerHtml().contains("Kenya : " + kenya + " fiches"), link.outerHtml());
        Set<String> vocabulary = new HashSet<>();
        http.get("/api/v1/vocabularies").json().path("countries").forEach(c -> vocabulary.add(c.path("code").asText()));
        Set<String> withRecords = new HashSet<>();
        http.get("/api/v1/search?limit=1").json().path("facets").path("country").forEach(v -> {
            if (vocabulary.contains(v.path("value").asText())) {
                withRecords.add(v.path("value").asText());
            }
        });
        Set<String> linked = new HashSet<>();
        map.select("a[href^=/fr/countries/]").forEach(a -> linked.add(a.attr("href").substring("/fr/countries/".length())));
        assertEquals(withRecords, linked, "every country with records, and only those (bodies such as UNESCO have no shape)");
    }

    @Test
    void theExplorePageHasASectionPerDimensionWithItsTable() {
        Document doc = page("/en/explore");
        for (String id : List.of("by-type", "by-region", "by-theme", "by-year", "by-country", "by-language")) {
            assertNotNull(doc.selectFirst("#" + id + " svg"), id + " has its chart");
        }
        for (String id : List.of("by-type", "by-region", "by-theme", "by-year")) {
            Element section = doc.getElementById(id);
            assertNotNull(section, id);
            assertNotNull(section.selectFirst("table caption"), id);
            assertFalse(section.select("tbody tr").isEmpty(), id);
        }
        long total = http.get("/api/v1/search?limit=1").json().path("total").asLong();
        long sum = 0;
        for (Element cell : doc.select("#by-type tbody td.n")) {
            sum += Long.parseLong(cell.text().replace(",", ""));
        }
        assertEquals(total, sum, "the type chart counts every published record once");
    }

    @Test
    void everyPageTypeFitsTheBudgetCompressed() throws Exception {
        for (String path : PAGES) {
            for (String lang : List.of("en", "ar")) {
                String url = "/" + lang + path;
                HttpResponse<byte[]> html = raw(url);
                assertEquals(200, html.statusCode(), url);
                assertEquals("gzip", html.headers().firstValue("Content-Encoding").orElse(""), url + " is compressed");
                String body = new String(new GZIPInputStream(new ByteArrayInputStream(html.body())).readAllBytes(), StandardCharsets.UTF_8);
                long total = html.body().length;
                Document doc = Jsoup.parse(body);
                List<String> assets = new ArrayList<>(doc.select("link[rel=stylesheet]").eachAttr("href"));
                assets.addAll(doc.select("script[src]").eachAttr("src"));
                assets.addAll(doc.select("img[src]").eachAttr("src"));
                for (String asset : assets) {
                    HttpResponse<byte[]> a = raw(asset);
                    assertEquals(200, a.statusCode(), asset);
                    total += a.body().length;
                }
                assertTrue(total <= BUDGET, url + " transfers " + total + " bytes compressed, over " + BUDGET);
            }
        }
    }

    private static HttpResponse<byte[]> raw(String path) throws IOException, InterruptedException {
        return RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
