package org.clearinghouse.web.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ColumnChartTest {

    private static final ChartText TEXT = new ChartText("years", "Records per year", "Records by year of publication.", Locale.ENGLISH);

    @Test
    void threeColumnsGetHeightsInProportionWithValuesAboveAndYearsBelow() {
        SvgDocument doc = SvgDocument.parse(ColumnChart.render(List.of(
                ChartValue.of("2021", 4), ChartValue.of("2022", 8), ChartValue.of("2023", 2)), TEXT));

        assertEquals("0 0 400 192", doc.root().getAttribute("viewBox"));
        List<Element> rects = doc.all("rect");
        assertEquals(List.of("29", "155.7", "282.3"), rects.stream().map(r -> r.getAttribute("x")).toList());
        assertEquals(List.of("88.7", "88.7", "88.7"), rects.stream().map(r -> r.getAttribute("width")).toList());
        assertEquals(List.of("75", "150", "37.5"), rects.stream().map(r -> r.getAttribute("height")).toList());
        assertEquals(List.of("93", "18", "130.5"), rects.stream().map(r -> r.getAttribute("y")).toList());
        assertEquals(List.of("2021", "4", "2022", "8", "2023", "2"), SvgDocument.texts(doc.all("text")));
        assertEquals(List.of("184", "89", "184", "14", "184", "126.5"),
                doc.all("text").stream().map(t -> t.getAttribute("y")).toList());
        assertEquals("middle", doc.all("text").get(0).getAttribute("text-anchor"));
        assertEquals("Records by year of publication. 2021: 4; 2022: 8; 2023: 2.", doc.all("desc").get(0).getTextContent());
        doc.assertNoStyleOrScript();
    }

    @Test
    void manyYearsWidenTheChartAndThinOutTheirLabelsKeepingTheLatest() {
        List<ChartValue> years = new ArrayList<>();
        for (int year = 1996; year <= 2025; year++) {
            years.add(new ChartValue(Integer.toString(year), year - 1990, "/en/search?year=" + year));
        }
        SvgDocument doc = SvgDocument.parse(ColumnChart.render(years, TEXT));

        assertEquals("0 0 860 192", doc.root().getAttribute("viewBox"));
        assertEquals("group", doc.root().getAttribute("role"));
        assertEquals(30, doc.all("a").size());
        assertEquals("2025: 35", SvgDocument.elements(doc.all("a").get(29), "title").get(0).getTextContent());
        List<String> yearLabels = SvgDocument.texts(doc.all("text")).stream().filter(t -> t.length() == 4).toList();
        assertEquals(15, yearLabels.size());
        assertEquals("1997", yearLabels.get(0));
        assertEquals("2025", yearLabels.get(14));
        assertEquals(30, SvgDocument.texts(doc.all("text")).stream().filter(t -> t.length() < 4).count());
    }
}
