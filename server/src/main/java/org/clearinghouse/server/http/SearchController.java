package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Map;
import org.clearinghouse.server.catalogue.CatalogueService;
import org.clearinghouse.server.search.SearchService;

/** {@code /api/v1/search}, {@code /api/v1/suggest} and related records. */
public final class SearchController {
    private final SearchService search;
    private final CatalogueService catalogue;

    public SearchController(SearchService search, CatalogueService catalogue) {
        this.search = search;
        this.catalogue = catalogue;
    }

    public void search(Context ctx) {
        ctx.json(search.search(ctx.queryParamMap()));
    }

    public void suggest(Context ctx) {
        ctx.json(Map.of("suggestions", search.suggest(ctx.queryParam("q"), ctx.queryParam("lang"), ctx.queryParam("limit"))));
    }

    public void related(Context ctx) {
        ctx.json(Map.of("results", search.related(catalogue.get(ctx.pathParam("idOrSlug"), false),
                ctx.queryParam("lang"), ctx.queryParam("limit"))));
    }
}
