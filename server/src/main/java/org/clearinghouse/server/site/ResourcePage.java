package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.List;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.search.ResultSummary;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.web.Html;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.ErrorView;

/**
 * {@code /<lang>/resources/{slug}}: a published record, with its schema.org JSON-LD. Like the API, a former slug
 * answers 301 to the current one and a withdrawn record 410 with a short explanation.
 */
public final class ResourcePage {
    private static final String RELATED = "5";

    private final SitePages pages;
    private final Permalinks permalinks;
    private final SearchService search;
    private final SchemaOrgMapper schemaOrg;
    private final ResourceViews views;
    private final Cards cards;

    ResourcePage(SitePages pages, Permalinks permalinks, SearchService search, SchemaOrgMapper schemaOrg,
                 ResourceViews views, Cards cards) {
        this.pages = pages;
        this.permalinks = permalinks;
        this.search = search;
        this.schemaOrg = schemaOrg;
        this.views = views;
        this.cards = cards;
    }

    public void show(Context ctx, Lang lang) {
        Permalinks.Lookup found;
        try {
            found = permalinks.lookup(ctx.pathParam("slug"), false);
        } catch (NotFoundException e) {
            pages.notFound(ctx, lang);
            return;
        }
        if (found instanceof Permalinks.Moved moved) {
            String query = ctx.queryString();
            ctx.status(301).header("Location", "/" + lang.code() + "/resources/" + moved.slug() + (query == null ? "" : "?" + query));
            return;
        }
        Messages t = pages.texts(lang);
        if (found instanceof Permalinks.Gone gone) {
            String title = gone.resource().content().title();
            String when = gone.withdrawnAt() == null ? "" : gone.withdrawnAt().toString().substring(0, 10);
            pages.html(ctx, 410, "error.jte", new ErrorView(pages.meta(lang, t.t("error.gone"),
                    "/resources/" + gone.resource().slug(), null), 410, t.t("error.gone"), t.t("error.goneText", title, when)));
            return;
        }
        Resource resource = ((Permalinks.Found) found).resource();
        List<ResultSummary> related = search.related(resource, lang.code(), RELATED);
        String jsonLd = Html.scriptJson(schemaOrg.describe(resource).toString());
        pages.html(ctx, 200, "resource.jte", views.of(resource, lang, cards.of(related, lang), jsonLd));
    }
}
