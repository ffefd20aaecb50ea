package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.search.FacetValue;
import org.clearinghouse.server.search.SearchResponse;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.graphics.WorldMap;
import org.clearinghouse.web.view.Bar;
import org.clearinghouse.web.view.HomeView;

/** {@code /<lang>/}: search box, counts per type, coverage, entry points and the newest records. */
public final class HomePage {
    private static final String NEWEST = "6";

    private final SitePages pages;
    private final SearchService search;
    private final Cards cards;
    private final Labels labels;

    HomePage(SitePages pages, SearchService search, Cards cards, Labels labels) {
        this.pages = pages;
        this.search = search;
        this.cards = cards;
        this.labels = labels;
    }

    public void show(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        SearchResponse all = search.search(Map.of("lang", List.of(lang.code()), "sort", List.of("newest"), "limit", List.of(NEWEST)));
        String base = "/" + lang.code();
        pages.html(ctx, 200, "home.jte", new HomeView(pages.meta(lang, t.t("home.title"), "/", "home"),
                t.number(all.total()), bars(all, "type", base), bars(all, "region", base),
                cards.of(all.results(), lang), worldMap(all, lang, t, labels)));
    }

    /** The choropleth of records per country, each country a link to its profile named with its count. */
    static String worldMap(SearchResponse response, Lang lang, Messages t, Labels labels) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        response.facets().getOrDefault("country", List.of()).forEach(v -> counts.put(v.value(), v.count()));
        return WorldMap.render(counts,
                (code, count) -> new WorldMap.Link("/" + lang.code() + "/countries/" + code,
                        t.t("map.countryLink", labels.of("countries", code, lang), t.number(count))),
                new WorldMap.Text("world-map", t.t("map.title"), t.t("map.description"), t.t("map.legend"),
                        t.t("map.noData"), lang.locale())).markup();
    }

    static List<Bar> bars(SearchResponse response, String dimension, String base) {
        List<FacetValue> values = response.facets().getOrDefault(dimension, List.of());
        return values.stream().map(v -> new Bar(v.label(), v.count(), base + "/search?" + dimension + "=" + Query.encode(v.value()))).toList();
    }
}
