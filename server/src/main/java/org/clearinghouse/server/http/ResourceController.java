package org.clearinghouse.server.http;

import io.javalin.http.Context;
import org.clearinghouse.server.auth.Contributor;
import org.clearinghouse.server.auth.TokenAuthenticator;
import org.clearinghouse.server.catalogue.CatalogueService;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.JsonLd;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.search.Listing;
import org.clearinghouse.server.search.SearchService;

/** {@code /api/v1/resources}: HTTP in, HTTP out; the decisions are the service's. */
public final class ResourceController {
    private final CatalogueService catalogue;
    private final TokenAuthenticator authenticator;
    private final Authentication authentication;
    private final JsonBodies bodies;
    private final SearchService search;
    private final Permalinks permalinks;
    private final SchemaOrgMapper schemaOrg;

    public ResourceController(CatalogueService catalogue, SearchService search, TokenAuthenticator authenticator,
                              Authentication authentication, JsonBodies bodies, Permalinks permalinks, SchemaOrgMapper schemaOrg) {
        this.authentication = authentication;
        this.catalogue = catalogue;
        this.search = search;
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.permalinks = permalinks;
        this.schemaOrg = schemaOrg;
    }

    /** JSON, or schema.org JSON-LD when asked; 301 from a former slug; 410 for a withdrawn record. */
    public void get(Context ctx) {
        boolean contributor = authenticator.authenticate(ctx.header("Authorization")).isPresent();
        boolean jsonLd = JsonLd.wanted(ctx.queryParam("format"), ctx.header("Accept"));
        ctx.header("Vary", "Accept");
        Permalinks.Lookup found = permalinks.lookup(ctx.pathParam("idOrSlug"), contributor);
        if (found instanceof Permalinks.Moved moved) {
            String query = ctx.queryString();
            ctx.status(301).header("Location", "/api/v1/resources/" + moved.slug() + (query == null ? "" : "?" + query));
        } else if (found instanceof Permalinks.Gone gone) {
            ctx.status(410).json(WithdrawnProblem.of(gone, ctx.path(), RequestIds.of(ctx)));
            ctx.contentType(Problem.CONTENT_TYPE);
        } else if (jsonLd) {
            ctx.contentType(JsonLd.MEDIA_TYPE).result(schemaOrg.describe(((Permalinks.Found) found).resource()).toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            ctx.json(((Permalinks.Found) found).resource());
        }
    }

    public void list(Context ctx) {
        Listing page = search.list(ctx.queryParamMap());
        ctx.json(new ListingResponse(page.total(), page.results(), page.nextCursor()));
    }

    public void create(Context ctx) {
        Contributor contributor = authenticator.authenticate(ctx.header("Authorization"))
                .orElseGet(() -> new Contributor(authentication.require(ctx).username()));
        Resource created = catalogue.submit(bodies.read(ctx), contributor);
        ctx.status(201).header("Location", "/api/v1/resources/" + created.id()).json(created);
    }
}
