package org.clearinghouse.web.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class BarChartTest {

    private static final ChartText TEXT = new ChartText("regions", "Records per region", "Published records in each UNESCO region.", Locale.ENGLISH);

    @Test
    void oneBarRendersExactly() {
        Svg svg = BarChart.render(List.of(ChartValue.of("Africa", 7)), new ChartText("r", "T", "D", Locale.ENGLISH));
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 48\" width=\"100%\" class=\"bar-chart\""
                + " role=\"img\" aria-labelledby=\"r-title\" aria-describedby=\"r-desc\" direction=\"ltr\" font-size=\"14\">"
                + "<title id=\"r-title\">T</title><desc id=\"r-desc\">D Africa: 7.</desc>"
                + "<text x=\"0\" y=\"16\" fill=\"currentColor\">Africa</text>"
                + "<rect x=\"0\" y=\"22\" width=\"344\" height=\"16\" fill=\"#2b6cb0\"/>"
                + "<text x=\"350\" y=\"35\" fill=\"currentColor\">7</text></svg>", svg.markup());
    }

    @Test
    void threeBarsGetWidthsInProportionAndTheirLabels() {
        SvgDocument doc = SvgDocument.parse(BarChart.render(List.of(
                ChartValue.of("Africa", 10), ChartValue.of("Asia and the Pacific", 5), ChartValue.of("Europe", 0)), TEXT));

        assertEquals("0 0 400 136", doc.root().getAttribute("viewBox"));
        assertEquals("img", doc.root().getAttribute("role"));
        assertEquals(List.of("344", "172", "0"), doc.all("rect").stream().map(r -> r.getAttribute("width")).toList());
        assertEquals(List.of("22", "66", "110"), doc.all("rect").stream().map(r -> r.getAttribute("y")).toList());
        assertEquals(List.of("Africa", "10", "Asia and the Pacific", "5", "Europe", "0"), SvgDocument.texts(doc.all("text")));
        assertEquals(List.of("0", "350", "0", "178", "0", "6"), doc.all("text").stream().map(t -> t.getAttribute("x")).toList());
        assertEquals("Published records in each UNESCO region. Africa: 10; Asia and the Pacific: 5; Europe: 0.",
                doc.all("desc").get(0).getTextContent());
        doc.assertNoStyleOrScript();
    }

    @Test
    void barsWithLinksAreNamedLinksInAGroup() {
        SvgDocument doc = SvgDocument.parse(BarChart.render(List.of(
                new ChartValue("Africa", 1200, "/en/search?region=africa"), ChartValue.of("Europe", 3)), TEXT));
        assertEquals("group", doc.root().getAttribute("role"));
        List<Element> links = doc.all("a");
        assertEquals(1, links.size());
        assertEquals("/en/search?region=africa", links.get(0).getAttribute("href"));
        assertEquals("", links.get(0).getAttribute("aria-label")); // named by its title, which holds its visible texts
        assertEquals("Africa: 1,200", SvgDocument.elements(links.get(0), "title").get(0).getTextContent());
        assertEquals(List.of("Africa", "1,200"), SvgDocument.texts(SvgDocument.elements(links.get(0), "text")));
    }

    @Test
    void rightToLeftLabelsStateTheirDirectionAndStayLeftAligned() {
        SvgDocument doc = SvgDocument.parse(BarChart.render(List.of(ChartValue.of("الدول العربية", 12), ChartValue.of("Africa", 6)),
                new ChartText("ar", "السجلات", "وصف", Locale.forLanguageTag("ar"))));
        List<Element> texts = doc.all("text");
        assertEquals("الدول العربية", texts.get(0).getTextContent());
        assertEquals("rtl", texts.get(0).getAttribute("direction"));
        assertEquals("end", texts.get(0).getAttribute("text-anchor")); // the end of right-to-left text is its left edge
        assertEquals("١٢", texts.get(1).getTextContent());
        assertEquals("", texts.get(2).getAttribute("direction"));
        assertEquals("", texts.get(2).getAttribute("text-anchor"));
        assertEquals("ltr", doc.root().getAttribute("direction")); // the page's dir=rtl does not flip the layout
    }

    @Test
    void longLabelsAreShortenedOnScreenButWholeInTheTextAlternative() {
        String label = "Policies on artificial intelligence in education and their implementation plans";
        SvgDocument doc = SvgDocument.parse(BarChart.render(List.of(ChartValue.of(label, 2)), TEXT));
        String shown = doc.all("text").get(0).getTextContent();
        assertEquals("Policies on artificial intelligence in…", shown);
        String chinese = "人工智能在教育中的应用政策及其实施计划人工智能在教育中的应用政策及其实施计划人工智能在教育中的应用政策";
        assertEquals(48, SvgText.shorten(chinese, 48).length());
        assertEquals(chinese.substring(0, 47) + "…", SvgText.shorten(chinese, 48));
        assertEquals("Published records in each UNESCO region. " + label + ": 2.", doc.all("desc").get(0).getTextContent());
    }

    @Test
    void emptyAndAllZeroChartsAreDrawnWithoutBars() {
        SvgDocument empty = SvgDocument.parse(BarChart.render(List.of(), TEXT));
        assertEquals("0 0 400 4", empty.root().getAttribute("viewBox"));
        assertEquals("Published records in each UNESCO region.", empty.all("desc").get(0).getTextContent());
        SvgDocument zeros = SvgDocument.parse(BarChart.render(List.of(ChartValue.of("A", 0), ChartValue.of("B", 0)), TEXT));
        assertEquals(List.of("0", "0"), zeros.all("rect").stream().map(r -> r.getAttribute("width")).toList());
        assertThrows(IllegalArgumentException.class, () -> ChartValue.of("A", -1));
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.render(List.of(new ChartValue("A", 1, "javascript:alert(1)")), TEXT));
    }
}
