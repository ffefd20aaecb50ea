package org.clearinghouse.server.http;

import io.javalin.http.Context;
import org.clearinghouse.server.auth.Contributor;
import org.clearinghouse.server.auth.TokenAuthenticator;
import org.clearinghouse.server.catalogue.CatalogueService;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.search.Listing;
import org.clearinghouse.server.search.SearchService;

/** {@code /api/v1/resources}: HTTP in, HTTP out; the decisions are the service's. */
public final class ResourceController {
    private final CatalogueService catalogue;
    private final TokenAuthenticator authenticator;
    private final JsonBodies bodies;
    private final SearchService search;

    public ResourceController(CatalogueService catalogue, SearchService search, TokenAuthenticator authenticator,
                              JsonBodies bodies) {
        this.catalogue = catalogue;
        this.search = search;
        this.authenticator = authenticator;
        this.bodies = bodies;
    }

    public void get(Context ctx) {
        boolean contributor = authenticator.authenticate(ctx.header("Authorization")).isPresent();
        ctx.json(catalogue.get(ctx.pathParam("idOrSlug"), contributor));
    }

    public void list(Context ctx) {
        Listing page = search.list(ctx.queryParamMap());
        ctx.json(new ListingResponse(page.total(), page.results(), page.nextCursor()));
    }

    public void create(Context ctx) {
        Contributor contributor = authenticator.authenticate(ctx.header("Authorization"))
                .orElseThrow(() -> {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"clearinghouse\"");
                    return new HttpProblem(ProblemType.UNAUTHORIZED,
                            "submitting needs a contributor token: send Authorization: Bearer <token>");
                });
        Resource created = catalogue.submit(bodies.read(ctx), contributor);
        ctx.status(201).header("Location", "/api/v1/resources/" + created.id()).json(created);
    }
}
