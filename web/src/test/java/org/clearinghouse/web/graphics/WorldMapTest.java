package org.clearinghouse.web.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class WorldMapTest {

    private static final WorldMap.Text TEXT = new WorldMap.Text(
            "map", "Records per country", "Darker blue means more records.", "Records", "None yet", Locale.ENGLISH);

    /** The budget of the map within a page's 60 KB: the whole map, every country linked. */
    private static final int GZIP_BUDGET = 25 * 1024;

    private static WorldMap.Link link(String code, long count) {
        return new WorldMap.Link("/countries/" + code.toLowerCase(Locale.ROOT), code + ": " + count + " records");
    }

    /** Country code to English name, from the catalogue's vocabulary. */
    private static Map<String, String> vocabulary() throws IOException {
        try (InputStream in = WorldMapTest.class.getResourceAsStream("/vocabularies/countries.json")) {
            Map<String, String> names = new LinkedHashMap<>();
            for (JsonNode country : new ObjectMapper().readTree(in)) {
                names.put(country.get("code").asText(), country.path("labels").path("en").asText());
            }
            return names;
        }
    }

    private static Element linkTo(SvgDocument doc, String href) {
        return doc.all("a").stream().filter(a -> a.getAttribute("href").equals(href)).findFirst()
                .orElseThrow(() -> new AssertionError("no link to " + href));
    }

    @Test
    void everyCountryOfTheVocabularyIsDrawnAndLinkedExceptAntarctica() throws IOException {
        Map<String, String> vocabulary = vocabulary();
        assertEquals(249, vocabulary.size());
        Map<String, Integer> counts = new HashMap<>();
        vocabulary.keySet().forEach(code -> counts.put(code, 1));

        SvgDocument doc = SvgDocument.parse(WorldMap.render(counts, WorldMapTest::link, TEXT));

        Set<String> linked = new TreeSet<>();
        for (Element a : doc.all("a")) {
            List<Element> shapes = SvgDocument.elements(a, "path");
            List<Element> dots = SvgDocument.elements(a, "circle");
            assertEquals(1, shapes.size() + dots.size(), a.getAttribute("href"));
            if (!shapes.isEmpty()) {
                assertTrue(shapes.get(0).getAttribute("d").matches("(M\\d+ \\d+l[-\\d ]+z)+"), a.getAttribute("href"));
            }
            linked.add(a.getAttribute("href").substring("/countries/".length()).toUpperCase(Locale.ROOT));
        }
        Set<String> expected = new TreeSet<>(vocabulary.keySet());
        expected.remove("AQ"); // left off the map on purpose
        assertEquals(expected, linked);
        // Large countries are shapes; city states and small islands are dots.
        assertEquals(1, SvgDocument.elements(linkTo(doc, "/countries/ke"), "path").size());
        assertEquals(1, SvgDocument.elements(linkTo(doc, "/countries/sg"), "circle").size());
        assertEquals(1, SvgDocument.elements(linkTo(doc, "/countries/tv"), "circle").size());
        // Every country with data is counted, so no grey country remains except Kosovo (not in the vocabulary).
        Element grey = doc.all("g").stream().filter(g -> g.getAttribute("fill").equals(WorldMap.NO_DATA_FILL))
                .findFirst().orElseThrow();
        assertEquals(1, SvgDocument.elements(grey, "path").size());
    }

    @Test
    void aCountryGetsTheClassOfItsCountAndALinkNamedWithIt() {
        Map<String, Integer> counts = Map.of("KE", 1, "BR", 3, "fr", 12, "SG", 50, "US", 1000);
        SvgDocument doc = SvgDocument.parse(WorldMap.render(counts, WorldMapTest::link, TEXT));

        Map<String, String> classes = doc.all("a").stream()
                .collect(Collectors.toMap(a -> a.getAttribute("href"), a -> a.getAttribute("class")));
        assertEquals(Map.of("/countries/ke", "wm-1", "/countries/br", "wm-1", "/countries/fr", "wm-2",
                "/countries/sg", "wm-4", "/countries/us", "wm-5"), classes);

        Element france = linkTo(doc, "/countries/fr");
        assertEquals("#9ecae1", france.getAttribute("fill"));
        assertEquals("FR: 12 records", france.getAttribute("aria-label"));
        assertEquals("FR: 12 records", SvgDocument.elements(france, "title").get(0).getTextContent());
        // Links come in the order of their names, for keyboard and screen-reader users.
        assertEquals(List.of("BR: 3 records", "FR: 12 records", "KE: 1 records", "SG: 50 records", "US: 1000 records"),
                doc.all("a").stream().map(a -> a.getAttribute("aria-label")).toList());
    }

    @Test
    void countriesWithoutRecordsAreGreyHiddenAndNotLinks() {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("KE", 4);
        counts.put("NG", 0);
        counts.put("EG", -2);
        counts.put("ZZ", 9); // no such country: nothing to draw
        counts.put("AQ", 5); // not on the map
        SvgDocument doc = SvgDocument.parse(WorldMap.render(counts, WorldMapTest::link, TEXT));

        assertEquals(List.of("/countries/ke"), doc.all("a").stream().map(a -> a.getAttribute("href")).toList());
        Element grey = doc.all("g").stream().filter(g -> g.getAttribute("fill").equals(WorldMap.NO_DATA_FILL))
                .findFirst().orElseThrow();
        assertEquals("true", grey.getAttribute("aria-hidden"));
        assertEquals(WorldShapes.get().paths.size() - 1, SvgDocument.elements(grey, "path").size());
        assertTrue(SvgDocument.elements(grey, "a").isEmpty());
        // The largest count is 4: one class per value.
        assertEquals(List.of("Records", "None yet", "1", "2", "3", "4"),
                SvgDocument.texts(SvgDocument.elements(legend(doc), "text")));
    }

    private static Element legend(SvgDocument doc) {
        return doc.all("g").stream().filter(g -> g.getAttribute("class").equals("world-map-legend")).findFirst().orElseThrow();
    }

    @Test
    void theLegendNamesEveryClassInTheInterfaceLanguage() {
        Map<String, Integer> counts = Map.of("KE", 1, "US", 1000);
        SvgDocument doc = SvgDocument.parse(WorldMap.render(counts, WorldMapTest::link, TEXT));
        assertEquals(List.of("Records", "None yet", "1–4", "5–19", "20–49", "50–199", "200–1,000"),
                SvgDocument.texts(SvgDocument.elements(legend(doc), "text")));
        assertEquals("true", legend(doc).getAttribute("aria-hidden"));

        WorldMap.Text arabic = new WorldMap.Text("carte", "السجلات حسب البلد", "وصف", "السجلات", "لا شيء بعد", Locale.forLanguageTag("ar"));
        SvgDocument ar = SvgDocument.parse(WorldMap.render(counts, WorldMapTest::link, arabic));
        List<Element> texts = SvgDocument.elements(legend(ar), "text");
        assertEquals("السجلات", texts.get(0).getTextContent());
        assertEquals("rtl", texts.get(0).getAttribute("direction"));
        assertEquals("end", texts.get(0).getAttribute("text-anchor"));
        assertEquals("١–٤", texts.get(2).getTextContent()); // Arabic-Indic digits for the "ar" locale
    }

    @Test
    void theTitleAndDescriptionLabelTheMap() {
        SvgDocument doc = SvgDocument.parse(WorldMap.render(Map.of("KE", 3), WorldMapTest::link, TEXT));
        Element root = doc.root();
        assertEquals("group", root.getAttribute("role")); // an img role would hide the links inside
        assertEquals("map-title", root.getAttribute("aria-labelledby"));
        assertEquals("map-desc", root.getAttribute("aria-describedby"));
        assertEquals("100%", root.getAttribute("width"));
        assertEquals("ltr", root.getAttribute("direction"));
        Element title = doc.all("title").get(0);
        assertEquals("map-title", title.getAttribute("id"));
        assertEquals("Records per country", title.getTextContent());
        assertEquals("Darker blue means more records.", doc.all("desc").get(0).getTextContent());
        doc.assertNoStyleOrScript();
    }

    @Test
    void hostileTextIsEscapedAndHostileLinksAreRefused() {
        String hostile = "<script>alert(1)</script> & \"quotes\" 'too' <img src=x onerror=alert(1)>";
        WorldMap.Text text = new WorldMap.Text("m", hostile, hostile, hostile, hostile, Locale.ENGLISH);
        Svg svg = WorldMap.render(Map.of("KE", 2),
                (code, count) -> new WorldMap.Link("/countries/ke?q=\"><script>", hostile + " " + count), text);

        assertFalse(svg.markup().contains("<script"));
        assertFalse(svg.markup().contains("<img"));
        SvgDocument doc = SvgDocument.parse(svg);
        assertEquals(hostile, doc.all("title").get(0).getTextContent());
        assertEquals(hostile + " 2", linkTo(doc, "/countries/ke?q=\"><script>").getAttribute("aria-label"));
        doc.assertNoStyleOrScript();

        for (String href : List.of("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/")) {
            assertThrows(IllegalArgumentException.class,
                    () -> WorldMap.render(Map.of("KE", 2), (c, n) -> new WorldMap.Link(href, "Kenya"), TEXT), href);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new WorldMap.Text("a\" onload=\"x", "t", "d", "l", "n", Locale.ENGLISH));
    }

    @Test
    void theWholeMapFitsItsShareOfThePageBudget() throws IOException {
        Map<String, String> vocabulary = vocabulary();
        Map<String, Integer> counts = new HashMap<>();
        int i = 0;
        for (String code : vocabulary.keySet()) {
            counts.put(code, 1 + (i++ * 37) % 900);
        }
        Svg svg = WorldMap.render(counts, (code, count) -> new WorldMap.Link(
                "/en/countries/" + code.toLowerCase(Locale.ROOT),
                vocabulary.get(code) + ": " + count + " records"), TEXT);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(svg.markup().getBytes(StandardCharsets.UTF_8));
        }
        int compressed = bytes.size();
        System.out.printf("world map: %d bytes, %d gzipped%n", svg.markup().length(), compressed);
        assertTrue(compressed < GZIP_BUDGET, "map is " + compressed + " bytes gzipped, budget " + GZIP_BUDGET);
    }
}
