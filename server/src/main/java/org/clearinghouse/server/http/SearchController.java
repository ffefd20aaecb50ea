package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Map;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.CatalogueService;
import org.clearinghouse.server.exchange.ExportFormat;
import org.clearinghouse.server.exchange.Exporter;
import org.clearinghouse.server.search.SearchService;

/** {@code /api/v1/search}, {@code /api/v1/suggest} and related records. */
public final class SearchController {
    private final SearchService search;
    private final CatalogueService catalogue;
    private final Exporter exporter;

    public SearchController(SearchService search, CatalogueService catalogue, Exporter exporter) {
        this.search = search;
        this.catalogue = catalogue;
        this.exporter = exporter;
    }

    /** JSON by default; {@code format=csv} or {@code format=jsonl} streams every match, paging ignored. */
    public void search(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            ctx.json(search.search(ctx.queryParamMap()));
            return;
        }
        ExportFormat export = ExportFormat.parse(format)
                .orElseThrow(() -> new BadParameterException("format", "must be json, csv or jsonl"));
        var matches = search.allMatches(ctx.queryParamMap());
        ctx.contentType(export.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"clearinghouse-search." + export.extension() + "\"");
        exporter.export(export, ctx.outputStream(), matches);
    }

    public void suggest(Context ctx) {
        ctx.json(Map.of("suggestions", search.suggest(ctx.queryParam("q"), ctx.queryParam("lang"), ctx.queryParam("limit"))));
    }

    public void related(Context ctx) {
        ctx.json(Map.of("results", search.related(catalogue.get(ctx.pathParam("idOrSlug"), false),
                ctx.queryParam("lang"), ctx.queryParam("limit"))));
    }
}
