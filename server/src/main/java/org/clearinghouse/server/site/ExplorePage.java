package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.search.FacetValue;
import org.clearinghouse.server.search.SearchResponse;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.graphics.BarChart;
import org.clearinghouse.web.graphics.ChartText;
import org.clearinghouse.web.graphics.ChartValue;
import org.clearinghouse.web.graphics.ColumnChart;
import org.clearinghouse.web.view.Bar;
import org.clearinghouse.web.view.Chart;
import org.clearinghouse.web.view.ExploreView;

/** {@code /<lang>/explore}: the published catalogue counted by type, region, theme, year, country and language. */
public final class ExplorePage {
    private static final int TOP = 20;

    private final SitePages pages;
    private final SearchService search;

    ExplorePage(SitePages pages, SearchService search) {
        this.pages = pages;
        this.search = search;
    }

    public void show(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        SearchResponse all = search.search(Map.of("lang", List.of(lang.code()), "limit", List.of("1")));
        String base = "/" + lang.code();
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("by-type", t.t("explore.byType"), t, lang, HomePage.bars(all, "type", base), false));
        charts.add(chart("by-region", t.t("explore.byRegion"), t, lang, HomePage.bars(all, "region", base), false));
        charts.add(chart("by-theme", t.t("explore.byTheme"), t, lang, HomePage.bars(all, "theme", base), false));
        List<FacetValue> years = new ArrayList<>(all.facets().getOrDefault("year", List.of()));
        years.sort(Comparator.comparing(FacetValue::value));
        charts.add(chart("by-year", t.t("explore.byYear"), t, lang, years.stream()
                .map(y -> new Bar(y.value(), y.count(), base + "/search?year_from=" + y.value() + "&year_to=" + y.value())).toList(), true));
        charts.add(chart("by-country", t.t("explore.byCountry"), t, lang, HomePage.bars(all, "country", base).stream().limit(TOP)
                .map(b -> new Bar(b.label(), b.count(), b.href().replace("/search?country=", "/countries/"))).toList(), false));
        charts.add(chart("by-language", t.t("explore.byLanguage"), t, lang,
                HomePage.bars(all, "language", base).stream().limit(TOP).toList(), false));
        pages.html(ctx, 200, "explore.jte", new ExploreView(pages.meta(lang, t.t("explore.title"), "/explore", "explore"),
                t.number(all.total()), charts));
    }

    /** A series as an SVG chart (columns for years, bars otherwise), with its table beside it. */
    private static Chart chart(String id, String title, Messages t, Lang lang, List<Bar> bars, boolean columns) {
        long max = bars.stream().mapToLong(Bar::count).max().orElse(1);
        List<ChartValue> values = bars.stream().map(b -> new ChartValue(b.label(), b.count(), b.href())).toList();
        ChartText text = new ChartText(id + "-chart", title, t.t("chart.caption", title), lang.locale());
        String svg = (columns ? ColumnChart.render(values, text) : BarChart.render(values, text)).markup();
        return new Chart(id, title, t.t("chart.caption", title), bars, Math.max(max, 1), svg);
    }
}
