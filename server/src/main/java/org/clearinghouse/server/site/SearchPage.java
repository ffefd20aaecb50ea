package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.search.FacetValue;
import org.clearinghouse.server.search.SearchResponse;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.FacetGroup;
import org.clearinghouse.web.view.FacetOption;
import org.clearinghouse.web.view.Link;
import org.clearinghouse.web.view.Option;
import org.clearinghouse.web.view.SearchView;

/** {@code /<lang>/search}: a GET form over the search service, facets as multi-select checkboxes. */
public final class SearchPage {
    /** Facet values shown per dimension (plus any selected ones); the rest are counted as hidden. */
    static final int SHOWN_PER_FACET = 12;
    private static final List<String> SORTS = List.of("relevance", "newest", "oldest", "title");
    /** Parameters the page passes on to the search; anything else in the URL is ignored. */
    private static final Set<String> PASSED = Set.of("q", "type", "country", "region", "language", "theme", "level",
            "audience", "license", "year_from", "year_to", "open", "sort", "cursor");

    private final SitePages pages;
    private final SearchService search;
    private final Labels labels;
    private final Cards cards;

    SearchPage(SitePages pages, SearchService search, Labels labels, Cards cards) {
        this.pages = pages;
        this.search = search;
        this.labels = labels;
        this.cards = cards;
    }

    public void show(Context ctx, Lang lang) {
        Map<String, List<String>> passed = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (PASSED.contains(k)) {
                passed.put(k, v);
            }
        });
        Query query = Query.of(passed);
        Messages t = pages.texts(lang);
        String title = query.first("q") == null ? t.t("search.title") : query.first("q") + " · " + t.t("search.title");
        var meta = pages.meta(lang, title, "/search" + query.without("cursor").string(), "search");
        Map<String, List<String>> request = new LinkedHashMap<>(query.params());
        request.put("lang", List.of(lang.code()));
        SearchResponse response;
        try {
            response = search.search(request);
        } catch (BadParameterException e) {
            pages.html(ctx, 400, "search.jte", new SearchView(meta, query.first("q"), t.number(0), List.of(), List.of(),
                    activeFilters(query, lang, t), sorts(query, t), query.first("year_from"), query.first("year_to"),
                    "true".equals(query.first("open")), null, query.first("cursor") == null ? null : href(lang, query.without("cursor")),
                    null, null, null, null, null, t.t("error.badRequest") + ": " + e.parameter() + " " + e.getMessage()));
            return;
        }
        Query unpaged = query.without("cursor");
        String suggestion = response.suggestion();
        pages.html(ctx, 200, "search.jte", new SearchView(meta, query.first("q"), t.number(response.total()),
                cards.of(response.results(), lang), facets(response, query, lang, t), activeFilters(query, lang, t),
                sorts(query, t), query.first("year_from"), query.first("year_to"), "true".equals(query.first("open")),
                response.nextCursor() == null ? null : href(lang, unpaged.with("cursor", response.nextCursor())),
                query.first("cursor") == null ? null : href(lang, unpaged),
                suggestion, suggestion == null ? null : href(lang, unpaged.with("q", suggestion)),
                "/api/v1/search" + unpaged.with("lang", lang.code()).with("format", "csv").string(),
                "/api/v1/search" + unpaged.with("lang", lang.code()).with("format", "jsonl").string(),
                "/feeds/atom" + unpaged.without("sort").with("lang", lang.code()).string(), null));
    }

    private static String href(Lang lang, Query query) {
        return "/" + lang.code() + "/search" + query.string();
    }

    private List<FacetGroup> facets(SearchResponse response, Query query, Lang lang, Messages t) {
        List<FacetGroup> groups = new ArrayList<>();
        for (String name : Labels.FILTERS.keySet()) {
            List<FacetValue> values = response.facets().getOrDefault(name, List.of());
            Set<String> selected = new HashSet<>(query.all(name));
            List<FacetOption> options = new ArrayList<>();
            Set<String> shown = new HashSet<>();
            int hidden = 0;
            for (int i = 0; i < values.size(); i++) {
                FacetValue v = values.get(i);
                if (i < SHOWN_PER_FACET || selected.contains(v.value())) {
                    options.add(option(name, v.value(), v.label(), v.count(), selected.contains(v.value())));
                    shown.add(v.value());
                } else {
                    hidden++;
                }
            }
            for (String value : query.all(name)) {
                if (!shown.contains(value)) {
                    options.add(option(name, value, labels.filter(name, value, lang), 0, true));
                    shown.add(value);
                }
            }
            if (!options.isEmpty()) {
                groups.add(new FacetGroup(name, t.t("facet." + name), options, hidden));
            }
        }
        return groups;
    }

    private static FacetOption option(String name, String value, String label, long count, boolean checked) {
        return new FacetOption("f-" + name + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_"), value, label, count, checked);
    }

    /** One link per active filter value, to the same search without it (and back on the first page). */
    private List<Link> activeFilters(Query query, Lang lang, Messages t) {
        Query base = query.without("cursor");
        List<Link> links = new ArrayList<>();
        if (base.first("q") != null) {
            links.add(new Link(t.t("filter.query", base.first("q")), href(lang, base.without("q"))));
        }
        for (String name : Labels.FILTERS.keySet()) {
            for (String value : base.all(name)) {
                links.add(new Link(t.t("facet." + name) + ": " + labels.filter(name, value, lang),
                        href(lang, base.without(name, value))));
            }
        }
        if (base.first("year_from") != null) {
            links.add(new Link(t.t("filter.yearFrom", base.first("year_from")), href(lang, base.without("year_from"))));
        }
        if (base.first("year_to") != null) {
            links.add(new Link(t.t("filter.yearTo", base.first("year_to")), href(lang, base.without("year_to"))));
        }
        if (base.first("open") != null) {
            links.add(new Link(t.t("filter.open"), href(lang, base.without("open"))));
        }
        return links;
    }

    private static List<Option> sorts(Query query, Messages t) {
        // Without words to rank by, the search lists newest first: say so.
        String current = query.first("sort") != null ? query.first("sort") : query.first("q") == null ? "newest" : "relevance";
        return SORTS.stream().map(s -> new Option(s, t.t("sort." + s), s.equals(current))).toList();
    }
}
