package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.server.accounts.Sessions;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.workflow.RevisionSummary;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.web.view.HistoryRow;
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
    private final Authentication authentication;
    private final WorkflowService workflow;

    ResourcePage(SitePages pages, Permalinks permalinks, SearchService search, SchemaOrgMapper schemaOrg,
                 ResourceViews views, Cards cards, Authentication authentication, WorkflowService workflow) {
        this.authentication = authentication;
        this.workflow = workflow;
        this.pages = pages;
        this.permalinks = permalinks;
        this.search = search;
        this.schemaOrg = schemaOrg;
        this.views = views;
        this.cards = cards;
    }

    public void show(Context ctx, Lang lang) {
        Optional<Principal> viewer = authentication.session(ctx).map(Sessions.ActiveSession::principal);
        Optional<WorkflowService.HistoryView> history = viewer.flatMap(v -> history(ctx.pathParam("slug"), v));
        if (viewer.isPresent()) {
            ctx.header("Cache-Control", "no-store");
        }
        Permalinks.Lookup found;
        try {
            found = permalinks.lookup(ctx.pathParam("slug"), history.isPresent());
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
        List<ResultSummary> related = resource.isPublished() ? search.related(resource, lang.code(), RELATED) : List.of();
        String jsonLd = Html.scriptJson(schemaOrg.describe(resource).toString());
        if (history.isEmpty()) {
            pages.html(ctx, 200, "resource.jte", views.of(resource, lang, cards.of(related, lang), jsonLd));
            return;
        }
        boolean moderator = viewer.get().role().canModerate();
        List<HistoryRow> rows = new ArrayList<>();
        for (RevisionSummary r : history.get().revisions()) {
            rows.add(new HistoryRow(r.n(), t.t("state." + r.state()), r.author() + (r.organisation() == null ? "" : " (" + r.organisation() + ")"),
                    r.createdAt() == null ? "" : r.createdAt().toString().substring(0, 10), r.comment(), r.decidedBy(),
                    moderator && Status.PENDING.equals(r.state()) ? "/" + lang.code() + "/moderation/" + resource.slug() + "/" + r.n() : null));
        }
        pages.html(ctx, 200, "resource.jte", views.of(resource, lang, cards.of(related, lang), jsonLd,
                t.t("state." + resource.status()), rows, "/" + lang.code() + "/account/edit/" + resource.slug()));
    }

    /** The record's revisions when the viewer may read them (moderators, the owning organisation). */
    private Optional<WorkflowService.HistoryView> history(String slug, Principal viewer) {
        try {
            return Optional.of(workflow.history(slug, Optional.of(viewer)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
